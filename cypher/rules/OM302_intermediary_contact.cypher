// OM302 formal.intermediary_contact: None of the regional network's named contacts works for an intermediary organisation.
// Source: 000 §1 ("eine Person [gehört] einer intermediären Organisation an").
// Networks naming no contact are left to OM301. Contacts whose organisation is not on record
// (no WORKS_FOR) make the finding not on record (evidence flag not_on_record, their ids listed).
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
  AND EXISTS { MATCH (:Person:OmGraph)-[:CONTACT_FOR]->(n) }
  AND NOT EXISTS {
    MATCH (p:Person:OmGraph)-[:CONTACT_FOR]->(n)
    MATCH (p)-[:WORKS_FOR]->(o:Organisation:OmGraph)
    WHERE o.intermediary = true
  }
WITH n,
     COUNT { MATCH (p:Person:OmGraph)-[:CONTACT_FOR]->(n) RETURN DISTINCT p } AS contacts,
     COLLECT {
       MATCH (p:Person:OmGraph)-[:CONTACT_FOR]->(n)
       WHERE NOT EXISTS { MATCH (p)-[:WORKS_FOR]->(:Organisation:OmGraph) }
       RETURN DISTINCT p.id ORDER BY p.id
     } AS unaffiliated
RETURN n.id AS subject_id, n.name AS subject_name,
       CASE WHEN size(unaffiliated) > 0
            THEN {not_on_record: true, contacts: contacts, unaffiliated: unaffiliated}
            ELSE {contacts: contacts} END AS evidence
ORDER BY subject_id
