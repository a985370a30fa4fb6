// OM504 declaration.expired: The self-declaration has expired: reassessment is due.
// Source: 000 special item ("Die Selbsterklärung gilt für zwei Jahre").
// Expired: signed_on on or before the audit date minus $validityMonths months (unsigned ones are OM503's concern).
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param validityMonths => 24;
MATCH (d:SelfDeclaration:OmGraph)
WHERE d.signed_on IS NOT NULL
  AND d.signed_on <= date($asOf) - duration({months: $validityMonths})
RETURN d.id AS subject_id, coalesce(d.name, d.id) AS subject_name,
       {signed_on: d.signed_on,
        company: COLLECT { MATCH (o:Organisation:OmGraph)-[:DECLARED]->(d) RETURN o.id ORDER BY o.id LIMIT 1 }[0]} AS evidence
ORDER BY subject_id
