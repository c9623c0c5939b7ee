"""Exact and near-duplicate detection: link each copy to the first one seen, never delete.

Two stages, so that a flag can be trusted (see docs/duplicates.md):

1. **Candidates** — a MinHash LSH index (datasketch) over the document's shingles finds
   earlier documents whose shingle sets are probably similar. Cheap, approximate.
2. **Verification** — the exact shingle sets of the pair are compared. A pair is a
   near-duplicate when the smaller document is mostly contained in the larger one
   (``overlap``) *and* the shared text is a real part of the larger one (``coverage``),
   with stricter floors for short documents, whose template look-alikes
   ("delegation arrived" / "delegation left") differ in only a few words.

Shingles are ``k`` consecutive normalised units: lower-cased unicode words, or single
characters for Chinese, Japanese and Korean, whose word boundaries (and spacing) vary
between outlets. Punctuation and whitespace are ignored, so reflowed copies still match.

The store keeps one signature per document (text hash + MinHash, ``encode_signature``),
so ``from_store`` rebuilds the index without re-shingling; the verification stage
re-shingles only the candidates, fetching their text by id.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

import numpy as np

from .config import Settings
from .model import Document

if TYPE_CHECKING:   # datasketch imports scipy (~1 s): only the commands that compare documents load it
    from datasketch import MinHash

# Bump when shingling or hashing changes: stored signatures of another version are
# recomputed from the text by ``from_store``.
SIGNATURE_VERSION = 1
NUM_PERM = 256
# 85 bands of 3 rows: a pair with Jaccard 0.4 (the lowest a verified pair can have) is a
# candidate with probability 0.996; one with Jaccard 0.1 only with probability 0.08.
LSH_BANDS, LSH_ROWS = 85, 3
WORD_SHINGLE = 3            # words per shingle
CJK_SHINGLE = 4             # characters per shingle for Chinese/Japanese/Korean text
CJK_UNITS_PER_WORD = 2.5    # to compare CJK character counts with word counts
# Short texts are where templates live (KCNA's "delegation arrived" / "delegation left"
# differ in 3 of 40 words), so the overlap floor ramps from SHORT_MIN_OVERLAP at
# RAMP_FROM words down to the configured threshold at RAMP_TO words.
TINY_WORDS = 10             # below this, only a copy of every word counts
RAMP_FROM, RAMP_TO = 50, 300
SHORT_MIN_OVERLAP = 0.9
SHORT_WORDS = 100           # below this, the shared text must also cover more of the larger
SHORT_MIN_COVERAGE = 0.6
MIN_COVERAGE = 0.5
MIN_BLOCK_SHARE = 0.8       # short texts: an unbroken common run this long also counts
_CACHE_DOCS = 20_000        # shingle sets kept in memory when they can be re-fetched

_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_UNIT = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_MAGIC = b"NPMH"
_HEADER = struct.Struct("<4sBBH32s")     # magic, version, k, num_perm, text sha256
_MIX1, _MIX2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)
@functools.cache
def _permutations():
    from datasketch import MinHash
    return MinHash(num_perm=NUM_PERM, seed=1).permutations


@dataclass(frozen=True)
class DuplicateMatch:
    """A document is a copy of ``first_id`` (the earliest matching document seen)."""

    first_id: str
    kind: str        # "exact" | "near"
    score: float     # 1.0 for exact; the overlap of the verified pair for near


@dataclass(frozen=True)
class Shingles:
    """A document's shingle set: sorted unique 32-bit hashes, and how it was cut."""

    hashes: np.ndarray
    k: int
    units: int       # normalised words (or CJK characters) in the text
    sequence: np.ndarray | None = None   # shingles in text order, kept for short texts only

    @property
    def words(self) -> float:
        """Length in word-equivalents, for the short-document floors."""
        return self.units / CJK_UNITS_PER_WORD if self.k == CJK_SHINGLE else float(self.units)


@dataclass(frozen=True)
class Similarity:
    shared: int
    overlap: float   # shared / smaller set: how much of the smaller text is copied
    coverage: float  # shared / larger set: how much of the larger text is that copy


# -- shingling ---------------------------------------------------------------------
def normalized_units(text: str) -> list[str]:
    """Lower-cased words, with each CJK character a unit of its own; punctuation dropped."""
    return _UNIT.findall(unicodedata.normalize("NFKC", text).casefold())


def _unit_hash(unit: str, _cache: dict[str, int] = {}) -> int:
    # A stable hash (not Python's salted ``hash``): signatures are persisted across runs.
    h = _cache.get(unit)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(unit.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_cache) < 1_000_000:
            _cache[unit] = h
    return h


def shingle(text: str) -> Shingles:
    """The text's shingle set; CJK-dominated text is cut in character n-grams."""
    units = normalized_units(text)
    if not units:
        return Shingles(np.empty(0, dtype=np.uint32), WORD_SHINGLE, 0)
    cjk = sum(1 for u in units if len(u) == 1 and _CJK_CHAR.match(u))
    k = CJK_SHINGLE if cjk * 2 > len(units) else WORD_SHINGLE
    h = np.fromiter((_unit_hash(u) for u in units), dtype=np.uint64, count=len(units))
    n = max(1, len(units) - k + 1)
    acc = h[:n].copy()
    with np.errstate(over="ignore"):      # wrap-around is the point of the mixing
        for i in range(1, min(k, len(units))):
            acc = (acc * _MIX1) ^ (h[i:i + n] * _MIX2)
    seq = (acc >> np.uint64(32)).astype(np.uint32)
    short = len(units) < RAMP_TO * (CJK_UNITS_PER_WORD if k == CJK_SHINGLE else 1)
    return Shingles(np.unique(seq), k, len(units), seq if short else None)


def compare(a: Shingles, b: Shingles) -> Similarity:
    """Exact overlap of two shingle sets (0 when they were cut differently)."""
    if a.k != b.k or not len(a.hashes) or not len(b.hashes):
        return Similarity(0, 0.0, 0.0)
    shared = len(np.intersect1d(a.hashes, b.hashes, assume_unique=True))
    small, large = sorted((len(a.hashes), len(b.hashes)))
    return Similarity(shared, shared / small, shared / large)


def required_overlap(words: float, threshold: float) -> float:
    """Overlap floor for a pair whose smaller text has ``words`` words."""
    top = max(threshold, SHORT_MIN_OVERLAP)
    if words <= RAMP_FROM:
        return top
    if words >= RAMP_TO:
        return threshold
    return top - (top - threshold) * (words - RAMP_FROM) / (RAMP_TO - RAMP_FROM)


def is_near_duplicate(a: Shingles, b: Shingles, sim: Similarity, threshold: float) -> bool:
    """The verification rule; the floors grow as the smaller document gets shorter."""
    words = min(a.words, b.words)
    if words < TINY_WORDS:
        return sim.overlap == 1.0 and sim.coverage == 1.0
    min_coverage = SHORT_MIN_COVERAGE if words < SHORT_WORDS else MIN_COVERAGE
    if sim.coverage < min_coverage:
        return False
    if sim.overlap >= required_overlap(words, threshold):
        return True
    # A short copy whose only change is at its edges (a relay's own dateline, header or
    # footer) keeps the body in one piece; a template look-alike differs in several places.
    return sim.overlap >= threshold and _longest_block_share(a, b) >= MIN_BLOCK_SHARE


def _longest_block_share(a: Shingles, b: Shingles) -> float:
    """Longest run of units common to both, as a share of the shorter text's units."""
    small, large = (a, b) if a.units <= b.units else (b, a)
    if small.sequence is None or not small.units:
        return 0.0
    # Consecutive shingles of the smaller text that all occur in the larger one form a
    # common run of (shingles + k - 1) units.
    present = np.concatenate(([False], np.isin(small.sequence, large.hashes), [False]))
    edges = np.flatnonzero(np.diff(present.astype(np.int8)))
    runs = edges[1::2] - edges[::2]
    longest = int(runs.max()) + small.k - 1 if len(runs) else 0
    return min(longest, small.units) / small.units


def _size_ratio(a: int, b: int) -> float:
    return min(a, b) / max(a, b, 1)


# -- signatures --------------------------------------------------------------------
def minhash(sh: Shingles) -> MinHash:
    """MinHash of a shingle set (already hashed, so the hash function is the identity)."""
    from datasketch import MinHash
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_permutations(), scheme="affine32")
    for start in range(0, len(sh.hashes), 20_000):   # bounds the (n x NUM_PERM) work array
        m.update_batch(sh.hashes[start:start + 20_000])
    return m


def encode_signature(text_sha256: str, sh: Shingles, mh: MinHash) -> bytes:
    """The bytes stored in table ``minhashes``: header, text hash and MinHash values."""
    head = _HEADER.pack(_MAGIC, SIGNATURE_VERSION, sh.k, NUM_PERM, bytes.fromhex(text_sha256))
    return head + mh.hashvalues.astype("<u4").tobytes()


def decode_signature(blob: bytes) -> tuple[str, int, MinHash] | None:
    """(text sha256, k, MinHash) from stored bytes; None if written by another version."""
    if len(blob) != _HEADER.size + 4 * NUM_PERM:
        return None
    magic, version, k, num_perm, sha = _HEADER.unpack_from(blob)
    if magic != _MAGIC or version != SIGNATURE_VERSION or num_perm != NUM_PERM:
        return None
    values = np.frombuffer(blob, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
    from datasketch import MinHash
    mh = MinHash(hashfunc=int, hashvalues=values, permutations=_permutations(), scheme="affine32")
    return sha.hex(), k, mh


# -- the index -------------------------------------------------------------------------
@dataclass
class _Cached:
    text_sha256: str
    shingles: Shingles
    minhash: MinHash


class DuplicateIndex:
    """Documents seen so far, to tell whether a new one copies an earlier one.

    Use ``check(doc)`` before storing a document and ``add(doc)`` after; ``add`` returns
    the ``(n_shingles, signature)`` to persist with ``store.save_signature``.
    ``fetch_text(id)`` returns a stored document's text: with it, shingle sets are only
    cached (bounded); without it, every indexed document's set stays in memory.
    """

    def __init__(self, settings: Settings, fetch_text: Callable[[str], str | None] | None = None):
        self.settings = settings
        self.fetch_text = fetch_text
        self._by_hash: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._sizes: dict[str, int] = {}
        from datasketch import MinHashLSH
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        self._sets: OrderedDict[str, Shingles] = OrderedDict()
        self._pending: _Cached | None = None     # computed by check(), reused by add()

    @classmethod
    def from_store(cls, store, settings: Settings) -> "DuplicateIndex":
        """Rebuild from stored signatures; documents without a current one are (re)signed."""
        def fetch_text(doc_id: str) -> str | None:
            doc = store.get_document(doc_id)
            return doc.text if doc is not None else None

        index = cls(settings, fetch_text)
        stored = {doc_id: (n, blob) for doc_id, n, blob in store.iter_signatures()}
        signed: list[tuple[str, int, bytes]] = []
        for doc_id in store.document_ids():     # arrival order decides which copy is first
            n, blob = stored.get(doc_id, (0, b""))
            sig = decode_signature(blob)
            if sig is not None:
                index._load(doc_id, n, *sig)
                continue
            doc = store.get_document(doc_id)    # no signature of this version: sign it now
            if doc is not None:
                signed.append((doc_id, *index.add(doc)))
        if signed:
            with store.transaction():
                for row in signed:
                    store.save_signature(*row)
        return index

    def __len__(self) -> int:
        return len(self._order)

    def check(self, doc: Document) -> DuplicateMatch | None:
        """The earliest indexed document that ``doc`` copies, or None."""
        first = self._by_hash.get(doc.text_sha256)
        if first is not None and first != doc.id:
            return DuplicateMatch(first, "exact", 1.0)
        cached = self._prepare(doc)
        if not len(cached.shingles.hashes):
            return None
        for cand in self._candidates(doc.id, cached):
            other = self._shingles_of(cand)
            if other is None:
                continue
            sim = compare(cached.shingles, other)
            if is_near_duplicate(cached.shingles, other, sim, self.settings.near_duplicate_threshold):
                return DuplicateMatch(cand, "near", round(sim.overlap, 3))
        return None

    def add(self, doc: Document) -> tuple[int, bytes]:
        """Index a stored document; returns (n_shingles, signature) to persist."""
        cached = self._prepare(doc)
        self._pending = None
        if doc.id not in self._order:
            self._order[doc.id] = len(self._order)
        self._sizes[doc.id] = len(cached.shingles.hashes)
        self._remember(doc.id, cached.shingles)
        self._index(doc.id, cached.text_sha256, cached.minhash)
        return len(cached.shingles.hashes), encode_signature(cached.text_sha256, cached.shingles, cached.minhash)

    # -- internals ---------------------------------------------------------------------
    def _prepare(self, doc: Document) -> _Cached:
        sha = doc.text_sha256
        if self._pending is None or self._pending.text_sha256 != sha:
            sh = shingle(doc.text)
            self._pending = _Cached(sha, sh, minhash(sh))
        return self._pending

    def _load(self, doc_id: str, n_shingles: int, sha: str, k: int, mh: MinHash) -> None:
        self._order.setdefault(doc_id, len(self._order))
        self._sizes[doc_id] = n_shingles
        self._index(doc_id, sha, mh)

    def _index(self, doc_id: str, sha: str, mh: MinHash) -> None:
        first = self._by_hash.setdefault(sha, doc_id)
        # An exact copy adds nothing to find: later copies match the first one.
        if first == doc_id and doc_id not in self._lsh:
            self._lsh.insert(doc_id, mh, check_duplication=False)

    def _candidates(self, doc_id: str, cached: _Cached) -> list[str]:
        n = len(cached.shingles.hashes)
        # Sizes too far apart cannot pass the loosest coverage floor: skip them unfetched.
        found = [c for c in self._lsh.query(cached.minhash)
                 if c != doc_id and _size_ratio(n, self._sizes.get(c, n)) >= MIN_COVERAGE]
        return sorted(found, key=lambda c: self._order.get(c, 1 << 62))

    def _shingles_of(self, doc_id: str) -> Shingles | None:
        sh = self._sets.get(doc_id)
        if sh is not None:
            self._sets.move_to_end(doc_id)
            return sh
        text = self.fetch_text(doc_id) if self.fetch_text else None
        if text is None:
            return None
        sh = shingle(text)
        self._remember(doc_id, sh)
        return sh

    def _remember(self, doc_id: str, sh: Shingles) -> None:
        self._sets[doc_id] = sh
        self._sets.move_to_end(doc_id)
        if self.fetch_text is not None and len(self._sets) > _CACHE_DOCS:
            self._sets.popitem(last=False)


# -- evaluation ------------------------------------------------------------------------
@dataclass
class PairEvaluation:
    """Precision and recall of the links an index makes over a labelled stream."""

    links: int = 0
    correct: int = 0
    expected: int = 0
    found: int = 0
    false_links: list[tuple[str, str, float]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.links if self.links else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def summary(self) -> str:
        return (f"precision {self.precision:.4f} ({self.correct}/{self.links} links), "
                f"recall {self.recall:.4f} ({self.found}/{self.expected} copies), {self.seconds:.2f} s")


def evaluate_pairs(stream: Sequence[tuple[str, str]], source_of: Mapping[str, str],
                   settings: Settings, *, same_report: Iterable[tuple[str, str]] = ()) -> PairEvaluation:
    """Run ``stream`` of (id, text) through a fresh index, in order, and score its links.

    ``source_of`` maps each planted copy to the document it was made from (the copies
    that must be found: recall). A link is correct when both ends trace back to the same
    source, or to two documents listed in ``same_report`` (known copies inside the base
    data); any other link is a false one (precision).
    """
    import time

    group = _groups(source_of, same_report)
    index = DuplicateIndex(settings)
    result = PairEvaluation(expected=len(source_of))
    t0 = time.perf_counter()
    for doc_id, text in stream:
        doc = Document(id=doc_id, locator=doc_id, reader="eval", raw_sha256="", text=text)
        match = index.check(doc)
        index.add(doc)
        ok = match is not None and group(doc_id) == group(match.first_id)
        if match is not None:
            result.links += 1
            result.correct += ok
            if not ok:
                result.false_links.append((doc_id, match.first_id, match.score))
        if doc_id in source_of:
            result.found += ok
            if not ok:
                result.missed.append(doc_id)
    result.seconds = time.perf_counter() - t0
    return result


def _groups(source_of: Mapping[str, str], same_report: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    """Union-find over copy -> source and known same-report pairs: id -> group root."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in [*source_of.items(), *same_report]:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    return root
