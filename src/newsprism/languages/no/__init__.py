"""Language pack: Norwegian."""
