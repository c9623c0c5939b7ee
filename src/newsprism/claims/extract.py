"""Find quantities in a sentence: number, range, hedge, unit and what is counted.

Rules and word tables only, so it is fast and explainable. What differs by language
comes from the language packs (``pack(lang).numbers``, assembled in ``claims.tables``);
units and currency signs from ``resources/claims/lexicon.json``. The pass over one sentence:

1. *atoms*: digit numbers with locale separators and an optional scale word
   (``15,000``, ``1.5 million``, ``10,5 тыс.``), number words (``five thousand``,
   ``пять тысяч``), Korean place units (``1만 1천``), each with an optional
   currency sign before it;
2. *drop non-quantities*: years, dates, times of day, ordinals, IDs attached to
   letters (``F-16``), page/article/resolution numbers, over-long digit runs;
3. *ranges*: two atoms joined by ``to``/``-``/``bis``/``до``/``~``/``à``...
   (``от 10 до 12 тысяч`` gives the scale to both ends);
4. *hedges* before (``about``, ``at least``, ``около``, ``약``) and after
   (``or more``, ``여``, ``이상``), and a change verb before (``rose``, ``fell``);
5. *unit*: a lexicon unit (``%``, ``km²``, ``dollars``, ``years``) or else the
   counted noun phrase after the number, whose head is what is counted
   (``11,000 combat troops`` -> ``troop``).

Fractions (``nearly a third``, ``about half``) and multiples (``quadrupled``)
are found by their own patterns.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from .counted import counted
from .quantities_kinds import age_span, day_month_after, no_claim
from .numbers import BASE, SCALES, number_words, parse_digits, place_value, words_value
from .patterns import (_ABBREV, _ADDRESS, _FROM_TO_GAP, _INDEX_BEFORE, _MODEL_NAME, _NOT_QUANTITY, _RATIO_RE,
                       _SCORE, _TIMES)
from .tables import (atom_re, base, between_re, date_suffix_re, every, every_re, every_str, from_re, hedge_after_re,
                     hedge_table, lexicon, minus_re, month_words, multiples_re, nums, ordinal_re, range_re, scale_chain_re,
                     singular, unit_re, vague)

MAX_VALUE = 1e15         # larger values are junk (OCR runs, IDs), never quantities


@dataclass
class Quantity:
    start: int                    # offsets into the text passed in
    end: int
    lo: float                     # the stated number(s); lo == hi unless a range
    hi: float
    bound: str = "="              # = ~ > < >= <= (NewsQuant's "change" for bounds)
    hedge: str | None = None      # canonical hedge: about, nearly, at least, more than, up to, less than
    change: str | None = None     # up | down when a change verb precedes
    unit: str | None = None       # normalized unit, or the counted noun's head (singular)
    unit_text: str | None = None  # as written
    counted: str | None = None    # the counted noun phrase as written ("combat troops")
    kind: str = "count"           # count percent money measure duration age fraction multiple
    raw: str = ""

    @property
    def min(self) -> float | None:
        return None if self.bound in ("<", "<=") else self.lo

    @property
    def max(self) -> float | None:
        return None if self.bound in (">", ">=") else self.hi

    def to_attrs(self) -> dict:
        d = asdict(self)
        d.pop("start"), d.pop("end")
        d["min"], d["max"] = self.min, self.max
        return d


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    unscaled: float
    scale: float = 1.0
    currency: str | None = None
    is_words: bool = False
    vague_hi: float | None = None     # "thousands of": lo..vague_hi
    more: bool = False                # "3천여만": more than the number read


def _atoms(text: str, lang: str) -> list[_Atom]:
    out = []
    for m in atom_re(lang).finditer(text):
        cur = None
        if m.group("cur"):
            cur = lexicon()["currency_prefix"][m.group("cur").strip().lower()]
        if m.group("ko"):
            v = place_value(m.group("ko"))
            a = _Atom(m.start(), m.end(), v, v) if v is not None else None
            more = "".join(every_str("PLACE_MORE"))
            if a is not None and more and re.search(f"[{more}]", m.group("ko")):
                a.more = True                          # "천여만 발": over ten million shells
        elif m.group("dig"):
            v = parse_digits(m.group("dig"), lang)
            if v is None:
                continue
            sc = SCALES.get((m.group("scale") or "").lower(), 1.0)
            if m.group("scale") and m.group("scale").lower() in ("m", "b") and not cur:
                # bare m/b multiply money ("$5m") or a count ("1.2m tons"); "5m high" is metres
                nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 120])
                if not nxt or nxt.group(1) in base().METRE_AFTER or nxt.group(1) in base().CHUNK_STOP:
                    a = _Atom(m.start(), m.start("dig") + len(m.group("dig")), v, v)
                    a.currency = cur
                    out.append(a)
                    continue
            a = _Atom(m.start(), m.end(), v * sc, v, sc)
        else:
            words_text = m.group("words")
            end = m.end()
            tail = re.search(r"[\s-]+and(?:[\s-]+an?)?$", words_text, re.I)
            half = re.match(r"[\s-]*half\b", text[end:end + 8], re.I) if tail else \
                re.match(r"[\s-]+and[\s-]+an?[\s-]+half\b", text[end:end + 20], re.I)
            if half and tail:
                words_text = words_text[:tail.start()]     # "three-and-a-half years": 3.5
            table = number_words(lang)              # "dix-sept": a hyphenated number word stays whole
            ws = [p for t in words_text.split() for p in ([t] if t.lower() in table else re.split(r"-+", t)) if p]
            v = words_value(ws, lang)
            joiners = "|".join(re.escape(j) for j in sorted(every("WORD_JOINERS")))
            if v is None and not half and re.search(rf"\s(?:{joiners})\s", words_text):
                # "between five and ten", "cinq et six": two numbers joined by "and", each read on its own
                pos = 0
                for piece in re.split(rf"(\s+(?:{joiners})\s+)", words_text):
                    pv = None if re.fullmatch(rf"\s+(?:{joiners})\s+", piece) else words_value(re.split(r"[\s-]+", piece), lang)
                    if pv is not None and piece.lower() not in ("a", "an"):
                        out.append(_Atom(m.start() + pos, m.start() + pos + len(piece), pv, pv, is_words=True))
                    pos += len(piece)
                continue
            if v is not None and half:
                v, end = v + 0.5, end + half.end()
            if v is None or all(x.lower() in ("a", "an", "and") for x in ws):
                continue
            a = _Atom(m.start(), end, v, v, is_words=True)
        if a is None or a.value is None or a.value > MAX_VALUE:
            continue
        a.currency = cur
        if out and a.start < out[-1].end:
            continue                                   # already read as part of "4 hundred million"
        chain = scale_chain_re().match(text, a.end) if m.group("scale") or a.is_words else None
        if chain and not m.group("ko"):
            a.value *= SCALES[chain.group(1).lower()]  # "4 hundred million": scales multiply on
            a.scale *= SCALES[chain.group(1).lower()]
            a.end = chain.end()
        neg = minus_re().search(text, max(0, a.start - 7), a.start) if a.value > 0 else None
        if neg and neg.end() == a.start:
            a.value, a.unscaled, a.start = -a.value, -a.unscaled, neg.start()   # "minus-5 yards"
        out.append(a)
    special = _scaled_phrases(text, lang)
    if special:
        out = [a for a in out if not any(p.start < a.end and a.start < p.end for p in special)] + special
        out.sort(key=lambda a: a.start)
    half = [m for m in nums(lang).AND_A_HALF.finditer(text)]   # "three-and-a-half years" (hyphens keep it out above)
    for m in half:
        if not any(a.start < m.end() and m.start() < a.end for a in out):
            n = m.group(1)
            v = float(n) if n.isdigit() else number_words(lang).get(n.lower())
            if v is not None:
                out.append(_Atom(m.start(), m.end(), v + 0.5, v + 0.5, is_words=not n.isdigit()))
    if half:
        out.sort(key=lambda a: a.start)
    return out


_SCALE_OR_DOZEN = {**SCALES, "dozen": 12.0}       # "dozen" is a number word ("two dozen" = 24) that also scales


def _scaled_phrases(text: str, lang: str) -> list[_Atom]:
    """Numbers made of a share or a multiple of a scale word, read before the plain atoms: "half a million"
    is 500,000 (it had read as "half" plus 1,000,000), "полмиллиона" (the pack's ``scaled_phrases``)."""
    out = [_Atom(s, e, f * sc, f, sc, is_words=True) for s, e, f, sc in nums(lang).scaled_phrases(text)]
    out.sort(key=lambda a: (a.start, -a.end))
    return [a for i, a in enumerate(out) if not any(b.start <= a.start < b.end for b in out[:i])]


def _word_before(text: str, i: int, n: int = 1) -> str:
    words = re.findall(r"[\w.#№'’-]+|[$€£%]", text[max(0, i - 60):i])
    return " ".join(words[-n:]).lower() if words else ""


def _skip(text: str, a: _Atom, lang: str, blocked: list[tuple[int, int]]) -> bool:
    """True when the atom is a year, date, time, ordinal, ID or reference number."""
    if any(s <= a.start < e for s, e in blocked):
        return True
    before, after = text[max(0, a.start - 3):a.start], text[a.end:a.end + 12]
    prev = _word_before(text, a.start)
    if re.match(r"[:/⁄]\d", after) or re.search(r"\d[:/⁄]$", before):
        return True                                         # 12:01, 3/4 dates
    if not a.is_words and not a.currency and (re.search(r"[A-Za-zА-Яа-я]-?$", before)
                                              or text[a.start] in "-−" and re.search(r"[A-Z]{2,}\s$", text[max(0, a.start - 8):a.start])):
        return True                                         # F-16, COVID-19, COVID -19, Su27
    if ordinal_re().match(after) and not a.is_words:
        return True                                         # ordinals
    rng = re.match(r"\s?[-–~∼〜]\s?\d{1,2}", after)
    if date_suffix_re().match(after) or rng and date_suffix_re().match(text, a.end + rng.end()):
        return True                                         # "13일", "10月", "1∼3월": dates and clock times
    if every_re("ORDINAL_BEFORE").search(text, max(0, a.start - 3), a.start) or every_re("NAMED_UNIT_AFTER").match(after):
        return True                                         # "제11군단", "第3", "11군단": ordinals and units' names
    if re.match(r"'?s\b", after) and not a.currency:
        return True                                         # the 1990s
    if prev in every("SKIP_BEFORE") or prev.rstrip(".") + "." in every("SKIP_BEFORE"):
        return True
    if a.is_words and re.search(r"\b(?:top|bottom)\s*$", text[max(0, a.start - 8):a.start], re.I):
        return True                                         # "slipped towards the bottom three": a rank
    if a.is_words and re.fullmatch(r"hundreds?|thousands?", text[a.start:a.end], re.I) \
            and re.search(r"\b(?:several|a\s+few|few|many)\s*$", text[max(0, a.start - 9):a.start], re.I):
        return True                                         # "several hundred": no number is stated
    if not a.is_words and not a.currency and (_ADDRESS.match(text, a.end) or _MODEL_NAME.match(text, a.end)
                                              or _INDEX_BEFORE.search(text, max(0, a.start - 12), a.start)):
        return True                                         # 9 E 71st St, 787 Dreamliner, S&P 500, 90049 ZIP Code
    if (not a.is_words and not a.currency and a.value == int(a.value) and 0 < a.value < 120
            and re.search(r"[A-Z][\w'’.-]+,\s$", text[max(0, a.start - 30):a.start])
            and re.match(r",\s", text[a.end:a.end + 2])):
        return True                                         # "Senard, 65, now faces": an age as a descriptor
    if _in_name(text, a, prev, lang):
        return True
    if a.is_words and text[a.start].isupper() and re.search(r"(?<![.!?:;\n])\s[a-z]+\s+$", text[max(0, a.start - 20):a.start]) \
            and (re.match(r"\s+[A-Z]", text[a.end:a.end + 2]) or not re.match(r"\s+[a-z]", text[a.end:a.end + 2])):
        return True                                         # "reprinted from Zero Hedge", "the Gang of Eight": names
    months = month_words()
    nxt = re.match(r"\s*([\w.]+)", after)
    nxt_month = day_month_after(text, a.end)                 # "22 December", "9. Januar", "15 de diciembre"
    if prev in months or (nxt_month and a.value <= 31 and a.value == int(a.value)):
        return True                                         # December 22 / 22 December / 22 декабря / "9 дек."
    if not a.is_words and a.value == int(a.value) and 1 <= a.value <= 31:
        dm = re.search(r"([^\W\d_]+\.?)\s+\d{1,2}(?:\s?[-–]\s?|\s+(?:to|and|through|till|until|или|и|до)\s+)$",
                       text[max(0, a.start - 24):a.start])
        if dm and dm.group(1).lower() in months:
            return True                                     # "March 17-18", "May 17 to 24": the second day
    if (not a.currency and a.scale == 1 and not a.is_words and a.value == int(a.value)
            and 1000 <= a.value <= 2199 and not every_re("COUNTER_AFTER").match(text, a.end) and re.fullmatch(r"\d{4}", text[a.start:a.end])
            and not re.match(r"\s?(?:sq\.?\s?(?:m|km|ft)|square|km|kilomet|met|mile|feet|ft|kg|ton|hectare|acre)",
                             text[a.end:a.end + 12], re.I)):
        nxt_word = nxt.group(1) if nxt else ""
        if a.value >= 1900 and not _hedge_before(text, a.start, lang) and not unit_re().match(text, a.end):
            return True
        if prev in every("YEAR_BEFORE") or not nxt_word or nxt_word.lower().rstrip(".") in every("YEAR_AFTER") \
                or nxt_word.lower() in every("YEAR_AFTER") \
                or (not nxt_word[:1].islower() and not nums(lang).NOUN_CAPITALISED) or nxt_word.lower() in base().CHUNK_STOP:
            return True                                     # a year
    return False


def _in_name(text: str, a: _Atom, prev: str, lang: str = "en") -> bool:
    """A bare number inside a name: "iPhone 11 Pro", "Game 2", "Fortune 100", "Euro 2020"."""
    if a.currency or a.is_words or _caseless(text):
        return False
    pm = re.search(r"(?:^|[^.!?:;\s]\s*)\b([A-Z][\w]*|[a-z]+[A-Z]\w*)\s+$", text[max(0, a.start - 40):a.start])
    if not pm or pm.group(1).lower() in base().NOT_NAME_BEFORE or pm.group(1).lower() in hedge_table(lang)[0]:
        return False
    nm = re.match(r"\s*([^\W\d_][\w]*)?", text[a.end:a.end + 120])
    nxt = nm.group(1) if nm else None
    if nxt and nxt[0].islower() and nxt.lower() not in base().CHUNK_STOP:
        return False
    if unit_re().match(text, a.end) or re.match(r"\s?%", text[a.end:a.end + 120]):
        return False
    return True


def lang_is_caseless(text: str) -> bool:
    return not re.search(r"[A-Za-z]", text)


@lru_cache(maxsize=8)
def _caseless(text: str) -> bool:
    return lang_is_caseless(text)


def _merge_ranges(text: str, atoms: list[_Atom]) -> list[tuple[_Atom, _Atom]]:
    out: list[tuple[_Atom, _Atom]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end:b.start]
            um = unit_re().match(gap)
            unit_gap = gap[um.end():] if um and um.start() == 0 else gap
            conn = range_re().match(unit_gap)
            if not conn and b.value < 0 and not gap.strip() and a.value >= 0:
                b = _Atom(b.start, b.end, -b.value, -b.unscaled, b.scale, b.currency)
                conn = range_re().match("-")
                gap = "-"
            from_before = from_re().search(text[max(0, a.start - 16):a.start]) is not None
            if not conn and from_before and _FROM_TO_GAP.fullmatch(gap) and b.value >= 0:
                conn = range_re().match("to")      # "from 21 mpg combined to 23", "from $75 U.S. per barrel to $45.88"
                unit_gap = " to "
            same_unit = bool(um and um.start() == 0 and unit_re().match(text, b.end)
                             and unit_re().match(text, b.end).group(0).strip().lower() == um.group(0).strip().lower())
            by_before = (re.search(r"\bby\s*$", text[max(0, a.start - 5):a.start], re.I) is not None
                         and gap.strip().lower() == "to" and a.scale == 1 and not a.currency)   # "dropped by 1 to 1.5 degrees"
            if conn and unit_gap.strip().lower() == "or":
                conn = conn if 0 < b.value - a.value <= max(1.0, abs(a.value)) and a.is_words and b.is_words else None
            elif conn and unit_gap.strip().lower() in every("AND_WORDS"):
                # "and" joins a range only after "between"; "or" only for word-hedged guesses
                conn = conn if between_re().search(text[max(0, a.start - 12):a.start]) else None
            if conn and (um and um.start() == 0 and not (same_unit and not _change_before(text, a.start))
                         or _change_before(text, a.start) and not by_before) and not from_before \
                    and not re.search(r"between\s*$", text[max(0, a.start - 9):a.start], re.I):
                conn = None                    # "rose 6.5% to 164p": a change and its result, not a range
            if conn and b.value >= 0:
                lo = a.unscaled * b.scale if a.scale == 1 and b.scale > 1 and a.unscaled <= b.unscaled * 10 \
                    else a.value
                hyphen = unit_gap.strip() in ("-", "–", "—")
                ok = lo < b.value or (from_before and unit_gap.strip().lower() in every("TO_WORDS")) \
                    or (hyphen and not gap.strip(" -–—") and lo != b.value)
                if ok and (not hyphen or len(gap) <= 3):
                    a2 = _Atom(a.start, a.end, lo, a.unscaled, b.scale, a.currency or b.currency)
                    out.append((a2, b))
                    i += 2
                    continue
        out.append((a, a))
        i += 1
    return out


def _hedge_before(text: str, start: int, lang: str) -> tuple[str, str, int] | None:
    table, pattern = hedge_table(lang)
    window = text[max(0, start - 30):start].lower()
    m = pattern.search(window)
    if not m:
        return None
    bound, hedge = table[m.group(1)]
    return bound, hedge, start - (len(window) - m.start(1))


def _change_before(text: str, start: int) -> str | None:
    window = re.findall(r"[a-z]+", text[max(0, start - 28):start].lower())[-3:]
    for w in reversed(window):
        if w in base().CHANGE_UP:
            return "up"
        if w in base().CHANGE_DOWN:
            return "down"
    return None


def find_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Every quantity in ``text`` (one sentence, or any short text), in order."""
    lang = (lang or "en").split("-")[0].lower()
    blocked = [(m.start(), m.end()) for m in _NOT_QUANTITY.finditer(text)]
    ratios = _ratios(text, lang) + _ml_shares(text, lang)
    blocked += [(q.start, q.end) for q in ratios]
    blocked += [(m.start(), m.end()) for m in base().FRACTION_RE.finditer(text)      # "two thirds of": a share, not 2 thirds
                if " " in m.group(1) and re.match(r"\s+(?:of|them|the)\b", text[m.end():m.end() + 6])]
    articles = nums(lang).ARTICLE_ONES
    atoms = [a for a in _atoms(text, lang) if not _skip(text, a, lang, blocked)
             and not (a.is_words and text[a.start:a.end].lower() in articles)]   # "ein Mitglied": an article
    vague_spans = [(m.start(), m.end()) for m in vague(lang)[1].finditer(text)]
    atoms = [a for a in atoms if not (a.is_words and _only_scales(text[a.start:a.end])
                                      and any(vs < a.start < ve or vs == a.start and not _hedge_before(text, a.start, lang)
                                              for vs, ve in vague_spans))
             and not any(vs < a.start < ve and (not a.is_words or a.end <= ve) for vs, ve in vague_spans)]
    # a number inside a vague phrase is part of it: "数十人" is not ten, "einige hundert" not one hundred
    # "десятки тысяч", "a few hundred thousand", "тысячи беженцев" are vague; "около тысячи" is one thousand
    atoms += _vague_atoms(text, atoms, lang)
    atoms.sort(key=lambda a: a.start)
    out: list[Quantity] = []
    for a, b in _merge_ranges(text, atoms):
        q = _build(text, a, b, lang)
        if q is not None and q.kind == "count" and q.lo > q.hi and q.lo < 200 and _SCORE.fullmatch(text, a.start, b.end):
            q.kind, q.unit, q.unit_text, q.counted = "score", None, None, None   # "won 3-0": a score, not a range
            q.end, q.raw = b.end, text[q.start:b.end]
        if q is not None:
            out.append(no_claim(text, q))
    out += ratios
    out += _fractions(text, lang, out)
    out.sort(key=lambda q: q.start)
    return out


def _only_scales(words: str) -> bool:
    """True for "thousand", "hundred thousand", "тысяч": scale words with no number of their own."""
    ws = [w for w in re.split(r"[\s-]+", words.lower()) if w]
    return bool(ws) and all(w in _SCALE_OR_DOZEN for w in ws)


def _ratios(text: str, lang: str) -> list[Quantity]:
    """Shares written as ratios: "1/16 of a pint", "one in five Americans", "one out of three"."""
    out = []
    for m in _RATIO_RE.finditer(text) if nums(lang).RATIO_IN_WORDS or "/" in text or "⁄" in text else ():
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = float(a) if a[0].isdigit() else words_value([a], BASE)     # the pattern's words are the base's
        d = float(b) if b[0].isdigit() else words_value([b], BASE)
        if not n or not d or n >= d:
            continue
        q = Quantity(m.start(), m.end(), n / d, n / d, kind="fraction", unit="share", unit_text=m.group(0), raw=m.group(0))
        c = counted(text, m.end(), lang)
        if c:
            q.counted = c[0]
        h = _hedge_before(text, m.start(), lang)
        if h:
            q.bound, q.hedge, q.start = h
            q.raw = text[q.start:q.end]
        out.append(q)
    return out


def _vague_atoms(text: str, atoms: list[_Atom], lang: str) -> list[_Atom]:
    out = []
    table, rx = vague(lang)                                # Spanish "miles de" only in Spanish: not English "miles"
    for m in rx.finditer(text):
        if any(a.start <= m.start() < a.end or m.start() <= a.start < m.end() for a in atoms):
            continue
        i = int(next(k for k, v in m.groupdict().items() if v)[1:])
        lo, hi = table[i][1], table[i][2]
        out.append(_Atom(m.start(), m.end(), lo, lo, vague_hi=hi))
    return out


def _build(text: str, a: _Atom, b: _Atom, lang: str) -> Quantity | None:
    q = Quantity(a.start, b.end, a.value, b.vague_hi or b.value, raw="")
    if a.vague_hi and a.vague_hi == a.value:
        q.hedge, q.bound = "about", "~"                    # "une dizaine", "un centenar": about ten, a hundred
    elif a.vague_hi:
        q.hedge, q.bound = "vague", "~"
    if a.is_words and a is b and a.value == 1 and text[a.start:a.end].lower() in every("ONE_WORDS"):
        nxt = counted(text, a.end, lang)
        if (not nxt or nxt[0].lower() in ("another", "other")) and not re.match(r"\s+of\s", text[a.end:a.end + 120]):
            return None                                    # "one of", "no one", "one another"
        if nxt and re.fullmatch(r"[a-z]+s", nxt[0]) and re.match(
                r"\s*(?::|,|that\b|whether\b|if\b|how\b|why\b|what\b)", text[nxt[2]:nxt[2] + 10]):
            return None                                    # "one wonders: …", "until one realizes that": a pronoun
    cur = a.currency or b.currency
    h = _hedge_before(text, q.start, lang)
    if h:
        q.bound, q.hedge, q.start = h
    elif b.more:
        q.bound, q.hedge = ">", "more than"
    q.change = _change_before(text, q.start)
    age = age_span(text, b.start, b.end)
    if age:
        q.end = max(q.end, age[1])
        q.unit, q.unit_text, q.kind = "year of age", "years old", "age"
    elif cur:
        q.unit, q.unit_text, q.kind = cur, text[a.start:a.start + 1], "money"
    um = None if age else unit_re().match(text, q.end)
    if not um and not age and a is not b:
        gm = unit_re().match(text, a.end)                  # "from 208 pounds to 193", "21 mpg combined to 23"
        if gm and gm.end() <= b.start:
            key = gm.group(0).strip().lstrip("-").lower()
            norm, kind = lexicon()["units"].get(key, [key, "measure"])
            if not cur or kind == "money":
                q.unit, q.unit_text, q.kind = norm, gm.group(0).strip(), kind
    if a.vague_hi and not um and not cur:
        of = re.match(r"\s+of", text[q.end:q.end + 4])       # "hundreds of thousands of cubic meters"
        um = unit_re().match(text, q.end + of.end()) if of else None
        if um and um.group(0)[:1] not in " -":
            um = None
    if not um and not age and not cur and q.kind == "count":
        of = nums(lang).COUNTED_OF.match(text[:q.end + 120], q.end)   # "1,5 millones de euros": money
        um = unit_re().match(text, of.end()) if of and of.end() > q.end else None
        if um and lexicon()["units"].get(um.group(0).strip().lower(), [None, "count"])[1] not in ("money", "measure"):
            um = None
    if um and not cur:
        key = um.group(0).strip().lstrip("-").lower()
        norm, kind = lexicon()["units"].get(key, lexicon()["units"].get(um.group(0).strip().lstrip("-"), [key, "measure"]))
        if not (key in ("m", "g", "point", "points", "second", "won") and a.is_words):
            q.unit, q.unit_text, q.kind, q.end = norm, um.group(0).strip(), kind, um.end()
    after_table, after_re = hedge_after_re()
    ha = after_re.match(text, q.end)
    if ha and not q.hedge:
        bound, hedge = after_table[ha.group(1) or ha.group(2) or ha.group(3)]
        q.bound, q.hedge, q.end = bound, hedge, ha.end()
        um = unit_re().match(text, q.end)
        if um and q.unit is None:
            key = um.group(0).strip().lstrip("-").lower()      # "70-odd-year": the unit after the hedge
            q.unit, q.unit_text, q.kind = *lexicon()["units"].get(key, [key, "count"])[:1], um.group(0).strip(), \
                lexicon()["units"].get(key, [key, "count"])[1]
            q.end = um.end()
    if q.kind in ("count", "money", "percent", "measure", "duration"):
        c = counted(text, q.end, lang)
        if c and (q.unit is None or q.kind in ("count",)):
            q.counted = c[0]
            if q.unit is None:
                q.unit, q.unit_text = c[1], c[0]
                q.end = c[2]
        elif c and q.kind in ("money", "percent"):
            q.counted = c[0]
    tm = _TIMES.match(text, q.end) if q.kind == "count" and q.unit is None else None
    if tm:                                                 # "1.2 times bigger", "2.1 times more than"
        q.kind, q.unit, q.unit_text, q.end = "multiple", "times", tm.group(1), q.end + len(tm.group(1)) + 1
    if nums(lang).NO_SPACES and not q.hedge:
        ha = after_re.match(text, q.end)                   # "1万2千人以上": the hedge after the measure word
        if ha and ha.group(2):
            q.bound, q.hedge = after_table[ha.group(2)]
            q.end = ha.end()
    if q.kind == "count" and q.unit in lexicon()["units"] and lexicon()["units"][q.unit][1] == "duration":
        q.kind = "duration"
    if q.lo > MAX_VALUE or q.hi > MAX_VALUE:
        return None
    q.raw = text[q.start:q.end]
    return q


def _ml_shares(text: str, lang: str) -> list[Quantity]:
    """Shares and multiples in the pack's words ("почти треть", "3분의 1", "в четыре раза", "4배"), read before plain
    numbers."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in nums(lang).SHARE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        v = _frac_value(m)
        if v is None:
            continue
        q = Quantity(m.start(), m.end(), v, v, kind="fraction", unit="share", unit_text=m.group(0))
        h = _hedge_before(text, m.start(), lang)
        if h:
            q.bound, q.hedge, q.start = h
        ha = nums(lang).SHARE_HEDGE_AFTER.match(text[q.end:q.end + 4])     # "절반가량"
        if ha and not q.hedge:
            q.bound, q.hedge = hedge_after_re()[0][ha.group(1)]
            q.end += ha.end()
        c = counted(text, q.end, lang)
        if c:
            q.counted = c[0]
        q.raw = text[q.start:q.end]
        out.append(q)
        taken.append((q.start, q.end))
    for m in nums(lang).MULTIPLE_RE.finditer(text):
        n = m.group("n")
        v = parse_digits(n, lang) if n[0].isdigit() else words_value([n], lang)
        if v is None or any(s <= m.start() < e for s, e in taken):
            continue
        out.append(Quantity(m.start(), m.end(), v, v, kind="multiple", unit="times", unit_text=m.group(0),
                            change="up", raw=m.group(0)))
    return out


def _frac_value(m: re.Match) -> float | None:
    g = m.groupdict()
    if g.get("den"):
        den, num = int(g["den"]), int(g["num"])
        return num / den if den and 0 < num < den else None
    return 2 / 3 if g.get("two") else 1 / 3 if g.get("third") else 0.5 if g.get("half") else 0.25 if g.get("quarter") else None


def _fractions(text: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    taken = [(q.start, q.end) for q in found]
    fractions = base().FRACTIONS
    for m in base().FRACTION_RE.finditer(text):
        word = m.group(1).lower().replace(" ", "-") if "-" in m.group(1) or " " in m.group(1) else m.group(1).lower()
        v = fractions.get(word) or fractions.get(word.replace("-", " "))
        pre = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"(?:first|second|last|latter|former)\s*$", pre) or any(s <= m.start() < e for s, e in taken):
            continue                                         # "the first half of 2024": a time, not a share
        if word in ("third", "quarter", "fifth", "tenth") and not re.match(r"(?:a|one)[\s-]", m.group(0), re.I):
            continue                                         # "third quarter", "the third": ordinals
        if not re.match(r"\s+(?:of|them|the)\b", text[m.end():m.end() + 6]) and word != "half":
            continue
        if word == "half" and not re.match(r"\s+(?:of|the|a|an|them)\b", text[m.end():m.end() + 6]):
            continue
        q = Quantity(m.start(), m.end(), v, v, kind="fraction", unit="share", unit_text=m.group(0))
        h = _hedge_before(text, m.start(), lang)
        if h:
            q.bound, q.hedge, q.start = h
        c = counted(text, m.end(), lang)
        if c:
            q.counted = c[0]
        q.raw = text[q.start:q.end]
        out.append(q)
    multiples, mult_re = multiples_re()
    for m in mult_re.finditer(text):
        v = multiples[next(k for k in multiples if m.group(1).lower() == k.lower())]
        q = Quantity(m.start(), m.end(), v, v, kind="multiple", unit="times", unit_text=m.group(0),
                     change="down" if v < 1 else "up", raw=m.group(0))
        out.append(q)
    return out
