// OM105 framework.regional_intermediaries: The regional network has fewer intermediary organisations from its region than required.
// Source: 000 §1 (a regional network "besteht aus mindestens drei intermediären Organisationen in der Region").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
// :param minIntermediaries => 3;
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
// Member intermediaries located in the network's region closure: a region the network
// covers, or any region inside one. Read from the network's side and checked upwards from the
// organisation's location (the WITH keeps the planner from seeking every intermediary per network).
WITH n, COUNT {
  MATCH (n)<-[:MEMBER_OF]-(o:Organisation:OmGraph)
  WITH n, o, o.intermediary AS intermediary
  WHERE intermediary = true
    AND EXISTS { MATCH (o)-[:LOCATED_IN]->(:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:COVERS]-(n) }
  RETURN DISTINCT o
} AS intermediaries
WHERE intermediaries < $minIntermediaries
RETURN n.id AS subject_id, n.name AS subject_name, {intermediaries: intermediaries} AS evidence
ORDER BY subject_id
