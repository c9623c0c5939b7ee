"""Report rules for languages that write reports as clauses around a speech verb (Spanish, German, French):
one engine, each pack gives its words in a ``ReportSpec`` (not a concern: packs import it).

Per sentence (never split inside a quote), in this order:

* *according to* before or after the content: ``según X, …``, ``…, selon X.``, ``laut X …``, ``X zufolge …``,
  ``Wie X mitteilte, …``, ``…, so X.``; an anaphoric one (``Nach dieser Darstellung``) takes the speaker of the
  sentence before;
* a speech verb after its content, the speaker after it: ``«…», dijo X``, ``…, a ajouté M. Lee``,
  ``…, sagt Selenskij``, ``«…», a-t-il poursuivi`` (a pronoun takes the last named speaker);
* a speech verb with its speaker before it and its content after a complementiser or a quote:
  ``X dijo que …``, ``X a affirmé qu'…``, ``X sagte, dass …`` / ``X sagte, …``, ``X se refirió a «…»``;
  a second verb of the same subject (``… y estimó que …``) keeps that speaker;
* an estimate verb with a number: ``X évalue ce bilan à 1 100``;
* a *citing* phrase (``citando a Y``, ``unter Berufung auf Y``, ``citant Y``): Y said the same content, relayed
  by the speaker;
* a *briefing* phrase (``después de que Y informara``, ``à l'issue d'une réunion avec Y``, ``nach einer Sitzung mit
  Y``): Y said what the speaker passes on, relayed by the speaker, and so are the same speaker's later statements
  that name no source of their own (``…, a ajouté M. Lee``);
* (German) a sentence in the reporting subjunctive right after a report continues it (``Es handle sich …``).

Each rule returns the raw dicts (cue, speaker, content, lemma, stance) that ``voices.attributions`` finishes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._text import inside_quote, quote_in, quote_sentences, stance_of, strip_span

_WORD = re.compile(r"\(\s*[^()]{1,40}\)|[^\W\d_][\w'’.-]*|\d[\d.,]*|[,;:]|\S")
_MAX_SUBJECT_WORDS = 14
_MAX_WINDOW_WORDS = 8        # words between a verb and its complementiser
_ANTECEDENT_BACK = 2000      # characters a pronoun speaker looks back for a named one
_SPEAKER_LABELS = ("PERSON", "ORG", "MEDIA")


@dataclass
class ReportSpec:
    """The words of one language for the engine; every pattern is compiled with re.IGNORECASE off."""
    verbs: dict[str, str]                       # stem -> stance
    verb: re.Pattern                            # a report verb form; group "v" the verb, "pro" an inverted pronoun
    that: re.Pattern                            # a complementiser right after the verb's window
    according_before: list[re.Pattern]          # "según " (the speaker follows); optional group "v" a verb
    according_after: list[re.Pattern]           # " zufolge" (the speaker precedes), matched at the phrase's end
    according_clause: list[re.Pattern]          # "Wie X mitteilte," : groups "sp" the speaker, "v" the verb
    anaphoric: re.Pattern                       # "Nach dieser Darstellung": the speaker of the sentence before
    citing: re.Pattern                          # "citando a ": Y follows
    estimate: re.Pattern                        # "évalue … à 1 100": group "v" the verb
    determiners: frozenset[str]
    connectors: frozenset[str]                  # lower-case words inside a name ("de", "von")
    adverbial_starts: frozenset[str]            # first words of a leading adverbial segment ("en", "am", "ayer")
    pronouns: frozenset[str]
    coordinators: frozenset[str]                # "y", "und", "et"
    clause_openers: re.Pattern                  # where a subject's clause starts ("que ", "dass ")
    strip_after_verb: re.Pattern                # "aux journalistes" between an inverted verb and its speaker
    strip_before_verb: re.Pattern               # a clitic or auxiliary between subject and verb ("se", "hat")
    relatives: frozenset[str] = frozenset()     # words opening a relative clause after a comma ("que", "qui")
    continuation: re.Pattern | None = None      # reporting subjunctive (German)
    capital_nouns: bool = False                 # nouns are capitalised (German): a lower-case word ends a name less
    briefing: re.Pattern | None = None          # "tras una sesión con ": Y follows, who briefed the speaker
    writer_clause: re.Pattern | None = None     # after a comma, a clause the writer adds ("bien que", "obwohl")
    fronted_finding: re.Pattern | None = None   # object first, then auxiliary, subject and a finding verb ("Hinweise
                                                # darauf hat der Dienst nicht festgestellt"): groups obj, sp, v
    extra: dict = field(default_factory=dict)


def report_rules(text: str, quotes, entities, spec: ReportSpec) -> list[dict]:
    out: list[dict] = []
    prev: tuple[int, int] | None = None
    prev_found: list[dict] = []
    last = None                     # the last speaker found so far
    for ss, se in quote_sentences(text, quotes):
        found = _sentence(text, ss, se, quotes, entities, spec, prev, prev_found, last)
        for r in _citing(text, ss, se, found, spec) + _briefed(text, ss, se, quotes, found, spec):
            # the original speaker before its relayer: over one content, the innermost report is the source
            k = next((k for k, o in enumerate(found) if o is r.get("relayed_by")), len(found))
            found.insert(k, r)
        if not found and spec.continuation is not None and prev_found:
            found = _continued(text, ss, se, quotes, spec, prev_found)
        out += found
        prev, prev_found = (ss, se), [r for r in found if r.get("speaker")]
        last = prev_found[-1]["speaker"] if prev_found else last
    _pronouns_to_names(text, out, spec)
    _descriptions_to_names(text, out, entities, spec)
    for r in _briefed_later(text, out, spec):      # the original speaker before its relayer (as above)
        out.insert(next(k for k, o in enumerate(out) if o is r["_next_to"]), r)
        del r["_next_to"]
    return out


def _sentence(text, ss, se, quotes, entities, spec, prev, prev_found, last) -> list[dict]:
    found = []
    m = spec.anaphoric.search(text, ss, se)
    if m and not inside_quote(quotes, m.start()) and prev is not None:
        # "Etwa 600 von ihnen sind demnach gefallen": an anaphor inside the sentence reports all of it
        cs = m.end() if not text[ss:m.start()].strip() else ss
        r = {"cue": (m.start(), m.end()), "content": strip_span(text, cs, se), "lemma": m.group(0),
             "stance": "says", "speaker": None}
        named = [e for e in entities if prev[0] <= e.start and e.end <= prev[1] and e.label in _SPEAKER_LABELS]
        if prev_found:
            r["speaker"] = prev_found[-1]["speaker"]
        elif named:                        # the body named in the sentence before ("Der NIS hat … vorgelegt.")
            r["speaker"] = (named[0].start, named[0].end)
        elif last is not None and ss - last[1] <= _ANTECEDENT_BACK:
            r["speaker"] = last
        found.append(r)
    found += [r for r in _according(text, ss, se, quotes, spec)
              if not any(f["cue"][0] <= r["cue"][1] and r["cue"][0] <= f["cue"][1] for f in found)]
    taken = [r["cue"] for r in found]
    last_speaker = None
    for v in spec.verb.finditer(text, ss, se):
        vs, ve = v.start("v"), v.end("v")
        if inside_quote(quotes, vs) or any(a <= vs < b for a, b in taken):
            continue
        r = (_inverted(text, ss, se, v, quotes, spec) or _with_subject(text, ss, se, v, quotes, spec, last_speaker)
             or _estimate(text, ss, se, v, spec, last_speaker) or _denied_object(text, ss, se, v, quotes, spec))
        if r is not None:
            found.append(r)
            last_speaker = r.get("speaker") or last_speaker
    return found + _fronted_finding(text, ss, se, quotes, spec, found)


def _fronted_finding(text, ss, se, quotes, spec, found) -> list[dict]:
    """ "Hinweise auf weitere Truppen hat der Dienst bislang nicht festgestellt": an object opening the sentence
    before the auxiliary is what the subject after it found (or did not find)."""
    if spec.fronted_finding is None:
        return []
    start = strip_span(text, ss, se)[0]
    m = spec.fronted_finding.match(text, start, se)
    if m is None or inside_quote(quotes, m.start("v")) or any(r["cue"][0] < m.end("v") for r in found):
        return []
    return [{"cue": m.span("v"), "speaker": m.span("sp"), "content": strip_span(text, *m.span("obj")),
             "lemma": m.group("v"), "stance": "says"}]


# -- according to

def _according(text, ss, se, quotes, spec) -> list[dict]:
    out = []
    for pat in spec.according_before:
        for m in pat.finditer(text, ss, se):
            if inside_quote(quotes, m.start()):
                continue
            sp = _name_after(text, m.end(), se, spec)
            if sp is None:
                continue
            lemma = m.group("v") if "v" in pat.groupindex and m.group("v") else m.group(0).strip()
            out.append(_around(text, ss, se, (m.start(), m.end()), sp, lemma, spec, quotes))
    for pat in spec.according_after:
        for m in pat.finditer(text, ss, se):
            if inside_quote(quotes, m.start()):
                continue
            lo = _clause_start(text, ss, m.start(), spec)
            sp = strip_span(text, lo, m.start())
            if not _plausible(text, sp, spec):
                continue
            content = strip_span(text, m.end(), se)
            out.append({"cue": (m.start(), m.end()), "speaker": sp, "content": content, "lemma": m.group(0).strip(),
                        "stance": "says"})
    for pat in spec.according_clause:
        for m in pat.finditer(text, ss, se):
            sp = strip_span(text, m.start("sp"), m.end("sp"))
            if inside_quote(quotes, m.start()) or not _plausible(text, sp, spec):
                continue
            content = strip_span(text, m.end(), se)
            out.append({"cue": (m.start("v"), m.end("v")), "speaker": sp, "content": content,
                        "lemma": m.group("v"), "stance": stance_of(m.group("v"), spec.verbs)})
    return out


def _around(text, ss, se, cue, sp, lemma, spec, quotes) -> dict:
    """Content of a fronted or final *according to*: what follows the speaker, or what precedes the phrase."""
    after = strip_span(text, sp[1], se)
    stance = stance_of(lemma, spec.verbs)
    lead = text[_clause_start(text, ss, cue[0], spec, subject=False):cue[0]]
    if len(lead.split()) >= 3 and lead.rstrip().endswith(",") and text[sp[1]:sp[1] + 1] == "," \
            and len(text[after[0]:after[1]].split()) >= 3:
        return {"cue": cue, "speaker": sp, "content": strip_span(text, ss, se), "lemma": lemma, "stance": stance}
    if len(lead.split()) < 3 and len(text[after[0]:after[1]].split()) >= 3:
        q = quote_in(quotes, after[0], after[1])
        content = q if q and q[0] == after[0] and q[1] >= after[1] - 1 else after
        if q and q[0] == after[0] and spec.writer_clause is not None and \
                spec.writer_clause.match(text, q[1], after[1]):
            content = q         # "D'après lui, «…», bien que …": the concession after the quote is the writer's
        return {"cue": cue, "speaker": sp, "content": content, "lemma": lemma, "stance": stance}
    before = strip_span(text, ss, cue[0])
    return {"cue": cue, "speaker": sp, "content": before, "lemma": lemma, "stance": stance, "speaker_after": True}


# -- a verb with its speaker after it

def _inverted(text, ss, se, v, quotes, spec) -> dict | None:
    vs, ve = v.start(), v.end("v")
    lead = text[ss:vs].rstrip()
    if not lead or lead[-1] not in ",—–-»”“\"」" or len(lead) < 8:
        return None
    pro = _pronoun_group(v)
    if pro is not None:
        sp = pro
    else:
        k = ve
        m = spec.strip_after_verb.match(text, k)
        if m:
            k = m.end()
        if _content_start(text, ve, se, quotes, spec) is not None:
            return None                  # "…, la agencia, reconoció que …": the speaker precedes the verb
        sp = _name_after(text, k, se, spec)
        if sp is None:
            return None
    end = ss + len(lead)
    q = next(((a, b) for a, b in quotes if ss <= a and b <= vs and not text[b:vs].strip(" ,—–-")), None)
    if q is None and pro is None and not _named(text, sp, spec) and text[sp[1]:se].strip(" .!?")[:1] not in ("", ","):
        return None     # "Le syndicat, lui, évalue la participation à …": an object, not a speaker, after the verb
    content = q or strip_span(text, ss, end)
    if content[1] - content[0] < 3:
        return None
    return {"cue": (v.start("v"), ve), "speaker": sp, "content": content, "lemma": v.group("v"),
            "stance": stance_of(v.group("v"), spec.verbs), "speaker_after": True}


def _pronoun_group(v) -> tuple[int, int] | None:
    for g in ("pro", "pro2"):
        if g in v.re.groupindex and v.group(g):
            return v.start(g), v.end(g)
    return None


# -- a verb with its speaker before it

def _with_subject(text, ss, se, v, quotes, spec, last_speaker) -> dict | None:
    vs, ve = v.start(), v.end("v")
    start = _content_start(text, ve, se, quotes, spec)
    if start is None:
        return None
    cs, is_quote = start
    sp = _subject(text, ss, vs, spec, quotes) or last_speaker
    if sp is None:
        sp = _name_after(text, ve, cs, spec)          # "Dijo el ministro que …", "Am Montag sagte Selenskij, …"
    if sp is None:
        return None
    if is_quote:
        q = next((a, b) for a, b in quotes if a == cs)
        content = q
    else:
        content = strip_span(text, cs, se)
    if content[1] - content[0] < 3:
        return None
    return {"cue": (v.start("v"), ve), "speaker": sp, "content": content, "lemma": v.group("v"),
            "stance": stance_of(v.group("v"), spec.verbs)}


def _content_start(text, ve, se, quotes, spec):
    """Where the content of a verb begins: after a complementiser (or colon) within a few words, or at a quote
    that opens there; None when neither comes (the verb is then no report: "reconoció el error")."""
    words = commas = 0
    for m in _WORD.finditer(text, ve, se):
        t = spec.that.match(text, m.start())
        if t:
            return t.end(), False
        if any(a == m.start() for a, _ in quotes):
            return m.start(), True
        if m.group(0) in ".;" or spec.verb.match(text, m.start()):
            return None                  # another clause or report first: ", que niega …, dijo que"
        if m.group(0) == ",":
            commas += 1
            if not (commas == 1 and words == 0 or commas == 2 and words <= 4):
                return None              # only an aside set off by commas: "afirmó, sin embargo, que"
        else:
            words += 1
        if words > _MAX_WINDOW_WORDS:
            return None
    return None


def _subject(text, ss, vs, spec, quotes) -> tuple[int, int] | None:
    lo = _clause_start(text, ss, vs, spec)
    hi = vs
    m = spec.strip_before_verb.search(text, lo, hi)
    if m and m.end() >= len(text[:hi].rstrip()):
        hi = m.start()
    s, e = strip_span(text, lo, hi)
    if e <= s or quote_in(quotes, s, e) or inside_quote(quotes, s):
        return None
    segs = [g for k, g in enumerate(_segments(text, s, e))      # ", citando a Y," and ", que niega …," go
            if not spec.citing.match(text, g[0]) and not (k and text[g[0]:g[1]].split()[0].lower() in spec.relatives)]
    while segs and _adverbial(text, *segs[0], spec):
        segs.pop(0)
    words = text[s:e].split()
    if segs and words and words[-1].lower() in spec.coordinators:      # "Washington reaccionó … y reconoció"
        return _name_after(text, segs[0][0], e, spec, max_words=6)
    while len(segs) > 1 and (text[segs[-1][0]:segs[-1][1]].lower() in spec.pronouns
                             or _adverbial(text, *segs[-1], spec)):
        segs.pop()
    if not segs:
        return None
    sp = strip_span(text, segs[0][0], segs[-1][1])
    return sp if _plausible(text, sp, spec) else None


def _estimate(text, ss, se, v, spec, last_speaker) -> dict | None:
    m = spec.estimate.match(text, v.start("v"))
    if not m:
        return None
    sp = _subject(text, ss, v.start(), spec, ()) or last_speaker
    if sp is None:
        return None
    return {"cue": (v.start("v"), v.end("v")), "speaker": sp, "content": strip_span(text, v.start("v"), se),
            "lemma": v.group("v"), "stance": stance_of(v.group("v"), spec.verbs)}


_OBJECT_STANCES = ("denies",)


def _denied_object(text, ss, se, v, quotes, spec) -> dict | None:
    """ "Le ministère a démenti toute implication", "Die Regierung dementierte die Berichte": a denial with a
    subject and no clause denies its object, up to the next comma or coordinated verb."""
    st = stance_of(v.group("v"), spec.verbs)
    if st not in _OBJECT_STANCES:
        return None
    sp = _subject(text, ss, v.start(), spec, quotes)
    if sp is None:
        return None
    k = text.find(",", v.end("v"), se)
    k = k if k >= 0 else se
    for c in spec.coordinators:
        j = text.find(f" {c} ", v.end("v"), k)
        k = j if j >= 0 else k
    content = strip_span(text, v.end("v"), k)
    if len(text[content[0]:content[1]].split()) < 2:
        return None
    return {"cue": (v.start("v"), v.end("v")), "speaker": sp, "content": content, "lemma": v.group("v"), "stance": st}


# -- citing and continued reports

def _citing(text, ss, se, found, spec) -> list[dict]:
    out = []
    for m in spec.citing.finditer(text, ss, se):
        sp = _name_after(text, m.end(), se, spec)
        if sp is None:
            continue
        main = next((r for r in found if r["content"][0] >= sp[1] or r["content"][1] <= m.start()), None)
        content = main["content"] if main else strip_span(text, sp[1], se)
        if content[1] - content[0] < 3:
            continue
        r = {"cue": (m.start(), m.end()), "speaker": sp, "content": content, "lemma": m.group(0).strip(),
             "stance": "says"}
        if main is not None and main.get("speaker"):
            r["relayed_by"] = main          # Y said it, the speaker who cites Y relays it (``via``)
        out.append(r)
    return out


def _briefed(text, ss, se, quotes, found, spec) -> list[dict]:
    """ "…, explicó el diputado X después de que el servicio Y informara a la comisión": the speaker passes on
    what Y told them in a briefing, so Y said the content and the speaker relays it."""
    if spec.briefing is None:
        return []
    out = []
    for m in spec.briefing.finditer(text, ss, se):
        if inside_quote(quotes, m.start()):
            continue
        sp = _name_after(text, m.end(), se, spec)
        main = next((r for r in found if r.get("speaker") and not r.get("relayed_by")
                     and not r["content"][0] <= m.start() < r["content"][1]), None)
        if sp is None or main is None:
            continue
        out.append({"cue": (m.start(), m.end()), "speaker": sp, "content": main["content"],
                    "lemma": m.group(0).strip(), "stance": "says", "relayed_by": main})
    return out


def _briefed_later(text, out, spec) -> list[dict]:
    """ "…, a indiqué le député Lee à l'issue d'une séance avec les services de renseignement. …, a ajouté M. Lee.":
    once the text says a speaker passes on a briefing, the speaker's later statements with no source of their own
    come from that briefing too: the briefer said them, the speaker relays them. The same speaker is a later
    phrase whose words all appear in the briefed one ("M. Lee", "le député" after "le député Lee Seong-kweun")."""
    briefs = [r for r in out if r.get("relayed_by") is not None and spec.briefing is not None
              and spec.briefing.match(text, r["cue"][0])]
    if not briefs:
        return []
    relayers = {id(r.get("relayed_by")) for r in out if r.get("relayed_by") is not None}
    extra = []
    for r in sorted(out, key=lambda r: r["cue"][0]):
        sp = r.get("speaker")
        if not sp or id(r) in relayers or r.get("relayed_by") is not None:
            continue
        words = _speaker_words(text, sp, spec)
        b = next((b for b in reversed(briefs) if b["cue"][0] < r["cue"][0] and r is not b["relayed_by"]
                  and words and words <= _speaker_words(text, b["relayed_by"]["speaker"], spec)), None)
        if b is not None:
            # relayed by the briefed speaker as first named ("le député" is "le député Lee Seong-kweun")
            extra.append({"cue": sp, "speaker": b["speaker"], "content": r["content"], "lemma": b["lemma"],
                          "stance": r["stance"], "relayed_by": b["relayed_by"], "_next_to": r})
    return extra


def _speaker_words(text, sp, spec) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[^\W\d_][\w'’.-]*", text[sp[0]:sp[1]].lower())
                     if w not in spec.determiners and w.rstrip(".") not in spec.determiners)


def _continued(text, ss, se, quotes, spec, prev_found) -> list[dict]:
    m = spec.continuation.search(text, ss, se)
    if not m or inside_quote(quotes, m.start()):
        return []
    return [{"cue": (m.start(), m.end()), "speaker": prev_found[-1]["speaker"], "content": strip_span(text, ss, se),
             "lemma": m.group(0), "stance": "says"}]


def _pronouns_to_names(text, out, spec) -> None:
    """A pronoun speaker ("a-t-il poursuivi", "selon lui") stands for the last named speaker before it."""
    named = []
    for r in sorted(out, key=lambda r: r["cue"][0]):
        sp = r.get("speaker")
        if not sp:
            continue
        if text[sp[0]:sp[1]].lower() in spec.pronouns:
            back = next((n for n in reversed(named) if r["cue"][0] - n[1] <= _ANTECEDENT_BACK), None)
            if back is not None:
                r["speaker"] = back
        elif _named(text, sp, spec):
            named.append(sp)


def _descriptions_to_names(text, out, entities, spec) -> None:
    """A definite description with no name of its own ("der Geheimdienst", "le service") is the last earlier
    speaker whose phrase holds each of its words, at a word's end too ("der Südkoreanische Nationale
    Geheimdienst (NIS)"; German compounds: "Geheimdienst" in "Militärgeheimdienst"): the name inside that
    phrase resolves it."""
    named: list[tuple[int, int]] = []        # earlier speaker phrases with a known actor inside
    for r in sorted(out, key=lambda r: r["cue"][0]):
        sp = r.get("speaker")
        if not sp:
            continue
        words = text[sp[0]:sp[1]].split()
        inside = [e for e in entities if sp[0] <= e.start and e.end <= sp[1] and e.attrs.get("actor")
                  and e.label in _SPEAKER_LABELS]
        if inside:
            named.append(sp)
            continue
        if not 2 <= len(words) <= 3 or words[0].lower() not in spec.determiners or r.get("resolve_span"):
            continue
        pats = [re.compile(rf"{re.escape(w)}(?!\w)", re.I) for w in words[1:]]
        back = next((n for n in reversed(named) if r["cue"][0] - n[1] <= _ANTECEDENT_BACK
                     and all(p.search(text, n[0], n[1]) for p in pats)), None)
        if back is not None:
            r["resolve_span"] = back


# -- phrases

def _name_after(text, i, end, spec, max_words: int = 8) -> tuple[int, int] | None:
    """The speaker phrase that starts at ``i``: determiners and words up to the end of a name ("el diputado Lee
    Seong-kweun después de …" stops at "después"), a comma, or a few words when no name comes."""
    s = e = None
    seen_name = False
    n = 0
    for m in _WORD.finditer(text, i, end):
        w = m.group(0)
        if w in ",;:.!?" or w in "«»“”„\"" or w == "—":
            break
        low = w.lower()
        is_name = w[:1].isupper() or w.startswith("(")
        if seen_name and not is_name and low not in spec.connectors and not (
                not spec.capital_nouns and _name_next(text, m.end(), end)):
            break                   # "… Lee Seong-kweun después de …"; "le Premier ministre Michel Barnier" goes on
        if s is not None and not is_name and low in spec.adverbial_starts:
            break                       # "le président lors d'une conférence": the adverbial is no part of it
        if not seen_name and not is_name and n >= 5:
            return None
        if low in spec.pronouns and s is None:
            return (m.start(), m.end())
        s = m.start() if s is None else s
        e = m.end()
        seen_name = seen_name or (is_name and low not in spec.determiners)
        n += 1
        if n >= max_words:
            break
    if s is None:
        return None
    e = _apposed_name(text, e, end)
    sp = strip_span(text, s, e)
    while sp[1] > sp[0] and text[sp[0]:sp[1]].split()[-1].lower() in spec.connectors | spec.determiners:
        sp = strip_span(text, sp[0], sp[0] + text[sp[0]:sp[1]].rstrip().rfind(" "))
    return sp if sp[1] > sp[0] and _plausible(text, sp, spec) else None


def _name_next(text, i, end) -> bool:
    """The next word starts with a capital (a title's lower-case word inside a name: "Premier ministre Michel")."""
    m = re.compile(r"\s+([^\W\d_])").match(text, i, end)
    return bool(m and m.group(1).isupper())


def _apposed_name(text, e, end) -> int:
    """ "el ministro de Defensa, Andrés Molina.": a name set off by a comma right after the phrase belongs to it."""
    if text[e:e + 1] != ",":
        return e
    m = re.compile(r",\s*([A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){1,3})\s*(?=[,.;!?]|$)").match(text, e, end)
    return m.end(1) if m else e


def _clause_start(text, ss, hi, spec, subject: bool = True) -> int:
    lo = ss
    for m in spec.clause_openers.finditer(text, ss, hi):
        lo = m.end()
    if not subject:
        return lo
    k = max(text.rfind(";", lo, hi), text.rfind(":", lo, hi))
    return k + 1 if k >= 0 else lo


def _segments(text, s, e) -> list[tuple[int, int]]:
    """Comma-separated parts of [s, e), commas inside parentheses kept."""
    segs, depth, k = [], 0, s
    for i in range(s, e):
        c = text[i]
        depth += c in "(（"
        depth -= c in ")）" and depth > 0
        if c == "," and depth == 0:
            seg = strip_span(text, k, i)
            if seg[1] > seg[0]:
                segs.append(seg)
            k = i + 1
    seg = strip_span(text, k, e)
    if seg[1] > seg[0]:
        segs.append(seg)
    return segs


def _adverbial(text, s, e, spec) -> bool:
    """A leading or trailing segment that is no part of a speaker: "Ayer", "Le 23 décembre", "en declaraciones …"."""
    words = text[s:e].lower().split()
    if not words:
        return True
    return (words[0] in spec.adverbial_starts or len(words) <= 3 and any(w in spec.adverbial_starts for w in words)
            or any(c.isdigit() for c in text[s:e]) and not _named(text, (s, e), spec))


def _named(text, sp, spec) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[sp[0]:sp[1]])]
    if not words:
        return False
    caps = [k for k, w in enumerate(words) if w[0].isupper() and w.lower() not in spec.determiners]
    if spec.capital_nouns:     # German nouns are capitalised: a name is a capitalised word no dictionary noun needs
        return any(k > 0 or len(words) == 1 for k in caps)
    return any(k > 0 or words[0].lower() not in spec.determiners for k in caps)


def _plausible(text, sp, spec) -> bool:
    s, e = sp
    words = text[s:e].split()
    return (0 < len(words) <= _MAX_SUBJECT_WORDS and any(c.isalpha() for c in text[s:e])
            and any(w.lower() not in spec.determiners for w in words))
