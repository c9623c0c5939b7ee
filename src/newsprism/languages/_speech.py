"""Text rules for reported speech shared by the Russian and Ukrainian packs (not a concern: each pack's
``speech.rules`` calls ``find`` with its own ``Lexicon``). See ``ru/speech.py`` for the constructions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._text import sentences, strip_span

_WORD = re.compile(r"[\w’'-]+")
_BACK = 50          # earlier reports a pronoun or a bare role looks back over (huge documents stay linear)


@dataclass(frozen=True)
class Lexicon:
    """One language's words for the shared rules (``languages._speech``)."""
    verbs: dict
    verb_endings: tuple            # a report verb is a stem + one of these (reflexive -ся/-сь stripped first)
    intro: re.Pattern              # "по словам X," -> group 1: X
    intro_own: re.Pattern          # "по его словам," -> group 1: the pronoun
    by_which: re.Pattern           # "сообщение X, согласно которому …" -> group 1: X
    that: tuple                    # "что": the content starts after it
    relay: re.Pattern              # "со ссылкой на X" -> group 1: X
    anaphor: re.Pattern            # "Об этом" / "Такие данные": the sentence before is what is reported
    said_in: re.Pattern            # "говорится в сообщении": the earlier speaker's text
    impersonal: re.Pattern         # "Указывается, что": the earlier speaker goes on
    pronouns: frozenset
    vague_heads: tuple             # "источники в Минобороны": a vague source, kept in its words (no actor)
    dispute_words: re.Pattern      # what a disputer calls the claim ("фейк", "вброс")
    not_true: re.Pattern           # "не соответствует действительности"
    calling: re.Pattern            # "назвал", "назвав": a label given in a quote
    these: re.Pattern              # "эти сведения": the object stands for an earlier claim
    these_dash: re.Pattern         # "…, — такие данные привели X": the part before the dash is the report
    quote_verbs: tuple             # "цитирует X Y": X is quoted by Y
    occasion: str                  # "во время", "в интервью": the speaker after a verb ends before it
    adverbs: frozenset             # "также", "впервые": no part of a subject before its verb
    adverbials: re.Pattern         # "В ноябре", "Ранее": no part of the speaker before a verb
    source_stems: tuple            # title-line source nouns ("Разведка: …")
    documents: tuple = ()          # "Согласно публикации,": a bare document noun is the earlier speaker's text
    interview: re.Pattern | None = None     # "в интервью X": group 1 the outlet that carried the statement
    modifier_endings: tuple = ()   # adjective endings ("украинской"): a bare phrase's head is a word without one


def find(text: str, quotes, entities, lex: Lexicon) -> list[dict]:
    """Every report found in the text, in text order: quotes that a dash-led verb closes first, then each
    sentence by the first construction that fits it."""
    quotes = sorted(quotes)
    out: list[dict] = []
    used: set[int] = set()          # cue starts already taken (a quote's verb)
    for q in quotes:
        r = _quote_then_verb(text, q, lex)
        if r:
            used.add(r["cue"][0])
            out += _flat(r)
    prev = None
    for ss, se in _sentences(text):
        if se - ss > 1:
            found = _sentence(text, ss, se, prev, quotes, used, lex)
            out += found + _interviewed(text, ss, se, found, quotes, lex)
            prev = (ss, se)
    out += _quote_paragraphs(text, quotes, out)
    out.sort(key=lambda r: r["cue"][0])
    done: list[dict] = []
    for r in out:
        done += [r] + _resolve(text, r, entities, done, lex)
    for r in done:
        for k in ("_who", "_continues", "_extra"):
            r.pop(k, None)
    # in text order, a relayer before what it relays, except over the same content: there the original speaker
    # first (a claim in it is the original speaker's)
    return sorted(done, key=lambda r: (min(r["content"][0], r["cue"][0]), "relayed_by" not in r, r["cue"][0]))


_LINE = re.compile(r"[^\n]+")
_OPENERS = "\"«„“"


def _quote_paragraphs(text: str, quotes, out: list[dict]) -> list[dict]:
    """A paragraph that is one quote and nothing else (closed, or left open to the paragraph's end), with no
    report of its own, right after a paragraph with a report: the speaker of that paragraph goes on (news prose
    runs a quote on into a new paragraph without naming the speaker again)."""
    found = []
    starts = {q[0]: q for q in quotes}
    prev = None
    for m in _LINE.finditer(text):
        ps, pe = strip_span(text, m.start(), m.end())
        if pe <= ps:
            continue
        q = starts.get(ps)
        whole = (q is not None and text[q[1]:pe].strip(" .,!?…") == "") or \
                (q is None and text[ps] in _OPENERS and not any(c in text[ps + 1:pe] for c in _OPENERS + "»”"))
        own = any(ps <= r["cue"][0] < pe for r in out)
        if whole and not own and prev is not None and any(prev[0] <= r["cue"][0] < prev[1] for r in out):
            found.append({"cue": (ps, ps + 1), "speaker": None, "content": (ps, q[1] if q else pe),
                          "lemma": text[ps], "stance": "says", "_continues": True})
        prev = (ps, pe)
    return found


def _verbs(text: str, s: int, e: int, lex: Lexicon, quotes=()) -> list[tuple[int, int, str]]:
    """Report verbs between s and e outside quotes: (start, end, stance)."""
    found = []
    for m in _WORD.finditer(text, s, e):
        if any(a <= m.start() < b for a, b in quotes):
            continue
        st = verb_stance(m.group(0), lex)
        if st:
            found.append((m.start(), m.end(), st))
    return found


def verb_stance(word: str, lex: Lexicon) -> str | None:
    """The stance of a report verb (a stem of ``lex.verbs`` with a verb ending), else None."""
    w = word.lower()
    for refl in ("ся", "сь"):
        if w.endswith(refl) and len(w) > 4:
            w = w[:-2]
    for stem, st in lex.verbs.items():
        if w.startswith(stem) and len(w) - len(stem) <= 5 and (w.endswith(lex.verb_endings) or w == stem):
            return st
    return None


def _quote_then_verb(text: str, q: tuple[int, int], lex: Lexicon) -> dict | None:
    """ "«…», — заявил X." over one or more sentences: the quote, a dash, a report verb, its speaker."""
    m = re.match(r"[\s,.!?…]*[—–-]{1,2}\s*", text[q[1]:q[1] + 8])
    if not m:
        return None
    vs = q[1] + m.end()
    w = _WORD.match(text, vs)
    st = verb_stance(w.group(0), lex) if w else None
    if not st:
        return None
    end = _sentence_end(text, w.end())
    r = {"cue": (w.start(), w.end()), "content": q, "lemma": w.group(0).lower(), "stance": st,
         "speaker_after": True}
    return _speaker_after(text, r, w.end(), end, lex)


def _sentence_end(text: str, i: int) -> int:
    m = re.compile(r"[.!?\n]").search(text, i)
    return m.start() if m else len(text)


def _speaker_after(text: str, r: dict, s: int, e: int, lex: Lexicon) -> dict:
    """The speaker after an inverted verb, up to a relay ("со ссылкой на"), a second trailing report
    (", передает ТАСС"), a dash or the sentence end; those relay the statement."""
    relay_at = lex.relay.search(text, s, e)
    stop = relay_at.start() if relay_at else e
    dash = re.compile(r"\s[—–]\s|\s(?:" + lex.occasion + r")\s").search(text, s, stop)
    if dash and text[s:dash.start()].strip():       # "заявил X во время …" (not "заявил во время … X")
        stop = dash.start()
    trail = next((v for v in _verbs(text, s, stop, lex) if "," in text[s:v[0]]
                  and len(text[s:v[0]].rsplit(",", 1)[1].split()) <= 3), None)
    if trail:           # "…, — заявил Песков, передает ТАСС": TASS relays Peskov's statement
        r["_extra"] = [_outer(text, r, (trail[0], trail[1]), strip_span(text, trail[1], stop), trail[2])]
        stop = trail[0]
    r["speaker"] = strip_span(text, s, stop)
    if relay_at and trail:     # "Таку заяву зробив X, пише РБК з посиланням на Yonhap": X <- Yonhap <- РБК
        outer = r["_extra"][0]
        _cited(text, outer, relay_at)
        r["relayed_by"] = outer["_extra"].pop()
        r["_extra"].append(r["relayed_by"])
    elif relay_at:
        _cited(text, r, relay_at)
    return r


def _outer(text: str, inner: dict, cue: tuple[int, int], speaker: tuple[int, int], stance: str) -> dict:
    """The outlet's report that holds ``inner``: its content runs over the inner cue (so the inner one is
    relayed by it)."""
    cs = min(inner["content"][0], inner["cue"][0])
    return {"cue": cue, "speaker": speaker, "content": strip_span(text, cs, cue[0]), "lemma": text[cue[0]:cue[1]].lower(),
            "stance": "says", "speaker_after": True}


def _cited(text: str, r: dict, m: re.Match) -> None:
    """ "X, ссылаясь на Y, писал, что …" / "Об этом сообщает X со ссылкой на Y": Y said the content, X relays
    it (``relayed_by``: ``voices.attributions`` gives Y's record ``via`` X)."""
    y = strip_span(text, *m.span(1))
    inner = {"cue": (m.start(), m.start(1)), "speaker": y, "content": r["content"], "lemma": r["lemma"],
             "stance": r["stance"], "speaker_after": True, "relayed_by": r}
    r["stance"] = "says"
    r.setdefault("_extra", []).append(inner)


def _sentence(text: str, ss: int, se: int, prev, quotes, used: set[int], lex: Lexicon) -> list[dict]:
    """The report of one sentence, by the first construction that fits it (none: [])."""
    sent = text[ss:se]
    inq = [q for q in quotes if q[0] < se and q[1] > ss]
    verbs = [v for v in _verbs(text, ss, se, lex, inq) if v[0] not in used]
    if any(u for u in used if ss <= u < se) and not verbs:
        return []
    a = lex.anaphor.match(sent) or lex.these_dash.search(sent)
    if a and (prev or a.start() > 0 or a.group(0).rstrip().endswith(lex.that)):
        r = _anaphoric(text, ss, se, a, prev, quotes, lex)
        if r:
            return _flat(r)
    elif a:
        return []           # "Об этом сообщает ТАСС" first: what "this" is lies outside the text
    w = lex.by_which.search(sent)
    if w:               # "сообщение военной разведки, согласно которому …": the report's author said what follows
        return [{"cue": (ss + w.start(), ss + w.start(1)), "speaker": strip_span(text, ss + w.start(1), ss + w.end(1)),
                 "content": strip_span(text, ss + w.end(), se), "lemma": w.group(0).split()[0].lower(),
                 "stance": "says"}]
    m = lex.intro_own.search(sent) or lex.intro.search(sent)
    if m and not (verbs and verbs[0][0] < ss + m.start()):   # "X оприлюднив фото, за його словами, полонених": X
        cs = ss + m.end()
        r = {"cue": (ss + m.start(), ss + m.start(1)), "speaker": strip_span(text, ss + m.start(1), ss + m.end(1)),
             "content": strip_span(text, cs, se), "lemma": " ".join(m.group(0).split()[:2]).lower().rstrip(",:"),
             "stance": "says"}
        r["content"] = _quote_across(r["content"], quotes)
        if text[r["speaker"][0]:r["speaker"][1]].lower().startswith(lex.documents or ("\0",)) and \
                " " not in text[r["speaker"][0]:r["speaker"][1]] and prev:
            r["speaker"], r["_continues"] = None, True      # "Согласно публикации, …": the earlier speaker goes on
            return [r]
        rel = lex.relay.search(text, r["speaker"][0], r["speaker"][1] + 2)
        if rel:
            r["speaker"] = strip_span(text, r["speaker"][0], rel.start())
            _cited(text, r, rel)
        return _flat(r)
    imp = lex.impersonal.match(sent)
    if imp:             # "Указывается, что …": the earlier speaker goes on
        return [{"cue": (ss, ss + imp.end()), "speaker": None, "content": strip_span(text, ss + imp.end(), se),
                 "lemma": imp.group(0).split()[0].lower().strip(","), "stance": "says", "_continues": True}]
    called = _calling(text, ss, se, prev, quotes, lex)
    if called or not verbs:
        return called
    return _flat(_with_verb(text, ss, se, verbs, quotes, lex))


def _interviewed(text: str, ss: int, se: int, found: list[dict], quotes, lex: Lexicon) -> list[dict]:
    """ "Про це в інтерв'ю The Japan Times сказав X": the outlet that interviewed the speaker carries the
    statement (the speaker's record is relayed by the outlet's)."""
    m = lex.interview.search(text, ss, se) if lex.interview is not None else None
    if m is None or any(a <= m.start() < b for a, b in quotes):
        return []
    r = next((r for r in found if r.get("speaker") and "relayed_by" not in r
              and not r["content"][0] <= m.start() < r["content"][1]), None)
    if r is None:
        return []
    outlet = {"cue": (m.start(), m.start(1)), "speaker": strip_span(text, *m.span(1)), "content": r["content"],
              "lemma": m.group(0)[:m.start(1) - m.start()].strip().lower(), "stance": "says"}
    r["relayed_by"] = outlet
    return [outlet]


def _flat(r: dict | None) -> list[dict]:
    if not r:
        return []
    return [r] + r.pop("_extra", [])


def _quote_across(span: tuple[int, int], quotes) -> tuple[int, int]:
    """A content that starts or ends inside a quote runs to the quote's edge (quotes span sentences)."""
    s, e = span
    for a, b in quotes:
        if a < s < b:
            s = a
        if a < e < b:
            e = b
    return s, e


def _anaphoric(text, ss, se, a, prev, quotes, lex) -> dict | None:
    """ "Об этом заявил X" / "Такие данные привели в X" (the sentence before is the report), "…, — такие данные
    привели в X" (the part before the dash), "О том, что …, сообщил X" (the clause)."""
    after = ss + a.end()
    clause = bool(re.search(r"(?:что|що)\W*$", a.group(0)))
    found = _verbs(text, after, se, lex) + ([] if clause else [   # "Такую оценку дал X": any verb after the anaphor
        (m.start(), m.end(), "says") for m in _WORD.finditer(text, after, se)
        if m.group(0).islower() and len(m.group(0)) > 2 and m.group(0).endswith(("л", "ла", "ли", "ло", "ют", "ят", "ет", "ит", "в"))])
    v = min(found, default=None)
    if v is None:
        return None
    if a.start() > 0:
        content = strip_span(text, ss, ss + a.start())
    elif clause:
        content = strip_span(text, after, v[0])
    else:
        content = strip_span(text, *prev)
    r = {"cue": (v[0], v[1]), "content": _quote_across(content, quotes), "lemma": text[v[0]:v[1]].lower(),
         "stance": v[2], "speaker_after": True}
    r = _speaker_after(text, r, v[1], se, lex)
    before = strip_span(text, after, v[0])
    if r["speaker"][0] >= r["speaker"][1] and before[0] < before[1] and not a.start():
        # "Такі дані агентство X наводить з посиланням на Y": nothing names a speaker after the verb, the subject
        # stands between the anaphor and the verb
        r["speaker"], r["speaker_after"] = _trim_adverbs(text, before, lex), False
    return r


def _with_verb(text, ss, se, verbs, quotes, lex) -> dict | None:
    """ "…, сообщает X" (trailing), "«…», заявил X", else "X заявил, что …" (the subject speaks)."""
    v, last = verbs[0], verbs[-1]
    outer = None
    if last is not v and _trailing(text, ss, se, (last[0], last[1]), lex):
        # "Песков заявил, что …, сообщает ТАСС.": TASS relays the whole, Peskov said the clause
        outer = {"cue": (last[0], last[1]), "speaker": strip_span(text, last[1], se),
                 "content": strip_span(text, ss, last[0]), "lemma": text[last[0]:last[1]].lower(), "stance": "says",
                 "speaker_after": True}
        se = last[0]
    r = _verb_report(text, ss, se, v, quotes, lex)
    if r is not None and outer is not None:
        r.setdefault("_extra", []).append(outer)
    return r


def _verb_report(text, ss, se, v, quotes, lex) -> dict | None:
    cue = (v[0], v[1])
    r = {"cue": cue, "lemma": text[v[0]:v[1]].lower(), "stance": v[2]}
    q = next((q for q in quotes if ss <= q[1] <= v[0] and not text[q[1]:v[0]].strip(" ,.!?…—–-")), None)
    if q or _trailing(text, ss, se, cue, lex):
        r["content"] = q or _quote_across(strip_span(text, ss, v[0]), quotes)
        r["speaker_after"] = True
        return _speaker_after(text, r, v[1], se, lex)
    speaker = strip_span(text, ss, v[0])
    m = lex.adverbials.match(text, speaker[0], speaker[1])
    while m and m.end() < speaker[1]:
        speaker = (m.end(), speaker[1])
        m = lex.adverbials.match(text, speaker[0], speaker[1])
    r["speaker"] = _trim_adverbs(text, speaker, lex)
    rest = text[v[1]:se]
    t = re.match(r"\s*,?\s*(?:[\w-]+,?\s+){0,3}?(?:" + "|".join(lex.that) + r")\b", rest)
    colon = re.match(r"\s*:\s*\W?", rest)
    qa = next((q for q in quotes if colon and q[0] <= v[1] + colon.end() + 1 and q[0] >= v[1]), None)
    if qa:
        r["content"] = qa
    else:
        r["content"] = _quote_across(strip_span(text, v[1] + (t.end() if t else 0), se), quotes)
    if lex.not_true.search(text, r["content"][0], r["content"][1]) and r["stance"] == "says":
        r["stance"] = "denies"
    rel = lex.relay.search(text, speaker[0], speaker[1] + 1)
    if rel:
        r["speaker"] = strip_span(text, speaker[0], rel.start())
        _cited(text, r, rel)
    return r


def _trailing(text: str, ss: int, se: int, cue: tuple[int, int], lex: Lexicon) -> bool:
    """A report verb after a comma or dash, followed only by a short source to the end of the sentence."""
    before = text[ss:cue[0]].rstrip()
    words = text[cue[1]:se].strip().rstrip(".!?").split()
    return (before.endswith((",", "—", "–", "-")) and len(before) > 10 and 0 < len(words) <= 10
            and not any(w.strip(",").lower() in lex.that for w in words))


def _calling(text, ss, se, prev, quotes, lex) -> list[dict]:
    """ "X назвал эти сведения «вбросами»" (a dispute of what "these" stands for), "назвав их «героями»"."""
    m = next((m for m in lex.calling.finditer(text, ss, se) if not any(a <= m.start() < b for a, b in quotes)), None)
    if m is None:
        return []
    obj = strip_span(text, m.end(), se)
    disputes = bool(lex.dispute_words.search(text, *obj))
    q = next((q for q in quotes if obj[0] <= q[0] < obj[1]), None)
    if not disputes and q is None:
        return []
    speaker = strip_span(text, ss, m.start())
    a = lex.adverbials.match(text, *speaker)
    speaker = (a.end(), speaker[1]) if a else speaker
    fronted = lex.these.match(text, *speaker)
    if fronted and disputes:   # "Такі повідомлення Пхеньян називає «чутками»": the object comes first
        w = list(_WORD.finditer(text, fronted.end(), speaker[1]))
        if len(w) > 1:
            obj, speaker = (speaker[0], w[0].end()), strip_span(text, w[1].start(), speaker[1])
    r = {"cue": m.span(), "speaker": _trim_adverbs(text, speaker, lex), "lemma": m.group(0).lower(),
         "stance": "disputes" if disputes else "says", "content": obj if disputes else q}
    if disputes and prev and lex.these.match(text, *obj):
        r["refers_to"] = strip_span(text, *prev)
    return [r]


def _resolve(text: str, r: dict, entities, done: list[dict], lex: Lexicon) -> list[dict]:
    """Who a speaker phrase names when it names nobody itself: a pronoun ("по его словам") or a sourceless
    "Указывается" continues the last speaker; a bare role ("по словам губернатора", "в разведке") the last
    speaker whose phrase has a word of the same stem; of several names the first person speaks. "цитирует
    Пескова РИА Новости": Peskov speaks, the agency relays (its record is returned)."""
    sp = r.get("speaker")
    if sp is None:
        earlier = [o for o in done[-_BACK:] if o.get("_who")]
        if r.pop("_continues", False) and earlier:
            r["resolve_span"] = earlier[-1]["_who"]
            if earlier[-1].get("relayed_by") is not None:
                r["relayed_by"] = earlier[-1]["relayed_by"]
        r["_who"] = r.get("resolve_span")
        return []
    inside = entities.starting_in(sp[0], sp[1]) if hasattr(entities, "starting_in") else entities
    ents = [e for e in inside if sp[0] <= e.start and e.end <= sp[1] and e.attrs.get("actor")]
    named = [e for e in ents if e.label in ("PERSON", "ORG", "MEDIA")]
    extra = []
    if lex.quote_verbs and r["lemma"].startswith(lex.quote_verbs) and len(named) >= 2:
        extra.append({"cue": r["cue"], "speaker": (named[1].start, sp[1]), "content": (r["content"][0], named[0].end),
                      "lemma": r["lemma"], "stance": "says", "speaker_after": True})
        r["speaker"] = sp = (named[0].start, named[0].end)
        named = named[:1]
    words = [w.lower() for w in _WORD.findall(text[sp[0]:sp[1]])]
    head = next((m for m in _WORD.finditer(text, sp[0], sp[1]) if m.group(0).lower().startswith(lex.vague_heads)), None)
    if head is not None and head.start() == sp[0]:      # the body after the head only says whose sources
        r["resolve_span"] = head.span()
        return extra
    earlier = [o for o in done[-_BACK:] if o.get("_who")]
    said_in = lex.said_in.match(text, r["cue"][0]) and not named
    o = None
    if earlier and not named and any(w in lex.pronouns for w in words):
        o = earlier[-1]
    elif not named:     # a role or body named before ("губернатора" after "губернатор … Хинштейн")
        stems = {w[:5] for w in words if len(w) >= 5}
        o = next((o for o in reversed(earlier) if o.get("speaker") and stems & {
            w.lower()[:5] for w in _WORD.findall(text[o["speaker"][0]:o["speaker"][1]])}), None)
        o = o or (earlier[-1] if said_in and earlier else None)
    body = _body_named(text, o, words, entities, lex) if o is not None and not named else None
    if body is not None:        # "української розвідки" after "очільник … управління розвідки … Буданов": the body
        r["resolve_span"] = body
    elif o is not None:
        r["resolve_span"] = o["_who"]
        if o.get("relayed_by") is not None:     # the same speaker, through the same outlet
            r["relayed_by"] = o["relayed_by"]
    elif len(ents) > 1:
        persons = [e for e in named if e.label == "PERSON"] or named
        person = persons[0] if r.get("speaker_after") else persons[-1]    # the subject stands by its verb
        r["resolve_span"] = (person.start, person.end)
    if ents or r.get("resolve_span"):
        r["_who"] = r.get("resolve_span") or sp
    return extra


def _body_named(text: str, o: dict, words: list[str], entities, lex: Lexicon) -> tuple[int, int] | None:
    """A bare body ("за даними української розвідки") whose head word stands in an earlier speaker phrase only
    inside the name of an organisation ("очільник Головного управління розвідки … Буданов") names that
    organisation, not the person who heads it; None where the head word is the earlier speaker's own role."""
    heads = [w for w in words if len(w) >= 5 and not w.endswith(lex.modifier_endings)]
    osp = o["speaker"]
    inside = entities.starting_in(osp[0], osp[1]) if hasattr(entities, "starting_in") else entities
    bodies = [e for e in inside if osp[0] <= e.start and e.end <= osp[1] and e.label in ("ORG", "MEDIA")
              and e.attrs.get("actor") and (e.start, e.end) != tuple(o["_who"] or ())]
    for w in heads:
        for m in _WORD.finditer(text, osp[0], osp[1]):
            if m.group(0).lower()[:5] != w[:5]:
                continue
            e = next((e for e in bodies if e.start <= m.start() < e.end), None)
            if e is None:
                return None     # the word is the earlier speaker's role ("губернатора" after "губернатор …")
            return (e.start, e.end)
    return None


def _sentences(text: str):
    """``_text.sentences``, rejoined where a full stop ends an abbreviation ("30-35 тыс. человек"): the next
    part starts in lower case."""
    cur = None
    for s, e in sentences(text):
        head = text[s:e].lstrip()
        if cur and text[cur[1] - 1] == "." and (head[:1].islower() and "\n" not in text[cur[1]:s]
                                                 or s == cur[1] and not text[s:s + 1].isspace()):
            cur = (cur[0], e)
            continue
        if cur:
            yield cur
        cur = (s, e)
    if cur:
        yield cur


def _trim_adverbs(text: str, speaker: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """A subject without the adverbs and dates between it and its verb ("Минобороны при этом впервые",
    "Пхеньян цинічно", "Источник … 17 декабря")."""
    s, e = speaker
    while True:
        m = re.search(r"(?:\s+\d{1,2}\s+[\w’'-]+|\s+[\w’'-]+)$", text[s:e])
        if not m or m.start() == 0:
            return s, e
        w = m.group(0).split()
        if not (w[0].isdigit() or w[-1].lower() in lex.adverbs or (w[-1].islower() and w[-1].endswith("но")
                                                                   and len(w[-1]) > 5)):
            return s, e
        e = s + m.start()


_TITLE = re.compile(r"([А-ЯЁІЇЄҐA-Z][\w.-]*(?: [\w.-]+){0,3}): +(\S[^\n]*)")


def title(text: str, entities, lex: Lexicon) -> list[dict]:
    """A first line "Разведка: КНДР направила …": the source before the colon said what follows, when an entity
    covers it or its last word is a source noun (so not "Внимание: …")."""
    m = _TITLE.match(text)
    if not m:
        return []
    name_end = m.end(1)
    named = any(e.end <= name_end for e in entities)
    last = m.group(1).split()[-1].lower()
    if not named and not last.startswith(lex.source_stems):
        return []
    cs, ce = strip_span(text, m.start(2), m.end(2))
    if ce <= cs:
        return []
    return [{"cue": (name_end, name_end + 1), "speaker": (0, name_end), "content": (cs, ce), "lemma": "сообщить",
             "stance": "says"}]
