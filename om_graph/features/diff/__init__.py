"""What changed between two audits (saved ones or JSON reports): ``compare`` finds it, ``render`` and ``workbook`` word it."""

from om_graph.features.diff.compare import AuditDiff, Move, StateMovement, diff
from om_graph.features.diff.render import FORMATS, diff_dict, render_diff
from om_graph.features.diff.workbook import render_diff_xlsx

__all__ = ["FORMATS", "AuditDiff", "Move", "StateMovement", "diff", "diff_dict", "render_diff", "render_diff_xlsx"]
