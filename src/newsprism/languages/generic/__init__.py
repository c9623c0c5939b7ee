"""Language pack for any language without one of its own: the interface and safe defaults.

Each module here is one *concern* of a language pack and defines every name a
pack may provide for it, with values safe for any language (empty lists, patterns
that match nothing, functions that find nothing). A pack's module of the same name
overrides what it defines; the rest falls back to these.
"""
