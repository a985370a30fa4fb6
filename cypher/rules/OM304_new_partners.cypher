// OM304 formal.new_partners: No organisation joined the network within the window (default 24 months).
// Source: 000 §1 ("weitere öffentliche und private Organisationen und Verbände in der Region zu gewinnen").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
// :param windowMonths => 24;
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n, date($asOf) - duration({months: $windowMonths}) AS since, date($asOf) AS asOf
WHERE NOT EXISTS { MATCH (:Organisation:OmGraph)-[m:MEMBER_OF]->(n) WHERE since < m.since <= asOf }
RETURN n.id AS subject_id, n.name AS subject_name,
       {last_joined: COLLECT { MATCH (:Organisation:OmGraph)-[m:MEMBER_OF]->(n) WHERE m.since <= asOf
                               RETURN m.since ORDER BY m.since DESC LIMIT 1 }[0]} AS evidence
ORDER BY subject_id
