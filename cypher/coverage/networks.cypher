// coverage/networks: Every OM network with the ambassadors active in it and those whose region covers it.
// OM networks: status applied or recognised, with or without a region. active_ambassador_ids: AMBASSADOR_IN the
// network. regional_ambassador_ids: AMBASSADOR_FOR a region whose subtree intersects the network's closure, i.e.
// a region the network covers, a region around one or a region inside one.
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised']
RETURN n.id AS network_id, n.name AS network_name,
       COLLECT { MATCH (p:Person:OmGraph)-[:AMBASSADOR_IN]->(n) RETURN DISTINCT p.id } AS active_ambassador_ids,
       COLLECT {
         MATCH (n)-[:COVERS]->(:Region:OmGraph)-[:PART_OF*0..]->(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(p:Person:OmGraph)
         RETURN p.id AS id
         UNION
         MATCH (n)-[:COVERS]->(:Region:OmGraph)<-[:PART_OF*1..]-(:Region:OmGraph)<-[:AMBASSADOR_FOR]-(p:Person:OmGraph)
         RETURN p.id AS id
       } AS regional_ambassador_ids
ORDER BY network_id
