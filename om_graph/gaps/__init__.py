"""Collaboration gaps: one module per gap kind (filled in by issue 4)."""

MODULES: tuple[str, ...] = ()
