"""French segmentation hints: forms of address (Mme, Mlle)."""

NEVER_FINAL: frozenset[str] = frozenset("mme mlle".split())
