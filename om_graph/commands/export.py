"""om-graph export: commands (issue 4)."""
