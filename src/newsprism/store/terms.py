"""The normalised search index: each document's words as lemmas or stems, CJK text as bigrams.

``documents_terms`` (migration 7) has two columns: ``raw``, the words as written (prefix
queries: ``liberat*``), and ``norm``, the words' normal forms: a word of a script its
document's language pack normalises (``pack(lang).search``) goes in as that pack's normal
form, any other word lower-cased; runs of Hangul, Han and Kana go in as overlapping
two-character pieces, so 북한 finds 북한군 and a three-character word is a phrase of two pieces.
A query word is looked up under the forms every pack reading its script would give it.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from ..languages import languages, pack

_WORD = re.compile(r"\w+", re.UNICODE)
_CJK_RUN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
MAX_INDEXED_CHARS = 2_000_000     # a larger text is indexed up to here (search stays bounded)


def script(word: str) -> str:
    if _CYRILLIC.search(word):
        return "cyrillic"
    if _LATIN.search(word):
        return "latin"
    return ""


def cjk_pieces(run: str) -> list[str]:
    """Overlapping two-character pieces of a CJK run (one character alone stays itself)."""
    return [run] if len(run) < 2 else [run[i:i + 2] for i in range(len(run) - 1)]


def split_word(word: str) -> list[tuple[str, bool]]:
    """A word's parts as (text, is_cjk): Korean with a Latin acronym (KN-23형) has both."""
    out, pos = [], 0
    for m in _CJK_RUN.finditer(word):
        if m.start() > pos:
            out.append((word[pos:m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(word):
        out.append((word[pos:], False))
    return out


def _normaliser(lang: str | None):
    p = pack(lang)
    return (p.search.SCRIPTS, p.search.normalise) if p.has("search") else (frozenset(), None)


def word_forms(word: str, scripts: frozenset, norm) -> list[str]:
    """Index tokens for one word under one normaliser."""
    out: list[str] = []
    for part, cjk in split_word(word.lower()):
        if cjk:
            out.extend(cjk_pieces(part))
        elif norm is not None and script(part) in scripts:
            out.append(norm(part) or part)
        else:
            out.append(part)
    return out


def normalise_text(text: str, lang: str | None) -> str:
    scripts, norm = _normaliser(lang)
    return " ".join(t for w in _WORD.findall(text[:MAX_INDEXED_CHARS]) for t in word_forms(w, scripts, norm))


@lru_cache(maxsize=1)
def _query_normalisers() -> tuple:
    out = [(frozenset(), None)]
    for code in languages():
        if pack(code).has("search"):
            out.append(_normaliser(code))
    return tuple(out)


def phrase_forms(words: list[str]) -> list[list[str]]:
    """The token sequences a phrase of query words may be indexed as (one per normaliser, deduplicated)."""
    seen: dict[tuple, None] = {}
    for scripts, norm in _query_normalisers():
        seq = tuple(t for w in words for t in word_forms(w, scripts, norm))
        if seq:
            seen.setdefault(seq, None)
    return [list(s) for s in seen]


def index_document(conn: sqlite3.Connection, seq: int, title: str | None, text: str, lang: str | None) -> None:
    """Put one document in the normalised index (replacing what it held)."""
    title = title or ""
    raw = (title + "\n" + text)[:MAX_INDEXED_CHARS]
    conn.execute("DELETE FROM documents_terms WHERE rowid = ?", (seq,))
    conn.execute("INSERT INTO documents_terms(rowid, raw, norm) VALUES (?, ?, ?)",
                 (seq, raw, normalise_text(title + "\n" + text, lang)))


def backfill(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Index the documents the normalised index lacks (stores made before it); returns how many."""
    n, last = 0, -1
    while True:
        rows = conn.execute(
            "SELECT seq, title, text, language FROM documents WHERE seq > ? AND seq NOT IN"
            " (SELECT rowid FROM documents_terms WHERE rowid > ?) ORDER BY seq LIMIT ?",
            (last, last, batch)).fetchall()
        if not rows:
            return n
        for r in rows:
            index_document(conn, r[0], r[1], r[2], r[3])
        n += len(rows)
        last = rows[-1][0]
