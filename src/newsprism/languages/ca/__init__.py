"""Language pack: Catalan."""
