// OM502 declaration.measure_plan: The measure plan (Maßnahmenplan) has too few measures, or a measure lacks a required detail.
// Source: 000 special item ("Zehn Maßnahmen wurden in den Maßnahmenplan aufgenommen [...] Verantwortliche Person, Zeit und Kontrolle sind festgelegt").
// Each planned action needs urgency, responsible, deadline and control; blank text counts as missing.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param minMeasures => 10;
MATCH (d:SelfDeclaration:OmGraph)
WITH d,
     COUNT { MATCH (d)-[:PLANS]->(:PlannedAction:OmGraph) } AS measures,
     COLLECT {
       MATCH (d)-[:PLANS]->(a:PlannedAction:OmGraph)
       WHERE any(value IN [a.urgency, a.responsible, a.deadline, a.control] WHERE value IS NULL OR value = '')
       RETURN a.id ORDER BY a.id
     } AS incomplete
WHERE measures < $minMeasures OR size(incomplete) > 0
RETURN d.id AS subject_id, coalesce(d.name, d.id) AS subject_name,
       {measures: measures, incomplete: incomplete,
        company: COLLECT { MATCH (o:Organisation:OmGraph)-[:DECLARED]->(d) RETURN o.id ORDER BY o.id LIMIT 1 }[0]} AS evidence
ORDER BY subject_id
