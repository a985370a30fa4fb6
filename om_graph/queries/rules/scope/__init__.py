"""Scope of action (Handlungsrahmen) of the 2012 criteria: OM201-OM202."""
