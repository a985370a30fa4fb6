"""CLI commands beyond the audit, one module per command group; each registers on ``om_graph.cli.app.app``."""
