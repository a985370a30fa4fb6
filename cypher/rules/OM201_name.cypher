// OM201 scope.name: The network's name refers to neither its region nor its topic, or it does not show OM.
// Source: 001 Handlungsrahmen, item 2 ("einen eigenen Namen führen, in dem der Bezug zur Region oder zum Fachthema deutlich wird").
// no_reference: no name of a directly covered region and not the topic is in the name (case-insensitive substring).
// no_om_mark: neither "Offensive Mittelstand" (case-insensitive) nor the standalone uppercase word OM is in
// the name, and logo_on_homepage is not true. The word test mirrors Python's re \bOM\b: a word character is
// a Unicode letter, number or underscore. Java's own \b/\w differ (ASCII \w, so "ÄOM" would match), and a
// lookbehind sees only half of a character outside the BMP, so the preceding character is consumed instead.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
WITH n, coalesce(n.name, '') AS name,
     [ref IN COLLECT { MATCH (n)-[:COVERS]->(r:Region) RETURN coalesce(r.name, r.id) } + [coalesce(n.topic, '')]
      WHERE trim(ref) <> ''] AS refs
WITH n,
     any(ref IN refs WHERE toLower(name) CONTAINS toLower(ref)) AS hasReference,
     toLower(name) CONTAINS 'offensive mittelstand'
       OR name =~ '(?s)(?:.*[^\\p{L}\\p{N}_])?OM(?![\\p{L}\\p{N}_]).*' AS hasMark
WITH n, [problem IN [
           CASE WHEN NOT hasMark AND NOT coalesce(n.logo_on_homepage = true, false) THEN 'no_om_mark' END,
           CASE WHEN NOT hasReference THEN 'no_reference' END
         ] WHERE problem IS NOT NULL] AS problems
WHERE size(problems) > 0
RETURN n.id AS subject_id, n.name AS subject_name, {problems: problems} AS evidence
ORDER BY subject_id
