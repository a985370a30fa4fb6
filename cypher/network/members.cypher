// network/members: Every network with members, and its member organisations as [id, name] pairs.
// One row per network with at least one MEMBER_OF: the memberships of network/memberships grouped by
// network, so that a large landscape crosses the wire in thousands of rows, not hundreds of thousands
// (the driver's cost is per row). An organisation recorded twice as a member is listed once.
MATCH (n:Network:OmGraph)<-[:MEMBER_OF]-(o:Organisation:OmGraph)
RETURN n.id AS network_id, collect(DISTINCT [o.id, o.name]) AS members
ORDER BY network_id
