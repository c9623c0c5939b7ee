"""Framing lexicon variants (framing/lexicon.py).

The referents themselves (ids, labels) and the connotation scale are shared by all
languages and live in ``resources/framing/lexicon.json``; a pack gives its language's
competing terms for them.
"""

# Referent id -> (term, connotation) or (term, connotation, note). Term syntax: words
# separated by spaces, matched case-insensitively; "*" ends a stem.
VARIANTS: dict[str, list[tuple[str, ...]]] = {}

# Words just before a variant that keep it at arm's length ("so-called"): regular
# expressions, matched right before the variant (an opening quote may sit between).
SO_CALLED: list[str] = []

# True where words take particles or endings glued on (Korean 해방을): terms then match
# at the start of a word, not as whole words.
MATCH_WORD_START: bool = False
