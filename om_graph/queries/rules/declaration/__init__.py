"""Completeness of a company's self-declaration (000, special item): OM501-OM504."""
