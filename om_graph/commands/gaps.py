"""om-graph gaps: commands (issue 4)."""
