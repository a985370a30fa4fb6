"""Collaboration gaps as queries: one module per gap kind, with its :class:`~om_graph.queries.gaps.kind.GapKind`.

Which networks count, and what links two networks, is decided once in ``scope``.
"""
