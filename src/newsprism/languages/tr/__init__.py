"""Language pack: Turkish."""
