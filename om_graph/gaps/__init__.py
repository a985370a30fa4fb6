"""Collaboration gaps: where OM networks and partners could work together but, on record, do not.

One module per gap kind (its code, words and :func:`~om_graph.analyses.analysis`); ``find``
assembles and filters them, ``render`` prints them. Which networks count, and what links two
networks, is decided once in ``scope``.
"""

#: The gap kinds, in the order reports list them; each is a module of this package.
MODULES: tuple[str, ...] = (
    "unlinked_overlap",
    "unlinked_border",
    "isolated_network",
    "unaffiliated_intermediary",
    "pooling_candidate",
)
