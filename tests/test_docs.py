"""Docs coverage: every command and setting is documented; README commands exist."""

from __future__ import annotations

from pathlib import Path

from newsprism.cli import cli
from newsprism.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_documented():
    doc = (ROOT / "docs" / "cli.md").read_text()
    missing = [c for c in cli.commands if f"`{c}" not in doc]
    assert not missing, f"docs/cli.md does not describe: {missing}"


def test_every_setting_documented():
    doc = (ROOT / "docs" / "cli.md").read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in doc or f"`{s.env}`" not in doc]
    assert not missing, f"docs/cli.md does not describe settings: {missing}"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[:1500]
    assert "bash scripts/demo.sh" in head and "bash scripts/test.sh" in head
    assert (ROOT / "scripts" / "demo.sh").exists() and (ROOT / "scripts" / "test.sh").exists()
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()
