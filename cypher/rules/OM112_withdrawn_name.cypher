// OM112 framework.withdrawn_name: The network's right to the OM network name was withdrawn, yet it still presents itself as one.
// Source: 001, withdrawal paragraph (the Plenum may withdraw "die Berechtigung [...], sich Offensive Mittelstands-Netzwerk zu nennen").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (n:Network)
WHERE n.status = 'withdrawn' AND n.presents_as_om = true
RETURN n.id AS subject_id, n.name AS subject_name, {} AS evidence
ORDER BY subject_id
