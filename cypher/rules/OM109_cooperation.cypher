// OM109 framework.cooperation: The regional network cooperates with none of the OM networks that overlap or border its region.
// Source: 001 Rahmenbedingungen, item 9 ("Es ist bereit, mit anderen regionalen und fachlichen Netzwerken der Offensive Mittelstand zusammenzuarbeiten").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
// Neighbours: the other OM networks of a kind in $kinds (regional by default) whose region closure contains a region of this
// network's closure (overlap) or a region bordering one (border). A network's closure: the
// regions it COVERS and every region inside them. Found through the regions, step by step
// (each WITH DISTINCT keeps the walk starting at this network), never by comparing networks.
// The last step expands from each region to the networks covering it and only then checks
// them: `m` has no label in its pattern, so no plan can start from the Network(status) index
// and join back to every region (255M db hits at scale 100 with stale statistics, not 731k).
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
CALL (n) {
  MATCH (n)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(r:Region:OmGraph)
  WITH DISTINCT r
  MATCH (r)-[:BORDERS*0..1]-(s:Region:OmGraph)
  WITH DISTINCT s
  MATCH (s)-[:PART_OF*0..]->(c:Region:OmGraph)
  WITH DISTINCT c
  MATCH (c)<-[:COVERS]-(m)
  WITH DISTINCT m
  WHERE m:Network:OmGraph AND m.status IN ['applied', 'recognised'] AND m.kind IN $kinds
  ORDER BY m.id
  RETURN collect(m) AS nearby
}
WITH n, [m IN nearby WHERE m <> n] AS neighbours
WHERE size(neighbours) > 0
// Cooperation in any of four forms: a recorded cooperation or an agreed sub-network (either
// direction), a shared member organisation, or an activity both networks held.
  AND NOT EXISTS {
    MATCH (n)-[:COOPERATES_WITH|SUB_NETWORK_OF]-(m:Network:OmGraph)
    WHERE m IN neighbours
  }
  AND NOT EXISTS {
    MATCH (n)<-[:MEMBER_OF]-(:Organisation:OmGraph)-[:MEMBER_OF]->(m:Network:OmGraph)
    WHERE m IN neighbours
  }
  AND NOT EXISTS {
    MATCH (n)-[:HELD]->(:Activity:OmGraph)<-[:HELD]-(m:Network:OmGraph)
    WHERE m IN neighbours
  }
// The evidence names the first ten by id and counts them all (its size must not grow with the landscape).
RETURN n.id AS subject_id, n.name AS subject_name,
       {neighbours: [m IN neighbours | m.id][..10], count: size(neighbours)} AS evidence
ORDER BY subject_id
