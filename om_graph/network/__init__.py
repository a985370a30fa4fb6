"""The network of networks: which networks share partners or cooperate, and how central each one is.

``rows`` registers the analyses both engines answer (networks, links, memberships);
``stats`` turns those rows into graph metrics, so the statistics are the same on either engine.
"""

MODULES: tuple[str, ...] = ("rows",)
