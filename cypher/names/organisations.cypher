// names/organisations: Every organisation's name.
MATCH (o:Organisation:OmGraph)
RETURN o.id AS organisation_id, o.name AS organisation_name
ORDER BY organisation_id
