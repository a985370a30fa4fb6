// OM101 framework.application: The network acts as an OM network without a complete application to the Leitungskreis.
// Source: 001 Rahmenbedingungen, item 1 ("Ein neues Netzwerk stellt zur Anerkennung [...] einen Antrag beim Leitungskreis").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
// Blank texts count as missing (the input model strips surrounding whitespace).
WITH n, [field IN [
          CASE WHEN trim(coalesce(n.application_approach, '')) = '' THEN 'application_approach' END,
          CASE WHEN n.application_date IS NULL THEN 'application_date' END,
          CASE WHEN trim(coalesce(n.application_goals, '')) = '' THEN 'application_goals' END,
          CASE WHEN trim(coalesce(n.application_scope, '')) = '' THEN 'application_scope' END
        ] WHERE field IS NOT NULL] AS missing
WHERE size(missing) > 0
RETURN n.id AS subject_id, n.name AS subject_name, {missing: missing} AS evidence
ORDER BY subject_id
