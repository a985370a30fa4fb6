// gaps/unaffiliated_intermediary: One row per intermediary located where regional OM networks work, if it is in none of them.
// An intermediary organisation (intermediary = true) is LOCATED_IN a region; a regional OM
// network (status applied or recognised, open, kind regional) works there when it COVERS that
// region or a region containing it. If the organisation is a member of none of those networks,
// it is a row; side b is the nearest of them (covering the most specific region around the
// organisation, smallest id on a tie), the network best placed to win it.
// Evidence: approached (has an ambassador approached it?), member_of (the OM networks, of any
// kind and anywhere, it already belongs to) and networks (those working there): the first ten
// by id of each list, and their counts.
// No parameters.
// (networks reached from the place, checked after: no plan can seek them by their status index)
MATCH (o:Organisation:OmGraph)-[:LOCATED_IN]->(place:Region:OmGraph)
WHERE o.intermediary = true
// Once per place, not once per intermediary: the networks working there and the nearest of them.
WITH place, collect(o) AS intermediaries
WITH place, intermediaries, COLLECT {
       MATCH (place)-[:PART_OF*0..]->(:Region:OmGraph)<-[:COVERS]-(n)
       WITH DISTINCT n
       WHERE n:Network:OmGraph AND n.status IN ['applied', 'recognised'] AND coalesce(n.open, true) AND n.kind = 'regional'
       RETURN n
     } AS working
WHERE size(working) > 0
CALL (place, working) {
  MATCH path = (place)-[:PART_OF*0..]->(:Region:OmGraph)<-[:COVERS]-(n:Network:OmGraph)
  WHERE n IN working
  RETURN n AS b
  ORDER BY length(path), n.id
  LIMIT 1
}
WITH place, intermediaries, working, b,
     COLLECT { UNWIND working AS n RETURN n.id ORDER BY n.id } AS workingIds,
     [(place)-[:PART_OF*0..]->(x:Region:OmGraph) | x.id] AS regionPath
UNWIND intermediaries AS o
WITH o, place, working, b, workingIds, regionPath
WHERE NOT EXISTS { MATCH (o)-[:MEMBER_OF]->(n:Network:OmGraph) WHERE n IN working }
WITH o, place, b, workingIds, regionPath, COLLECT {
       MATCH (o)-[:MEMBER_OF]->(m:Network:OmGraph)
       WHERE m.status IN ['applied', 'recognised'] AND coalesce(m.open, true)
       RETURN m.id ORDER BY m.id
     } AS memberOf
RETURN 'unaffiliated_intermediary' AS kind,
       'organisation' AS a_kind, o.id AS a_id, o.name AS a_name,
       'network' AS b_kind, b.id AS b_id, b.name AS b_name,
       place.id AS region_id, place.name AS region_name,
       regionPath AS region_path,
       {approached: EXISTS { (:Person:OmGraph)-[:APPROACHED]->(o) },
        member_of: memberOf[..10], member_of_count: size(memberOf),
        networks: workingIds[..10], networks_count: size(workingIds)} AS evidence
ORDER BY a_id
