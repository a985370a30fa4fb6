// OM401 ambassadors.region_without_ambassador: A region has OM networks or OM partners but no ambassador (Botschafter).
// Source: 000 §3 ("soll in der Region in bestehenden regionalen Netzwerken und bei Institutionen die OM-Ideen und Produkte bekannt machen").
// Regions of level $level. Networks: OM networks of a kind in $kinds (regional) whose closure holds the region or a region in its
// subtree. Partners: organisations with om_partner = true located in its subtree. Ambassador: AMBASSADOR_FOR
// a region in its subtree or for one of its ancestors.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
// :param level => 'state';
MATCH (t:Region:OmGraph)
WHERE t.level = $level
  AND NOT EXISTS { MATCH (t)<-[:PART_OF*0..]-(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) }
  AND NOT EXISTS { MATCH (t)-[:PART_OF*1..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) }
WITH t,
     COUNT {
       MATCH (t)<-[:PART_OF*0..]-(r:Region:OmGraph)
       MATCH (n:Network:OmGraph)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(r)
       WHERE n.kind IN $kinds AND n.status IN ['applied', 'recognised']
       RETURN DISTINCT n
     } AS networks,
     COUNT {
       MATCH (t)<-[:PART_OF*0..]-(:Region:OmGraph)<-[:LOCATED_IN]-(o:Organisation:OmGraph)
       WHERE o.om_partner = true
       RETURN DISTINCT o
     } AS partners
WHERE networks > 0 OR partners > 0
RETURN t.id AS subject_id, t.name AS subject_name, {networks: networks, partners: partners} AS evidence
ORDER BY subject_id
