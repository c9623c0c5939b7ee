"""Language pack: Swedish."""
