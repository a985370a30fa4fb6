// OM302 formal.intermediary_contact: None of the network's named contacts works for an intermediary organisation.
// Source: 000 §1 ("eine Person [gehört] einer intermediären Organisation an").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
  AND NOT EXISTS {
    MATCH (p:Person)-[:CONTACT_FOR]->(n)
    MATCH (p)-[:WORKS_FOR]->(o:Organisation)
    WHERE o.intermediary = true
  }
RETURN n.id AS subject_id, n.name AS subject_name,
       {contacts: COUNT { MATCH (p:Person)-[:CONTACT_FOR]->(n) RETURN DISTINCT p }} AS evidence
ORDER BY subject_id
