// om-graph schema: one uniqueness constraint per label on `id`, and the indexes the audits use.
// Applied idempotently by `om-graph load`; safe to run again in Neo4j Browser or cypher-shell.

CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT criticism_id IF NOT EXISTS FOR (n:Criticism) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT checkitem_id IF NOT EXISTS FOR (n:CheckItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT selfdeclaration_id IF NOT EXISTS FOR (n:SelfDeclaration) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plannedaction_id IF NOT EXISTS FOR (n:PlannedAction) REQUIRE n.id IS UNIQUE;

CREATE INDEX network_status IF NOT EXISTS FOR (n:Network) ON (n.status);
CREATE INDEX network_kind IF NOT EXISTS FOR (n:Network) ON (n.kind);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX activity_kind_date IF NOT EXISTS FOR (n:Activity) ON (n.kind, n.date);
CREATE INDEX organisation_intermediary IF NOT EXISTS FOR (n:Organisation) ON (n.intermediary);
