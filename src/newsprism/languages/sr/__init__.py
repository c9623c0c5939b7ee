"""Language pack: Serbian."""
