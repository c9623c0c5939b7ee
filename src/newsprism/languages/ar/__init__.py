"""Language pack: Arabic."""
