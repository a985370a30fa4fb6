// coverage/regions: Every region of a level with its ambassadors: for a region inside it or for a region around it.
// As OM401 counts them: an ambassador for a region in t's subtree (t itself or a region inside it) or for one of
// t's ancestors (an ambassador for Deutschland serves every state).
// :param level => 'state';
MATCH (t:Region:OmGraph)
WHERE t.level = $level
RETURN t.id AS region_id, t.name AS region_name,
       COLLECT {
         MATCH (t)<-[:PART_OF*0..]-(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(p:Person:OmGraph)
         RETURN p.id AS id
         UNION
         MATCH (t)-[:PART_OF*1..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(p:Person:OmGraph)
         RETURN p.id AS id
       } AS ambassador_ids
ORDER BY region_id
