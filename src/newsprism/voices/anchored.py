"""Hand-annotated attribution gold kept as offsets over texts that live in ../shared.

The repository holds no third-party text, so a gold file names each article by
its locator under the shared folder (``data/kcna-en-2024/kcna_en_2024_dedup.jsonl#line=12``,
``corpus/seeds/000_x.txt``) and gives character offsets into the article's *clean*
text, the text the pipeline analyses (read by the project's own readers, then
``clean.clean_record``). The SHA-256 of that clean text is stored with it: when a
change to cleaning moves the text, loading stops with an error that names the
article instead of scoring against shifted offsets.

File (JSON)::

    {"name": ..., "version": 1, "convention": ..., "docs": [
      {"locator": ..., "sha256": ..., "attributions": [
        {"speaker": [[s, e]] | null, "cue": [[s, e], ...], "content": [[s, e], ...],
         "actor": "kim-jong-un" | "auto:..." | null, "optional": false}]}]}

``optional`` marks an attribution the convention allows but does not require
(ceremonial speech acts of state media: "expressed thanks", "conveyed greetings"):
a prediction that matches only an optional span is neither a hit nor a false alarm,
and optional spans are not counted in recall. ``actor`` is the actor the speaker
should resolve to (registry id, or the ``auto:`` id of an unregistered name); null
where no actor is expected.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..config import Settings
from ..errors import EvalError
from .polnear import GoldAttribution, GoldDoc


def clean_texts(locators: list[str], shared: str | Path, settings: Settings | None = None) -> dict[str, str]:
    """Clean text per locator (``path`` or ``path#line=N`` under ``shared``), each source read once."""
    from ..clean import clean_record
    from ..ingest.sources import choose_reader, load_source
    settings = settings or Settings()
    root = Path(shared)
    by_path: dict[str, list[str]] = {}
    for loc in locators:
        by_path.setdefault(loc.split("#", 1)[0], []).append(loc)
    out: dict[str, str] = {}
    for rel, locs in by_path.items():
        path = root / rel
        if not path.is_file():
            raise EvalError(f"gold text source {path} is missing (is the shared folder at {root}?)")
        source = load_source(str(path), settings)
        records = {}
        for rec in choose_reader(source).read(source, settings):
            suffix = rec.locator[len(source.locator):]
            records[rel + suffix] = rec
        for loc in locs:
            if loc not in records:
                raise EvalError(f"{loc}: no such record in {path}")
            out[loc] = clean_record(records[loc], settings).text
    return out


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_anchored(gold_file: str | Path, shared: str | Path, settings: Settings | None = None) -> list[GoldDoc]:
    """The gold documents of ``gold_file`` with their clean texts rebuilt from ``shared``."""
    try:
        spec = json.loads(Path(gold_file).read_text("utf-8"))
        if not isinstance(spec, dict) or not isinstance(spec.get("docs"), list):
            raise KeyError("docs")
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError) as exc:
        raise EvalError(f"{gold_file} is not a gold file of the anchored format ({type(exc).__name__}: {exc})") from exc
    texts = clean_texts([d["locator"] for d in spec["docs"]], shared, settings)
    docs = []
    for d in spec["docs"]:
        text = texts[d["locator"]]
        if sha256(text) != d["sha256"]:
            raise EvalError(f"{d['locator']}: its clean text no longer matches the gold file {gold_file} "
                                  "(cleaning changed); re-anchor the offsets before scoring")
        atts = []
        for a in d["attributions"]:
            for role in ("speaker", "cue", "content"):
                for s, e in a[role] or []:
                    if not 0 <= s < e <= len(text):
                        raise EvalError(f"{d['locator']}: {role} span {s}:{e} outside the text ({len(text)} chars)")
            atts.append(GoldAttribution([tuple(p) for p in a["speaker"]] if a["speaker"] else None,
                                        [tuple(p) for p in a["cue"]], [tuple(p) for p in a["content"]],
                                        actor=a.get("actor"), optional=bool(a.get("optional"))))
        docs.append(GoldDoc(d["locator"], text, atts))
    return docs
