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
