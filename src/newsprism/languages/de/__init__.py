"""Language pack: German."""
