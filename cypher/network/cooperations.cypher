// network/cooperations: Pairs of networks with a cooperation on record, in either direction.
// One row per unordered pair (source_id < target_id), as network/links marks them cooperation.
MATCH (a:Network:OmGraph)-[:COOPERATES_WITH]-(b:Network:OmGraph)
WHERE a.id < b.id
RETURN DISTINCT a.id AS source_id, b.id AS target_id
ORDER BY source_id, target_id
