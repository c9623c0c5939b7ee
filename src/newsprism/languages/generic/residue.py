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
    "paywall": 45,      # access checks and subscription walls, often two sentences long
    "share": 12,
    "cookie": 60,
    "navigation": 8,
    "widget": 16,       # page controls: audio player, text size, gallery, comment box
    "appeal": 12,       # the opener of a letter to readers (donations); what follows goes too
    "timestamp": 16,    # "Posted: ... | Updated: ...", "4 hours ago", a time alone
    "copyright": 30,
    "caption": 20,
    "credit": 40,       # a caption line that carries a photo credit ("... (Photo: X / Agency)")
}

_AGENCY = r"(getty images|afp|reuters|ap photo|ap|yonhap|kcna|kcna via reuters|epa|sputnik|shutterstock|tass|ria novosti|unian)"
_LANGUAGE_CODE = r"(ua|uk|en|eng|ru|rus|ko|kr|de|fr|es|it|pl|zh|cn|ja|jp|укр|рус|англ|english|русский|українська|한국어|español|deutsch|français)"

# Marks, shapes and brand names that read the same on a page in any language.
PHRASES: dict[str, list[str]] = {
    "navigation": [
        rf"^{_LANGUAGE_CODE}(\s*[|/·•]\s*{_LANGUAGE_CODE})+$",   # a language switcher: "EN | RU"
    ],
    "widget": [
        r"^\(\d+\)$",                                            # a counter alone: comments, likes
    ],
    "timestamp": [
        r"^\d{1,2}:\d{2}$",                                        # a time alone over a headline
        r"^date \d{4}-\d{2}$",                                     # a scraper's month stamp (full dates: date-line)
    ],
    "copyright": [
        r"^(©|ⓒ|\(c\))\s",
    ],
    "caption": [
        r"^!\[[^\]]*\]\([^)]*\)$",                               # a markdown image left by a converter
        rf"^{_AGENCY}(\s*/|\s+via\b|$)",
    ],
    "credit": [
        rf"\({_AGENCY}(\s+via\s+[^)]{{1,40}})?\)$",            # a line ending "(Getty Images)"
    ],
}

FLOATING_KEYWORDS: tuple[str, ...] = ("(",)

# Bylines: searched (case-insensitively) in a line of at most 10 words that does not
# end with a period ("By Monday, the troops had left." is a sentence).
BYLINES: list[str] = []

# Contact lines naming the author, of any length ("Write to X at x@y.com").
CONTACT_LINES: list[str] = []

# Residue glued to the front of a line's text: the line is split there first, and the
# front part then goes through the rules alone. A scraper's date stamp (" date
# 2025-01-13 Headline") is one; a Korean photo credit in brackets is another.
GLUED_PREFIXES: list[str] = [
    r"^\s*date \d{4}-\d{2}(?:-\d{2})?(?=\s+\S)",
]

# Words that open a list of other articles ("Read also", "Related"): title-like lines
# right after such a label are teasers. Matched at the start of a line, case-insensitively.
TEASER_LABELS: list[str] = []

# Section names shown as a rubric above the headline ("News", "1. Politics"): removed
# before the first body paragraph only, where they are page navigation.
SECTION_LABELS: list[str] = []
