// OM108 framework.partner_briefing: The network has recorded no briefing of its own partners about OM activities in the window.
// Source: 001 Rahmenbedingungen, item 8 ("Es informiert seine Netzwerkpartner über die Aktivitäten der Offensive Mittelstand").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
// :param windowMonths => 12;
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
// Kind and date are projected before filtering so that the planner expands from the network
// instead of seeking every partner_briefing in the (kind, date) index once per network.
WHERE NOT EXISTS {
  MATCH (n)-[:HELD]->(a:Activity:OmGraph)
  WITH a.kind AS kind, a.date AS day
  WHERE kind = 'partner_briefing' AND since < day <= asOf
}
// The latest one on or before the audit date, or null if there is none.
CALL (n, asOf) {
  MATCH (n)-[:HELD]->(a:Activity:OmGraph)
  WITH a.kind AS kind, a.date AS day, asOf
  WHERE kind = 'partner_briefing' AND day <= asOf
  RETURN max(day) AS latest
}
RETURN n.id AS subject_id, n.name AS subject_name, {last_briefing: latest} AS evidence
ORDER BY subject_id
