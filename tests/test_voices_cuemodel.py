"""The learned English cue detector: shipped file, what it adds to the rules, training and CV commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.voices import attributions as A
from newsprism.voices.entities import find_entities
from newsprism.voices import cuemodel
from newsprism.voices.commands import train_attributions_cmd

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
TEXT = ("Republicans expressed their belief that the bill would fail. The governor is confident that taxes "
        "will fall. The mayor called for an end to the strike. The senator refused to comment.")


def _found(text, model=None):
    spans = A.find_attributions(text, "en", find_entities(text, "en"), cue_model=model)
    return {(s.attrs["speaker_text"], s.attrs["cue_text"], text[s.start:s.end])
            for s in spans if s.layer == "attribution"}


def test_shipped_model_is_small_loaded_once_and_holds_no_text():
    path = cuemodel.default_path()
    assert path.is_file() and path.stat().st_size < 3_000_000
    m = cuemodel.load()
    assert m is cuemodel.load()
    assert m.meta["articles"] == 840 and 0 < m.keep <= m.threshold < 1
    # feature names are parse labels and single lemmas (numbers, links and markup are classes)
    assert all(len(k) <= 48 and " " not in k and "\n" not in k for k in m.weights)


def test_stage_version_names_registry_cue_model_tagger_and_confidence():
    from newsprism.voices import confidence, tagger
    assert "+registry." in A.VERSION
    assert A.VERSION.endswith("+cues." + cuemodel.model_version() + "+tagger." + tagger.model_version()
                              + "+confidence." + confidence.model_version())


def test_learned_cues_the_verb_list_lacks():
    got = _found(TEXT)
    # the contextual tagger prefers the verb ("expressed ... belief"); the cue model alone the noun
    assert ({("their", "belief", "that the bill would fail"),
             ("Republicans", "expressed", "their belief that the bill would fail")} & got)
    assert ("their", "belief", "that the bill would fail") in _found(TEXT, model=cuemodel.load())
    assert ("The governor", "is confident", "that taxes will fall") in got     # the copula is part of the cue
    assert ("The mayor", "called", "for an end to the strike") in got
    assert ("The senator", "refused", "to comment") in got
    assert _found(TEXT, model=False) == set()          # the rules alone find none of these


def test_trailing_report_is_kept_with_its_relay():
    text = ("Moscow’s top envoy said the towns will be named after North Korean soldiers, "
            "North Korean state media reported.")
    got = _found(text)
    assert any(c == "reported" and s == "North Korean state media" for s, c, _ in got)


def test_a_rejected_listed_verb_is_dropped_and_rules_only_keeps_it():
    m = cuemodel.CueModel({"weights": {}, "bias": -5.0, "threshold": 0.5, "keep": 0.3})
    text = "The minister said that talks would resume."
    assert _found(text, model=m) == set()
    assert _found(text, model=False) == {("The minister", "said", "that talks would resume")}


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/data/polnear is missing")
def test_train_and_cv_commands_on_a_few_articles(tmp_path):
    out = tmp_path / "cue.json.gz"
    r = CliRunner().invoke(train_attributions_cmd, ["--gold", str(POLNEAR), "--limit", "4", "--out", str(out)])
    assert r.exit_code == 0, r.output
    m = cuemodel.read(out)
    assert m.weights and m.meta["articles"] == 4
    again = tmp_path / "again.json.gz"
    CliRunner().invoke(train_attributions_cmd, ["--gold", str(POLNEAR), "--limit", "4", "--out", str(again)])
    assert again.read_bytes() == out.read_bytes()             # fixed seed, deterministic file
    r = CliRunner().invoke(train_attributions_cmd, ["--gold", str(POLNEAR), "--limit", "4", "--cv", "2",
                                                    "--workers", "1", "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["k"] == 2 and d["articles"] == 4 and len(d["per_fold"]) == 2
    assert set(d["rules"]["scores"]) == {"speaker", "cue", "content"}


def test_features_of_a_long_unpunctuated_document_are_not_quadratic():
    import time  # complexity guards time the CPU of this process (process_time), not the wall clock, which a busy machine stretches

    from newsprism.voices.models import parse_english
    text = ('Kim said the troops were "heroes ' * 3000)[:100000]    # one 21,000-token "sentence"
    doc = parse_english(text)
    qt = cuemodel.quote_tokens(doc, A.find_quotes(text)[0])
    t0 = time.process_time()
    feats = [cuemodel.token_features(t, qt) for t in doc if cuemodel.is_candidate(t)]
    assert time.process_time() - t0 < 4.0         # tok.sent per word took 7.7 s here
    assert "sentlen=6" in feats[0] and "pos_in_sent=0" in feats[0]


def test_the_features_of_a_huge_one_sentence_document_stay_linear():
    # the auxiliaries of a 100,000-character "sentence" all hang off its root: each used to walk the root's
    # children, that is the whole document (6.1 s for the features here before, 0.4 s after)
    import time
    from newsprism.voices.models import parse_english
    unit = 'As the spokesman explained, Lim Eul-chul told Yonhap, alluding to "losses" and was critical of Moscow, '
    doc = parse_english((unit * 1000)[:100000])
    t0 = time.process_time()
    feats = [cuemodel.token_features(t, set()) for t in doc if cuemodel.is_candidate(t)]
    assert time.process_time() - t0 < 3.0 and len(feats) > 5000
    # the same relations as a walk of the children, word by word
    small = parse_english(TEXT)
    assert all(cuemodel._child_deps(t) == {c.dep_ for c in t.children} for t in small)
