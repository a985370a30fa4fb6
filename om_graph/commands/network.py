"""om-graph network: commands (issue 4)."""
