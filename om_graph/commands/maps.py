"""om-graph maps: commands (issue 4)."""
