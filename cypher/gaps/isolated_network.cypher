// gaps/isolated_network: OM networks with no link on record to any other OM network (links to others do not count).
// Networks that count: status applied or recognised and open (a closed circle is only a
// partner, OM110), regional or thematic. Links: a recorded cooperation or an agreed
// sub-network (either direction), a shared member organisation, or an activity both held,
// each with another network that counts. The links are followed from the network's side (the
// WITH keeps the planner from seeking every other network by status for each network).
// The row's region: of the regions the network COVERS that lie inside no other region it
// covers, the one with the smallest id; none (and an empty region_path) without regions.
// Evidence: the network's kind and its number of member organisations. No parameters.
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND coalesce(n.open, true)
  AND NOT EXISTS {
    MATCH (n)-[:COOPERATES_WITH|SUB_NETWORK_OF]-(m:Network:OmGraph)
    WITH n, m, m.status AS status, m.open AS open
    WHERE m <> n AND status IN ['applied', 'recognised'] AND coalesce(open, true)
  }
  AND NOT EXISTS {
    MATCH (n)<-[:MEMBER_OF]-(:Organisation:OmGraph)-[:MEMBER_OF]->(m:Network:OmGraph)
    WITH n, m, m.status AS status, m.open AS open
    WHERE m <> n AND status IN ['applied', 'recognised'] AND coalesce(open, true)
  }
  AND NOT EXISTS {
    MATCH (n)-[:HELD]->(:Activity:OmGraph)<-[:HELD]-(m:Network:OmGraph)
    WITH n, m, m.status AS status, m.open AS open
    WHERE m <> n AND status IN ['applied', 'recognised'] AND coalesce(open, true)
  }
CALL (n) {
  OPTIONAL MATCH (n)-[:COVERS]->(x:Region:OmGraph)
  WHERE NOT EXISTS { (x)-[:PART_OF*1..]->(:Region:OmGraph)<-[:COVERS]-(n) }
  RETURN x AS region
  ORDER BY x.id
  LIMIT 1
}
RETURN 'isolated_network' AS kind,
       'network' AS a_kind, n.id AS a_id, n.name AS a_name,
       null AS b_kind, null AS b_id, null AS b_name,
       region.id AS region_id, region.name AS region_name,
       CASE WHEN region IS NULL THEN [] ELSE [(region)-[:PART_OF*0..]->(x:Region:OmGraph) | x.id] END AS region_path,
       {kind: n.kind, members: COUNT { (n)<-[:MEMBER_OF]-(:Organisation:OmGraph) }} AS evidence
ORDER BY a_id
