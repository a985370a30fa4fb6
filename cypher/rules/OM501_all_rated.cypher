// OM501 declaration.all_rated: The self-declaration does not give every topic, checkpoint and measure a traffic light.
// Source: 000 special item ("Es darf kein Thema, kein Checkpunkt und keine Maßnahme ausgespart sein").
// unrated = CheckItems of the whole catalogue without a RATED edge from the declaration that has a traffic_light.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (c:CheckItem)
WITH count(c) AS catalogue
MATCH (d:SelfDeclaration)
WITH d, catalogue - COUNT {
          MATCH (d)-[r:RATED]->(c:CheckItem)
          WHERE r.traffic_light IS NOT NULL AND r.traffic_light <> ''
          RETURN DISTINCT c
        } AS unrated
WHERE unrated > 0
RETURN d.id AS subject_id, coalesce(d.name, d.id) AS subject_name,
       {unrated: unrated,
        company: COLLECT { MATCH (o:Organisation)-[:DECLARED]->(d) RETURN o.id ORDER BY o.id LIMIT 1 }[0]} AS evidence
ORDER BY subject_id
