// gaps/unaffiliated_intermediary: One row per (intermediary, regional OM network working where it is located) if it is in none.
// An intermediary organisation (intermediary = true) is LOCATED_IN a region; a regional OM
// network (status applied or recognised, open, kind regional) works there when it COVERS that
// region or a region containing it. If the organisation is a member of none of those
// networks, each of them is a row: the network that could win it.
// Evidence: approached (has an ambassador approached it?) and member_of (the OM networks,
// of any kind and anywhere, it already belongs to: the first ten by id, and their count).
// No parameters.
MATCH (o:Organisation)-[:LOCATED_IN]->(place:Region)
WHERE o.intermediary = true
WITH o, place, COLLECT {
       MATCH (place)-[:PART_OF*0..]->(:Region)<-[:COVERS]-(n:Network)
       WHERE n.status IN ['applied', 'recognised'] AND coalesce(n.open, true) AND n.kind = 'regional'
       RETURN DISTINCT n
     } AS working
WHERE size(working) > 0
  AND NOT EXISTS { MATCH (o)-[:MEMBER_OF]->(n:Network) WHERE n IN working }
WITH o, place, working, COLLECT {
       MATCH (o)-[:MEMBER_OF]->(m:Network)
       WHERE m.status IN ['applied', 'recognised'] AND coalesce(m.open, true)
       RETURN m.id ORDER BY m.id
     } AS memberOf
UNWIND working AS b
RETURN 'unaffiliated_intermediary' AS kind,
       'organisation' AS a_kind, o.id AS a_id, o.name AS a_name,
       'network' AS b_kind, b.id AS b_id, b.name AS b_name,
       place.id AS region_id, place.name AS region_name,
       [(place)-[:PART_OF*0..]->(x:Region) | x.id] AS region_path,
       {approached: EXISTS { (:Person)-[:APPROACHED]->(o) },
        member_of: memberOf[..10], member_of_count: size(memberOf)} AS evidence
ORDER BY a_id, b_id
