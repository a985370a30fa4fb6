"""The network of networks as queries: its networks, the links between them, the memberships."""
