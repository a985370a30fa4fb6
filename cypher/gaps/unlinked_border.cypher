// gaps/unlinked_border: Pairs of regional OM networks (a_id < b_id) in bordering, not overlapping regions, with no link.
// Networks that count: status applied or recognised, open, kind regional (as for
// unlinked_overlap). Two networks border when a region r in a's closure (the regions it
// COVERS and every region inside them) BORDERS, in either direction, a region s in b's
// closure. Found through the regions, as in OM109: closure, its neighbours, every region
// containing those, the networks covering them.
// Overlapping pairs are unlinked_overlap's, not this kind's: they overlap when a region one
// covers lies inside (or is) a region the other covers.
// Linked, so no gap: a recorded cooperation or an agreed sub-network (either direction), a
// shared member organisation, or an activity both networks held.
// The row's region is r of the bordering pair (r, s) with the smallest ids; s is the
// evidence's neighbour_region and its regions are part of region_path. No parameters.
MATCH (a:Network:OmGraph)
WHERE a.status IN ['applied', 'recognised'] AND coalesce(a.open, true) AND a.kind = 'regional'
// Once per network a, what links or overlaps it, so each candidate b is checked against lists
// instead of walking the graph again per pair: the networks sharing a member or an activity with
// a, and the regions a network overlapping a covers (inside a region a covers, or containing one).
WITH a,
     COLLECT { MATCH (a)<-[:MEMBER_OF]-(:Organisation:OmGraph)-[:MEMBER_OF]->(x:Network:OmGraph) RETURN DISTINCT x } AS sharing,
     COLLECT { MATCH (a)-[:HELD]->(:Activity:OmGraph)<-[:HELD]-(x:Network:OmGraph) RETURN DISTINCT x } AS meeting,
     COLLECT { MATCH (a)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(x:Region:OmGraph) RETURN x
               UNION
               MATCH (a)-[:COVERS]->(:Region:OmGraph)-[:PART_OF*0..]->(x:Region:OmGraph) RETURN x } AS overlapping
CALL (a) {
  MATCH (a)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*0..]-(r:Region:OmGraph)
  WITH DISTINCT r
  MATCH (r)-[:BORDERS]-(s:Region:OmGraph)
  WITH DISTINCT r, s
  MATCH (s)-[:PART_OF*0..]->(c:Region:OmGraph)
  WITH r, s, c
  // expanded from the region, checked after: no plan can seek b by its status index and join back
  MATCH (c)<-[:COVERS]-(b)
  WITH DISTINCT b, r, s
  WHERE b:Network:OmGraph AND b.status IN ['applied', 'recognised'] AND coalesce(b.open, true) AND b.kind = 'regional'
  WITH b, collect([r, s]) AS pairs
  // after the aggregation, so that the planner walks from the regions instead of seeking b by id
  WHERE b.id > a.id
  RETURN b, pairs
}
WITH a, b, pairs, sharing, meeting, overlapping
WHERE NOT b IN sharing
  AND NOT b IN meeting
  AND NOT EXISTS { (a)-[:COOPERATES_WITH|SUB_NETWORK_OF]-(b) }
  AND NOT EXISTS { MATCH (b)-[:COVERS]->(x:Region:OmGraph) WHERE x IN overlapping }
CALL (pairs) {
  UNWIND pairs AS pair
  WITH pair[0] AS r, pair[1] AS s
  RETURN r, s
  ORDER BY r.id, s.id
  LIMIT 1
}
RETURN 'unlinked_border' AS kind,
       'network' AS a_kind, a.id AS a_id, a.name AS a_name,
       'network' AS b_kind, b.id AS b_id, b.name AS b_name,
       r.id AS region_id, r.name AS region_name,
       COLLECT { UNWIND [r, s] AS side MATCH (side)-[:PART_OF*0..]->(x:Region:OmGraph) RETURN DISTINCT x.id } AS region_path,
       {neighbour_region: s.id, border_pairs: size(pairs)} AS evidence
ORDER BY a_id, b_id
