"""Language pack: Finnish."""
