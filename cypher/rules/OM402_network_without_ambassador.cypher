// OM402 ambassadors.network_without_ambassador: No ambassador (Botschafter) is active in the network.
// Source: 000 §3 ("soll in der Region in bestehenden regionalen Netzwerken [...] die OM-Ideen und Produkte bekannt machen").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
  AND NOT EXISTS { MATCH (:Person)-[:AMBASSADOR_IN]->(n) }
RETURN n.id AS subject_id, n.name AS subject_name, {} AS evidence
ORDER BY subject_id
