// OM202 scope.meetings: The network met fewer times in the last year than the criteria require.
// Source: 001 Handlungsrahmen, item 3 ("tagt mindestens zweimal im Jahr").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
// :param minMeetings => 2;
// :param windowMonths => 12;
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n, date($asOf) - duration({months: $windowMonths}) AS since, date($asOf) AS asOf
// Each network's own activities, filtered while counting: a WHERE on the activity would let
// the planner seek the (kind, date) index once per network and check HELD for every meeting
// in the window, which grows with networks x meetings (99M db hits at scale 100).
OPTIONAL MATCH (n)-[:HELD]->(a:Activity:OmGraph)
WITH n, count(CASE WHEN a.kind = 'meeting' AND since < a.date <= asOf THEN a END) AS meetings
WHERE meetings < $minMeetings
RETURN n.id AS subject_id, n.name AS subject_name, {meetings: meetings} AS evidence
ORDER BY subject_id
