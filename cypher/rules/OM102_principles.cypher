// OM102 framework.principles: The network has not acknowledged OM's guiding principles (Leitgedanken, Grundprinzipien).
// Source: 001 Rahmenbedingungen, items 2-3 ("Es erkennt die Leitgedanken der Offensive Mittelstand an").
// principles_acknowledged = false fails; a blank (no property) is not on record (evidence flag not_on_record).
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
  AND (n.principles_acknowledged IS NULL OR n.principles_acknowledged <> true)
RETURN n.id AS subject_id, n.name AS subject_name,
       CASE WHEN n.principles_acknowledged IS NULL THEN {not_on_record: true} ELSE {} END AS evidence
ORDER BY subject_id
