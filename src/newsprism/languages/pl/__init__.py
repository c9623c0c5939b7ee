"""Language pack: Polish."""
