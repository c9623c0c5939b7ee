"""A corpus stage whose output depends on a setting (a case file, lexicon files) takes its version from the
run's settings, so a setting given in code re-runs it as one named in the environment does."""

from __future__ import annotations

import json

import pytest

from newsprism import plugins
from newsprism.claims import reconcile  # noqa: F401  (registers the stage)
from newsprism.config import SETTINGS, load_settings
from newsprism.errors import ConfigError
from newsprism.framing import stage as framing_stage


def test_reconcile_version_follows_the_case_in_the_settings():
    st = plugins.corpus_stages()["reconcile"]
    none = st.version_for(load_settings(environ={}))
    kursk = st.version_for(load_settings(environ={}, claims_case="kursk"))
    assert none.endswith("+case-none") and kursk != none and "+case-" in kursk


def test_framing_version_follows_case_and_lexicon_files(tmp_path):
    st = plugins.corpus_stages()["framing"]
    base = st.version_for(load_settings(environ={}))
    assert base == framing_stage.stage_version("")
    lex = tmp_path / "extra.json"
    lex.write_text(json.dumps({"framing": {"referents": {}}}), encoding="utf-8")
    with_lex = st.version_for(load_settings(environ={}, framing_lexicon=str(lex)))
    assert with_lex != base and "+lexicon-" in with_lex
    lex.write_text(json.dumps({"framing": {"referents": {"x": {}}}}), encoding="utf-8")
    assert st.version_for(load_settings(environ={}, framing_lexicon=str(lex))) != with_lex
    with pytest.raises(ConfigError):
        st.version_for(load_settings(environ={}, framing_lexicon=str(tmp_path / "missing.json")))


def test_framing_lexicon_is_a_declared_setting(tmp_path):
    assert "framing_lexicon" in {s.name for s in SETTINGS}
    s = load_settings(environ={"NEWSPRISM_FRAMING_LEXICON": f"{tmp_path}/a.json, {tmp_path}/b.json"})
    assert framing_stage.lexicon_files(s) == (f"{tmp_path}/a.json", f"{tmp_path}/b.json")
    assert framing_stage.lexicon_files(load_settings(environ={})) == ()


def test_a_case_set_in_code_reruns_the_stage(tmp_path):
    from newsprism.corpus.runner import run_corpus_stages
    from newsprism.store import open_store
    store = open_store(str(tmp_path / "s.db"), create=True)
    try:
        s0 = load_settings(environ={}, db=str(tmp_path / "s.db"), workers=1)
        run_corpus_stages(store, s0, ["reconcile"])
        assert "reconcile" in run_corpus_stages(store, s0, ["reconcile"]).skipped
        again = run_corpus_stages(store, s0.with_overrides(claims_case="kursk"), ["reconcile"])
        assert "reconcile" in again.ran
        kursk = plugins.corpus_stages()["reconcile"].version_for(s0.with_overrides(claims_case="kursk"))
        assert store.corpus_run("reconcile")["version"] == kursk
    finally:
        store.close()
