"""Language pack: Spanish."""
