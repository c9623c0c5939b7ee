"""Language pack: Russian."""
