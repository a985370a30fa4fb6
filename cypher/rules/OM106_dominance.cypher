// OM106 framework.dominance: One partner, or one group of partners under a common parent, dominates the network's roles.
// Source: 001 Rahmenbedingungen, item 6 ("Es vertritt nicht einseitig die Interessen einzelner Partner").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param maxShare => 0.5;
// :param windowMonths => 12;
// A partner group is the top of an organisation's SUBSIDIARY_OF chain (the organisation
// itself if it has no parent). Roles: one per CONTACT_FOR edge (credited to the group of the
// person's employer; a person without an organisation counts in the total only), one per
// meeting held in the window that has a host (the host's group), one per member (its group).
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
CALL (n, asOf, since) {
  MATCH (p:Person)-[c:CONTACT_FOR]->(n)
  OPTIONAL MATCH (p)-[:WORKS_FOR]->(:Organisation)-[:SUBSIDIARY_OF*0..]->(g:Organisation)
  WHERE NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation) }
  RETURN g.id AS grp, c.role AS role
  UNION ALL
  MATCH (n)-[:HELD]->(a:Activity {kind: 'meeting'})<-[:HOSTED]-(:Organisation)-[:SUBSIDIARY_OF*0..]->(g:Organisation)
  WHERE since < a.date <= asOf AND NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation) }
  RETURN g.id AS grp, null AS role
  UNION ALL
  MATCH (:Organisation)-[:MEMBER_OF]->(n)
  MATCH (o:Organisation)-[:MEMBER_OF]->(n)
  RETURN null AS grp, null AS role
}
RETURN 1
