"""The patterns and word tables quantity extraction reads (``claims.extract``): what a number looks like,
what is not a quantity, vague plurals, hedged shares and multiples, ranges, units and counted phrases.

Data only, no logic: kept apart so that ``extract.py`` holds the reading of a text and stays a size one
can read. Every pattern says in a comment what it is for and, where it came from a real text, which.
"""

from __future__ import annotations

import re

from .numbers import WORDS

_DIG = (r"(?:(?<![\w.,%-])[-−](?=\d))?\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00a0\u202f\u2009]\d{3})+)(?:[.,]\d+)?(?!\d)"
        r"|(?:(?<![\w.,%-])[-−](?=[\d.]))?\d+(?:[.,]\d+)?|(?<![\w.,])\.\d+")

_METRE_WORDS = {"long", "high", "tall", "wide", "deep", "away", "above", "below", "thick", "across", "from",
                "in", "of", "at", "to", "and", "or", "on"}

_VAGUE = [  # order matters: longer first. (pattern, lo, hi): the CQE/NewsQuant convention for vague plurals
    (r"(?:several|a\s+few|many)\s+hundred\s+thousand", 1e5, 1e6), (r"(?:several|a\s+few|many)\s+hundred\s+million", 1e8, 1e9),
    (r"(?:several|a\s+few|many)\s+million", 1e6, 1e7), (r"(?:several|a\s+few|many)\s+billion", 1e9, 1e10),
    (r"(?:several|a\s+few|many)\s+dozen", 12, 120),
    (r"(?:several|a\s+few|many)\s+hundred", 100, 1000), (r"(?:several|a\s+few|many)\s+thousand", 1000, 10000),
    (r"tens\s+of\s+millions", 1e7, 1e8), (r"hundreds\s+of\s+millions", 1e8, 1e9), (r"tens\s+of\s+thousands", 1e4, 1e5),
    (r"hundreds\s+of\s+thousands", 1e5, 1e6), (r"dozens", 12, 120), (r"hundreds", 100, 1000), (r"thousands", 1000, 10000),
    (r"millions", 1e6, 1e7), (r"billions", 1e9, 1e10),
    (r"(?:десятки|десятков|десятках)\s+тысяч", 1e4, 1e5), (r"(?:сотни|сотен)\s+тысяч", 1e5, 1e6),
    (r"(?:несколько|нескольких)\s+(?:сотен|сот)\s+тысяч", 1e5, 1e6), (r"(?:несколько|нескольких)\s+миллионов", 1e6, 1e7),
    (r"(?:несколько|нескольких)\s+тысяч", 1000, 10000), (r"(?:несколько|нескольких)\s+сотен", 100, 1000),
    (r"(?:десятки|десятків)\s+тисяч", 1e4, 1e5), (r"(?:сотні|сотень)\s+тисяч", 1e5, 1e6),
    (r"(?:кілька|кількох)\s+тисяч", 1000, 10000), (r"тисячі", 1000, 10000), (r"сотні", 100, 1000),
    (r"тысячи", 1000, 10000), (r"сотни", 100, 1000), (r"десятки", 10, 100),
    (r"수십만", 1e5, 1e6), (r"수백만", 1e6, 1e7), (r"수천만", 1e7, 1e8), (r"수십", 10, 100), (r"tausende", 1000, 10000), (r"milliers", 1000, 10000),
    (r"miles", 1000, 10000), (r"migliaia", 1000, 10000), (r"수천", 1000, 10000), (r"수만", 1e4, 1e5), (r"수백", 100, 1000)]

_VAGUE_LANG = {"miles": "es", "milliers": "fr", "migliaia": "it", "tausende": "de"}   # words that are other things in English

_VAGUE_RE = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(_VAGUE)) + r")(?=\s+(?:of\s+)?\w|\s*명|\s*[,.;:!?)]|\s*$)",
                       re.IGNORECASE)

_NOT_QUANTITY = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\b\.?"
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

_SCALE_GROUP = r"(?P<scale>dozen|hundred|thousand|million|billion|trillion)"

_SCALE_WORD = _SCALE_GROUP + r"(?![\w-])"

_FRAC_OF_SCALE = {
    # "half a million", "a quarter of a million", "three-quarters of a million": the share times the scale
    "frac": re.compile(r"(?<![\w-])(?P<frac>(?:an?\s+|one\s+)?half|(?:a|one)\s+quarter|(?:a|one)\s+third|"
                       r"three[\s-]quarters|two[\s-]thirds)(?:\s+of)?(?:\s+an?)?\s+" + _SCALE_WORD, re.I),
    # "a million and a half": one and a half times the scale
    "and_half": re.compile(r"(?<![\w-])(?:an?|one)\s+" + _SCALE_GROUP + r"\s+and\s+a\s+half(?![\w-])", re.I),
    # "a couple (of) hundred": two times the scale
    "couple": re.compile(r"(?<![\w-])a\s+couple(?:\s+of)?\s+" + _SCALE_WORD, re.I),
}

_HALF_SCALE_RU = re.compile(r"(?<![\w-])(?:пол|пів)[\s-]?(?P<scale>миллиона|миллиарда|тысячи|мільйона|мільярда|тисячі)(?![\w-])", re.I)

_FRAC_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.75, "thirds": 2 / 3}

_AND_A_HALF = re.compile(r"(?<![\w-])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                         r"-and-a-half(?![\w-])", re.I)

_STREET = r"(?:St|Street|Rd|Road|Ave|Avenue|Way|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|Terrace|Square|Sq|Highway|Hwy)"

_ADDRESS = re.compile(rf"(?:[-–]\d+)?(?:\s+(?:[A-Z][\w.'’]*|\d+(?:st|nd|rd|th))){{0,3}}\s+{_STREET}\b\.?(?!\s+(?:of|for)\b)")

_MODEL_NAME = re.compile(r"\s+(?:Pro|Max|Plus|Mini|Ultra|Dreamliner|Lite|Series|Edition|ZIP|Zip\s+[Cc]ode|postcode)\b")

_INDEX_BEFORE = re.compile(r"(?:\bS\s?&\s?P|\bsp|\bFTSE|\bNikkei|\bRussell|\bStoxx|\bCAC|\bDAX|\bFortune|\bInc\.?|"
                           r"\bcategory|\btop|\bbottom)\s*$", re.I)

_SCALE_CHAIN = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.I)

_MINUS = re.compile(r"(?<!\w)(?:minus|минус|мінус)[\s-]?", re.I)

_RANGE = re.compile(r"^\s*(?:-|–|—|~|to|and|or|bis|до|і|и|à|a|al|e|y|et|에서|내지)\s*(?:\$|€|£)?\s*$", re.IGNORECASE)

# what may stand between the two ends of "from X ... to Y": a unit, a few words, a time ("at 10.45pm last night")
_FROM_TO_GAP = re.compile(r"[^,;:()\[\]\d]{0,30}(?:\d[^,;:()\[\]]{0,12})?[^,;:()\[\]\d]{0,12}\bto\s*(?:US\s?)?(?:\$|€|£)?\s*", re.I)

_HYPHEN_RANGE = re.compile(r"^\s?[-–—~]\s?$")

_CAP_OK = {"about", "around", "nearly", "almost", "over", "some", "up", "at", "more", "less", "than", "just", "only",
           "approximately", "roughly", "least", "to", "and", "or", "between", "from", "by", "of", "the"}

_IRREGULAR = {"species": "species", "series": "series", "news": "news", "means": "means", "lives": "life",
              "wives": "wife", "knives": "knife",
              "men": "man", "women": "woman", "children": "child", "servicemen": "serviceman",
              "servicewomen": "servicewoman", "heroes": "hero", "hypotheses": "hypothesis", "analyses": "analysis",
              "crises": "crisis", "theses": "thesis", "feet": "foot", "teeth": "tooth", "geese": "goose",
              "mice": "mouse", "potatoes": "potato", "tomatoes": "tomato", "volcanoes": "volcano",
              "torpedoes": "torpedo", "vetoes": "veto", "echoes": "echo", "embargoes": "embargo"}

_US_NOUNS = {"virus", "bus", "bonus", "campus", "census", "status", "circus", "corpus", "surplus", "focus", "fungus",
             "nexus", "prospectus", "apparatus", "syllabus", "sinus", "octopus", "walrus", "chorus", "cactus",
             "consensus", "thesaurus", "stimulus", "abacus", "caucus", "omnibus", "genius"}

# words that end a counted noun phrase: adverbs after the noun, hedges and shares starting a new quantity
_NOT_COUNTED = {"ahead", "worldwide", "nationwide", "abroad", "overseas", "together", "already", "again", "still",
                "now", "then", "here", "there", "away", "back", "ago", "apiece", "each", "almost", "nearly", "about",
                "around", "roughly", "approximately", "half", "third", "quarter", "last", "next", "yesterday",
                "today", "tomorrow", "annually", "daily", "monthly", "weekly", "alone", "total", "altogether",
                "won", "took", "made", "went", "came", "gave", "got"}

_CLAUSE_NEXT = re.compile(r"\s+(?:the|a|an|each|their|his|her|its|our|them|him|it|me|us|you|this|these|those|that"
                          r"|what|alongside|in|on|at|for|with|from|into|across|near|against|to|under|behind|below"
                          r"|above|outside|inside|within|without|after|before|during|through|around)\b")

_PRONOUNS = {"them", "us", "you", "which", "whom", "whose", "it", "those", "these"}   # as written: "US" is a country      # verbs: "90 units won the title"

_PARTICIPLE_NOUNS = {"killed", "wounded", "injured", "missing", "displaced", "detained", "arrested", "captured",
                     "evacuated", "affected", "infected", "abducted", "executed", "disabled"}

_ABBREV = re.compile(r"(?:[A-Z]\.){2,}")     # "U.S.", "U.N.": part of a noun phrase, never its head

_HYPHEN_ADJ = {"strong", "odd", "plus", "long", "old", "wide", "high", "deep", "tall", "fold", "strength"}

_CJK_LANGS = {"zh", "ja"}

_CJK_COUNTED = re.compile(r"\s?([名人个個位架辆輛枚发發艘座所家件]?)((?:[\u4e00-\u9fff]){0,4})")

_CJK_PERSON = {"名", "人", "位"}

_CJK_HEDGE_IN = re.compile(r"以上|以下|余|餘|多|左右|程度|超|未満")

# Russian/Ukrainian adjective endings: an adjective first means the noun is the next word ("северокорейских военных")
_SLAVIC_ADJ = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ым|им|ую|юю|ьких|ських|ні|ний|на|не)$", re.I)

_SCORE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}")

_TIMES = re.compile(r"\s(times|-fold|fold)\s+(?:more|less|fewer|bigger|larger|smaller|higher|lower|greater|faster|"
                    r"slower|longer|shorter|as\b|the\b|that\b|than\b|over\b|increase|growth|rise|jump)", re.I)

_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1,
              "two-thirds": 2 / 3, "two thirds": 2 / 3, "three-quarters": 0.75, "three quarters": 0.75,
              "three-fourths": 0.75, "three fourths": 0.75, "two-fifths": 0.4, "two fifths": 0.4,
              "three-fifths": 0.6, "three fifths": 0.6, "four-fifths": 0.8, "four fifths": 0.8}

_MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5, "halved": 0.5,
              "удвоил": 2, "утроил": 3, "увеличилось вдвое": 2, "두 배": 2, "세 배": 3, "네 배": 4}

_FRAC_RE = re.compile(r"(?<![\w-])(?:(?:a|one)[\s-])?(two[\s-]thirds|three[\s-](?:quarters|fourths|fifths)|(?:two|four)[\s-]fifths"
                      r"|half|third|quarter|fifth|tenth)(?![\w-])",
                      re.IGNORECASE)

for _w, _v in list(WORDS["en"].items())[2:11]:
    _MULTIPLES[_w + "fold"] = _v

_SMALL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"

# "1/16 of a pint", "one in five Americans", "one out of three Germans": a share
_RATIO_RE = re.compile(rf"(?<![\w/⁄.])(?:(\d{{1,3}})\s?[/⁄]\s?(\d{{1,4}})(?=\s+of\b)"
                       rf"|\b({_SMALL_WORDS}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?({_SMALL_WORDS}|\d{{1,3}})\b(?!\s*(?:%|percent|per cent))(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches)\b))",
                       re.IGNORECASE)

_NO_MATCH = re.compile(r"(?!x)x")

# ru/uk/ko shares: "почти треть", "около половины", "две трети", "3분의 1", "절반가량"
_FRAC_ML = {
    "ru": re.compile(r"(?<![\w])(?:(?P<two>две|двух)\s+трет(?:и|ей)|(?P<third>треть|трети)|(?P<half>половин[аыуе]|половиной)"
                     r"|(?P<quarter>четверть|четверти))(?![\w])", re.IGNORECASE),
    "uk": re.compile(r"(?<![\w])(?:(?P<two>дві|двох)\s+трет(?:ини|ин)|(?P<third>третина|третину|третини)"
                     r"|(?P<half>половин[аиуі]|половиною)|(?P<quarter>чверть|чверті))(?![\w])", re.IGNORECASE),
    "ko": re.compile(r"(?P<den>\d{1,3})\s?분의\s?(?P<num>\d{1,3})|(?P<half>절반)"),
}

_MULT_ML = {
    "ru": re.compile(r"(?<![\w])в\s+(?P<n>\d+(?:[.,]\d+)?|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять"
                     r"|полтора)\s+раз[а]?(?![\w])", re.IGNORECASE),
    "uk": re.compile(r"(?<![\w])[ву]\s+(?P<n>\d+(?:[.,]\d+)?|два|дві|три|чотири|п'ять|шість|сім|вісім|дев'ять|десять"
                     r"|півтора)\s+раз[аи]?(?![\w])", re.IGNORECASE),
    "ko": re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?배(?=\s|로|나|가|에|$|[.,])"),
}

# Languages whose counted noun comes before its modifiers: "12 000 soldats nord-coréens", "12 ألف جندي"
_HEAD_FIRST = {"fr", "es", "it", "pt", "ro", "ca", "ar", "fa", "he"}
