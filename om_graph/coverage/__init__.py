"""Ambassador (Botschafter) coverage: what ambassadors cover, the coverage report and the planner.

``elements`` and ``ambassadors`` register the analyses both engines answer; ``report`` builds
the coverage report from their rows, ``planner`` chooses where new ambassadors cover most,
and ``render`` words both for people and machines.
"""

MODULES: tuple[str, ...] = ("elements", "ambassadors")
