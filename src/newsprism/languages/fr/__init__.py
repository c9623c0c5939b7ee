"""Language pack: French."""
