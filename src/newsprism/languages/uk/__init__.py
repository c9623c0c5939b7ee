"""Language pack: Ukrainian."""
