"""The commands, one module per command or group; :mod:`om_graph.cli.app` registers them (none imports it)."""
