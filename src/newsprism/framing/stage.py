"""Corpus stage "framing": the words each outlet and outlet group over-uses, and how it names things.

Per document (incremental: only changed documents are re-read): term counts
(``framing_doc_terms``) and lexicon variants with their distance marking
(``framing_variants``). Over the corpus (recomputed from the stored counts, no
text re-read): the over-used terms of each outlet, affiliation group and country
against the rest of the coverage (``framing_terms``, statistic in
``framing.terms``), and new variant candidates (``framing_candidates``).
Variants come only from the framing case file named by the ``framing_case`` setting (and user
lexicon files); without one the stage finds over-used terms only. The stage version carries the
case file's digest, so a changed case file re-reads the documents.
Method and case file format: docs/framing.md.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path

from ..config import Settings, setting_value
from ..errors import ConfigError
from ..outlets import groups_of, outlet_of
from .lexicon import Match, discover, find_variants, load_case
from .terms import log_odds, term_counts
from ..store import Store
from ..corpus.stage import CorpusContext, corpus_stage



def stage_version(case: str) -> str:
    """2: story referents and variants only from a case file (none without one); with the case file's digest,
    so a changed case file re-runs it. The runner asks it of each run's settings (``version_of``), so a case set
    in code counts as one named in the environment; ``VERSION`` (the environment's) is for listings."""
    return f"2+case-{load_case(case)['digest']}"


try:
    VERSION = stage_version(setting_value("framing_case"))
except ConfigError:         # a missing case file: the stage fails when it runs, naming it (not every command)
    VERSION = "2+case-missing"
ALPHA0 = 1000.0
TOP_TERMS = 50


def lexicon_files(settings: Settings) -> tuple[str, ...]:
    """User lexicon files: the ``framing_lexicon`` setting (comma-separated paths)."""
    return tuple(p.strip() for p in (settings.framing_lexicon or "").split(",") if p.strip())


def version_in_force(settings: Settings) -> str:
    """The stage's version under a run's settings: the case file's digest and, with user lexicon files, theirs
    (a missing file is a ``ConfigError`` naming it)."""
    files = lexicon_files(settings)
    if not files:
        return stage_version(settings.framing_case)
    h = hashlib.sha1()
    for f in files:
        try:
            h.update(Path(f).read_bytes())
        except OSError as exc:
            raise ConfigError(f"framing lexicon file {f!r}: {exc.strerror or exc}") from None
    return f"{stage_version(settings.framing_case)}+lexicon-{h.hexdigest()[:8]}"


def _update_documents(store: Store, ids: list[str], extra: tuple[str, ...], case: str = "") -> int:
    c = store.conn
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        c.execute(f"DELETE FROM framing_doc_terms WHERE doc_id IN ({marks})", chunk)
        c.execute(f"DELETE FROM framing_variants WHERE doc_id IN ({marks})", chunk)
    n = 0
    for doc in store.iter_documents(ids):
        counts = term_counts(doc.text)
        c.execute("INSERT INTO framing_doc_terms(doc_id, outlet, n_tokens, terms) VALUES (?,?,?,?)",
                  (doc.id, outlet_of(doc), sum(counts.values()), json.dumps(counts, ensure_ascii=False)))
        c.executemany(
            'INSERT INTO framing_variants(doc_id, start, "end", referent, variant, connotation, quoted, language, text)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(doc.id, m.start, m.end, m.referent, m.variant, m.connotation, m.quoted, m.lang, doc.text[m.start:m.end])
             for m in find_variants(doc.text, doc.language, extra, case)])
        n += 1
    return n


def _group_counts(store: Store, where: str = "1", params: tuple = ()
                  ) -> tuple[Counter, dict[tuple[str, str], Counter], dict[tuple[str, str], int]]:
    """Term counts over the documents ``where`` admits (a condition on ``doc_id``): all, per group."""
    total: Counter = Counter()
    for (terms,) in store.conn.execute(f"SELECT terms FROM framing_doc_terms WHERE {where}", params):
        total.update(json.loads(terms))
    keep = {w for w, n in total.items() if n >= 2}          # a term seen once cannot be over-used
    groups: dict[tuple[str, str], Counter] = defaultdict(Counter)
    n_docs: dict[tuple[str, str], int] = Counter()
    for outlet, terms in store.conn.execute(f"SELECT outlet, terms FROM framing_doc_terms WHERE {where}", params):
        counts = {w: n for w, n in json.loads(terms).items() if w in keep}
        for key in groups_of(outlet):
            groups[key].update(counts)
            n_docs[key] += 1
    return Counter({w: total[w] for w in keep}), groups, n_docs


class _Rest(dict):
    """total - group, computed on access (a second full counter per group would double memory)."""

    def __init__(self, total: Counter, group: Counter):
        super().__init__()
        self.total, self.group = total, group

    def get(self, w, default=0):
        return self.total.get(w, 0) - self.group.get(w, 0)

    def values(self):
        return [sum(self.total.values()) - sum(self.group.values())]


def terms_within(store: Store, where: str = "1", params: tuple = (), *, alpha0: float = ALPHA0,
                 top: int = TOP_TERMS) -> list[tuple]:
    """(scope, group, term, n_group, n_rest, log_odds, z) for each group against the rest of the documents
    ``where`` admits: the whole store (the stage) or one story's documents (``framing --story``)."""
    total, groups, n_docs = _group_counts(store, where, params)
    n_all = store.conn.execute(f"SELECT count(*) FROM framing_doc_terms WHERE {where}", params).fetchone()[0]
    rows = []
    for (scope, grp), counts in groups.items():
        if n_docs[(scope, grp)] >= n_all:        # the whole corpus: nothing to compare with
            continue
        for r in log_odds(counts, _Rest(total, counts), total, alpha0=alpha0, top=top):
            rows.append((scope, grp, r["term"], r["n_group"], r["n_rest"], r["log_odds"], r["z"]))
    return rows


def compute_terms(store: Store, *, alpha0: float = ALPHA0, top: int = TOP_TERMS) -> int:
    rows = terms_within(store, alpha0=alpha0, top=top)
    store.conn.execute("DELETE FROM framing_terms")
    store.conn.executemany("INSERT INTO framing_terms(scope, grp, term, n_group, n_rest, log_odds, z)"
                           " VALUES (?,?,?,?,?,?,?)", rows)
    return len(rows)


def compute_candidates(store: Store) -> int:
    matches: list[tuple[str, Match]] = [
        (r[0], Match(r[1], r[2], r[3], r[4], r[5], r[6], r[7])) for r in store.conn.execute(
            'SELECT doc_id, start, "end", referent, variant, connotation, quoted, language FROM framing_variants')]
    docs_with = {d for d, _ in matches}
    texts = ((d.id, d.text) for d in store.iter_documents() if d.id in docs_with)
    found = discover(texts, matches)
    store.conn.execute("DELETE FROM framing_candidates")
    store.conn.executemany(
        "INSERT INTO framing_candidates(referent, candidate, contexts, n, examples) VALUES (?,?,?,?,?)",
        [(rid, c["candidate"], c["contexts"], c["n"], json.dumps(c["examples"], ensure_ascii=False))
         for rid, cands in found.items() for c in cands])
    return sum(len(v) for v in found.values())


@corpus_stage("framing", version=VERSION, requires=("sentences",),
              version_of=version_in_force)
def framing(store: Store, settings: Settings, ctx: CorpusContext) -> dict:
    """Over-used terms per outlet and outlet group; lexicon variants with scare-quote distance."""
    extra = lexicon_files(settings)
    case = settings.framing_case
    digest = load_case(case)["digest"]
    # the version in force carries the case's digest (version_of): a changed case makes the run full; the
    # digest kept in the summary also covers a summary written before the version followed the settings
    if ctx.full or (ctx.previous or {}).get("case_digest", "none") != digest:
        store.conn.execute("DELETE FROM framing_doc_terms")
        store.conn.execute("DELETE FROM framing_variants")
        ids = store.document_ids()
    else:
        ids = list(ctx.changed_docs)
    reread = _update_documents(store, ids, extra, case)
    n_terms = compute_terms(store)
    n_cand = compute_candidates(store)
    n_var = store.conn.execute("SELECT count(*) FROM framing_variants").fetchone()[0]
    return {"documents_read": reread, "terms": n_terms, "variants": n_var, "candidates": n_cand,
            "lexicon_files": list(extra), "case": case, "case_digest": digest}
