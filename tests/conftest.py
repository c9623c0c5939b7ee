"""Shared fixtures: a fresh store, default settings, the shared corpus beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.config import load_settings
from newsprism.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
KCNA = SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"


@pytest.fixture
def settings():
    return load_settings(environ={})


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"the shared corpus must sit beside the repo: {SEEDS} is missing"
    return SEEDS
