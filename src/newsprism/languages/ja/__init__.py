"""Language pack: Japanese."""
