// network/regions: Every region a network covers, with the federal state it lies in (none above the states).
// One row per COVERS relationship; the state is the region itself or the region of level 'state' above it.
MATCH (n:Network:OmGraph)-[:COVERS]->(r:Region:OmGraph)
OPTIONAL MATCH (r)-[:PART_OF*0..]->(s:Region:OmGraph)
WHERE s.level = 'state'
RETURN n.id AS network_id, r.id AS region_id, r.name AS region_name, s.id AS state_id, s.name AS state_name
ORDER BY network_id, region_id
