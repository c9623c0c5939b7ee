"""The CLI as a user meets it: --help everywhere, exit codes, one-line errors with a hint."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, cli

COMMANDS = sorted(cli.commands)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("cmd", [[]] + [[c] for c in COMMANDS])
def test_help_everywhere(runner, cmd):
    res = runner.invoke(cli, cmd + ["--help"])
    assert res.exit_code == 0, res.output
    assert "Usage:" in res.output


def test_run_ingest_status_search_on_seeds(runner, tmp_path, seeds_dir):
    db, out = str(tmp_path / "s.db"), tmp_path / "r.html"
    res = runner.invoke(cli, ["--db", db, "run", str(seeds_dir), "-o", str(out)])
    assert res.exit_code == EXIT_OK, res.output
    assert out.exists() and str(out.resolve()) in res.output
    res = runner.invoke(cli, ["--db", db, "status", "--json"])
    stats = json.loads(res.output)
    assert stats["documents"] == 5 and stats["failures"] == 0
    res = runner.invoke(cli, ["--db", db, "search", "Gerasimov"])
    assert res.exit_code == 0 and "Gerasimov" in res.output


def test_partial_failure_exit_code_and_listing(runner, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("North Korean troops were deployed to Kursk, officials said.")
    (d / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "p.db")
    res = runner.invoke(cli, ["--db", db, "ingest", str(d)])
    assert res.exit_code == EXIT_PARTIAL, res.output
    res = runner.invoke(cli, ["--db", db, "status", "--failures"])
    assert "empty.txt" in res.output and "NP320" in res.output


def test_fatal_error_is_one_line_with_hint_no_traceback(runner, tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a sqlite file at all" * 100)
    res = runner.invoke(cli, ["--db", str(bad), "status"])
    assert res.exit_code == EXIT_FATAL
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert lines[0].startswith("error[NP200]") and lines[1].startswith("hint:")
    assert "Traceback" not in res.output


def test_bad_setting_in_environment(runner, tmp_path):
    res = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "status"], env={"NEWSPRISM_WORKERS": "many"})
    assert res.exit_code == EXIT_FATAL and "NEWSPRISM_WORKERS" in res.output


def test_stages_and_settings_listed(runner):
    assert "sentences v" in runner.invoke(cli, ["stages"]).output
    out = runner.invoke(cli, ["settings"]).output
    assert "NEWSPRISM_DB" in out and "NEWSPRISM_LANGUAGES" in out


def test_analyze_one_corpus_stage_and_unknown_stage(runner, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("North Korea has sent about 15,000 soldiers to Russia, officials said.", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(cli, ["--db", db, "ingest", str(d)]).exit_code == 0
    # a corpus stage by name runs the document stages it reads, then itself only
    res = runner.invoke(cli, ["--db", db, "analyze", "--stage", "reconcile"])
    assert res.exit_code == 0, res.output
    assert "corpus stages: 1 ran" in res.output
    res = runner.invoke(cli, ["--db", db, "claims", "--json"])
    assert "north-korean/deployed" in res.output
    # an unknown name is a usage error listing both kinds, not a traceback
    res = runner.invoke(cli, ["--db", db, "analyze", "--stage", "nope"])
    assert res.exit_code == 2 and "corpus stages:" in res.output and "Traceback" not in res.output


def test_claims_says_when_only_generic_groups_exist(runner, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("The factory produced 12,000 tractors this year, the newspaper said.", encoding="utf-8")
    db = str(tmp_path / "g.db")
    assert runner.invoke(cli, ["--db", db, "ingest", str(d)]).exit_code == 0
    assert runner.invoke(cli, ["--db", db, "analyze", "--stage", "claims"]).exit_code == 0
    res = runner.invoke(cli, ["--db", db, "claims"])
    assert "1 generic group(s)" in res.output and "--all" in res.output and "run `newsprism analyze`" not in res.output
    assert "12,000" in runner.invoke(cli, ["--db", db, "claims", "--all"]).output
