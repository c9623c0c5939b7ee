"""Search normalisation (store/terms.py): how a word of this language is indexed and looked up.

The search index holds, beside each word as written, its normal form: a lemma or stem, so
"Курской" finds "Курск" and "liberated" finds "liberation". A pack says which scripts its
normaliser reads (``SCRIPTS``) and gives ``normalise``; a query word is looked up under the
normal forms of every pack that reads its script (store/terms.py ``phrase_forms``).
"""

# Scripts this pack's ``normalise`` understands ("latin", "cyrillic"); empty: none (lower case only).
SCRIPTS: frozenset[str] = frozenset()


def normalise(word: str) -> str:
    """The normal form of one lower-cased word (a lemma or stem); generic: the word itself."""
    return word
