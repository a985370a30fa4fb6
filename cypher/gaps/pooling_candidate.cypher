// gaps/pooling_candidate: Organisations that belong to at least two regional OM networks whose regions overlap.
// Networks that count: status applied or recognised, open, kind regional. Two networks
// overlap when their closures (the regions they COVER and every region inside them)
// intersect. Regions form a tree, so that is when a region one covers lies inside (or is) a
// region the other covers; the lower region of each such pair, and everything inside it, is
// shared. Only the organisation's own networks are compared, pair by pair.
// One row per organisation, no second side. Evidence: its networks that overlap another of
// them, the first ten by id and their count. The row's region: the smallest id among the
// topmost shared regions of those pairs. No parameters.
MATCH (o:Organisation:OmGraph)-[:MEMBER_OF]->(n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND coalesce(n.open, true) AND n.kind = 'regional'
WITH o, collect(n) AS networks
WHERE size(networks) >= 2
UNWIND networks AS a
UNWIND networks AS b
WITH o, a, b
WHERE a.id < b.id
// Each pair of networks once, however many organisations it shares: where the two overlap.
WITH a, b, collect(o) AS members
CALL (a, b) {
  // upwards from the lower region: a few steps, where downwards would walk whole states
  MATCH (b)-[:COVERS]->(low:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:COVERS]-(a)
  RETURN low
  UNION
  MATCH (a)-[:COVERS]->(low:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:COVERS]-(b)
  RETURN low
}
WITH a, b, members, collect(low) AS lows
WITH a, b, members, [r IN lows WHERE NOT EXISTS { (r)-[:PART_OF*1..]->(q:Region:OmGraph) WHERE q IN lows }] AS tops
UNWIND members AS o
WITH o, [a, b] AS pair, tops
UNWIND pair AS network
UNWIND tops AS top
WITH o, collect(DISTINCT network.id) AS pooled, collect(DISTINCT top) AS meeting
CALL (pooled) {
  UNWIND pooled AS id
  WITH id ORDER BY id
  RETURN collect(id) AS networks
}
CALL (meeting) {
  UNWIND meeting AS top
  RETURN top AS region
  ORDER BY top.id
  LIMIT 1
}
RETURN 'pooling_candidate' AS kind,
       'organisation' AS a_kind, o.id AS a_id, o.name AS a_name,
       null AS b_kind, null AS b_id, null AS b_name,
       region.id AS region_id, region.name AS region_name,
       [(region)-[:PART_OF*0..]->(x:Region:OmGraph) | x.id] AS region_path,
       {networks: networks[..10], networks_count: size(networks)} AS evidence
ORDER BY a_id
