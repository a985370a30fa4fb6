// OM501 declaration.all_rated: The self-declaration does not give every topic, checkpoint and measure of its Praxis-Check a traffic light.
// Source: 000 special item ("Es darf kein Thema, kein Checkpunkt und keine Maßnahme ausgespart sein").
// unrated = CheckItems of the declaration's catalogue version (catalogue_version = the items' version)
// without a RATED edge from the declaration that has a traffic_light. A declaration naming no version
// is counted against the whole catalogue when it holds one version only (blank counts as one); with
// several, its version is not on record (evidence flag not_on_record, the named versions listed).
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
WITH COLLECT { MATCH (c:CheckItem:OmGraph) WHERE c.version IS NOT NULL RETURN DISTINCT c.version AS v ORDER BY v } AS named,
     EXISTS { MATCH (c:CheckItem:OmGraph) WHERE c.version IS NULL } AS blank
MATCH (d:SelfDeclaration:OmGraph)
WITH d, named, d.catalogue_version IS NULL AND size(named) + CASE WHEN blank THEN 1 ELSE 0 END > 1 AS unknown,
     COLLECT { MATCH (o:Organisation:OmGraph)-[:DECLARED]->(d) RETURN o.id ORDER BY o.id LIMIT 1 }[0] AS company
WITH d, company, named, unknown,
     CASE WHEN unknown THEN 0
          ELSE COUNT { MATCH (c:CheckItem:OmGraph) WHERE d.catalogue_version IS NULL OR c.version = d.catalogue_version }
             - COUNT {
                 MATCH (d)-[r:RATED]->(c:CheckItem:OmGraph)
                 WHERE r.traffic_light IS NOT NULL AND r.traffic_light <> ''
                   AND (d.catalogue_version IS NULL OR c.version = d.catalogue_version)
                 RETURN DISTINCT c
               } END AS unrated
WHERE unknown OR unrated > 0
RETURN d.id AS subject_id, coalesce(d.name, d.id) AS subject_name,
       CASE WHEN unknown THEN {not_on_record: true, versions: named, company: company}
            ELSE {unrated: unrated, company: company} END AS evidence
ORDER BY subject_id
