// network/partner_ids: Every network with its kind, status and the ids of its partner organisations (members).
// One row per Network; partner_ids lists each organisation with a MEMBER_OF relationship to it once (empty
// without members). With network/member_names, what the statistics read: each organisation's name crosses
// the wire once, not once per membership as in network/members, and the networks come with their members.
MATCH (n:Network:OmGraph)
OPTIONAL MATCH (n)<-[:MEMBER_OF]-(o:Organisation:OmGraph)
WITH n, collect(DISTINCT o.id) AS partnerIds
RETURN n.id AS id, n.name AS name, n.kind AS kind, n.status AS status, partnerIds AS partner_ids
ORDER BY id
