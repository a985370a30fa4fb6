"""engines/neo4j"""
