"""Language pack: Hebrew."""
