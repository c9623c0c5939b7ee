"""Read and write PTC-format folders (SemEval-2020 Task 11).

A PTC folder holds ``*-articles/article<ID>.txt`` and label files: per-article
``article<ID>.task-flc-tc.labels`` (id, technique, start, end) and
``article<ID>.task-si.labels`` (id, start, end), or the combined
``*-task-flc-tc.labels`` / ``*-task-si.labels``. Offsets count Python ``str``
characters of the file read as-is (BOM kept, newlines untouched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

_ARTICLE = re.compile(r"article(\d+)\.txt$")


@dataclass(frozen=True)
class Fragment:
    article: str
    start: int
    end: int
    label: str | None = None     # None for SI-only fragments


@dataclass
class Article:
    id: str
    text: str
    tc: list[Fragment] = field(default_factory=list)   # labelled fragments (may overlap)
    si: list[Fragment] = field(default_factory=list)   # unlabelled fragments


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _articles_dir(root: Path) -> Path:
    if any(root.glob("article*.txt")):
        return root
    dirs = sorted(p for p in root.glob("*articles") if p.is_dir())
    if not dirs:
        raise FileNotFoundError(f"no article*.txt files and no *-articles/ folder under {root}")
    return dirs[0]


def _label_lines(root: Path, kind: str) -> Iterable[list[str]]:
    """Lines of per-article label files, or else of the combined file, for kind 'flc-tc' or 'si'."""
    files = sorted(root.glob(f"**/article*.task-{kind}.labels"))
    if not files:
        files = sorted(p for p in root.glob(f"*task-{kind}.labels") if p.is_file())
    for path in files:
        for line in read_text(path).splitlines():
            if line.strip():
                yield line.split("\t")


def read_labels(root: Path, kind: str = "flc-tc") -> list[Fragment]:
    out = []
    for cols in _label_lines(Path(root), kind):
        if kind == "si":
            out.append(Fragment(cols[0], int(cols[1]), int(cols[2])))
        else:
            out.append(Fragment(cols[0], int(cols[2]), int(cols[3]), cols[1]))
    return out


def load_folder(root: str | Path, *, labels: bool = True) -> list[Article]:
    """All articles of a PTC folder (sorted by id) with their gold fragments."""
    root = Path(root)
    arts: dict[str, Article] = {}
    for path in sorted(_articles_dir(root).glob("article*.txt")):
        m = _ARTICLE.search(path.name)
        if m:
            arts[m.group(1)] = Article(m.group(1), read_text(path))
    if labels:
        for fr in read_labels(root, "flc-tc"):
            if fr.article in arts:
                arts[fr.article].tc.append(fr)
        for fr in read_labels(root, "si"):
            if fr.article in arts:
                arts[fr.article].si.append(fr)
        for a in arts.values():
            if not a.si and a.tc:   # SI gold is the merged union of TC spans
                a.si = [Fragment(a.id, s, e) for s, e in merge((f.start, f.end) for f in a.tc)]
    return [arts[k] for k in sorted(arts)]


def merge(spans: Iterable[tuple[int, int]], touching: bool = False) -> list[tuple[int, int]]:
    """Merge overlapping (start, end) spans; also ones that only touch when ``touching``.

    The official SI scorer merges spans that share at least one character, so
    two gold fragments that touch stay two fragments there.
    """
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and (s < out[-1][1] or (touching and s == out[-1][1])):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def write_predictions(fragments: Iterable[Fragment], path: str | Path) -> None:
    """One combined labels file: SI format when fragments carry no label, else TC format."""
    lines = []
    for f in sorted(fragments, key=lambda f: (f.article, f.start, f.end, f.label or "")):
        lines.append(f"{f.article}\t{f.start}\t{f.end}" if f.label is None
                     else f"{f.article}\t{f.label}\t{f.start}\t{f.end}")
    Path(path).write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
