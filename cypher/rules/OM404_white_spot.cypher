// OM404 ambassadors.white_spot: A white spot: a region with neither a regional OM network nor an ambassador (Botschafter).
// Source: 000 §3 ("lokale Repräsentanz der OM stärken").
// Regions of level $level with no OM network of a kind in $kinds (regional) whose closure holds the region or a region in its
// subtree, and no ambassador for a region in its subtree or for one of its ancestors (as in OM401).
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
// :param level => 'state';
MATCH (t:Region:OmGraph)
WHERE t.level = $level
  AND NOT EXISTS { MATCH (t)<-[:PART_OF*0..]-(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) }
  AND NOT EXISTS { MATCH (t)-[:PART_OF*1..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) }
  AND NOT EXISTS {
    MATCH (t)<-[:PART_OF*0..]-(r:Region:OmGraph)
    MATCH (n:Network:OmGraph)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(r)
    WHERE n.kind IN $kinds AND n.status IN ['applied', 'recognised']
  }
RETURN t.id AS subject_id, t.name AS subject_name, {} AS evidence
ORDER BY subject_id
