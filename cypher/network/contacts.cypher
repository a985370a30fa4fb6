// network/contacts: Every named contact of a network: the person, the role and the organisation the person works for.
// One row per CONTACT_FOR relationship; contacts are people (the query declares its person columns for redaction).
MATCH (p:Person:OmGraph)-[c:CONTACT_FOR]->(n:Network:OmGraph)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(o:Organisation:OmGraph)
WITH n, p, c, o
ORDER BY o.id
WITH n, p, c, collect(o)[0] AS o
RETURN n.id AS network_id, p.id AS person_id, p.name AS person_name, c.role AS role,
       o.id AS organisation_id, o.name AS organisation_name
ORDER BY network_id, person_id, role
