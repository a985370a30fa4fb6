// OM303 formal.commercial: The network advertises commercial products or services.
// Source: 000 §1 ("Das regionale Netzwerk wirbt nicht für gewerbliche Produkte/Leistungen").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds AND n.advertises_commercial = true
RETURN n.id AS subject_id, n.name AS subject_name, {} AS evidence
ORDER BY subject_id
