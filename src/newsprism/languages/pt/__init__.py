"""Language pack: Portuguese."""
