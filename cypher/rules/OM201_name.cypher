// OM201 scope.name: The network's name refers to neither its region nor its topic, or it does not show OM.
// Source: 001 Handlungsrahmen, item 2 ("einen eigenen Namen führen, in dem der Bezug zur Region oder zum Fachthema deutlich wird").
// no_reference: the name contains none of the references as whole words. References: the name and the
// aliases of every region it COVERS and of every region above one (not of the country, unless covered
// itself), its topic text, and the name and keywords of the Topic it is ON_TOPIC. Texts are compared as
// words: lower case, ä/ö/ü/ß spelt ae/oe/ue/ss, every character that is no letter or digit a separator,
// padded with blanks (so " muenster " is not in " muensterland ").
// no_om_mark: neither "Offensive Mittelstand" (case-insensitive) nor the standalone uppercase word OM is in
// the name, and logo_on_homepage is false; with logo_on_homepage blank that part is not on record (unknown).
// The word test mirrors Python's re \bOM\b: a word character is a Unicode letter, number or underscore.
// Java's own \b/\w differ (ASCII \w, so "ÄOM" would match), and a lookbehind sees only half of a character
// outside the BMP, so the preceding character is consumed instead.
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n, coalesce(n.name, '') AS name,
     [coalesce(n.topic, '')]
     + COLLECT {
         MATCH (n)-[:COVERS]->(c:Region:OmGraph)-[:PART_OF*0..]->(r:Region:OmGraph)
         WHERE r = c OR coalesce(r.level, '') <> 'country'
         UNWIND [coalesce(r.name, r.id)] + coalesce(r.aliases, []) AS ref
         RETURN ref
       }
     + COLLECT {
         MATCH (n)-[:ON_TOPIC]->(t:Topic:OmGraph)
         UNWIND [coalesce(t.name, t.id)] + coalesce(t.keywords, []) AS ref
         RETURN ref
       } AS refs
// Each text as its words (see above): the name first, then the references. (toString: Neo4j 5.26's
// type check takes a list joined with COLLECT subqueries for booleans; the values are texts.)
WITH n, name, [name] + refs AS texts
WITH n, name, [raw IN texts |
       replace(replace(replace(replace(toLower(toString(raw)), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')] AS lowered
WITH n, name, [low IN lowered |
       ' ' + reduce(words = '', word IN [word IN split(
         reduce(spaced = '', c IN [i IN range(0, size(low) - 1) | substring(low, i, 1)] |
                spaced + CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END),
         ' ') WHERE word <> ''] | words + word + ' ')] AS keys
WITH n, name, keys[0] AS words, keys[1..] AS refKeys
WITH n,
     any(ref IN refKeys WHERE ref <> ' ' AND words CONTAINS ref) AS hasReference,
     toLower(name) CONTAINS 'offensive mittelstand'
       OR name =~ '(?s)(?:.*[^\\p{L}\\p{N}_])?OM(?![\\p{L}\\p{N}_]).*' AS hasMark
WITH n, [problem IN [
           CASE WHEN NOT hasMark AND n.logo_on_homepage = false THEN 'no_om_mark' END,
           CASE WHEN NOT hasReference THEN 'no_reference' END
         ] WHERE problem IS NOT NULL] AS problems,
     CASE WHEN NOT hasMark AND n.logo_on_homepage IS NULL THEN ['logo_on_homepage'] ELSE [] END AS unknown
WHERE size(problems) > 0 OR size(unknown) > 0
RETURN n.id AS subject_id, n.name AS subject_name,
       CASE WHEN size(problems) = 0 THEN {not_on_record: true, unknown: unknown}
            WHEN size(unknown) > 0 THEN {problems: problems, unknown: unknown}
            ELSE {problems: problems} END AS evidence
ORDER BY subject_id
