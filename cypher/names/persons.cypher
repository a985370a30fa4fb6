// names/persons: Every person's name (people: the query declares its person columns for redaction).
MATCH (p:Person:OmGraph)
RETURN p.id AS person_id, p.name AS person_name
ORDER BY person_id
