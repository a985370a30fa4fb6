// names/networks: The names of the networks with the given ids (those some finding's evidence names).
// One index seek per id: an audit asks for the networks its findings name, not for every network's row.
// :param ids => ['net-00001', 'net-00002'];
UNWIND $ids AS id
MATCH (n:Network:OmGraph {id: id})
RETURN DISTINCT n.id AS network_id, n.name AS network_name
ORDER BY network_id
