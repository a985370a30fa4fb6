"""The ambassador concept (Botschafter-Konzept, 000 §3): OM401-OM404."""
