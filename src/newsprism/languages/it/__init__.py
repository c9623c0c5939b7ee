"""Language pack: Italian."""
