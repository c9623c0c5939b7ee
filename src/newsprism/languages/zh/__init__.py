"""Language pack: Chinese."""
