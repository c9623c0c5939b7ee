"""Language pack: Dutch."""
