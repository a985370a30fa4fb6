// OM301 formal.two_contacts: The network does not name two distinct persons for coordination and moderation.
// Source: 000 §1 ("benennt zwei Ansprechpartner (Netzwerkkoordination, Moderation)").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n,
     COLLECT { MATCH (p:Person:OmGraph)-[c:CONTACT_FOR]->(n) WHERE c.role = 'coordination' RETURN DISTINCT p.id ORDER BY p.id } AS coordination,
     COLLECT { MATCH (p:Person:OmGraph)-[c:CONTACT_FOR]->(n) WHERE c.role = 'moderation' RETURN DISTINCT p.id ORDER BY p.id } AS moderation
WHERE none(c IN coordination WHERE any(m IN moderation WHERE c <> m))
RETURN n.id AS subject_id, n.name AS subject_name, {coordination: coordination, moderation: moderation} AS evidence
ORDER BY subject_id
