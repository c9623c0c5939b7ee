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


def _relative_links(path: Path):
    """Targets of the Markdown links in ``path`` that point inside the repository (no scheme, no bare anchor)."""
    import re
    text = re.sub(r"```.*?```", "", path.read_text(), flags=re.S)       # code blocks hold no links
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue
        yield target.split("#", 1)[0]


def test_doc_links_resolve():
    """Every relative link in README.md, docs/ (lab notes included), benchmarks/ and eval/ names a file or folder
    that exists, so moving a doc cannot leave a dead link behind."""
    pages = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "benchmarks").rglob("*.md"),
             *(ROOT / "eval").rglob("*.md")]
    dead = [f"{p.relative_to(ROOT)} -> {t}" for p in pages for t in _relative_links(p)
            if not (p.parent / t).exists()]
    assert not dead, f"dead links: {dead}"


def test_no_session_wording_in_docs():
    """Docs say what is true (a stage, a version, a rule), not when it was done."""
    import re
    pages = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "benchmarks").rglob("*.md"),
             *(ROOT / "eval").rglob("*.md")]
    hits = [f"{p.relative_to(ROOT)}:{i}" for p in pages for i, line in enumerate(p.read_text().splitlines(), 1)
            if re.search(r"\bsessions?\b", line, re.I)]
    assert not hits, f"'session' wording in docs: {hits}"
