"""Language pack: English."""
