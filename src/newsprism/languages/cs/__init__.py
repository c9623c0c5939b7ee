"""Language pack: Czech."""
