"""Italian segmentation hints: titles (Sig., Dott.)."""

NEVER_FINAL: frozenset[str] = frozenset("sig dott".split())
