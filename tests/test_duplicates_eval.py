"""Measured precision and recall of near-duplicate detection on planted copies.

The stream is every KCNA 2024 article (in file order) and the five seed articles,
followed by edited copies of a seeded sample of them: a relay that adds a paragraph
of its own, drops the last paragraph, changes a few words, fixes typos, swaps the
header/footer, reflows whitespace and punctuation, or keeps only the first 70-90 %.
Hard negatives come free: KCNA's template articles (delegation arrived / left, reply
messages, greetings lists) are all in the stream, and any link between two of them that
is not a known copy counts against precision.

Run ``pytest -s tests/test_duplicates_eval.py`` to see the figures docs/duplicates.md quotes.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.duplicates import DuplicateIndex, evaluate_pairs
from newsprism.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KCNA = SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"
SEEDS = SHARED / "corpus" / "seeds"
SEED = 20240924
N_BASE = 420

# Copies inside the KCNA file itself: the same report published twice on the same day
# in two English versions (re-edited translation). Checked by reading the pairs' word
# diffs; they are what the index flags on the file alone (see test_kcna_own_copies).
KCNA_SAME_REPORT = [
    ("0808dd4c388d5f9e", "eabcffcd47dcbd95"),  # 2024-08-26 Inspects Construction of Regional-Industry Factories
    ("98ca1d09c08a7d3e", "17d90cb0be2a8bec"),  # 2024-09-08 Inspects Site for Construction of New Naval Base
    ("c95c56aa69ebd4de", "f26409c1532df371"),  # 2024-09-10 Meets Leading Party and Government Cadres
    ("3e5dad2a98696a5e", "7b783c0bee21edc5"),  # 2024-09-14 Receives Sergei Shoigu
    ("5440b9047ce0e8b6", "19571f5860fafbc6"),  # 2024-10-01 Meets Players and Coaches Who Won 2024 FIFA ...
    ("6a79bf4338e8f237", "b041d0f04a71c7ef"),  # 2024-10-01 Sends Greetings to General Secretary of CPC C.C.
    ("016643f8153a6625", "dd61d3c04d8a7928"),  # 2024-10-06 Inspects Regional-industry Factories (N. Phyongan)
    ("8c10e2067f4f0eeb", "c5dc6358fd7fafb4"),  # 2024-10-06 Oversees Live Artillery Firing by Graduating ...
    ("aa95b374f9f0e25e", "0abbe30de8f146d8"),  # 2024-10-08 Pays Congratulatory Visit to Kim Jong Un University
    ("9d75909194ac716e", "935a4865e9011474"),  # 2024-10-15 Convenes Consultative Meeting on National Defence
]

pytestmark = pytest.mark.skipif(not KCNA.exists(), reason="needs ../shared/data/kcna-en-2024")


def _load_base() -> list[tuple[str, str]]:
    docs = [json.loads(line) for line in KCNA.open(encoding="utf-8")]
    base = [(d["id"], d["text"]) for d in docs]
    base += [(f"seed-{p.stem[:3]}", p.read_text(encoding="utf-8").strip()) for p in sorted(SEEDS.glob("*.txt"))]
    return base


# -- edits: each returns the edited text, or None when it does not apply ------------------
def _paras(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def add_paragraph(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """A relay adds a paragraph of its own (background from elsewhere), up to 40 % of the text."""
    n = len(text.split())
    fits = [p for p in pool if 8 <= len(p.split()) <= 0.4 * n]
    if not fits:
        return None
    paras = _paras(text)
    paras.insert(rng.randint(1, len(paras)), rng.choice(fits))
    return "\n".join(paras)


def drop_last_paragraph(text: str, rng: random.Random, pool: list[str]) -> str | None:
    paras = _paras(text)
    if len(paras) < 3 or len(paras[-1].split()) > 0.3 * len(text.split()):
        return None
    return "\n".join(paras[:-1])


def change_words(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """An editor swaps a few words (about one in 50)."""
    words = text.split(" ")
    vocab = " ".join(pool[:200]).split()
    for i in rng.sample(range(len(words)), max(1, len(words) // 50)):
        words[i] = rng.choice(vocab)
    return " ".join(words)


def fix_typos(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """Typos made or fixed: a letter dropped or two letters swapped, about one word in 80."""
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not long:
        return None
    for i in rng.sample(long, min(len(long), max(1, len(words) // 80))):
        w, j = words[i], rng.randrange(1, len(words[i]) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rng.random() < 0.5 else w[:j] + w[j + 1:]
    return " ".join(words)


_DATELINE = re.compile(r"^[^\n]{0,60}?\((KCNA|CNA)\)\s*--\s*")


def header_footer(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """A wire copy: the relay's own dateline, header line and footer lines."""
    body = _DATELINE.sub("", text).replace(" -0-", "")
    outlet = rng.choice(["NK Relay", "Korea Wire", "Asia Desk"])
    head = f"{outlet} | World | {rng.randint(1, 28)} September 2024\nSEOUL, Sept. {rng.randint(1, 28)} ({outlet}) -- "
    foot = f"\nRead more at {outlet.lower().replace(' ', '')}.example\n(c) 2024 {outlet}. All rights reserved."
    return head + body + foot


def reflow(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """Same words, different layout: paragraphs joined, quotes and dashes swapped, spaces doubled."""
    out = text.replace("\n", " " if rng.random() < 0.5 else "\n\n").replace("’", "'").replace('"', "“")
    return out.replace(" -- ", " — ").replace(", ", " ,  ").replace(". ", ".  ")


def truncate(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """A copy cut off after 70-90 % of its words."""
    words = text.split(" ")
    keep = int(len(words) * rng.uniform(0.72, 0.9))
    return " ".join(words[:keep]) + " [...]"


EDITS = [add_paragraph, drop_last_paragraph, change_words, fix_typos, header_footer, reflow, truncate]
COMBOS = [(header_footer, change_words), (add_paragraph, fix_typos), (reflow, change_words),
          (drop_last_paragraph, header_footer), (truncate, fix_typos)]


def build_eval_set(seed: int = SEED, n_base: int = N_BASE):
    """(stream, source_of, kind_of): the base articles, then their edited copies, shuffled."""
    rng = random.Random(seed)
    base = _load_base()
    pool = [p for _, t in base for p in _paras(t)]
    rng.shuffle(pool)
    picked = rng.sample(base[:-5], n_base) + base[-5:]
    copies, source_of, kind_of = [], {}, {}
    for n, (doc_id, text) in enumerate(picked):
        plans = [(EDITS[n % len(EDITS)],)]
        if n % 3 == 0:
            plans.append(COMBOS[n % len(COMBOS)])
        for m, plan in enumerate(plans):
            edited = text
            for edit in plan:
                edited = edit(edited, rng, pool) if edited is not None else None
            if edited is None or edited == text:
                continue
            copy_id = f"{doc_id}~{m}"
            copies.append((copy_id, edited))
            source_of[copy_id] = doc_id
            kind_of[copy_id] = "+".join(e.__name__ for e in plan)
    rng.shuffle(copies)
    return base + copies, source_of, kind_of


def test_planted_copies_precision_and_recall(capsys):
    stream, source_of, kind_of = build_eval_set()
    result = evaluate_pairs(stream, source_of, Settings(), same_report=KCNA_SAME_REPORT)
    by_kind = Counter(kind_of.values())
    missed = Counter(kind_of[i] for i in result.missed)
    with capsys.disabled():
        print(f"\nnear-duplicates on {len(stream)} documents ({len(source_of)} planted copies): {result.summary()}")
        for kind, n in sorted(by_kind.items()):
            print(f"  {kind:38s} {n - missed[kind]:4d}/{n:<4d} found")
        for a, b, score in result.false_links:
            print(f"  FALSE LINK {a} -> {b} ({score})")
    assert result.precision >= 0.99
    assert result.recall >= 0.95


def test_kcna_own_copies(capsys):
    """The index over the KCNA file alone flags only same-day re-edits of one report."""
    docs = [json.loads(line) for line in KCNA.open(encoding="utf-8")]
    index = DuplicateIndex(Settings())
    flagged = []
    t0 = time.perf_counter()
    for d in docs:
        doc = Document(id=d["id"], locator=d["id"], reader="test", raw_sha256="", text=d["text"])
        match = index.check(doc)
        if match is not None:
            flagged.append((d["id"], match.first_id))
        index.add(doc)
    seconds = time.perf_counter() - t0
    with capsys.disabled():
        print(f"\nKCNA file: {len(flagged)} of {len(docs)} articles flagged as copies of an earlier one;"
              f" indexed in {seconds:.2f} s")
    assert seconds < 10
    assert {frozenset(p) for p in flagged} == {frozenset(p) for p in KCNA_SAME_REPORT}
