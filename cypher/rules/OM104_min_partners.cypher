// OM104 framework.min_partners: the network has fewer partners than the criteria require.
// Source: 001 Rahmenbedingungen, item 5 ("Es besteht aus mindestens drei Partnern").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
// :param minPartners => 3;
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n, COUNT { MATCH (o:Organisation:OmGraph)-[:MEMBER_OF]->(n) RETURN DISTINCT o } AS partners
WHERE partners < $minPartners
RETURN n.id AS subject_id, n.name AS subject_name, {partners: partners} AS evidence
ORDER BY subject_id
