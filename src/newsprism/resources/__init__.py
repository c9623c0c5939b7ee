"""Versioned data files (registries, lexicons, weights), loaded once per process."""
