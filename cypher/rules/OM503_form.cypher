// OM503 declaration.form: The self-declaration (Selbsterklärung) form is not complete or not signed.
// Source: 000 special item ("Die Selbsterklärung wurde ausgefüllt").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (d:SelfDeclaration:OmGraph)
WHERE NOT coalesce(d.form_complete = true, false) OR d.signed_on IS NULL
RETURN d.id AS subject_id, coalesce(d.name, d.id) AS subject_name,
       {company: COLLECT { MATCH (o:Organisation:OmGraph)-[:DECLARED]->(d) RETURN o.id ORDER BY o.id LIMIT 1 }[0]} AS evidence
ORDER BY subject_id
