"""Page residue (clean/residue.py): phrase classes, byline shapes.

Residue is removed before the language is known, and a page's widgets are often in
another language than its article (English share buttons on a Korean page), so the
cleaner applies the phrases of *every* pack to every text. Each pattern must
therefore be safe on text of any language: anchored, short-line only (the category's
word limit), and specific to its own words or script.

``PHRASES`` maps a category (the reason recorded for a removed line) to regular
expressions, searched case-insensitively in a line of at most
``CATEGORY_MAX_WORDS[category]`` words. A pattern that does not start with ``^``
("floating") is tried only on lines holding one of ``FLOATING_KEYWORDS`` (lowercase
substrings): add the keyword when you add such a pattern.
"""

# Category -> the most words a matching line may have; longer lines are article text
# that merely mentions the word. The order is the order categories are tried in.
CATEGORY_MAX_WORDS: dict[str, int] = {
    "subscribe": 25,
    "share": 12,
    "cookie": 60,
    "navigation": 8,
    "copyright": 30,
    "caption": 20,
}

# Marks and brand names that read the same on a page in any language.
PHRASES: dict[str, list[str]] = {
    "copyright": [
        r"^(©|ⓒ|\(c\))\s",
    ],
    "caption": [
        r"^(getty images|afp|reuters|ap photo|yonhap|kcna|kcna via reuters|epa|sputnik)(\s*/|\s+via\b|$)",
    ],
}

FLOATING_KEYWORDS: tuple[str, ...] = ()

# Bylines: searched (case-insensitively) in a line of at most 10 words that does not
# end with a period ("By Monday, the troops had left." is a sentence).
BYLINES: list[str] = []

# Contact lines naming the author, of any length ("Write to X at x@y.com").
CONTACT_LINES: list[str] = []
