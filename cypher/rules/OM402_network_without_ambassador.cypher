// OM402 ambassadors.network_without_ambassador: No ambassador (Botschafter) is active in the regional network.
// Source: 000 §3 ("soll in der Region in bestehenden regionalen Netzwerken [...] die OM-Ideen und Produkte bekannt machen").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
  AND NOT EXISTS { MATCH (:Person:OmGraph)-[:AMBASSADOR_IN]->(n) }
RETURN n.id AS subject_id, n.name AS subject_name, {} AS evidence
ORDER BY subject_id
