// OM111 framework.single_network_per_region: Another OM network works in the same region (or on the same topic) without an agreed sub-network.
// Source: 001 Rahmenbedingungen, item 11 ("Es kann in jeder Region/jedem Fachgebiet nur ein regionales/fachliches Netzwerk der Offensive Mittelstand geben").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
// Regional OM networks conflict when their region closures (the regions they cover and every
// region inside them) intersect, found through the regions; thematic OM networks when their
// topics are equal, compared trimmed and case-insensitively (blank topics never), found by
// grouping on the topic. A direct SUB_NETWORK_OF edge between the two, either direction,
// records the consensus and resolves that pair (a chain of sub-networks does not).
CALL () {
  MATCH (n:Network:OmGraph)
  WHERE n.status IN ['applied', 'recognised'] AND n.kind = 'regional' AND 'regional' IN $kinds
  CALL (n) {
    MATCH (n)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(r:Region:OmGraph)
    WITH DISTINCT r
    MATCH (r)-[:PART_OF*0..]->(c:Region:OmGraph)
    WITH DISTINCT c
    // expanded from the region, checked after: no plan can seek m by its status index and join back
    MATCH (c)<-[:COVERS]-(m)
    WITH DISTINCT m
    WHERE m:Network:OmGraph AND m.status IN ['applied', 'recognised'] AND m.kind = 'regional'
    RETURN m
  }
  WITH n, m
  WHERE m <> n AND NOT EXISTS { (n)-[:SUB_NETWORK_OF]-(m) }
  RETURN n, m
  UNION
  MATCH (t:Network:OmGraph)
  WHERE t.status IN ['applied', 'recognised'] AND t.kind = 'thematic' AND 'thematic' IN $kinds
  WITH toLower(trim(coalesce(t.topic, ''))) AS topic, collect(t) AS sameTopic
  WHERE topic <> '' AND size(sameTopic) > 1
  UNWIND sameTopic AS n
  UNWIND sameTopic AS m
  WITH n, m
  WHERE m <> n AND NOT EXISTS { (n)-[:SUB_NETWORK_OF]-(m) }
  RETURN n, m
}
WITH n, m
ORDER BY m.id
WITH n, collect(m.id) AS others
// The evidence names the first ten by id and counts them all (its size must not grow with the landscape).
RETURN n.id AS subject_id, n.name AS subject_name, {others: others[..10], count: size(others)} AS evidence
ORDER BY subject_id
