// OM111 framework.single_network_per_region: Another OM network works in the same region (or on the same topic) without an agreed sub-network.
// Source: 001 Rahmenbedingungen, item 11 ("Es kann in jeder Region/jedem Fachgebiet nur ein regionales/fachliches Netzwerk der Offensive Mittelstand geben").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// Regional OM networks conflict when their region closures (covered regions and every region
// inside them) intersect; thematic OM networks when their topics are equal, compared trimmed
// and case-insensitively (blank topics never). A direct SUB_NETWORK_OF edge, either direction,
// records the consensus and resolves the conflict for that pair.
CALL () {
  MATCH (n:Network)
  WHERE n.status IN ['applied', 'recognised'] AND n.kind = 'regional'
  RETURN n, COLLECT {
    MATCH (n)-[:COVERS]->(:Region)<-[:PART_OF*0..]-(:Region)-[:PART_OF*0..]->(:Region)<-[:COVERS]-(m:Network)
    WHERE m <> n AND m.status IN ['applied', 'recognised'] AND m.kind = 'regional'
      AND NOT EXISTS { (n)-[:SUB_NETWORK_OF]-(m) }
    RETURN DISTINCT m.id AS other
    ORDER BY other
  } AS others
  UNION
  MATCH (t:Network)
  WHERE t.status IN ['applied', 'recognised'] AND t.kind = 'thematic'
  WITH toLower(trim(coalesce(t.topic, ''))) AS topic, collect(t) AS sameTopic
  WHERE topic <> '' AND size(sameTopic) > 1
  UNWIND sameTopic AS n
  RETURN n, COLLECT {
    UNWIND sameTopic AS m
    WITH n, m
    WHERE m <> n AND NOT EXISTS { (n)-[:SUB_NETWORK_OF]-(m) }
    RETURN m.id AS other
    ORDER BY other
  } AS others
}
WITH n, others
WHERE size(others) > 0
RETURN n.id AS subject_id, n.name AS subject_name, {others: others} AS evidence
ORDER BY subject_id
