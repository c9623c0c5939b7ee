"""Sentence segmentation hints (clean/segment.py).

Quotes, names and titles cross languages (an English "Mr." in a Russian text), and
each hint is bound to its own words or script, so the segmenter uses the hints of
every pack together; a pack holds those of its language.
"""

# Abbreviations a sentence practically never ends with (lower case, without the final
# period; dotted ones keep their inner dots: "e.g", "т.е").
NEVER_FINAL: frozenset[str] = frozenset()

# Abbreviations that are not final before a number: months, "No.", "pp.".
NUMBER_ABBREV: frozenset[str] = frozenset()

# After a dotted upper-case acronym (U.S.) a new sentence starts only with these words.
SENTENCE_OPENERS: frozenset[str] = frozenset()

# A word after ". ! ? …" that starts with one of these continues the sentence (a
# quotative particle after a closing quote).
CONTINUATIONS: tuple[str, ...] = ()

# Text right after a CJK full stop (。！？) that continues the sentence.
CJK_CONTINUATIONS: tuple[str, ...] = ()
