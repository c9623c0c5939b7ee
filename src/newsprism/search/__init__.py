"""Stories and search within them: named scopes of documents (stories.py) that every view can be
limited to. The query language and the normalised index are the store's (store/query.py, store/terms.py)."""
