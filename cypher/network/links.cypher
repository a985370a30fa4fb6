// network/links: Pairs of networks that share a partner organisation or have a recorded cooperation.
// One row per unordered pair (source_id < target_id). shared_partners: organisations that are
// MEMBER_OF both networks (0 when only a cooperation links them); cooperation: a COOPERATES_WITH
// relationship in either direction. Pairs are found through the organisations (two MEMBER_OF
// steps from each organisation) and through the recorded cooperations, never by comparing
// every pair of networks.
CALL () {
  MATCH (a:Network:OmGraph)<-[:MEMBER_OF]-(o:Organisation:OmGraph)-[:MEMBER_OF]->(b:Network:OmGraph)
  WHERE a.id < b.id
  RETURN a.id AS source_id, b.id AS target_id, count(DISTINCT o) AS shared, false AS cooperation
  UNION ALL
  MATCH (a:Network:OmGraph)-[:COOPERATES_WITH]-(b:Network:OmGraph)
  WHERE a.id < b.id
  RETURN DISTINCT a.id AS source_id, b.id AS target_id, 0 AS shared, true AS cooperation
}
WITH source_id, target_id, sum(shared) AS shared, collect(cooperation) AS kinds
RETURN source_id AS source_id, target_id AS target_id, shared AS shared_partners,
       true IN kinds AS cooperation
ORDER BY source_id, target_id
