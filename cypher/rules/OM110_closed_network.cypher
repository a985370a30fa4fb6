// OM110 framework.closed_network: A network closed to other OM partners acts as an OM network.
// Source: 001 Rahmenbedingungen, item 10 ("Ein geschlossenes Netzwerk kann kein regionales oder fachliches Netzwerk der Offensive Mittelstand sein").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds AND n.open = false
RETURN n.id AS subject_id, n.name AS subject_name, {status: n.status} AS evidence
ORDER BY subject_id
