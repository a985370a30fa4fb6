"""om-graph: audits Offensive Mittelstand networks against the OM criteria as a property graph."""

__version__ = "0.1.0"
