"""Search and stories: the query language (query.py), the normalised index (terms.py) and
named scopes of documents (stories.py) that every view can be limited to."""
