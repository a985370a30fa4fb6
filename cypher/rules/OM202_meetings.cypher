// OM202 scope.meetings: The network met fewer times in the last year than the criteria require.
// Source: 001 Handlungsrahmen, item 3 ("tagt mindestens zweimal im Jahr").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param minMeetings => 2;
// :param windowMonths => 12;
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
WITH n, date($asOf) - duration({months: $windowMonths}) AS since, date($asOf) AS asOf
WITH n, COUNT { MATCH (n)-[:HELD]->(a:Activity {kind: 'meeting'}) WHERE since < a.date <= asOf RETURN a } AS meetings
WHERE meetings < $minMeetings
RETURN n.id AS subject_id, n.name AS subject_name, {meetings: meetings} AS evidence
ORDER BY subject_id
