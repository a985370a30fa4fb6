// Implementation stage facts for every network (the stage itself is decided in om_graph/stages.py).
// Returns the same columns as the embedded engine's NetworkFacts.
// :param asOf => date('2025-06-30');
// :param windowMonths => 12;
MATCH (n:Network)
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
RETURN n.id AS id,
       n.name AS name,
       n.status IN ['applied', 'recognised'] AS om_network,
       COUNT { MATCH (p:Person)-[:CONTACT_FOR]->(n) RETURN DISTINCT p } AS contacts,
       COUNT { MATCH (c:Criticism)-[:CONCERNS]->(n) RETURN c } AS criticisms,
       COUNT { MATCH (n)-[:HELD]->(a:Activity {kind: 'meeting'}) WHERE since < a.date <= asOf RETURN a } AS meetings,
       COUNT { MATCH (n)-[:HELD]->(a:Activity {kind: 'plenum_report'}) WHERE since < a.date <= asOf RETURN a } AS reports,
       COUNT { MATCH (o:Organisation)-[m:MEMBER_OF]->(n) WHERE o.intermediary = true AND m.named_consent = false RETURN o } AS refusing_intermediaries
ORDER BY id
