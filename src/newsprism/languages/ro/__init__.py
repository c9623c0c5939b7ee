"""Language pack: Romanian."""
