// coverage/ambassadors: Every ambassador (a person with AMBASSADOR_FOR or AMBASSADOR_IN): their regions and networks.
// region_ids: the regions the person is ambassador (Botschafter) for; network_ids: the networks the person is
// active in as an ambassador, whatever the network's status.
MATCH (p:Person:OmGraph)
WHERE EXISTS { MATCH (p)-[:AMBASSADOR_FOR]->(:Region:OmGraph) } OR EXISTS { MATCH (p)-[:AMBASSADOR_IN]->(:Network:OmGraph) }
RETURN p.id AS person_id, p.name AS person_name,
       COLLECT { MATCH (p)-[:AMBASSADOR_FOR]->(r:Region:OmGraph) RETURN DISTINCT r.id } AS region_ids,
       COLLECT { MATCH (p)-[:AMBASSADOR_IN]->(n:Network:OmGraph) RETURN DISTINCT n.id } AS network_ids
ORDER BY person_id
