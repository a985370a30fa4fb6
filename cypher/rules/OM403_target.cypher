// OM403 ambassadors.target: An intermediary organisation in an ambassador's region is neither a network member nor approached.
// Source: 000 §3 ("weitere öffentliche und private Organisationen sowie Verbände in der Region anzusprechen").
// An ambassador's region holds the organisation if the organisation is LOCATED_IN that region or a region inside it.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (o:Organisation:OmGraph)
WHERE o.intermediary = true
  AND NOT EXISTS { MATCH (o)-[:MEMBER_OF]->(:Network:OmGraph) }
  AND NOT EXISTS { MATCH (:Person:OmGraph)-[:APPROACHED]->(o) }
WITH o, COLLECT {
          MATCH (o)-[:LOCATED_IN]->(:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(p:Person:OmGraph)
          RETURN DISTINCT p.id ORDER BY p.id
        } AS ambassadors
WHERE size(ambassadors) > 0
// The evidence names the first ten by id and counts them all (its size must not grow with the landscape).
RETURN o.id AS subject_id, o.name AS subject_name, {ambassadors: ambassadors[..10], count: size(ambassadors)} AS evidence
ORDER BY subject_id
