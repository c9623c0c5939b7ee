"""Language pack: Persian."""
