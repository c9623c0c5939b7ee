"""English numbers: words, scales, hedges, what is counted. English is the base language: its number words,
stop words and share words are read in every text (see ``newsprism.claims.numbers.BASE``)."""

from __future__ import annotations

import re

SCALES = {'hundred': 100.0, 'thousand': 1000.0, 'million': 1000000.0, 'billion': 1000000000.0,
          'trillion': 1000000000000.0, 'mn': 1000000.0, 'mln': 1000000.0, 'bn': 1000000000.0, 'k': 1000.0,
          'm': 1000000.0, 'b': 1000000000.0, 'tn': 1000000000000.0}

WORDS = {'zero': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8,
         'nine': 9, 'ten': 10, 'eleven': 11, 'twelve': 12, 'thirteen': 13, 'fourteen': 14, 'fifteen': 15,
         'sixteen': 16, 'seventeen': 17, 'eighteen': 18, 'nineteen': 19, 'twenty': 20, 'thirty': 30, 'forty': 40,
         'fifty': 50, 'sixty': 60, 'seventy': 70, 'eighty': 80, 'ninety': 90, 'dozen': 12}

WORD_SCALES = {'billion', 'hundred', 'million', 'thousand', 'trillion'}

HEDGES_BEFORE = {'about': ['~', 'about'], 'around': ['~', 'about'], 'approximately': ['~', 'about'],
                 'approx.': ['~', 'about'], 'roughly': ['~', 'about'], 'some': ['~', 'about'],
                 'an estimated': ['~', 'about'], 'estimated': ['~', 'about'], 'nearly': ['~', 'nearly'],
                 'almost': ['~', 'nearly'], 'close to': ['~', 'nearly'], 'just under': ['<', 'nearly'],
                 'at least': ['>=', 'at least'], 'no fewer than': ['>=', 'at least'], 'no less than': ['>=', 'at least'],
                 'a minimum of': ['>=', 'at least'], 'more than': ['>', 'more than'], 'over': ['>', 'more than'],
                 'upwards of': ['>', 'more than'], 'in excess of': ['>', 'more than'], 'above': ['>', 'more than'],
                 'just over': ['>', 'more than'], 'well over': ['>', 'more than'], 'exceeding': ['>', 'more than'],
                 'up to': ['<=', 'up to'], 'as many as': ['<=', 'up to'], 'as much as': ['<=', 'up to'],
                 'at most': ['<=', 'up to'], 'a maximum of': ['<=', 'up to'], 'less than': ['<', 'less than'],
                 'fewer than': ['<', 'less than'], 'under': ['<', 'less than'], 'below': ['<', 'less than'],
                 # a figure said to have gone past a mark: "the toll has passed 45,000", "surpassed 3,000"
                 'has passed': ['>', 'more than'], 'have passed': ['>', 'more than'], 'had passed': ['>', 'more than'],
                 'surpassed': ['>', 'more than'], 'surpasses': ['>', 'more than'], 'exceeded': ['>', 'more than'],
                 'exceeds': ['>', 'more than'], 'topped': ['>', 'more than'], 'tops': ['>', 'more than']}

HEDGES_AFTER = {'or more': ['>=', 'at least'], 'plus': ['>', 'more than'], '+': ['>', 'more than'],
                '-plus': ['>', 'more than'], 'odd': ['~', 'about'], 'or so': ['~', 'about'], '-odd': ['~', 'about']}

CHUNK_STOP = {'a', 'a year', 'about', 'across', 'after', 'again', 'against', 'ago', 'all', 'already', 'also',
              'although', 'amid', 'among', 'an', 'and', 'are', 'around', 'as', 'at', 'be', 'became', 'because',
              'become', 'becomes', 'been', 'before', 'being', 'between', 'both', 'but', 'by', 'came', 'can', 'come',
              'comes', 'compared', 'could', 'despite', 'did', 'do', 'does', 'down', 'during', 'each', 'earlier',
              'equal', 'even', 'fall', 'falls', 'fell', 'for', 'from', 'gave', 'get', 'gets', 'give', 'gives', 'go',
              'goes', 'got', 'had', 'has', 'have', 'he', 'her', 'here', 'his', 'how', 'i', 'if', 'in', 'including',
              'into', 'is', 'it', 'its', 'just', 'knew', 'last', 'later', 'least', 'left', 'less', 'like', 'made',
              'make', 'makes', 'may', 'might', 'minus', 'more', 'most', 'must', 'my', 'next', 'no', 'nor', 'not',
              'now', 'of', 'on', 'only', 'or', 'our', 'out', 'over', 'per', 'plus', 'remain', 'remained', 'remains',
              'rise', 'rises', 'rose', 'said', 'saw', 'say', 'says', 'see', 'sees', 'shall', 'she', 'should', 'since',
              'so', 'still', 'such', 'take', 'takes', 'than', 'that', 'the', 'their', 'then', 'there', 'these', 'they',
              'this', 'those', 'though', 'through', 'times', 'to', 'told', 'too', 'took', 'toward', 'towards', 'under',
              'until', 'up', 'versus', 'very', 'vs', 'vs.', 'was', 'we', 'went', 'were', 'what', 'when', 'where',
              'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'within', 'without', 'would',
              'year', 'years', 'yet', 'you', 'your'}

SKIP_BEFORE = {'#', 'apartment', 'article', 'bill', 'case', 'chapter', 'code', 'episode', 'exit', 'ext.', 'fax',
               'flight', 'game', 'gen', 'generation', 'grade', 'highway', 'hr', 'id', 'interstate', 'issue', 'item',
               'level', 'model', 'no.', 'nos.', 'number', 'p.', 'page', 'pages', 'paragraph', 'part', 'phone', 'pp.',
               'resolution', 'room', 'round', 'route', 'row', 's.', 'season', 'seat', 'section', 'series', 'stage',
               'tel.', 'unit', 'v', 'version', 'vol', 'vol.', 'volume', 'week'}

YEAR_BEFORE = {"'", 'after', 'and', 'autumn', 'before', 'by', 'c', 'during', 'early', 'fall', 'fiscal', 'from', 'fy',
               'in', 'late', 'mid', 'of', 'season', 'since', 'spring', 'summer', 'the', 'through', 'till', 'to',
               'until', 'winter', 'year'}

CHANGE_UP = {'added', 'advanced', 'boosted', 'climbed', 'gain', 'gained', 'gains', 'grew', 'grow', 'grown', 'growth',
             'higher', 'increase', 'increased', 'increases', 'jump', 'jumped', 'raised', 'rise', 'risen', 'rises',
             'rising', 'rose', 'soared', 'surged', 'up'}

CHANGE_DOWN = {'cut', 'decline', 'declined', 'declines', 'decrease', 'decreased', 'dipped', 'down', 'drop', 'dropped',
               'drops', 'fall', 'fallen', 'falling', 'falls', 'fell', 'lost', 'lower', 'lowered', 'plunged', 'reduced',
               'sank', 'shed', 'slid', 'slipped', 'tumbled'}

VAGUE = [('(?:several|a\\s+few|many)\\s+hundred\\s+thousand', 100000.0, 1000000.0),
 ('(?:several|a\\s+few|many)\\s+hundred\\s+million', 100000000.0, 1000000000.0),
 ('(?:several|a\\s+few|many)\\s+million', 1000000.0, 10000000.0),
 ('(?:several|a\\s+few|many)\\s+billion', 1000000000.0, 10000000000.0),
 ('(?:several|a\\s+few|many)\\s+dozen', 12, 120), ('(?:several|a\\s+few|many)\\s+hundred', 100, 1000),
 ('(?:several|a\\s+few|many)\\s+thousand', 1000, 10000), ('tens\\s+of\\s+millions', 10000000.0, 100000000.0),
 ('hundreds\\s+of\\s+millions', 100000000.0, 1000000000.0), ('tens\\s+of\\s+thousands', 10000.0, 100000.0),
 ('hundreds\\s+of\\s+thousands', 100000.0, 1000000.0), ('dozens', 12, 120), ('hundreds', 100, 1000),
 ('thousands', 1000, 10000), ('millions', 1000000.0, 10000000.0), ('billions', 1000000000.0, 10000000000.0)]

MULTIPLES = {'doubled': 2, 'tripled': 3, 'trebled': 3, 'quadrupled': 4, 'quintupled': 5, 'halved': 0.5, 'twofold': 2,
             'threefold': 3, 'fourfold': 4, 'fivefold': 5, 'sixfold': 6, 'sevenfold': 7, 'eightfold': 8,
             'ninefold': 9, 'tenfold': 10}

FRACTIONS = {'half': 0.5, 'third': 0.3333333333333333, 'quarter': 0.25, 'fifth': 0.2, 'tenth': 0.1,
             'two-thirds': 0.6666666666666666, 'two thirds': 0.6666666666666666, 'three-quarters': 0.75,
             'three quarters': 0.75, 'three-fourths': 0.75, 'three fourths': 0.75, 'two-fifths': 0.4,
             'two fifths': 0.4, 'three-fifths': 0.6, 'three fifths': 0.6, 'four-fifths': 0.8, 'four fifths': 0.8}

NOT_COUNTED = {'about', 'abroad', 'again', 'ago', 'ahead', 'almost', 'alone', 'already', 'altogether', 'annually',
               'apiece', 'approximately', 'around', 'away', 'back', 'came', 'daily', 'each', 'gave', 'got', 'half',
               'here', 'last', 'made', 'monthly', 'nationwide', 'nearly', 'next', 'now', 'overseas', 'quarter',
               'roughly', 'still', 'then', 'there', 'third', 'today', 'together', 'tomorrow', 'took', 'total', 'weekly',
               'went', 'won', 'worldwide', 'yesterday'}

PRONOUNS = {'it', 'them', 'these', 'those', 'us', 'which', 'whom', 'whose', 'you'}

NOT_NAME_BEFORE = {'about', 'almost', 'and', 'approximately', 'around', 'at', 'between', 'by', 'from', 'just', 'least',
                   'less', 'more', 'nearly', 'of', 'only', 'or', 'over', 'roughly', 'some', 'than', 'the', 'to', 'up'}

METRE_AFTER = {'above', 'across', 'and', 'at', 'away', 'below', 'deep', 'from', 'high', 'in', 'long', 'of', 'on', 'or',
               'tall', 'thick', 'to', 'wide'}

_PARTICIPLE_NOUNS = {'abducted', 'affected', 'arrested', 'captured', 'detained', 'disabled', 'displaced', 'evacuated',
                     'executed', 'infected', 'injured', 'killed', 'missing', 'wounded'}

# a capitalised name of a people or place, then a plural noun: "North Korean soldiers", "Ukrainian troops"
_NAMED_NOUN = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}[a-z]+s\b")
HYPHEN_ADJ = {'deep', 'fold', 'high', 'long', 'odd', 'old', 'plus', 'strength', 'strong', 'tall', 'wide'}

_IRREGULAR = {'species': 'species', 'series': 'series', 'news': 'news', 'means': 'means', 'lives': 'life',
              'wives': 'wife', 'knives': 'knife', 'men': 'man', 'women': 'woman', 'children': 'child',
              'servicemen': 'serviceman', 'servicewomen': 'servicewoman', 'heroes': 'hero', 'hypotheses': 'hypothesis',
              'analyses': 'analysis', 'crises': 'crisis', 'theses': 'thesis', 'feet': 'foot', 'teeth': 'tooth',
              'geese': 'goose', 'mice': 'mouse', 'potatoes': 'potato', 'tomatoes': 'tomato', 'volcanoes': 'volcano',
              'torpedoes': 'torpedo', 'vetoes': 'veto', 'echoes': 'echo', 'embargoes': 'embargo'}

_US_NOUNS = {'abacus', 'apparatus', 'bonus', 'bus', 'cactus', 'campus', 'caucus', 'census', 'chorus', 'circus',
             'consensus', 'corpus', 'focus', 'fungus', 'genius', 'nexus', 'octopus', 'omnibus', 'prospectus', 'sinus',
             'status', 'stimulus', 'surplus', 'syllabus', 'thesaurus', 'virus', 'walrus'}

MULTIPLYING = {"hundred": 100.0, "dozen": 12.0}
AND_WORDS = {"and"}
WORD_JOINERS = {"and"}
ONE_WORDS = {"one", "a", "an"}
MINUS_WORDS = {"minus"}
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
RANGE_WORDS = {"to", "and", "or"}
FROM_WORDS = {"from"}
TO_WORDS = {"to"}
BETWEEN_WORDS = {"between"}
SCALE_CHAIN = {"thousand", "million", "billion", "trillion"}
RATIO_IN_WORDS = True
MAX_COUNTED_WORDS = 4
HYPHEN_COUNTED = True
COUNTED_OF = re.compile(r"\s*of\s+(?:(?:the|its|their|his|her|our|all|these|those)\s+){0,2}")

for _w, _v in list(WORDS.items())[2:11]:
    MULTIPLES[_w + "fold"] = _v                      # "twofold" .. "tenfold"

FRACTION_RE = re.compile(r"(?<![\w-])(?:(?:a|one)[\s-])?(two[\s-]thirds|three[\s-](?:quarters|fourths|fifths)"
                         r"|(?:two|four)[\s-]fifths|half|third|quarter|fifth|tenth)(?![\w-])", re.IGNORECASE)

AND_A_HALF = re.compile(r"(?<![\w-])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                        r"-and-a-half(?![\w-])", re.I)

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
_FRAC_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.75, "thirds": 2 / 3}


def scaled_phrases(text: str) -> list[tuple[int, int, float, float]]:
    """"half a million" (0.5 x 1e6), "a million and a half", "a couple of hundred", "a quarter million"."""
    out = []
    for kind, pattern in _FRAC_OF_SCALE.items():
        for m in pattern.finditer(text):
            if kind == "frac" and re.search(r"\band[\s-]+$", text[max(0, m.start() - 6):m.start()], re.I):
                continue                               # "one and a half million" is read as one number already
            word = m.group("scale").lower()
            sc = MULTIPLYING["dozen"] if word == "dozen" else SCALES[word]
            f = (1.5 if kind == "and_half" else 2.0 if kind == "couple"
                 else _FRAC_WORDS[re.split(r"[\s-]+", m.group("frac").lower())[-1]])
            out.append((m.start(), m.end(), f, sc))
    return out


_ABBREV = re.compile(r"(?:[A-Z]\.){2,}")     # "U.S.", "U.N.": part of a noun phrase, never its head
_CLAUSE_NEXT = re.compile(r"\s+(?:the|a|an|each|their|his|her|its|our|them|him|it|me|us|you|this|these|those|that"
                          r"|what|alongside|in|on|at|for|with|from|into|across|near|against|to|under|behind|below"
                          r"|above|outside|inside|within|without|after|before|during|through|around)\b")


def _plural(word: str) -> bool:
    w = word.lower()
    return bool(re.search(r"[^s]s$", w)) or w in _IRREGULAR or w in ("people", "police", "personnel", "staff")


def counted_form(word: str) -> str:
    return word[:-1] if re.search(r"[^s]['’]$", word) else word   # a closing quote: "'5 soldiers died'"


def counted_word(word: str, words: list[str], text: str, at: int) -> str:
    """English breaks: a participle or adverb ("killed"), a new clause ("shells Russia fires", "troops face each
    other"), a possessive ("soldiers’ bodies" counts soldiers; "the nation’s 22 regions" counts nothing)."""
    w = word
    if re.search(r"(?:ed|ing|ly)$", w.lower()) and w[0].islower() and "-" not in w \
            and (words or w.lower() not in _PARTICIPLE_NOUNS):
        return "stop"
    if words and w[0].isupper() and words[-1][0].islower() and not _ABBREV.fullmatch(w) \
            and not (all(x.lower() in _PARTICIPLE_NOUNS for x in words) and _NAMED_NOUN.match(text, at - len(w))):
        return "stop"           # but "two captured North Korean soldiers": a participle before a named people's noun
    if words and w[0].islower() and _plural(words[-1]) and not w.endswith("s") and _CLAUSE_NEXT.match(text, at):
        return "stop"
    if re.search(r"s['’]$", w):
        return "last"
    if re.search(r"['’]s$", w):
        return "none"
    return ""


def singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for plural, one in (("men", "man"), ("women", "woman")):
        if w.endswith(plural) and w[:-len(plural)].isalpha() and len(w) > len(plural) + 2 \
                and w not in ("specimen", "abdomen", "stamen", "semen", "regimen"):
            return w[:-len(plural)] + one              # "fishermen", "policemen", "crewmen"
    if w.endswith("uses") and w[:-2] in _US_NOUNS:
        return w[:-2]                                  # viruses, bonuses, campuses (but causes, houses)
    for suf, rep in (("ies", "y"), ("ves", "f"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if w.endswith(suf) and len(w) > len(suf) + (1 if suf in ("sses", "ches", "shes", "xes") else 2):
            return w[: -len(suf)] + rep                # bosses, taxes; but lives -> live, not "lif"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w

# numbers that are not claims (see generic)
AGO = r"(?<!\w)ago(?!\w)"
TEMPERATURE = r"\s?(?:°\s?[CF]\b|degrees?\s+(?:Celsius|Fahrenheit|centigrade|below\s+zero|of\s+frost)\b)"
CALIBRE_UNITS = {"mm"}
