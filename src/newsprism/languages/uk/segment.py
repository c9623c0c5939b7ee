"""Ukrainian segmentation hints: address words (вул., пров.) and initials-like "ім."."""

NEVER_FINAL: frozenset[str] = frozenset("""
вул ім пров
""".split())
