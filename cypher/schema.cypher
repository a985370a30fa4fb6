// om-graph schema: an index per label on `id`, the indexes the audits use, and a fulltext index on names.
// Applied idempotently by `om-graph load`; safe to run again in Neo4j Browser or cypher-shell.
// Plain indexes, not uniqueness constraints: a constraint on a label that other applications use too
// would bind their nodes (and fail on their duplicates). om-graph keeps its own ids unique: input is
// validated, and every load MERGEs on the id of its own nodes (those with the label OmGraph).

CREATE INDEX om_region_id IF NOT EXISTS FOR (n:Region) ON (n.id);
CREATE INDEX om_topic_id IF NOT EXISTS FOR (n:Topic) ON (n.id);
CREATE INDEX om_organisation_id IF NOT EXISTS FOR (n:Organisation) ON (n.id);
CREATE INDEX om_person_id IF NOT EXISTS FOR (n:Person) ON (n.id);
CREATE INDEX om_network_id IF NOT EXISTS FOR (n:Network) ON (n.id);
CREATE INDEX om_activity_id IF NOT EXISTS FOR (n:Activity) ON (n.id);
CREATE INDEX om_criticism_id IF NOT EXISTS FOR (n:Criticism) ON (n.id);
CREATE INDEX om_checkitem_id IF NOT EXISTS FOR (n:CheckItem) ON (n.id);
CREATE INDEX om_selfdeclaration_id IF NOT EXISTS FOR (n:SelfDeclaration) ON (n.id);
CREATE INDEX om_plannedaction_id IF NOT EXISTS FOR (n:PlannedAction) ON (n.id);

CREATE INDEX network_status IF NOT EXISTS FOR (n:Network) ON (n.status);
CREATE INDEX network_kind IF NOT EXISTS FOR (n:Network) ON (n.kind);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX activity_kind_date IF NOT EXISTS FOR (n:Activity) ON (n.kind, n.date);
CREATE INDEX organisation_intermediary IF NOT EXISTS FOR (n:Organisation) ON (n.intermediary);

// Search by name in Neo4j Browser, Bloom or NeoDash:
// CALL db.index.fulltext.queryNodes('om_names', 'Handwerk~') YIELD node, score RETURN node.name, score
CREATE FULLTEXT INDEX om_names IF NOT EXISTS FOR (n:Network|Organisation|Person|Region) ON EACH [n.name];
