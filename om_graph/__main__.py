"""``python -m om_graph`` runs the command line."""

from .cli import app

app(prog_name="om-graph")
