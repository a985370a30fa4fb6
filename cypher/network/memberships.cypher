// network/memberships: Every membership: which organisation takes part in which network.
// One row per MEMBER_OF relationship.
MATCH (o:Organisation:OmGraph)-[:MEMBER_OF]->(n:Network:OmGraph)
RETURN o.id AS organisation_id, o.name AS organisation_name, n.id AS network_id
ORDER BY organisation_id, network_id
