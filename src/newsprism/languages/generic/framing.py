"""Framing facts of a language (framing/lexicon.py): how it keeps a term at arm's length and how terms match.

Story content — the referents outlets name differently and each language's competing terms for them — is
not in the packs: it is in a framing case file (``resources/framing/cases/``, the ``framing_case``
setting; docs/framing.md, "Case file").
"""

# Words just before a variant that keep it at arm's length ("so-called"): regular
# expressions, matched right before the variant (an opening quote may sit between).
SO_CALLED: list[str] = []

# True where words take particles or endings glued on (Korean 해방을): terms then match
# at the start of a word, not as whole words.
MATCH_WORD_START: bool = False
