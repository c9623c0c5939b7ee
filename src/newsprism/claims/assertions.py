"""Assertions discovered from the sentence, with no story lexicon: who did what to whom, keyed by what is asserted.

An assertion is a clause that states an event between named parties: a verb with an object (or a passive
subject) where the subject or the object is a name ("Russia liberated the Kursk region", "North Korea sent
shells"). Its key is ``assert:<predicate lemma>/<object head lemma>[:not]``.

* **Parsed** (English, spaCy's dependency parse, shared with the entity and attribution stages): the
  predicate is a verb with a direct object or a passive subject (a noun or a name, not a pronoun); a verb
  that frames a report ("said that …", a clausal complement) or is the sentence's dispute cue is no
  assertion; negation from the parse ("did not liberate").
* **Unparsed** (a language pack's ``claims.PREDICATE`` pattern: ru, uk, ko): the first finite verb form in a
  sentence that names something (an entity span), and the content word after it (before it where the verb
  closes the sentence, as in Korean); ``PREDICATE_NEGATION`` just before or inside it. Languages with
  neither a parser nor a pattern find no assertions.

The key is a surface key in one language; ``phrase`` (attr ``assertion_phrase``) says it in a few words
("liberate region", "освободила Курскую область"). ``reconcile`` groups assertions across languages and
outlets by the multilingual sentence encoder's likeness of those phrases (``group_assertions``): the words of
the event, not of the whole sentence, since every sentence of one story names the same parties): "liberated the Kursk region" and «освободили
Курскую область» are one group; a group must be stated in at least two documents to stand (or be disputed);
a case file may name, merge or pin groups (``claims.case``).
"""

from __future__ import annotations

import re

from ..languages import pack
from ..model import Document, Span

PREFIX = "assert:"
_PARTICLE = re.compile(r"(?:을|를|이|가|은|는|에|의|로|으로|에서|와|과)$")
_WORD = re.compile(r"[^\W\d_]{3,}")


def _label(pred: str, obj: str, neg: bool) -> str:
    return f"{'not ' if neg else ''}{pred} {obj}"


def discover(doc: Document, sent: Span, entities: list[Span], cue: re.Match | None = None,
             speech: list[tuple[int, int]] = ()) -> list[dict]:
    """Assertions of one sentence: [{start, end, key, label, phrase, clause}] (offsets in ``doc.text``).

    ``speech``: the cues of the attribution layer ("said", "заявил", 말했다): a verb of speech frames what is
    asserted and is no assertion itself. ``clause``: (start, end) of the verb's own clause."""
    from ..voices.models import wants_english          # the documents the English parse covers
    parsed = wants_english(doc)
    found = _parsed(doc, sent, entities, cue) if parsed else \
        _unparsed(doc, sent, entities, (doc.language or "").split("-")[0], cue)
    return [a for a in found if not any(s <= a["verb"] < e for s, e in speech)]


_WHEN = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
# prepositions that place a verb in time, not on an object: "(the population Gaza) had before the war" says
# nothing about the war
_TIME_PREPS = {"before", "after", "since", "during", "until", "till", "amid", "throughout", "following"}
_CLAUSES = ("advcl", "conj", "relcl", "acl", "xcomp", "parataxis")    # the verb's own clause only


def _in_entity(tok, entities: list[Span]) -> bool:
    return tok.pos_ == "PROPN" or any(e.start <= tok.idx < e.end for e in entities)


def _parsed(doc: Document, sent: Span, entities: list[Span], cue: re.Match | None) -> list[dict]:
    from ..voices.models import parse_english
    parsed = parse_english(doc.text)
    ents = [e for e in entities if sent.start <= e.start < sent.end]
    out = []
    cue_at = (sent.start + cue.start(), sent.start + cue.end()) if cue else None
    span = parsed.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return out
    for v in span:
        if v.pos_ != "VERB" or v.dep_ == "prep" or any(c.dep_ == "ccomp" for c in v.children):   # "according to"
            continue
        if cue_at and cue_at[0] <= v.idx < cue_at[1]:
            continue                             # "denied reports": the denial, not what is asserted
        objs = [c for c in v.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
        passive = [c for c in v.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")]
        subj = [c for c in v.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        # no object: what a preposition attaches ("stemmed from the treaty", "fighting alongside Russia")
        pobjs = [g for p in v.children if p.dep_ == "prep" and p.lower_ not in _TIME_PREPS for g in p.children
                 if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
        obj = (objs or passive or pobjs or [None])[0]
        if obj is None or obj.ent_type_ in _WHEN:
            continue                             # "began in October": a date is no object
        clauses = {t.i for c in v.children if c.dep_ in _CLAUSES for t in c.subtree}
        if not any(_in_entity(t, ents) for t in v.subtree if t.i != v.i and t.i not in clauses):
            continue                             # no named party: wording, not an assertion
        neg = any(c.dep_ == "neg" for c in v.children)
        pred, head = v.lemma_.lower(), (obj.lemma_ if obj.pos_ == "NOUN" else obj.text).lower()
        if len(pred) < 3 or len(head) < 2:
            continue
        # the words of the asserted event: the object's phrase, the verb, and what the object phrase holds
        toks = [v] + list(obj.subtree)
        start, end = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        own = [t for t in v.subtree if t.i not in clauses]
        out.append({"start": start, "end": end, "key": f"{PREFIX}{pred}/{head}{':not' if neg else ''}",
                    "label": _label(pred, head, neg), "phrase": _label(pred, head, neg), "verb": v.idx,
                    "clause": (min(t.idx for t in own), max(t.idx + len(t) for t in own))})
    return out


def _unparsed(doc: Document, sent: Span, entities: list[Span], lang: str, cue: re.Match | None) -> list[dict]:
    claims = pack(lang).claims
    rx = getattr(claims, "PREDICATE", "")
    if not rx or not any(sent.start <= e.start < sent.end for e in entities):
        return []
    text = doc.text[sent.start:sent.end]
    neg_rx = getattr(claims, "PREDICATE_NEGATION", "")
    out = []
    for m in re.finditer(rx, text, re.I):
        if cue and cue.start() <= m.start() < cue.end():
            continue
        after = _WORD.findall(text[m.end():m.end() + 60])
        before = _WORD.findall(text[max(0, m.start() - 40):m.start()])
        if after:
            obj, end = after[0], m.end() + text[m.end():].find(after[0]) + len(after[0])
            start = m.start()
            phrase = " ".join([m.group(0)] + after[:2])
        elif before:
            obj = _PARTICLE.sub("", before[-1]) or before[-1]
            seg = max(0, m.start() - 40)
            start, end = seg + text[seg:m.start()].rfind(before[-1]), m.end()
            phrase = f"{obj} {m.group(0)}"
        else:
            continue
        neg = bool(neg_rx and (re.search(neg_rx, text[max(0, m.start() - 6):m.start()], re.I)
                                or re.search(neg_rx, m.group(0)[1:], re.I)))
        pred, obj = m.group(0).lower()[:6], obj.lower()[:6]
        out += [{"start": sent.start + start, "end": sent.start + end, "verb": sent.start + m.start(),
                 "clause": (sent.start + start, sent.start + end),
                 "key": f"{PREFIX}{lang}:{pred}/{obj}{':not' if neg else ''}", "label": _label(m.group(0).lower(), obj, neg),
                 "phrase": text[max(0, m.start() - 6):m.start()].split()[-1:][0] + " " + phrase
                 if neg and text[max(0, m.start() - 6):m.start()].split() else phrase}]
    return out


ASSERTION_SPLIT = 0.4    # cosine distance (average linkage) within which two assertions say the same thing
MIN_DOCUMENTS = 2        # an assertion group stands when stated in this many documents (copies count once)


def _near_pairs(x, t: float):
    """Rows of ``x`` (unit vectors) within cosine distance ``t`` of each other, as a sparse symmetric
    matrix; computed ``chunk`` rows at a time (~4M similarities, 16 MB), never the whole matrix. A little
    slack (float32 products) only adds pairs."""
    import numpy as np
    from scipy.sparse import coo_matrix
    n = len(x)
    x = np.asarray(x, dtype=np.float32)
    chunk = max(64, (1 << 22) // max(n, 1))
    rows, cols = [], []
    for a in range(0, n, chunk):
        i, j = np.nonzero(x[a:a + chunk] @ x.T >= 1.0 - t - 1e-4)
        rows.append(i + a)
        cols.append(j)
    i, j = np.concatenate(rows), np.concatenate(cols)
    keep = i != j
    return coo_matrix((np.ones(int(keep.sum()), np.int8), (i[keep], j[keep])), shape=(n, n)).tocsr()


def _average_clusters(x, weight, t: float):
    """Average-linkage clusters of the rows of ``x`` (each row standing for ``weight`` identical points), cut
    at cosine distance ``t``: a cluster label per row, the same partition as scipy's ``linkage(method=
    "average", metric="cosine")`` over every point and ``fcluster(t, "distance")``.

    For unit vectors the mean cosine distance between two clusters is ``1 - sum_a . sum_b / (n_a n_b)``,
    so a cluster is its sum and size. The nearest-neighbour chain asks, for the cluster at its end, the
    nearest cluster within ``t``: only clusters holding a row within ``t`` of one of its rows can be (a
    mean within ``t`` needs one pair within it), so it reads those (``_near_pairs``), and memory is the
    vectors and the near pairs, not the square of the points. A chain whose nearest is beyond ``t`` is
    final: average linkage is reducible (a merged cluster is no nearer to anything than the nearer of
    its parts), so nothing on the chain merges again at or below ``t``."""
    import numpy as np
    n = len(x)
    unit = np.asarray(x, dtype=np.float64)
    unit = unit / np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-12)
    near = _near_pairs(unit, t)
    size = np.asarray(weight, dtype=np.float64)
    total = unit * size[:, None]
    del unit
    owner = np.arange(n)                 # row -> the row that holds its cluster
    rows_of = {i: [i] for i in range(n)}
    live = np.ones(n, bool)              # open: neither merged away nor final
    chain: list[int] = []
    nxt = 0
    while True:
        if not chain:
            while nxt < n and not live[nxt]:
                nxt += 1
            if nxt == n:
                break
            chain.append(nxt)
        a = chain[-1]
        cand = np.unique(owner[np.concatenate([near.indices[near.indptr[r]:near.indptr[r + 1]]
                                               for r in rows_of[a]])])
        cand = cand[live[cand] & (cand != a)]
        if len(chain) > 1:
            cand = np.union1d(cand, [chain[-2]])
        b, db = -1, np.inf
        if len(cand):
            d = 1.0 - (total[cand] @ total[a]) / (size[cand] * size[a])
            k = int(np.argmin(d))
            b, db = int(cand[k]), float(d[k])
            if len(chain) > 1:           # ties go to the previous link, so the chain ends in a reciprocal pair
                dp = float(d[np.searchsorted(cand, chain[-2])])
                if dp <= db:
                    b, db = chain[-2], dp
        if b < 0 or db > t:              # nearest beyond t: the chain's clusters are final
            live[chain] = False
            chain = []
            continue
        if len(chain) > 1 and b == chain[-2]:
            if len(rows_of[a]) > len(rows_of[b]):
                a, b = b, a              # keep the larger cluster's row
            total[b] += total[a]
            size[b] += size[a]
            moved = rows_of.pop(a)
            owner[moved] = b
            rows_of[b] += moved
            live[a] = False
            chain = chain[:-2]
        else:
            chain.append(b)
    return owner


def group_assertions(members: list[dict], vectors) -> dict[int, str]:
    """Discovered assertion members (index -> group key) by the encoder's likeness of their words, across
    languages; members of groups stated in fewer than ``MIN_DOCUMENTS`` documents and not disputed are left out
    (key ``""``). Disputes of a discovered assertion follow the assertion they dispute (``disputes.start``).

    Average linkage cut at ``ASSERTION_SPLIT`` by the nearest-neighbour chain over the distinct vectors
    (``_average_clusters``): the same clusters as scipy's linkage over every member, without the square of
    the members in memory (the near pairs come from a product that still takes time in the square of the
    distinct phrases)."""
    import hashlib
    import numpy as np
    from collections import Counter, defaultdict

    idx = [i for i in vectors if members[i]["role"] == "assertion"]
    out: dict[int, str] = {}
    if not idx:
        return out
    clusters: dict[tuple, list[int]] = defaultdict(list)
    for neg in (False, True):        # "did not liberate" is like "liberated" to the encoder: negation splits first
        part = [i for i in idx if members[i]["subject"].endswith(":not") == neg]
        if len(part) < 2:
            for i in part:
                clusters[(neg, -1)].append(i)
            continue
        # identical vectors (the same phrase) are one point of weight n: they merge first, at distance 0
        row: dict[bytes, int] = {}
        uniq, of, weight = [], [], []
        for i in part:
            v = np.asarray(vectors[i], dtype=np.float32)
            k = hashlib.sha1(v.tobytes()).digest()
            if k not in row:
                row[k] = len(uniq)
                uniq.append(v)
                weight.append(0)
            weight[row[k]] += 1
            of.append(row[k])
        labels = _average_clusters(np.vstack(uniq), weight, ASSERTION_SPLIT)
        del uniq
        for i, r in zip(part, of):
            clusters[(neg, int(labels[r]))].append(i)
    where = {(members[i]["doc_id"], members[i]["start"]): i for i in idx}
    disputed: dict[int, list[int]] = defaultdict(list)
    for j, m in enumerate(members):
        d = m.get("disputes") or {}
        if m["role"] == "dispute" and (m["subject"] or "").startswith(PREFIX):
            t = where.get((m["doc_id"], d.get("start")))
            if t is not None:
                disputed[t].append(j)
    for k, ms in clusters.items():
        docs = {members[i]["duplicate_of"] or members[i]["doc_id"] for i in ms}
        disputes = [j for i in ms for j in disputed.get(i, [])]
        if len(docs) < MIN_DOCUMENTS and not disputes:
            out.update({i: "" for i in ms})
            continue
        subject = Counter(members[i]["subject"] for i in ms).most_common(1)[0][0]
        label = next(members[i]["label"] for i in ms if members[i]["subject"] == subject)
        for i in ms + disputes:
            out[i] = subject
            members[i]["label"] = label
    return out
