// names/organisations: The names of the organisations with the given ids (those some finding's evidence names).
// One index seek per id: an audit asks for the organisations its findings name, not for all of them.
// :param ids => ['org-000001', 'org-000002'];
UNWIND $ids AS id
MATCH (o:Organisation:OmGraph {id: id})
RETURN DISTINCT o.id AS organisation_id, o.name AS organisation_name
ORDER BY organisation_id
