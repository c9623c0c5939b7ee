"""Language pack: Danish."""
