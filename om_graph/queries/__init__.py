"""Everything both engines answer, one concept: a query with a Python twin and a Cypher file.

Rules (``rules/``), gap kinds (``gaps/``), the network of networks (``network/``),
ambassador coverage (``coverage/``) and the facts behind the implementation stages
(``stages``) are all :class:`~om_graph.engines.contract.Query` objects in one registry
(:mod:`om_graph.queries.registry`), each mirrored by ``cypher/<name>.cypher``.
"""
