// places/regions: Every region with its level, official code and the region it is part of.
// code is the ISO 3166-2 code of a Land or the Kreisschlüssel of a Kreis, as the dataset gives it.
MATCH (r:Region:OmGraph)
RETURN r.id AS region_id, r.name AS region_name, r.level AS level, r.code AS code,
       head([(r)-[:PART_OF]->(p:Region:OmGraph) | p.id]) AS parent_id
ORDER BY region_id
