"""The network of networks: links, statistics and exports (filled in by issue 4)."""

MODULES: tuple[str, ...] = ()
