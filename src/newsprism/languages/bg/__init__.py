"""Language pack: Bulgarian."""
