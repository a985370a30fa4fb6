"""The ``om-graph`` command line; :data:`app` is its entry point."""

from om_graph.cli.app import app

__all__ = ["app"]
