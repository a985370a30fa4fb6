"""Formal criteria for regional networks from the slides (000 §1): OM301-OM304."""
