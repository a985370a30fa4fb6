// OM102 framework.principles: The network has not acknowledged OM's guiding principles (Leitgedanken, Grundprinzipien).
// Source: 001 Rahmenbedingungen, items 2-3 ("Es erkennt die Leitgedanken der Offensive Mittelstand an").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
  AND (n.principles_acknowledged IS NULL OR n.principles_acknowledged <> true)
RETURN n.id AS subject_id, n.name AS subject_name, {} AS evidence
ORDER BY subject_id
