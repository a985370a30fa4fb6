"""om-graph ambassadors: commands (issue 4)."""
