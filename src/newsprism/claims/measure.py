"""What a quantity measures, discovered from its sentence: measure, whose and role.

A claim's group key is ``<whose>[-<role>]/<measure>`` (``north-korean/killed``,
``north-korean-deminers/deployed``, ``palestinian/wounded``, ``ukrainian-tank/destroyed``), built from
the language pack's ``claims`` concern (``languages/<code>/claims.py``):

* **measure**: the pack's measure cue nearest the number (within ``CUE_WINDOW`` characters either
  way); a combined cue ("killed or wounded", 사상자, потери) wins over the single cue inside it. A
  number that is the whole a share is taken of ("a third of the 11,000 troops") never takes a loss
  measure. No cue: no measure, and the claim falls back to a generic ``count:<noun>`` subject.
* **whose**: the side named in the counted phrase ("North Korean soldiers"), else one right before the
  number or the measure cue, else of the sides the sentence (then the one before) names the one the
  document names most; else unnamed. Sides are ids shared by all languages (``north-korean``, ``russian`` ...).
* **scope**: a loss figure put down to a disaster or a past war (``@disaster``, ``@past-war``, the
  pack's ``CAUSES``) or to one attack or short span (``@episode``) groups apart from the running totals.
* **role**: specialists (deminers, engineers, builders, officers, civilians) named in the counted
  phrase or just before the number; a counted head that is not a person (tanks, shells, km²) is its
  own role. People in general (soldiers, troops, 명) take none.

The ids are the same in every language, so en, ru, uk and ko claims about the same thing share a key;
deaths and deployments, or two sides, never share one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..languages import pack

_LOSS = {"killed-or-wounded", "killed", "wounded", "captured", "missing"}
_PHRASE = {"killed-or-wounded": "killed or wounded", "held": "held captive"}
_SIDE = {"north-korean": "North Korean", "south-korean": "South Korean", "russian": "Russian",
         "ukrainian": "Ukrainian", "palestinian": "Palestinian", "hamas": "Hamas", "israeli": "Israeli",
         "chinese": "Chinese", "taiwanese": "Taiwanese", "american": "American", "iranian": "Iranian",
         "lebanese": "Lebanese", "syrian": "Syrian"}


class _Side:
    """A side's pattern that skips mentions which name a place or partner ("sent to Russia", 러시아에)."""

    def __init__(self, rx: re.Pattern, not_before: re.Pattern | None, not_after: re.Pattern | None):
        self.rx, self.not_before, self.not_after = rx, not_before, not_after

    def finditer(self, text: str):
        for m in self.rx.finditer(text):
            if self.not_before and self.not_before.search(text[max(0, m.start() - 16):m.start()]):
                continue
            if self.not_after and self.not_after.match(text[m.end():m.end() + 32]):
                continue
            yield m

    def search(self, text: str):
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list:
        return list(self.finditer(text))


@lru_cache(maxsize=None)
def _compiled(lang: str) -> dict:
    p = pack(lang).claims
    langs = list(dict.fromkeys([lang, "en"]))            # English names are common in any text
    out = {"measures": [], "whose": [], "roles": [], "window": p.CUE_WINDOW, "before": p.NOUN_BEFORE_NUMBER,
           "clause": re.compile(p.CLAUSE_BREAK, re.I), "penalty": p.CLAUSE_PENALTY,
           "same": re.compile(p.SAME_FIGURE, re.I) if p.SAME_FIGURE else None,
           "additional": re.compile(p.ADDITIONAL, re.I) if p.ADDITIONAL else None, "add_window": p.ADDITIONAL_WINDOW,
           "episode": re.compile(p.EPISODE, re.I) if p.EPISODE else None, "ep_window": p.EPISODE_WINDOW,
           "not_head": re.compile(p.NOT_A_HEAD, re.I) if p.NOT_A_HEAD else None,
           "force": re.compile(p.FORCE_HEADS, re.I) if p.FORCE_HEADS else None,
           "of": re.compile(p.WHOSE_OF, re.I) if p.WHOSE_OF else None,
           "planned": re.compile(p.PLANNED, re.I) if p.PLANNED else None,
           "actual": re.compile(p.ACTUAL, re.I) if p.ACTUAL else None,
           "place": re.compile(p.PLACE_BEFORE, re.I) if p.PLACE_BEFORE else None,
           "anaphor": re.compile(p.ANAPHOR, re.I) if p.ANAPHOR else None,
           "bases": [(k, re.compile(v, re.I)) for k, v in p.SHARE_BASES.items()]}
    for code in langs:
        q = pack(code).claims
        # a side's name in another language's spelling ("Ukraine" in a German text) is read with both languages'
        # place and speaker words around it
        nb = _either(q.NOT_WHOSE_BEFORE, p.NOT_WHOSE_BEFORE)
        na = _either(q.NOT_WHOSE_AFTER, p.NOT_WHOSE_AFTER)
        out["measures"] += [(k, re.compile(v, re.I)) for k, v in q.MEASURES.items()]
        out["whose"] += [(k, _Side(re.compile(v, re.I), nb, na)) for k, v in q.WHOSE.items()]
        out["roles"] += [(k, re.compile(v, re.I)) for k, v in q.ROLES.items()]
        out.setdefault("causes", []).extend((k, re.compile(v, re.I)) for k, v in q.CAUSES.items())
    heads = [pack(code).claims.PERSON_HEADS for code in langs if pack(code).claims.PERSON_HEADS]
    out["person"] = re.compile("|".join(f"(?:{h})" for h in heads), re.I) if heads else None
    return out


def _either(*patterns: str) -> re.Pattern | None:
    found = list(dict.fromkeys(x for x in patterns if x))
    return re.compile("|".join(f"(?:{x})" for x in found), re.I) if found else None


def measure_of(sentence: str, at: int, end: int, lang: str, base: bool = False,
               share: bool = False) -> tuple[str, re.Match] | None:
    """(measure class, cue) of the cue nearest the number at ``sentence[at:end]``. A ``share`` ("a third of
    the 11,000 troops sent ... were killed") takes a loss cue of its clause before a nearer one inside the
    phrase of what it is a share of."""
    if share and not base:
        loss = _nearest_cue(sentence, at, end, lang, _LOSS)
        if loss:
            return loss
    found = _nearest_cue(sentence, at, end, lang, None, base)
    if found and found[0] in _LOSS and at <= found[1].start() <= end + 2:
        # "2,000 wounded returned home": the counted noun names who, the verb after it what happened to them
        moved = _nearest_cue(sentence, found[1].end(), found[1].end(), lang, _MOVED)
        if moved and moved[1].start() >= found[1].end() \
                and not _compiled(lang)["clause"].search(sentence[found[1].end():moved[1].start()]):
            return moved
    return found


def _nearest_cue(sentence: str, at: int, end: int, lang: str, only: set | None,
                 base: bool = False) -> tuple[str, re.Match] | None:
    c = _compiled(lang)
    order = {k: i for i, (k, _) in enumerate(c["measures"])}
    best = None
    for k, rx in c["measures"]:
        if base and k in _LOSS or only is not None and k not in only:
            continue
        for m in rx.finditer(sentence):
            gap = max(m.start() - end, at - m.end(), 0)
            if gap > c["window"]:
                continue
            # a cue before the number ends its clause with its own last letter too (숨지고 3명이 부상)
            between = sentence[end:m.start()] if m.start() >= end else sentence[m.end() - 1:at]
            gap += c["penalty"] * bool(c["clause"].search(between))
            rank = (gap, order[k])
            if best is None or rank < best[0]:
                best = (rank, k, m)
    if best is None:
        return None
    _, k, m = best
    for k2, rx in c["measures"]:                      # a combined cue around the chosen one wins
        if order[k2] < order[k] and not (base and k2 in _LOSS):
            for x in rx.finditer(sentence):
                if x.start() <= m.start() and m.end() <= x.end():
                    return k2, x
    return k, m


_MOVED = {"returned"}
PEOPLE_ONLY = _PEOPLE_ONLY = {"killed-or-wounded", "killed", "wounded", "missing", "held", "returned", "exchanged"}
_ADDABLE = {"deployed", "supplied"}
ADDITIONAL_SUFFIX = "+additional"


def additional(sentence: str, at: int, end: int, lang: str) -> bool:
    """Whether the number is an addition to an earlier figure ("another 3,000", 추가로), in its clause."""
    c = _compiled(lang)
    if not c["additional"]:
        return False
    w = c["add_window"]
    for left, right in ((sentence[max(0, at - w):at], ""), ("", sentence[end:end + w])):
        text = left or right
        m = c["additional"].search(text)
        if m and not c["clause"].search(text[m.end():] if left else text[:m.start()]):
            return True
    return False


PLANNED_SUFFIX = "@planned"


def planned(sentence: str, at: int, end: int, cue: re.Match | None, lang: str) -> bool:
    """Whether a deployment or delivery is announced, not done ("would be sent", "направит", 보내기로),
    by the pack's PLANNED words in the clause that holds the number and its measure cue."""
    c = _compiled(lang)
    if not c["planned"]:
        return False
    lo, hi = (min(at, cue.start()), max(end, cue.end())) if cue is not None else (at, end)
    left, right = sentence[max(0, lo - 30):lo], sentence[hi:hi + 15]
    cut = [m.end() for m in c["clause"].finditer(left)]
    left = left[cut[-1]:] if cut else left
    stop = c["clause"].search(right)
    right = right[:stop.start()] if stop else right
    return bool(c["planned"].search(left + sentence[lo:hi] + right))


PROGRESS_SUFFIX = "@so-far"


def progress(sentence: str, at: int, end: int, lang: str) -> bool:
    """Whether a figure after a plan is how much of it is already done ("X plans to send 6,000 more; 1,000
    have already arrived", 已有1000人到达): neither the plan nor the running total, a figure of its own."""
    c = _compiled(lang)
    return bool(c["actual"] and c["planned"] and c["planned"].search(sentence[:at])) and _actual(sentence, at, end, c)


def _actual(sentence: str, at: int, end: int, c: dict) -> bool:
    """Whether the number's own clause says the figure is already reached (ACTUAL) and plans nothing itself:
    "1,000 have already arrived" after a clause announcing a plan is a count, not the plan."""
    before = [m.end() for m in c["clause"].finditer(sentence[:at])]
    after = c["clause"].search(sentence, end)
    own = sentence[before[-1] if before else 0:after.start() if after else len(sentence)]
    return bool(c["actual"].search(own)) and not c["planned"].search(own)


EPISODE_SUFFIX = "@episode"


def episode(sentence: str, at: int, end: int, lang: str, cue: re.Match | None = None) -> bool:
    """Whether a loss figure is scoped to one attack or a short span ("500 killed in the strike"), next to the
    number or to its measure cue ("10 people, among them a family, were killed by an Israeli strike")."""
    c = _compiled(lang)
    if not c["episode"]:
        return False
    if cue is not None and cue.start() > end and episode(sentence, cue.start(), cue.end(), lang):
        return True
    w = c["ep_window"]
    for m in c["episode"].finditer(sentence):
        if not sentence[:m.start()].strip(" \"'«“„—–-"):
            return True             # "Over the weekend, ...", "За прошедшую неделю ...": it scopes the whole sentence
        gap = max(m.start() - end, at - m.end(), 0)
        between = sentence[end:m.start()] if m.start() >= end else sentence[m.end():at]
        if gap <= w and not c["clause"].search(between):
            return True
        if m.end() <= at and gap <= w and re.search(r"\d", between) and not re.search(r"[.;:!?]", between):
            return True             # "in the strike 500 were killed and 3 wounded": one scope over a list of figures
    return False


def _nearest(rxs, text: str, at: int, end: int) -> str | None:
    best = None
    for k, rx in rxs:
        for m in rx.finditer(text):
            gap = max(m.start() - end, at - m.end(), 0)
            if best is None or gap < best[0]:
                best = (gap, k)
    return best[1] if best else None


def whose_of(sentence: str, at: int, end: int, counted: str | None, previous: str, doc_text: str,
             lang: str, cue: re.Match | None = None, force: bool = False) -> str | None:
    """The side the counted people or things belong to.

    The side(s) named in the counted phrase ("North Korean soldiers"; "Russian and North Korean troops" is the
    joint side ``north-korean-and-russian``), or introduced as their origin right after the number ("600
    soldiers from North Korea", "военнослужащих из КНДР"); else one named right before the number in its
    clause (북한군 1만 명); else one named right before the measure cue ("North Korean soldiers killed or
    wounded ... at over 3,000"), or, where the noun follows its verb, right after it (주둔 북한군); else, of
    the sides the sentence (then the one before) names, the one the document names most, so the source of a
    figure ("South Korean intelligence said 11,000 North Korean troops ...") does not take it over; for
    soldiers (``force``), else the side the document names most; else none ("unnamed": never flagged).
    A side named as a speaker or place ("South Korean intelligence", "sent to Russia") is skipped (the pack's
    NOT_WHOSE_BEFORE / NOT_WHOSE_AFTER)."""
    c = _compiled(lang)
    rxs = c["whose"]
    found = _joint([k for k, rx in rxs if counted and not c["before"] and rx.search(counted)])
    if found:
        return found
    found = _joint(_origin_sides(sentence, end, c))
    if found:
        return found
    for k, rx in rxs:
        if any(0 <= at - m.end() <= 12 and not c["clause"].search(sentence[m.end():at]) for m in rx.finditer(sentence)):
            return k
    if cue is not None:
        near = [(cue.start() - m.end(), k) for k, rx in rxs for m in rx.finditer(sentence)
                if 0 <= cue.start() - m.end() <= 30 and not c["clause"].search(sentence[m.end():cue.start()])]
        if c["before"]:      # 주둔 북한군: the noun a verb qualifies stands right after it
            near += [(m.start() - cue.end(), k) for k, rx in rxs for m in rx.finditer(sentence)
                     if 0 <= m.start() - cue.end() <= 2]
        if near:
            return min(near)[1]
    weight = _side_counts(doc_text, lang)
    back = c["anaphor"] and c["anaphor"].search(sentence[max(0, at - 40):end + 15])   # "a third of them, or 4,700", "3 тысячи из них"
    if not force and not back:       # people of no named side: the side of the place of the event ("in Gaza")
        named = [k for k, rx in rxs if rx.search(sentence)]
        place = None if named else _place_side(sentence, c) or _place_side(previous or "", c) \
            or document_place(doc_text, lang)
        if place:
            return place
    for text in (sentence, previous or ""):
        named = [k for k, rx in rxs if rx.search(text)]
        if named and text is not sentence and force and document_side(doc_text, lang):
            named.append(document_side(doc_text, lang))     # the sentence before may only name a source
        if named:
            return max(named, key=lambda k: weight.get(k, 0))
    if force:                        # soldiers of no named side: the side the document is about
        return document_side(doc_text, lang)
    return None                      # other people ("three people", "150 others"): unnamed


def _joint(sides: list[str]) -> str | None:
    """One side, or two or more named together ("Russian and North Korean troops") as one joint side."""
    sides = sorted(dict.fromkeys(sides))
    return "-and-".join(sides) if sides else None


def _origin_sides(sentence: str, end: int, c: dict) -> list[str]:
    """Sides introduced as the origin of what is counted in the words right after the number, in its clause."""
    if not c["of"]:
        return []
    after = sentence[end:end + 40]
    stop = c["clause"].search(after)
    after = after[:stop.start()] if stop else after
    out = []
    for k, rx in c["whose"]:
        for m in rx.rx.finditer(after):
            if c["of"].search(after[:m.start()]):
                out.append(k)
    return out


def _place_sides(text: str, c: dict) -> list[str]:
    """Sides named as a place in ``text`` ("in Gaza", "into southern Israel"), by the pack's PLACE_BEFORE."""
    if not c["place"] or not text:
        return []
    return [k for k, rx in c["whose"] for m in rx.rx.finditer(text)
            if c["place"].search(text[max(0, m.start() - 30):m.start()])
            and not re.match(r"['’]s\b", text[m.end():m.end() + 3])]     # "in the IDF’s stance": an owner


def _place_side(text: str, c: dict) -> str | None:
    sides = _place_sides(text, c)
    return sides[0] if len(set(sides)) == 1 else None


@lru_cache(maxsize=256)
def document_place(doc_text: str, lang: str) -> str | None:
    """The side whose place a document names most as where things happen ("in Gaza"), when clearly the most."""
    top = Counter(_place_sides(doc_text, _compiled(lang))).most_common(2)
    if not top or len(top) > 1 and top[1][1] * 2 > top[0][1]:
        return None
    return top[0][0]


@lru_cache(maxsize=256)
def _side_counts(doc_text: str, lang: str) -> dict[str, int]:
    n: Counter = Counter()
    for k, rx in _compiled(lang)["whose"]:
        n[k] += len(rx.findall(doc_text))
    return dict(n)


@lru_cache(maxsize=256)
def document_side(doc_text: str, lang: str) -> str | None:
    """The side a document names most (the last resort for a sentence that names none)."""
    top = Counter(_side_counts(doc_text, lang)).most_common(1)
    return top[0][0] if top and top[0][1] else None


def role_of(sentence: str, at: int, counted: str | None, head: str | None, kind: str, lang: str) -> str | None:
    """Specialists named in the counted phrase or just before the number; a non-person head itself."""
    c = _compiled(lang)
    found: list[str] = []
    for near in ([] if c["before"] else [counted or ""]) + [sentence[max(0, at - 20):at]]:
        found = found or list(dict.fromkeys(k for k, rx in c["roles"] if rx.search(near)))   # counted phrase first
    if found:
        if set(found) <= {"engineers", "deminers"}:
            return "-and-".join(sorted(found, key=["engineers", "deminers"].index))
        # "engineers and construction personnel, 6,000 in all": a total over several roles is the force itself
        return found[0] if len(found) == 1 else None
    h = "" if c["before"] else (head or "").lower()
    if h and (any(rx.fullmatch(h) for _, rx in c["measures"]) or c["not_head"] and c["not_head"].search(h)):
        h = ""                                  # "100 killed", "600 Tote": the head is the measure itself
    bare = counted or ""
    for _, rx in c["whose"]:                   # "North Korean" names a side, not people counted
        bare = rx.rx.sub(" ", bare)
    people = c["person"] and any(c["person"].search(w) for w in re.findall(r"\w+", bare))  # "soldiers taken": no role
    if kind == "count" and h and not people and not (c["person"] and c["person"].search(h)):
        return re.sub(r"\W+", "-", h).strip("-") or None
    if kind == "measure" and h:
        return re.sub(r"\W+", "-", h).strip("-") or None
    return None


def counts_people(head: str | None, lang: str | None) -> bool:
    """Whether a counted head is people (soldiers, 명); the counter-before-number languages always count so."""
    c = _compiled((lang or "en").split("-")[0].lower())
    return c["before"] or bool(head and c["person"] and c["person"].search(head))


def discover(sentence: str, at: int, end: int, doc_text: str, kind: str, head: str | None, counted: str | None,
             previous: str, lang: str | None, base: bool = False, need_cue: bool = False) -> tuple[str, str] | None:
    """(key, label) of what the quantity at ``sentence[at:end]`` measures; None when no measure is named
    (``need_cue``: by a cue word, not only by counting soldiers)."""
    lang = (lang or "en").split("-")[0].lower()
    same = _compiled(lang)["same"]
    if same and same.search(sentence[max(0, at - 60):at]):
        prev = [m for m in re.finditer(r"\d[\d,.\s]*\d|\d", sentence[:at - 20])]
        if prev:            # "... said 15,000 soldiers ..., while Kyiv put the figure at 12,000"
            p = prev[-1]
            after = sentence[p.end():p.end() + 40].split()[:4]      # its counted words, as far as we can tell
            force = _compiled(lang)["force"]
            head = next((w for w in after if force and force.search(w.strip(".,;"))), None)
            return discover(sentence, p.start(), p.end(), doc_text, kind, head and head.strip(".,;"),
                            " ".join(after), previous, lang, base)
    found = measure_of(sentence, at, end, lang, base, share=kind in ("percent", "fraction"))
    measure, cue = found if found else (None, None)
    force = _compiled(lang)["force"]
    if measure is None and not need_cue and kind == "count" and force and head and force.search(head):
        measure = "deployed"                    # a force's size: "12,000 North Korean soldiers in the region"
    if measure is None:
        return None
    measure = _by_head(measure, kind, head, counted, lang)
    if measure in _ADDABLE and progress(sentence, at, end, lang):
        measure += PROGRESS_SUFFIX             # what of a plan is done already: neither the plan nor the total
    elif measure in _ADDABLE and planned(sentence, at, end, cue, lang):
        measure += PLANNED_SUFFIX              # a plan: its own figure, whether or not it adds to earlier ones
    elif measure in _ADDABLE and (additional(sentence, at, end, lang) or _compiled(lang)["additional"]
                                  and _compiled(lang)["additional"].search(counted or "")):
        measure += ADDITIONAL_SUFFIX
    elif measure in _LOSS:
        cause = next((k for k, rx in _compiled(lang)["causes"] if rx.search(sentence)), None)
        measure += f"@{cause}" if cause else EPISODE_SUFFIX if episode(sentence, at, end, lang, cue) else ""
    if kind in ("percent", "fraction"):
        whole = share_base(sentence, at, end, lang)
        if whole:
            measure += f"{BASE_SUFFIX}{whole}"   # "half of the dead", "2% of the population": two measures
    c = _compiled(lang)
    soldiers = c["before"] or bool(head and force and force.search(head))
    whose = whose_of(sentence, at, end, counted, previous, doc_text, lang, cue, soldiers)
    role = role_of(sentence, at, counted, head if measure not in _PEOPLE_ONLY else None, kind, lang)
    key = "/".join(["-".join(x for x in (whose or "unnamed", role) if x), measure])
    return key, f"{side_label(whose, role)}: {label_of(measure)}"


BASE_SUFFIX = "@of-"


def share_base(sentence: str, at: int, end: int, lang: str) -> str | None:
    """The whole a share at ``sentence[at:end]`` is taken of (the pack's SHARE_BASES id: ``population``,
    ``dead``, ``casualties``), read right after it ("2% of the population"), or right before it where the noun
    stands before the number ("인구의 2%"); None when the text names no known base."""
    c = _compiled(lang)
    text = sentence[max(0, at - 30):at] if c["before"] else sentence[end:end + 60]
    return next((k for k, rx in c["bases"] if rx.search(text)), None)


def _by_head(measure: str, kind: str, head: str | None, counted: str | None, lang: str) -> str:
    """A loss cue read by what is counted: people lost are killed or wounded ("lost over 38,000 troops"), things
    lost are lost equipment ("потеряла 13 систем HIMARS", "lost 207 armored vehicles"): ``destroyed``. Only the
    loss cues read so (lost, потери): "ums Leben gekommen" counts people, whatever the head read from it."""
    c = _compiled(lang)
    if c["before"] or kind != "count" or not head:
        return measure
    h = head.lower()
    if c["not_head"] and c["not_head"].search(h) or any(rx.fullmatch(h) for _, rx in c["measures"]):
        return measure                          # "2,700 more", "100 killed": no noun to read
    people = bool(c["person"] and (c["person"].search(h)
                                   or any(c["person"].search(w) for w in re.findall(r"\w+", counted or ""))))
    if measure == "destroyed" and people:
        return "killed-or-wounded"
    if measure == "killed-or-wounded" and not people:
        return "destroyed"
    return measure


def side_label(whose: str | None, role: str | None) -> str:
    """A side and role as words: ("north-korean-and-russian", "deminers") -> "North Korean and Russian deminers"."""
    side = " ".join(x for x in (" and ".join(_SIDE.get(w, w) for w in (whose or "unnamed side").split("-and-")), role)
                    if x)
    return side[:1].upper() + side[1:]


def side_at(doc_text: str, start: int, end: int, lang: str | None, noun: str | None) -> tuple[str | None, str | None]:
    """(whose, role) of the quantity at ``doc_text[start:end]`` read from its sentence, for a claim that takes
    its measure from elsewhere (``claims.prototypes``): people of no named side take the document's side."""
    lang = (lang or "en").split("-")[0].lower()
    lo = max(doc_text.rfind(". ", 0, start), doc_text.rfind("\n", 0, start)) + 1
    stops = [x for x in (doc_text.find(". ", end), doc_text.find("\n", end)) if x >= 0]
    sentence = doc_text[lo:min(stops) + 1 if stops else len(doc_text)]
    people = counts_people(noun, lang)
    whose = whose_of(sentence, start - lo, end - lo, None, "", doc_text, lang, None, people)
    role = None if people or _compiled(lang)["before"] else re.sub(r"\W+", "-", (noun or "").lower()).strip("-") or None
    return whose, role


def label_of(measure: str) -> str:
    """A measure id as words: "killed-or-wounded" -> "killed or wounded", "+additional" -> "(additional)"."""
    measure, _, whole = measure.partition(BASE_SUFFIX)
    of = f" (share of the {whole})" if whole else ""
    base, plus, _ = measure.partition(ADDITIONAL_SUFFIX)
    base, _, scope = base.partition("@")
    scope = {"episode": " in one attack or span", "disaster": " in a disaster or accident", "planned": " (planned)",
             "so-far": " (of a plan, so far)",
             "past-war": " in a past war"}.get(scope, f" ({scope})" if scope else "")
    return _PHRASE.get(base, base) + (" (additional)" if plus else "") + scope + of
