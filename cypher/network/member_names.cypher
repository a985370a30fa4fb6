// network/member_names: Every organisation that is a member of a network, as [id, name] pairs, in one row.
// One row, not one per organisation: the driver's cost is per row (44,114 organisations at scale 100).
// No row when no organisation is a member anywhere.
MATCH (o:Organisation:OmGraph)
WHERE EXISTS { (o)-[:MEMBER_OF]->(:Network:OmGraph) }
WITH collect([o.id, o.name]) AS organisations
WHERE organisations <> []
RETURN organisations
