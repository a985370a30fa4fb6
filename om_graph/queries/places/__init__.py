"""Where things are: regions with their official codes (for maps)."""
