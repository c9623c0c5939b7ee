"""German segmentation hints: "Nr." and "bzw."."""

NEVER_FINAL: frozenset[str] = frozenset("nr bzw".split())
