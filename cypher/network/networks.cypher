// network/networks: Every network with its kind, status and number of partner organisations (members).
// One row per Network; partners counts the organisations with a MEMBER_OF relationship to it.
MATCH (n:Network:OmGraph)
RETURN n.id AS id, n.name AS name, n.kind AS kind, n.status AS status,
       COUNT { (n)<-[:MEMBER_OF]-(:Organisation:OmGraph) } AS partners
ORDER BY id
