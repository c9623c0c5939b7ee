"""The learned attribution confidence: features, the stored logistic regression, the filter in the stage."""

import random
from pathlib import Path

import numpy as np
import pytest

from newsprism.voices.attributions import attribution_records, confidence_features, find_attributions
from newsprism.voices.entities import find_entities
from newsprism.voices import confidence, confidence_train, tagger, tagger_train
from newsprism.voices.confidence import ConfidenceModel

TEXT = ("“We will win,” Kim Jong Un said on Monday. The ministry claimed that the troops had arrived in Kursk. "
        "It was described as a turning point.")


def records(text=TEXT):
    out, quotes, _ = attribution_records(text, "en", find_entities(text, "en"))
    return out, confidence_features(text, out, quotes)


def test_features_say_what_made_each_attribution():
    out, feats = records()
    by_cue = {TEXT[r["cue"][0]:r["cue"][1]]: f for r, f in zip(out, feats)}
    said, claimed = by_cue["said"], by_cue["claimed"]
    assert said["content_before"] == 1.0 and said["content_quoted"] == 1.0 and said["label=direct"] == 1.0
    assert said["speaker_propn"] == 1.0 and said["actor"] == 1.0
    assert claimed["content_before"] == 0.0 and claimed["label=indirect"] == 1.0 and claimed["actor"] == 0.0
    for f in (said, claimed):          # the shipped cue model and tagger scored both cues
        assert f["p_none"] == 0.0 and 0.0 < f["p"] <= 1.0 and f["tp_none"] == 0.0
        assert f["path=verb"] == 1.0 and f["bias"] == 1.0


def test_the_stage_drops_what_the_confidence_rejects_and_keeps_its_probability():
    ents = find_entities(TEXT, "en")
    none = find_attributions(TEXT, "en", ents, confidence=ConfidenceModel({"weights": {"bias": -50.0},
                                                                          "threshold": 0.5}))
    assert [s for s in none if s.layer == "attribution"] == []
    keep = ConfidenceModel({"weights": {"bias": 0.0, "tp": 2.0}, "threshold": 0.0})
    spans = [s for s in find_attributions(TEXT, "en", ents, confidence=keep) if s.layer == "attribution"]
    off = [s for s in find_attributions(TEXT, "en", ents, confidence=False) if s.layer == "attribution"]
    assert [(s.start, s.end) for s in spans] == [(s.start, s.end) for s in off]
    out, feats = records()
    want = {tuple(r["cue"]): round(keep.probability(f), 4) for r, f in zip(out, feats)}
    assert {tuple(s.attrs["cue"]): s.score for s in spans} == want
    assert all(0.5 < s.score < 1.0 for s in spans)


def test_the_shipped_confidence_applies_with_the_shipped_models():
    shipped = confidence.load()
    if shipped is None:
        pytest.skip("no shipped attribution confidence")
    spans = [s for s in find_attributions(TEXT, "en", find_entities(TEXT, "en")) if s.layer == "attribution"]
    out, feats = records()
    probs = {tuple(r["cue"]): shipped.probability(f) for r, f in zip(out, feats)}
    assert spans and all(s.score == round(probs[tuple(s.attrs["cue"])], 4) for s in spans)
    assert {tuple(s.attrs["cue"]) for s in spans} == {c for c, p in probs.items() if p >= shipped.threshold}
    assert 0.0 <= shipped.threshold <= 1.0 and shipped.meta["articles"] > 0


def test_other_languages_keep_the_rule_confidence():
    text = "«Мы победим», — заявил Ким Чен Ын."
    spans = [s for s in find_attributions(text, "ru", find_entities(text, "ru")) if s.layer == "attribution"]
    assert spans and all(s.score in (0.9, 0.6) for s in spans)


def test_fit_folds_the_scaling_into_weights_that_give_sklearns_probabilities():
    from sklearn.linear_model import LogisticRegression
    rng = random.Random(3)
    rows = []
    for i in range(400):
        a, b = rng.random(), rng.random() * 50
        f = {"bias": 1.0, "a": a, "b": b, "path=colon": float(i % 3 == 0)}
        rows.append((0, "d", None, f, int(a + b / 50 + rng.random() * 0.8 > 1.2)))
    w = confidence_train.fit(rows)
    m = ConfidenceModel({"weights": w, "threshold": 0.5})
    names = ["a", "b", "path=colon"]
    X = np.array([[r[3][n] for n in names] for r in rows])
    mu, sd = X.mean(0), X.std(0)
    ref = LogisticRegression(C=confidence_train.C, max_iter=5000).fit((X - mu) / sd, [r[4] for r in rows])
    want = ref.predict_proba((X - mu) / sd)[:, 1]
    got = np.array([m.probability(r[3]) for r in rows])
    assert np.abs(got - want).max() < 1e-4
    assert w["a"] > 0 and w["b"] > 0


def test_saved_models_are_byte_identical(tmp_path):
    m = ConfidenceModel({"weights": {"bias": -1.25, "tp": 3.5}, "threshold": 0.3, "meta": {"articles": 2}})
    confidence.save(m, tmp_path / "a.json.gz")
    confidence.save(confidence.read(tmp_path / "a.json.gz"), tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    assert confidence.read(tmp_path / "b.json.gz").as_dict() == m.as_dict()


def test_training_without_the_held_out_files_says_which_are_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="heldout-fold0.json.gz.*--hold-out-fold K"):
        confidence_train.collect(tmp_path, tmp_path)


def test_the_training_command_end_to_end_on_a_few_articles(tmp_path):
    """`newsprism train attribution-confidence` on 15 PolNeAR train articles, with held-out files that give no
    tagger probabilities (the mix falls back to the cue model): writes a model it can read, reports the
    cross-validation by threshold and fold."""
    import gzip
    import json

    from click.testing import CliRunner

    from newsprism.cli import cli
    from newsprism.voices.polnear import read_gold
    polnear = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
    if not polnear.is_dir():
        pytest.skip("../shared/data/polnear is missing")
    names = [d.name for d in read_gold(polnear, limit=15)]
    held = tmp_path / "heldout"
    held.mkdir()
    for k in range(5):
        with gzip.open(held / f"heldout-fold{k}.json.gz", "wt") as fh:
            json.dump({n: {} for n in names}, fh)
    out = tmp_path / "conf.json.gz"
    shipped_tagger = (tagger.default_dir() / tagger.META_FILE).read_bytes()
    res = CliRunner().invoke(cli, ["train", "attribution-confidence", "--gold", str(polnear), "--heldout",
                                   str(held), "--out", str(out), "--limit", "15", "--mix", "weight=0.9"])
    assert res.exit_code == 0, res.output
    model = confidence.read(out)
    assert model.threshold in confidence_train.GRID and model.meta["articles"] == 15
    assert model.meta["mix"] == {**tagger_train.MIX, "weight": 0.9} and "mix {'weight': 0.9" in res.output
    assert (tagger.default_dir() / tagger.META_FILE).read_bytes() == shipped_tagger   # --out elsewhere: untouched
    assert "fold by fold" in res.output and "  fold 4 " in res.output and "P / R at 0.0" in res.output
    assert {"p", "z", "bias"} <= set(model.weights)     # no tagger probabilities here: no "tp" weight


def test_a_mix_setting_the_command_does_not_know_is_refused(tmp_path):
    from click.testing import CliRunner

    from newsprism.cli import cli
    for bad, why in (("wieght=0.7", "'wieght' is not one of weight, weight_lexicon, threshold, keep, fallback"),
                     ("weight=high", "the value must be a number")):
        res = CliRunner().invoke(cli, ["train", "attribution-confidence", "--gold", str(tmp_path), "--heldout",
                                       str(tmp_path), "--out", str(tmp_path / "c.json.gz"), "--mix", bad])
        assert res.exit_code == 2 and why in res.output
        assert not (tmp_path / "c.json.gz").exists()


def test_the_shipped_confidence_was_trained_for_the_shipped_tagger_mix():
    """The confidence's features include the mixed probability: it only holds with the tagger mixed as it was
    trained for, so the shipped pair must agree (the training command writes both)."""
    shipped = confidence.load()
    meta = tagger.default_dir() / tagger.META_FILE
    if shipped is None or not meta.is_file():
        pytest.skip("no shipped confidence or tagger")
    import gzip
    import json
    with gzip.open(meta, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    assert shipped.meta["mix"] == {k: data[k] for k in tagger_train.MIX} == tagger_train.MIX


def test_write_mix_changes_the_mixing_settings_only(tmp_path):
    import gzip
    import json
    meta = tmp_path / tagger.META_FILE
    with gzip.open(meta, "wt", encoding="utf-8") as fh:
        json.dump({"weight": 0.5, "threshold": 0.45, "keep": 0.35, "fallback": 0.45, "tokenizer": {"t": 1},
                   "meta": {"articles": 3}}, fh)
    tagger_train.write_mix(meta, {"weight": 0.7, "weight_lexicon": 0.6, "threshold": 0.4, "keep": 0.3,
                                  "fallback": 0.4, "other": 1})
    with gzip.open(meta, "rt", encoding="utf-8") as fh:
        assert json.load(fh) == {"weight": 0.7, "weight_lexicon": 0.6, "threshold": 0.4, "keep": 0.3,
                                 "fallback": 0.4, "tokenizer": {"t": 1}, "meta": {"articles": 3}}


def test_relays_of_named_speakers_are_kept_except_inside_quotes():
    text = ("KCNA reported that Kim Jong Un said the troops had fought bravely. "
            "“When Moscow says the front is quiet, nobody believes it,” Syrskyi said.")
    out, feats = records(text)
    by_cue = {(text[r["cue"][0]:r["cue"][1]], r["cue"][0]): f for r, f in zip(out, feats)}
    kim = next(f for (cue, at), f in by_cue.items() if cue == "said" and at < text.index("“"))
    assert kim["relayed"] == 1.0 and confidence.kept_regardless(kim)
    # the same facts inside a quote: one speaker quoting another keeps the relay only when confident
    inside = dict(kim, cue_in_quote=1.0)
    assert not confidence.kept_regardless(inside)


def test_fit_leaves_out_features_too_rare_to_weigh():
    """A one-hot feature seen in a handful of rows got an extreme weight once standardized ("dep=oprd" -7.4 at
    stage 17, from 1 of 19,292 held-out rows): below ``MIN_COUNT`` rows it is left out."""
    rng = random.Random(0)
    rows = []
    for i in range(400):
        tp = rng.random()
        f = {"bias": 1.0, "tp": tp}
        if i < 4:
            f["dep=oprd"] = 1.0                   # all four wrong, whatever the tagger says
        rows.append((0, "a", None, f, int(i >= 4 and tp > 0.5)))
    assert "dep=oprd" in confidence_train.fit(rows, min_count=1)
    w = confidence_train.fit(rows)
    assert "dep=oprd" not in w and w["tp"] > 0
