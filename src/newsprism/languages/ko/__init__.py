"""Language pack: Korean."""
