"""Sources a figure takes from elsewhere in its document, after each claim has its own (``claims.sources``).

A figure the sentence gives no speaker may still be someone's:

* **back reference** — a sentence after it says where the figures come from ("This information comes from the
  General Staff", "Такие данные приводит X, ссылаясь на Y"): the figures of the sentence before take that source
  (Y via X); figures there that already name the cited source take the relay; one that names only who passed the
  figures on ("Das gaben die Parlamentarier A und B bekannt") gives figures with a source of their own that relay;
* **document** — "The report, which relied on Y, said …" after an outlet's report: the outlet's figures in the
  sentence before are Y's, through the outlet;
* **frame** — a reporting frame that opens its sentence ("According to X, …") scopes the whole sentence: a figure
  after the attribution's content ("…, so the losses amount to over half of that force") takes its source;
* **continuation** — a sentence that goes on with the statement before it ("Of that total, …", "Помимо этого",
  "이 가운데"), or reports with no agent ("70 soldiers were reported killed"), and names no speaker: its figures
  take the previous sentence's source;
* **report paragraph** — a prose paragraph that names no speaker (no attribution, no figure with a source of its
  own) right after a paragraph that ends on figures it gives one source ("За оцінками X, … 12 тисяч …" then a
  paragraph of further details): its figures go on with that report; never carried on from a carried paragraph;
* **headline** — a number in the headline with no speaker takes the source the lead (the body's first prose line)
  gives the same value (same number, same kind), keeping the headline's own source where it has one; a number the
  body gives only further down (an earlier statement, background) leaves the headline in the outlet's own voice;
* **crosshead** — the same for a number in a crosshead (a short line alone between blank lines) with the first
  sourced figure of the same number in its section;
* **embedded post** — a quoted social-media post ends in its signature line ("— Name (@handle) date"): the
  figures of the post's text (the lines just above, back to a blank line or the line before) are Name's;
* **relay** — once the text says a source's statements reach it through someone ("Lee said the NIS reported …",
  a report nested in another), the source's other figures in the text with no relay of their own take that one,
  when the text names only one.

Each carried source is marked ``source_rule`` (``back-reference``, ``frame``, ``continuation``,
``report-paragraph``, ``headline``, ``crosshead``) or
``via_rule: document`` so a reader can tell a carried source from a stated one. The words of each rule are the
language pack's (``sources.BACK_REFERENCE``, ``sources.CONTINUATION``, ``sources.AGENTLESS_REPORT``).
"""

from __future__ import annotations

import bisect
import re

from ..clean.dateforms import POST_SIGNATURE
from ..languages import pack
from ..model import Document, Span
from .sources import _resolved, is_source, speaker_source

_FIGURES = {"quantity", "figure"}
_KEYS = ("source_actor", "source_text", "via", "source_method")


def _own(c: Span) -> dict:
    return {k: c.attrs.get(k) for k in _KEYS}


def _unsourced(c: Span) -> bool:
    return c.label in _FIGURES and not c.attrs.get("source_method")


def _give(c: Span, src: dict, rule: str) -> None:
    c.attrs.update({"source_actor": src.get("source_actor"), "source_text": src.get("source_text"),
                    "via": list(src.get("via") or []), "source_method": src.get("source_method") or "attribution",
                    "source_rule": rule})


def _back_reference(sentence: str, lang: str) -> dict | None:
    """The source a back-reference sentence gives (Y via X for "X gives these data citing Y"), or None."""
    m = pack(lang).sources.BACK_REFERENCE.match(sentence)
    if not m:
        return None
    groups = m.groupdict()
    giver = (groups.get("source") or groups.get("source2") or "").strip()
    relayer = (groups.get("relayer") or groups.get("relayer2") or "").strip()
    r_actor, r_words = _resolved(relayer, None, lang) if relayer else (None, "")
    if relayer and not is_source(r_words, r_actor, lang, named=any(ch.isupper() for ch in relayer)):
        return None
    if not giver:
        if not relayer:
            return None     # "Das gaben A und B bekannt": figures with a source pass through A and B; others are theirs
        return {"source_actor": r_actor, "source_text": r_words, "via": [], "source_method": "attribution",
                "passed_on": str(r_actor or r_words)}
    g_actor, g_words = _resolved(giver, None, lang)
    if not is_source(g_words, g_actor, lang, named=any(ch.isupper() for ch in giver)):
        return None
    if relayer:         # "So lautet die Einschätzung, die X vortrug; Y berief sich dabei auf …": X's, through Y
        return {"source_actor": g_actor, "source_text": g_words, "via": [str(r_actor or r_words)],
                "source_method": "attribution", "relay": str(r_actor or r_words)}
    cited = (groups.get("cited") or "").strip()
    if cited:
        c_actor, c_words = _resolved(cited, None, lang)
        return {"source_actor": c_actor, "source_text": c_words, "via": [str(g_actor or g_words)],
                "source_method": "attribution", "relay": str(g_actor or g_words)}
    return {"source_actor": g_actor, "source_text": g_words, "via": [], "source_method": "attribution"}


class _Doc:
    """Claims and attributions of one document, by sentence."""

    def __init__(self, doc: Document, claims: list[Span], attributions: list[Span], entities: list[Span],
                 sents: list[Span]):
        self.doc, self.atts, self.ents, self.sents = doc, attributions, entities, sents
        self.lang = doc.language or "en"
        self.starts = [s.start for s in sents]
        self.by_sent: list[list[Span]] = [[] for _ in sents]
        for c in claims:
            i = self.index(c.start)
            if i is not None:
                self.by_sent[i].append(c)
        self.carried: dict[int, dict] = {}      # sentence index -> a source its figures (or statement) carry
        self.relayed: dict[str, set[tuple[str, ...]]] = {}   # source actor -> the relay chains the text names

    def index(self, at: int) -> int | None:
        i = bisect.bisect_right(self.starts, at) - 1
        return i if i >= 0 and at < self.sents[i].end else None

    def text(self, i: int) -> str:
        return self.doc.text[self.sents[i].start:self.sents[i].end]

    def said(self, i: int) -> dict | None:
        """The source sentence i states: its last sourced figure's, what a rule carried, else its last speaker's."""
        if i < 0:
            return None
        sourced = [c for c in self.by_sent[i] if c.label in _FIGURES and c.attrs.get("source_method")]
        if sourced:
            return _own(sourced[-1])
        if i in self.carried:
            return self.carried[i]
        s = self.sents[i]
        here = [a for a in self.atts if a.attrs.get("cue") and s.start <= int(a.attrs["cue"][0]) < s.end]
        for a in sorted(here, key=lambda a: -int(a.attrs["cue"][0])):
            found = speaker_source(self.doc.text, a, self.atts, self.ents, self.lang)
            if found:
                return found | {"source_method": "attribution"}
        return None


def _back_references(d: _Doc) -> None:
    for i in range(1, len(d.sents)):
        src = _back_reference(d.text(i), d.lang)
        if not src:
            continue
        relay = src.pop("relay", None)
        passed_on = src.pop("passed_on", None)
        if passed_on:
            for c in d.by_sent[i - 1]:
                if _unsourced(c):
                    _give(c, src, "back-reference")
                elif c.label in _FIGURES and not c.attrs.get("via") and c.attrs.get("source_actor") != src["source_actor"]:
                    c.attrs["via"], c.attrs["via_rule"] = [passed_on], "back-reference"
                    if c.attrs.get("source_actor"):
                        d.relayed.setdefault(str(c.attrs["source_actor"]), set()).add((passed_on,))
            d.carried[i] = src
            continue
        if relay and src["source_actor"]:
            d.relayed.setdefault(str(src["source_actor"]), set()).add((relay,))
        for c in d.by_sent[i - 1]:
            if _unsourced(c):
                _give(c, src, "back-reference")
            elif relay and c.label in _FIGURES and not c.attrs.get("via") and \
                    (src["source_actor"] is None or c.attrs.get("source_actor") == src["source_actor"]):
                c.attrs["via"] = [relay]          # "Such data X gives, citing Y": Y's figure, through X
                c.attrs["via_rule"] = "back-reference"
        d.carried[i] = src


def _document_citing(d: _Doc) -> None:
    """ "A BBC report said deaths could be as high as 1,000. The report, which relied on unnamed Western officials,
    said …": a sentence that opens with a document noun alone ("The report") and says whom it relied on names the
    document of the sentence before, so the figures the outlet gave there came from that source, through it."""
    sp = pack(d.lang).sources
    heads = sp.DOCUMENT_HEADS | pack("en").sources.DOCUMENT_HEADS
    for i in range(1, len(d.sents)):
        m = re.match(r"\s*(\w+)\s+(\w+)\s*,", d.text(i))
        if not m or m.group(1).lower() not in sp.EMPTY_MODIFIERS | pack("en").sources.EMPTY_MODIFIERS \
                or m.group(2).lower() not in heads or not (sp.CITING.search(d.text(i)[:200])
                                                          or pack("en").sources.CITING.search(d.text(i)[:200])):
            continue
        s = d.sents[i]
        here = [a for a in d.atts if a.attrs.get("cue") and s.start <= int(a.attrs["cue"][0]) < s.end
                and len(a.attrs.get("via") or []) == 1]
        src = speaker_source(d.doc.text, here[0], d.atts, d.ents, d.lang) if here else None
        if not src or len(src.get("via") or []) != 1:
            continue
        outlet = src["via"][0]
        for c in d.by_sent[i - 1]:
            if c.label in _FIGURES and not c.attrs.get("via") and outlet in (
                    str(c.attrs.get("source_actor")), c.attrs.get("source_text")):
                _give(c, src | {"source_method": "attribution"}, "back-reference")


def _sentence_frames(d: _Doc) -> None:
    """ "According to the report, 11,000 soldiers were sent, so the losses amount to over half of that force": a
    reporting frame that opens the sentence (its cue is the sentence's first word) scopes the whole sentence, so a
    figure there outside the attribution's content takes the frame's source."""
    for i in range(len(d.sents)):
        mine = [c for c in d.by_sent[i] if _unsourced(c)]
        if not mine:
            continue
        s = d.sents[i]
        lead = len(d.text(i)) - len(d.text(i).lstrip(" \t\n\"“«„'‘"))
        frames = [a for a in d.atts if a.attrs.get("cue") and int(a.attrs["cue"][0]) == s.start + lead
                  and a.start > int(a.attrs["cue"][0]) and a.end <= s.end]
        if len(frames) != 1:
            continue
        src = speaker_source(d.doc.text, frames[0], d.atts, d.ents, d.lang)
        if not src:
            continue
        for c in mine:
            if c.start >= frames[0].end:
                _give(c, src | {"source_method": "attribution"}, "frame")


def _continuations(d: _Doc) -> None:
    rx, agentless = pack(d.lang).sources.CONTINUATION, pack(d.lang).sources.AGENTLESS_REPORT
    for i in range(1, len(d.sents)):
        mine = [c for c in d.by_sent[i] if _unsourced(c)]
        if not mine or not (rx.match(d.text(i)) or agentless.search(d.text(i))):
            continue
        prev = d.said(i - 1)
        if not prev:
            continue
        for c in mine:
            _give(c, prev, "continuation")
        d.carried[i] = prev


_CROSSHEAD_END = re.compile(r"[^.!?。！？…\"»”)]")     # a line that ends in none of these is no prose paragraph


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    out, at = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        if text[at:m.start()].strip():
            out.append((at, m.start()))
        at = m.end()
    if text[at:].strip():
        out.append((at, len(text)))
    return out


def _report_paragraphs(d: _Doc) -> None:
    """A paragraph that goes on describing the report of the paragraph before ("За оцінками X, … 12 тисяч …" then a
    paragraph of further details): it names no speaker of its own (no attribution, no figure with a source), so
    its figures take the source the paragraph before ends with."""
    text = d.doc.text
    paras = _paragraphs(text)
    for k in range(1, len(paras)):
        lo, hi = paras[k]
        if _CROSSHEAD_END.search(text[lo:hi].rstrip()[-1:]):
            continue        # a crosshead or caption line opens a section of its own
        sents = [i for i in range(len(d.sents)) if lo <= d.sents[i].start < hi]
        mine = [c for i in sents for c in d.by_sent[i] if c.label in _FIGURES]
        if not mine or any(not _unsourced(c) for c in mine):
            continue
        if any(a.attrs.get("cue") and lo <= int(a.attrs["cue"][0]) < hi for a in d.atts):
            continue
        plo, phi = paras[k - 1]
        before = [i for i in range(len(d.sents)) if plo <= d.sents[i].start < phi]
        if not before:
            continue
        last = [c for c in d.by_sent[before[-1]] if c.label in _FIGURES]
        keys = {(c.attrs.get("source_actor"), c.attrs.get("source_text")) for c in last}
        if not last or any(_unsourced(c) or c.attrs.get("source_rule") == "report-paragraph" for c in last) \
                or len(keys) != 1:
            continue        # the paragraph before ends on figures it gives one source itself (no chain)
        prev = _own(last[-1])
        for c in mine:
            _give(c, prev, "report-paragraph")
        for i in sents:
            d.carried[i] = prev


_LEAD_MIN = 60       # characters: a shorter line under the headline is a caption or a byline, not the lead


def _lead(text: str, body_from: int) -> tuple[int, int]:
    """(start, end) of the lead: the first line of the body long enough to be prose and ending as a sentence."""
    for m in re.finditer(r"[^\n]+", text[body_from:]):
        line = m.group(0).strip()
        if len(line) >= _LEAD_MIN and re.search(r"[.!?。！？…\"»”]$", line):
            return body_from + m.start(), body_from + m.end()
    return body_from, body_from


def _headline(d: _Doc) -> None:
    title = " ".join(str(d.doc.get("title") or "").split())
    if len(title) < 8:
        return
    text = d.doc.text
    spans, at = [], text.find(title)
    while 0 <= at < 1200:
        spans.append((at, at + len(title)))
        at = text.find(title, at + 1)
    if not spans:
        return
    body_from = spans[-1][1]
    lead = _lead(text, body_from)
    claims = [c for cs in d.by_sent for c in cs if c.label in _FIGURES]
    for c in claims:
        if not any(a <= c.start < b for a, b in spans) or not _unsourced(c):
            continue
        same = [b for b in claims if lead[0] <= b.start < lead[1] and b.attrs.get("source_method")
                and b.attrs.get("value_kind") == c.attrs.get("value_kind")
                and b.attrs.get("min") == c.attrs.get("min") and b.attrs.get("max") == c.attrs.get("max")]
        if same:
            _give(c, _own(same[0]), "headline")


# a crosshead: a short line standing alone between blank lines, with no sentence-final punctuation
_CROSSHEAD = re.compile(r"(?<=\n\n)[ \t]*(?P<line>[^\n]{8,100}?)[ \t]*(?=\n\n)")
_CROSSHEAD_REACH = 1500     # characters of the section under a crosshead searched for the same number


def _crossheads(d: _Doc) -> None:
    """ "Mehr als 15.000 Mann entsandt" as a crosshead over a section that says "Laut X hat … etwa 15.000 Soldaten
    entsandt": a number in the crosshead with no speaker takes the source the section gives the same number (same
    kind; a bound and an estimate of one number are the same figure here, unlike in the headline rule)."""
    text = d.doc.text
    claims = sorted((c for cs in d.by_sent for c in cs if c.label in _FIGURES), key=lambda c: c.start)
    heads = [m for m in _CROSSHEAD.finditer(text) if m.group("line")[-1:] not in ".!?。！？:;：；…\"»”"]
    for k, m in enumerate(heads):
        end = min(heads[k + 1].start() if k + 1 < len(heads) else len(text), m.end() + _CROSSHEAD_REACH)
        for c in claims:
            if not m.start("line") <= c.start < m.end("line") or not _unsourced(c) or c.attrs.get("min") is None:
                continue
            same = [b for b in claims if m.end() <= b.start < end and b.attrs.get("source_method")
                    and b.attrs.get("value_kind") == c.attrs.get("value_kind") and b.attrs.get("min") == c.attrs["min"]
                    and (b.attrs.get("max") == c.attrs.get("max") or None in (b.attrs.get("max"), c.attrs.get("max")))]
            if same:
                _give(c, _own(same[0]), "crosshead")


def _embedded_posts(d: _Doc) -> None:
    """Figures in the text of an embedded post with no source of their own are its author's."""
    text = d.doc.text
    for m in POST_SIGNATURE.finditer(text):
        name = re.sub(r"[^\w)]+$", "", m.group("name")).strip(" ,")
        actor, words = _resolved(name, None, d.lang)
        if not is_source(words, actor, d.lang, named=True):
            continue
        body_end = text.rfind("\n", 0, m.start())
        body_start = text.rfind("\n", 0, max(body_end, 0)) + 1
        if body_end <= body_start:
            continue
        src = {"source_actor": actor, "source_text": words, "via": [], "source_method": "attribution"}
        for cs in d.by_sent:
            for c in cs:
                if _unsourced(c) and body_start <= c.start < body_end:
                    _give(c, src, "embedded-post")


def _relays(d: _Doc, claims: list[Span]) -> None:
    chains = {k: set(v) for k, v in d.relayed.items()}
    for a in d.atts:
        actor, via = a.attrs.get("actor"), a.attrs.get("via")
        if actor and via:
            chains.setdefault(str(actor), set()).add(tuple(str(v) for v in via))
    speakers = {(a.attrs.get("speaker_text") or "").strip(): str(a.attrs["actor"]) for a in d.atts
                if a.attrs.get("actor") and a.attrs.get("speaker_text") and len(a.attrs["speaker_text"].strip()) >= 2}
    for a in d.atts:
        relay = a.attrs.get("actor")
        content = d.doc.text[a.start:a.end].lstrip(" \"'“”«»„")
        for name, actor in speakers.items():
            if relay and actor != str(relay) and content.startswith(name):
                # "Lee said the NIS had reported …": the content is the NIS's report, told by Lee
                chains.setdefault(actor, set()).add((str(relay),))
    for c in claims:
        src = c.attrs.get("source_actor")
        if c.label not in _FIGURES or not src or c.attrs.get("via") or len(chains.get(str(src), ())) != 1:
            continue
        (chain,) = chains[str(src)]
        c.attrs["via"], c.attrs["via_rule"] = list(chain), "document"


def carry_sources(doc: Document, claims: list[Span], attributions: list[Span], entities: list[Span],
                  sents: list[Span]) -> None:
    """Give figures with no source of their own the source their document gives them elsewhere (in place)."""
    d = _Doc(doc, claims, attributions, entities, sents)
    _back_references(d)
    _document_citing(d)
    _sentence_frames(d)
    _continuations(d)
    _report_paragraphs(d)
    _headline(d)
    _crossheads(d)
    _embedded_posts(d)
    _relays(d, claims)
