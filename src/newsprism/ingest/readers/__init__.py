"""Built-in readers; importing this package registers them (the same way a plugin would).

text, html (saved pages), jsonl and json, csv (and tsv), feed (RSS/Atom), warc.
"""

from . import csvfile, feed, html, jsonl, text, warc  # noqa: F401
