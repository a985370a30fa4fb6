"""Ambassador coverage as queries: what each ambassador, region and network has, and the elements to cover."""
