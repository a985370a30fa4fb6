// coverage/elements: One row per region of a level and element an ambassador there would cover, with whether one already does.
// An ambassador for a region covers everything in its subtree (the region and every region inside it).
// Regions t of level $level; the elements within t:
//   network       an OM network (status applied or recognised, any kind) whose closure (the regions it covers
//                 and every region inside them) intersects t's subtree: it covers t, a region around t or a
//                 region inside t. Covered when an ambassador's region subtree intersects that closure (the
//                 ambassador's region is around or inside a covered region) or an ambassador is AMBASSADOR_IN it.
//   intermediary  an organisation with intermediary = true LOCATED_IN t's subtree;
//   company       any other organisation of kind 'company' LOCATED_IN t's subtree.
// Organisations are covered when located inside an ambassador's region. organisation_kind is null for networks.
// :param level => 'state';
CALL () {
  MATCH (t:Region:OmGraph)
  WHERE t.level = $level
  CALL (t) {
    MATCH (t)-[:PART_OF*0..]->(:Region:OmGraph)<-[:COVERS]-(n:Network:OmGraph)
    RETURN n
    UNION
    MATCH (t)<-[:PART_OF*1..]-(:Region:OmGraph)<-[:COVERS]-(n:Network:OmGraph)
    RETURN n
  }
  WITH t, n
  WHERE n.status IN ['applied', 'recognised']
  RETURN t, 'network' AS kind, n.id AS id, n.name AS name, null AS orgKind,
         EXISTS { MATCH (:Person:OmGraph)-[:AMBASSADOR_IN]->(n) }
         OR EXISTS { MATCH (n)-[:COVERS]->(:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) }
         OR EXISTS { MATCH (n)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*1..]-(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) } AS covered
  UNION ALL
  MATCH (t:Region:OmGraph)
  WHERE t.level = $level
  MATCH (t)<-[:PART_OF*0..]-(:Region:OmGraph)<-[:LOCATED_IN]-(o:Organisation:OmGraph)
  WITH t, o, CASE WHEN o.intermediary = true THEN 'intermediary' WHEN o.kind = 'company' THEN 'company' END AS kind
  WHERE kind IS NOT NULL
  RETURN t, kind, o.id AS id, o.name AS name, o.kind AS orgKind,
         EXISTS { MATCH (o)-[:LOCATED_IN]->(:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(:Person:OmGraph) } AS covered
}
RETURN t.id AS region_id, t.name AS region_name, kind AS element_kind, id AS element_id, name AS element_name,
       orgKind AS organisation_kind, covered
ORDER BY region_id, element_kind, element_id
