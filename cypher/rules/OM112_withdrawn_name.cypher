// OM112 framework.withdrawn_name: The network's right to the OM network name was withdrawn, yet it still presents itself as one.
// Source: 001, withdrawal paragraph (the Plenum may withdraw "die Berechtigung [...], sich Offensive Mittelstands-Netzwerk zu nennen").
// presents_as_om = true fails; a blank (no property) is not on record (evidence flag not_on_record).
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
MATCH (n:Network:OmGraph)
WHERE n.status = 'withdrawn' AND n.kind IN $kinds
  AND (n.presents_as_om IS NULL OR n.presents_as_om = true)
RETURN n.id AS subject_id, n.name AS subject_name,
       CASE WHEN n.presents_as_om IS NULL THEN {not_on_record: true} ELSE {} END AS evidence
ORDER BY subject_id
