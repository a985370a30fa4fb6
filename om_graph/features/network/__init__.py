"""The network of networks: which networks share partners or cooperate, and how central each one is.

``stats`` turns the rows of the ``network/`` queries into graph metrics, so the statistics
are the same on either engine; ``report`` prints them.
"""
