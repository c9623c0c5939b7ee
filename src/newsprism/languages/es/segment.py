"""Spanish segmentation hints: forms of address (Sra., Srta., Dra.)."""

NEVER_FINAL: frozenset[str] = frozenset("sra srta dra".split())
