"""Collaboration gaps: where OM networks and partners could work together but, on record, do not.

The gap kinds are queries (:mod:`om_graph.queries.gaps`); ``find`` assembles and filters
them, ``render`` prints them.
"""
