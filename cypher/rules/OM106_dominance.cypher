// OM106 framework.dominance: One partner, or one group of partners under a common parent, dominates the roles that steer the network.
// Source: 001 Rahmenbedingungen, item 6 ("Es vertritt nicht einseitig die Interessen einzelner Partner").
// Parameters (run these lines first in Neo4j Browser or cypher-shell):
// :param asOf => date('2025-06-30');
// :param kinds => ['regional', 'thematic'];
// :param maxShare => 0.5;
// :param minRoles => 4;
// :param windowMonths => 12;
// A partner group is the top of an organisation's SUBSIDIARY_OF chain (the organisation itself
// if it has no parent). Steering roles: one per CONTACT_FOR edge (credited to the group of the
// person's employer; a person without an organisation counts in the total only) and one per
// activity held in the window that has a host (credited to the host's group). Memberships are no
// role. A share is judged from $minRoles roles on; both contacts from one group is dominance always.
MATCH (n:Network:OmGraph)
WHERE n.status IN ['applied', 'recognised'] AND n.kind IN $kinds
WITH n, date($asOf) AS asOf, date($asOf) - duration({months: $windowMonths}) AS since
// One row per role: the group credited (null for an unaffiliated contact) and the contact role.
CALL (n, asOf, since) {
  MATCH (p:Person:OmGraph)-[c:CONTACT_FOR]->(n)
  OPTIONAL MATCH (p)-[:WORKS_FOR]->(:Organisation:OmGraph)-[:SUBSIDIARY_OF*0..]->(g:Organisation:OmGraph)
  WHERE NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation:OmGraph) }
  RETURN g.id AS grp, c.role AS role
  UNION ALL
  // (the date projected first: the planner then expands from the network rather than
  // seeking every activity in the (kind, date) index once per network)
  MATCH (n)-[:HELD]->(a:Activity:OmGraph)
  WITH a, a.date AS day, asOf, since
  WHERE since < day <= asOf
  MATCH (a)<-[:HOSTED]-(:Organisation:OmGraph)-[:SUBSIDIARY_OF*0..]->(g:Organisation:OmGraph)
  WHERE NOT EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organisation:OmGraph) }
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
WITH n, top, total, toFloat(held) / total AS share,
     coordination > 0 AND moderation > 0 AND unaffiliated = 0 AND contactGroups = 1 AS bothContacts
WHERE (total >= $minRoles AND share > $maxShare) OR bothContacts
RETURN n.id AS subject_id, n.name AS subject_name,
       {group: top, share: share, both_contacts: bothContacts, roles: total} AS evidence
ORDER BY subject_id
