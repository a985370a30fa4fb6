"""``python -m om_graph`` runs the command line."""

from om_graph.cli import app

app(prog_name="om-graph")
