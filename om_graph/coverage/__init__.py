"""Ambassador coverage and planning (filled in by issue 4)."""

MODULES: tuple[str, ...] = ()
