// OM106 framework.dominance: One partner, or one group of partners under a common parent, dominates the network's roles.
// Source: 001 Rahmenbedingungen, item 6 ("Es vertritt nicht einseitig die Interessen einzelner Partner").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param maxShare => 0.5;
// :param windowMonths => 12;
// A partner group is the top of an organisation's SUBSIDIARY_OF chain (the organisation itself
// if it has no parent). Roles: one per CONTACT_FOR edge (credited to the group of the person's
// employer; a person without an organisation counts in the total only), one per meeting held in
// the window that has a host (credited to the host's group), one per member (its group).
MATCH (n:Network)
WHERE n.status IN ['applied', 'recognised']
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
// One row per role: the group credited (null for an unaffiliated contact) and the contact role.
CALL (n, asOf, since) {
  MATCH (p:Person)-[c:CONTACT_FOR]->(n)
  OPTIONAL MATCH (p)-[:WORKS_FOR]->(:Organisation)-[:SUBSIDIARY_OF*0..]->(g:Organisation)
  WHERE NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation) }
  RETURN g.id AS grp, c.role AS role
  UNION ALL
  // (kind and date projected first: the planner then expands from the network rather than
  // seeking every meeting in the (kind, date) index once per network)
  MATCH (n)-[:HELD]->(a:Activity)
  WITH a, a.kind AS kind, a.date AS day, asOf, since
  WHERE kind = 'meeting' AND since < day <= asOf
  MATCH (a)<-[:HOSTED]-(:Organisation)-[:SUBSIDIARY_OF*0..]->(g:Organisation)
  WHERE NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation) }
  RETURN g.id AS grp, null AS role
  UNION ALL
  MATCH (n)<-[:MEMBER_OF]-(:Organisation)-[:SUBSIDIARY_OF*0..]->(g:Organisation)
  WHERE NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation) }
  RETURN g.id AS grp, null AS role
}
WITH n,
     count(*) AS total,
     collect(grp) AS credited,
     count(CASE WHEN role = 'coordination' THEN 1 END) AS coordination,
     count(CASE WHEN role = 'moderation' THEN 1 END) AS moderation,
     count(CASE WHEN role IS NOT NULL AND grp IS NULL THEN 1 END) AS unaffiliated,
     size(collect(DISTINCT CASE WHEN role IS NOT NULL THEN grp END)) AS contactGroups
// A network none of whose roles is credited to a group is skipped.
WHERE size(credited) > 0
// Top group: most roles, ties broken by the smallest id.
CALL (credited) {
  UNWIND credited AS g
  WITH g, count(*) AS held
  RETURN g AS top, held
  ORDER BY held DESC, top ASC
  LIMIT 1
}
// Holding both named contacts: at least one coordination and one moderation contact, all
// employed by one and the same group.
WITH n, top, toFloat(held) / total AS share,
     coordination > 0 AND moderation > 0 AND unaffiliated = 0 AND contactGroups = 1 AS bothContacts
WHERE share > $maxShare OR bothContacts
RETURN n.id AS subject_id, n.name AS subject_name,
       {group: top, share: share, both_contacts: bothContacts} AS evidence
ORDER BY subject_id
