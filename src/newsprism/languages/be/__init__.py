"""Language pack: Belarusian."""
