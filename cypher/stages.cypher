// stages: the facts behind every network's implementation stage (the stage itself is decided in
// om_graph/audit/stages.py; the Python twin is om_graph/queries/stages.py), the same columns on both engines. Activities are read from the
// network's side (kind and date filtered after expanding), not looked up per network through the index;
// so are the members (the WITH keeps the planner from seeking every intermediary per network).
// The last four columns say which facts a profile may ask for before judging a network are on record.
// :param asOf => date('2025-06-30');
// :param windowMonths => 12;
MATCH (n:Network:OmGraph)
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
RETURN n.id AS id,
       n.name AS name,
       n.status AS status,
       n.status IN ['applied', 'recognised'] AS om_network,
       COUNT { MATCH (p:Person:OmGraph)-[:CONTACT_FOR]->(n) RETURN DISTINCT p } AS contacts,
       COUNT { MATCH (c:Criticism:OmGraph)-[:CONCERNS]->(n) RETURN c } AS criticisms,
       COUNT { MATCH (n)-[:HELD]->(a:Activity:OmGraph) WITH a, a.kind AS kind, a.date AS day WHERE kind = 'meeting' AND since < day <= asOf RETURN a } AS meetings,
       COUNT { MATCH (n)-[:HELD]->(a:Activity:OmGraph) WITH a, a.kind AS kind, a.date AS day WHERE kind = 'plenum_report' AND since < day <= asOf RETURN a } AS reports,
       COUNT { MATCH (n)<-[m:MEMBER_OF]-(o:Organisation:OmGraph) WITH o, m, o.intermediary AS intermediary WHERE intermediary = true AND m.named_consent = false RETURN o } AS refusing_intermediaries,
       COUNT { MATCH (n)<-[:MEMBER_OF]-(o:Organisation:OmGraph) RETURN DISTINCT o } AS members,
       any(part IN [n.application_scope, n.application_goals, n.application_approach] WHERE trim(coalesce(part, '')) <> '') AS application_known,
       n.principles_acknowledged IS NOT NULL AS principles_known,
       n.logo_on_homepage IS NOT NULL AS logo_known
ORDER BY id
