// OM107 framework.plenum_report: The network has not reported to the OM Plenum in the window.
// Source: 001 Rahmenbedingungen, item 7 ("Es informiert das Plenum der Offensive Mittelstand über die Arbeit des Netzwerkes").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param windowMonths => 12;
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
WHERE NOT EXISTS {
  MATCH (n)-[:HELD]->(a:Activity {kind: 'plenum_report'})
  WHERE since < a.date <= asOf
}
// The latest one on or before the audit date, or null if there is none.
CALL (n, asOf) {
  MATCH (n)-[:HELD]->(a:Activity {kind: 'plenum_report'})
  WHERE a.date <= asOf
  RETURN max(a.date) AS latest
}
RETURN n.id AS subject_id, n.name AS subject_name, {last_report: latest} AS evidence
ORDER BY subject_id
