// gaps/unlinked_overlap: Pairs of regional OM networks (a_id < b_id) whose regions overlap, with no link on record.
// Networks that count: status applied or recognised, open (a closed circle is only a partner,
// OM110), kind regional. A network's closure: the regions it COVERS and every region inside
// them; two networks overlap when their closures intersect. Found through the regions, as in
// OM111 (closure, then every region containing it, then the networks covering those), never
// by comparing networks.
// Linked, so no gap: a recorded cooperation or an agreed sub-network (either direction), a
// shared member organisation, or an activity both networks held.
// Evidence: the topmost shared regions (whose parent is not shared), the first ten by id and
// their count; the row's region is the one of them with the smallest id. No parameters.
MATCH (a:Network:OmGraph)
WHERE a.status IN ['applied', 'recognised'] AND coalesce(a.open, true) AND a.kind = 'regional'
CALL (a) {
  MATCH (a)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(r:Region:OmGraph)
  WITH DISTINCT r
  MATCH (r)-[:PART_OF*0..]->(c:Region:OmGraph)
  WITH r, c
  // expanded from the region, checked after: no plan can seek b by its status index and join back
  MATCH (c)<-[:COVERS]-(b)
  WITH DISTINCT b, r
  WHERE b:Network:OmGraph AND b.status IN ['applied', 'recognised'] AND coalesce(b.open, true) AND b.kind = 'regional'
  WITH b, collect(r) AS shared
  // after the aggregation, so that the planner walks from the regions instead of seeking b by id
  WHERE b.id > a.id
  RETURN b, shared
}
WITH a, b, shared
WHERE NOT EXISTS { (a)-[:COOPERATES_WITH|SUB_NETWORK_OF]-(b) }
  AND NOT EXISTS { (a)<-[:MEMBER_OF]-(:Organisation:OmGraph)-[:MEMBER_OF]->(b) }
  AND NOT EXISTS { (a)-[:HELD]->(:Activity:OmGraph)<-[:HELD]-(b) }
WITH a, b, [r IN shared WHERE NOT EXISTS { (r)-[:PART_OF]->(p:Region:OmGraph) WHERE p IN shared }] AS tops
CALL (tops) {
  UNWIND tops AS top
  WITH top ORDER BY top.id
  RETURN collect(top) AS ordered
}
WITH a, b, ordered, ordered[0] AS region
RETURN 'unlinked_overlap' AS kind,
       'network' AS a_kind, a.id AS a_id, a.name AS a_name,
       'network' AS b_kind, b.id AS b_id, b.name AS b_name,
       region.id AS region_id, region.name AS region_name,
       [(region)-[:PART_OF*0..]->(x:Region:OmGraph) | x.id] AS region_path,
       {shared_regions: [r IN ordered | r.id][..10], shared_regions_count: size(ordered)} AS evidence
ORDER BY a_id, b_id
