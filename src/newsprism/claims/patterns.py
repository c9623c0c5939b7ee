"""The patterns and word tables quantity extraction reads (``claims.extract``): what a number looks like,
what is not a quantity, vague plurals, hedged shares and multiples, ranges, units and counted phrases.

Data only, no logic: kept apart so that ``extract.py`` holds the reading of a text and stays a size one
can read. Every pattern says in a comment what it is for and, where it came from a real text, which.
"""

from __future__ import annotations

import re

_DIG = (r"(?:(?<![\w.,%-])[-−](?=\d))?\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00a0\u202f\u2009]\d{3})+)(?:[.,]\d+)?(?!\d)"
        r"|(?:(?<![\w.,%-])[-−](?=[\d.]))?\d+(?:[.,]\d+)?|(?<![\w.,])\.\d+")

_NOT_QUANTITY = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|(?<![\w.,-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\w.,-])|"  # date lines: 2025-04
    r"(?<![\w.])(?:19|20)\d{2}[./]\s?(?:0?[1-9]|1[0-2])[./]\s?(?:0?[1-9]|[12]\d|3[01])\.?(?![\d])|"  # 2024.11.05
    r"(?<![\w.·])\d{1,2}·\d{1,2}(?![\d·])|"              # 4·25, 6·25: a date that names an event or a place
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\b\.?"
    r"|\+?\d[\d ()-]{7,18}\d(?=\s|$)(?<=\d{3}-\d{4})"
    r"|(?<![\w-])-0-(?![\w-])"                           # KCNA's end-of-article mark
    r"|\d+(?:\.\d+)?×\d+(?:[.,]\d+)?(?:[−-]\d+)?"  # "20×10 Policy", "1.99×10−30": names and notation
    r"|\b[Oo]ne day(?=,|\s+(?:in|last|this|next|when|while|during|at|after|before)\b)"
    r"|\b(?:https?://|www\.|pic\.twitter\.com/)\S+|(?<![\w.])[@#][\w.]*\d\w*"   # links, @handles, #hashtags
    r"|\[\d{1,3}\]"                                      # footnote marks: "beneficence[6]", "[2] Just ..."
    r"|(?<![\w'’])['’]\d{2}(?=\s*(?:[.,;:)!?]|$)|\s+(?:and|or|as|to|in|on|at|when|was|season|elections?|campaign)\b)"  # '16
    r"|\b[\w:-]+=\"[^\"<>]{0,80}\""                      # markup attributes left in the text: timestamp="1448038800"
    r"|(?<![\w.,-])\d-?D\b"                                # 3-D printing, 2-D, 3D printers
    r"|(?<![\w.,])(?!\d{1,3}(?:\.\d{3})+(?![\d.]))\d+(?:\.\d+){2,}(?![\d.])"  # "(7.62.88)", 1.2.3: references, versions
    r"|\b(?:Best|List|Sale|Our)\s+Price\s*:?\s*(?:US)?\$\s?\d[\d,.]*|\bBuy\s+(?:New|Used)\s*:?\s*\$\s?\d[\d,.]*"  # shop widgets
    r"|\bon\s+the\s+one\s+hand\b"                         # an idiom (NewsQuant does count "at one point")
    r"|\b\d{1,3}:\s?\d{1,3}(?:\s?[-–]\s?\d{1,3})?(?:,\s?\d{1,3}(?::\d{1,3})?(?:[-–]\d{1,3})?)*"  # verses: 6:14-17, 13:4-5
    r"|(?:\bcall(?:ed|ing|s)?|\bdial(?:l?ed|l?ing|s)?)\s+911\b|\b911\s+(?:call|dispatch|operator)"  # the emergency number
    r"|\(\d{1,2}\)(?=\s+[A-Z])"                             # "(1) Absolutely nothing": an enumerator
    r"|^\s*\d{1,2}\s*(?:[–—]|-(?=\s))\s*(?=[A-Z])"          # "4 – Powell's group worked ...": a list item
    r"|^\s*\d{1,3}\.?\s*$"                                  # a lone "7." line: a numbered heading
    r"|(?:^|(?<=\n)|(?<=[.!?\"”]\s))\s*\d{1,2}\.(?=\s+[A-Z])", re.IGNORECASE)  # "… lawyer. 9. Ramirez admits": a list item

_STREET = r"(?:St|Street|Rd|Road|Ave|Avenue|Way|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|Terrace|Square|Sq|Highway|Hwy)"

_ADDRESS = re.compile(rf"(?:[-–]\d+)?(?:\s+(?:[A-Z][\w.'’]*|\d+(?:st|nd|rd|th))){{0,3}}\s+{_STREET}\b\.?(?!\s+(?:of|for)\b)")

_MODEL_NAME = re.compile(r"\s+(?:Pro|Max|Plus|Mini|Ultra|Dreamliner|Lite|Series|Edition|ZIP|Zip\s+[Cc]ode|postcode)\b")

_INDEX_BEFORE = re.compile(r"(?:\bS\s?&\s?P|\bsp|\bFTSE|\bNikkei|\bRussell|\bStoxx|\bCAC|\bDAX|\bFortune|\bInc\.?|"
                           r"\bcategory|\btop|\bbottom)\s*$", re.I)

# what may stand between the two ends of "from X ... to Y": a unit, a few words, a time ("at 10.45pm last night")
_FROM_TO_GAP = re.compile(r"[^,;:()\[\]\d]{0,30}(?:\d[^,;:()\[\]]{0,12})?[^,;:()\[\]\d]{0,12}\bto\s*(?:US\s?)?(?:\$|€|£)?\s*", re.I)

_HYPHEN_RANGE = re.compile(r"^\s?[-–—~]\s?$")

_ABBREV = re.compile(r"(?:[A-Z]\.){2,}")     # "U.S.", "U.N.": part of a noun phrase, never its head

_SCORE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}")

_TIMES = re.compile(r"\s(times|-fold|fold)\s+(?:more|less|fewer|bigger|larger|smaller|higher|lower|greater|faster|"
                    r"slower|longer|shorter|as\b|the\b|that\b|than\b|over\b|increase|growth|rise|jump)", re.I)

_SMALL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"

# "1/16 of a pint", "one in five Americans", "one out of three Germans": a share
_RATIO_RE = re.compile(rf"(?<![\w/⁄.])(?:(\d{{1,3}})\s?[/⁄]\s?(\d{{1,4}})(?=\s+of\b)"
                       rf"|\b({_SMALL_WORDS}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?({_SMALL_WORDS}|\d{{1,3}})\b(?!\s*(?:%|percent|per cent))(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches)\b))",
                       re.IGNORECASE)


