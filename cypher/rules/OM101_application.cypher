// OM101 framework.application: The OM network's application to the Leitungskreis lacks its region or topic, its goals or its approach.
// Source: 001 Rahmenbedingungen, item 1 ("Dabei beschreibt das Netzwerk die Region bzw. das fachliche Thema [...], sowie seine Ziele und seine Vorgehensweise").
// A part is missing when its text is blank; the date is not asked for. With all three parts blank
// the application is not on record (evidence flag not_on_record), else the parts it lacks.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
// Blank texts count as missing (the input model strips surrounding whitespace).
WITH n, [field IN [
          CASE WHEN trim(coalesce(n.application_approach, '')) = '' THEN 'application_approach' END,
          CASE WHEN trim(coalesce(n.application_goals, '')) = '' THEN 'application_goals' END,
          CASE WHEN trim(coalesce(n.application_scope, '')) = '' THEN 'application_scope' END
        ] WHERE field IS NOT NULL] AS missing
WHERE size(missing) > 0
RETURN n.id AS subject_id, n.name AS subject_name,
       CASE WHEN size(missing) = 3 THEN {not_on_record: true, missing: missing} ELSE {missing: missing} END AS evidence
ORDER BY subject_id
