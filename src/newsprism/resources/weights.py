"""Shipped model weights: gzipped JSON written with deterministic bytes.

Sorted keys and no timestamp in the gzip header, so retraining with the same seed
reproduces the file byte for byte (a test per model checks it).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def save_json_gz(data: dict[str, Any], path: str | Path) -> None:
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw)


def load_json_gz(path: str | Path) -> dict[str, Any]:
    with gzip.open(path, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"))


def file_version(path: str | Path) -> str:
    """A short hash of a model file (part of a stage version: retraining re-runs the stage); "none" when absent."""
    import hashlib
    p = Path(path)
    return hashlib.sha256(p.read_bytes()).hexdigest()[:8] if p.is_file() else "none"


def load_once(cache: dict, path: str | Path, read):
    """``read(path)`` once per process and path; None when the file is absent."""
    key = str(path)
    if key not in cache:
        cache[key] = read(key) if Path(key).is_file() else None
    return cache[key]
