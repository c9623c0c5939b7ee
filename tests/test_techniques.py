"""Techniques: the official metric by hand, deterministic training, the stage on real texts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsprism.techniques.metric import flc_score, si_score, tc_score
from newsprism.techniques.ptc import Fragment, load_folder, merge

PTC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ptc" / "train"


def F(s, e, label=None, art="1"):
    return Fragment(art, s, e, label)


# --- the metric, against hand-computed values ---------------------------------------------

def test_organisers_figure_1_recall():
    # the PDF's Figure 1: gold t1 = "stupid and petty" (16 chars);
    # s1 covers 6 of them -> C(t1, s1, |t1|) = 6/16; R({t1},{t1}) = 1
    gold = [F(10, 26, "Loaded_Language")]
    assert flc_score([F(10, 16, "Loaded_Language")], gold).recall == pytest.approx(6 / 16)
    assert flc_score([F(10, 16, "Name_Calling,Labeling")], gold).recall == 0.0   # δ on labels
    assert flc_score(gold, gold).f1 == 1.0


def test_si_partial_credit_and_fragment_count_penalty():
    gold = [F(0, 10)]
    # one prediction covering half the gold and 5 chars outside it
    s = si_score([F(5, 15)], gold)
    assert s.precision == pytest.approx(5 / 10) and s.recall == pytest.approx(5 / 10)
    # the same characters split into two predictions: recall same, precision per fragment
    s2 = si_score([F(5, 9), F(7, 10)], gold)        # overlapping -> merged into (5, 10)
    assert s2.n_pred == 1 and s2.precision == 1.0 and s2.recall == pytest.approx(0.5)
    s2t = si_score([F(5, 8), F(8, 10)], gold)       # touching only: two fragments, as the official scorer
    assert s2t.n_pred == 2 and s2t.precision == 1.0 and s2t.recall == pytest.approx(0.5)
    s3 = si_score([F(0, 4), F(6, 10), F(20, 30)], gold)
    assert s3.precision == pytest.approx((1 + 1 + 0) / 3)
    assert s3.recall == pytest.approx(8 / 10)
    assert s3.f1 == pytest.approx(2 * (2 / 3) * 0.8 / (2 / 3 + 0.8))


def test_si_merges_overlaps_ignores_labels_and_sums_over_articles():
    gold = [F(0, 10, "Doubt"), F(5, 20, "Repetition"), F(0, 4, art="2")]
    pred = [F(0, 20, "Slogans"), F(50, 60, art="2")]
    s = si_score(pred, gold)
    # art 1: gold merged to (0,20), pred exact -> 1, 1; art 2: pred misses -> 0, 0
    assert (s.n_pred, s.n_gold) == (2, 2)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5)


def test_empty_sides_are_zero():
    assert si_score([], [F(0, 5)]).f1 == 0.0
    assert si_score([F(0, 5)], []).precision == 0.0


def test_tc_micro_f1_with_best_matching_on_shared_spans():
    gold = [F(0, 5, "Loaded_Language"), F(0, 5, "Repetition"), F(10, 20, "Doubt")]
    pred = [F(0, 5, "Repetition"), F(0, 5, "Loaded_Language"), F(10, 20, "Slogans")]
    s = tc_score(pred, gold)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.per_label["Doubt"].recall == 0.0 and s.per_label["Repetition"].f1 == 1.0


def test_merge():
    assert merge([(5, 8), (0, 3), (3, 4), (7, 10)]) == [(0, 3), (3, 4), (5, 10)]
    assert merge([(5, 8), (0, 3), (3, 4), (7, 10)], touching=True) == [(0, 4), (5, 10)]


# --- training is deterministic on a small subset ---------------------------------------

@pytest.fixture(scope="module")
def small_ptc():
    if not PTC.is_dir():
        pytest.skip(f"PTC train split not beside the repo at {PTC}")
    return load_folder(PTC)[:12]


def test_training_is_deterministic(small_ptc, tmp_path):
    pytest.importorskip("pycrfsuite")
    pytest.importorskip("sklearn")
    from newsprism.techniques.model import read, save
    from newsprism.techniques.train import Params, train_model
    p = Params(max_iterations=15)
    a, b = train_model(small_ptc, p), train_model(small_ptc, p)
    save(a, tmp_path / "a.json.gz")
    save(b, tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    m = read(tmp_path / "a.json.gz")
    frags = m.predict(small_ptc[0].text)
    assert all(0 <= f.start < f.end <= len(small_ptc[0].text) for f in frags)


def test_ptc_reader_keeps_bom_offsets():
    if not PTC.is_dir():
        pytest.skip("PTC not available")
    arts = {a.id: a for a in load_folder(PTC)}
    a = arts["712382330"]
    assert a.text.startswith("\ufeff")
    for f in a.tc:
        frag = a.text[f.start:f.end]
        assert frag == frag.strip()


def test_shipped_model_holds_no_text_beyond_word_pairs():
    from newsprism.techniques.model import default_path
    import gzip, json
    if not default_path().is_file():
        pytest.skip("no trained model")
    data = json.loads(gzip.open(default_path()).read())
    names = list(data["si"]["features"]) + list(data["tc"]["features"])
    names += list(data["si"].get("sentence", {}).get("features", {}))
    assert names and all(n.count("|") <= 1 and not any(c.isspace() for c in n) for n in names)
    assert default_path().stat().st_size < 5_000_000


def test_eval_command_on_a_small_ptc_folder(tmp_path):
    from click.testing import CliRunner
    from newsprism.techniques.commands import eval_cmd
    gold = tmp_path / "gold"
    (gold / "x-articles").mkdir(parents=True)
    (gold / "x-articles" / "article1.txt").write_text("A title\n\nThey are traitors and liars.\n", encoding="utf-8")
    (gold / "x-task-flc-tc.labels").write_text("1\tName_Calling,Labeling\t18\t26\n1\tLoaded_Language\t31\t36\n")
    pred = tmp_path / "pred.labels"
    pred.write_text("1\tName_Calling,Labeling\t18\t26\n1\tDoubt\t31\t36\n")
    r = CliRunner().invoke(eval_cmd, ["--gold", str(gold), "--predictions", str(pred), "--json"])
    assert r.exit_code == 0, r.output
    import json
    out = json.loads(r.output)
    assert out["tc"]["f1"] == pytest.approx(0.5) and out["si"]["f1"] == pytest.approx(1.0)


# --- features and decoding of the sentence-gated span finder ------------------------------

def test_span_set_features_count_repeats_and_nesting():
    from newsprism.techniques.features import span_set_features
    text = "Traitors! The traitors lied, the traitors."
    spans = [(0, 8), (14, 22), (14, 22), (10, 27), (33, 41)]
    f = span_set_features(text, spans)
    # "traitors" three times as distinct fragments; the duplicated (14, 22) counts once
    assert f[0]["nsame=3"] == 1.0 and "ovl" not in f[0]
    assert f[1]["nested"] == 1.0 and f[1]["ovl"] == 1.0 and "contains" not in f[1]
    assert f[3]["contains"] == 1.0 and f[3]["nsame=1"] == 1.0
    assert f[1] == f[2]


def test_sentence_features_hold_at_most_word_pairs():
    from newsprism.techniques.features import sentence_features, tokens
    f = sentence_features(tokens("They are traitors and liars | data."), 7)
    assert f["w=traitors"] == 1.0 and f["bi=are|traitors"] == 1.0 and f["pos=5"] == 1.0
    assert all(k.count("|") <= 1 and " " not in k for k in f)


def _tiny_model(sentence_bias: float, whole: float, beta: float = 0.0, threshold: float = 0.5,
                trim: float = 0.0):
    """A hand-made model: the CRF marks only the word 'traitors'; no embeddings."""
    from newsprism.techniques.model import TechniqueModel
    from newsprism.techniques.names import LABELS
    return TechniqueModel({
        "si": {"labels": ["I", "O"], "transitions": [[0.0, 0.0], [0.0, 0.0]],
               "features": {"w=traitors": [2.0, -2.0], "b": [-1.0, 1.0]}, "threshold": threshold,
               "sentence": {"intercept": sentence_bias, "features": {}},
               "decode": {"beta": beta, "whole": whole, "prior": 0.5, "trim": trim}},
        "tc": {"labels": list(LABELS), "intercept": [0.0] * len(LABELS),
               "features": {"u=traitors": [1.0 if l == "Name_Calling,Labeling" else 0.0 for l in LABELS]}}})


def test_decoding_whole_sentence_runs_and_sentence_shift():
    text = "They are traitors and liars.\nNothing here at all."
    bounds = [(0, 28), (29, 49)]
    # no sentence is likely enough to be whole: only the CRF's word is marked, in sentence 1
    m = _tiny_model(sentence_bias=0.0, whole=0.9)
    assert [(s, e) for s, e, *_ in m.identify(text, bounds)] == [(9, 17)]
    f = m.predict(text, bounds)
    assert f[0].label == "Name_Calling,Labeling" and text[f[0].start:f[0].end] == "traitors"
    # P(sentence) = sigmoid(3) ≥ 0.9: each sentence is one fragment, without its full stop
    m = _tiny_model(sentence_bias=3.0, whole=0.9)
    assert [text[s:e] for s, e, *_ in m.identify(text, bounds)] == ["They are traitors and liars",
                                                                      "Nothing here at all"]
    # a low P(sentence) with beta > 0 pushes the CRF's P(I) below the threshold
    m = _tiny_model(sentence_bias=-3.0, whole=0.9, beta=1.0)
    assert m.identify(text, bounds) == []


def test_whole_sentence_fragments_are_trimmed_to_the_crf_words():
    text = "They are traitors and liars.\nNothing here at all."
    bounds = [(0, 28), (29, 49)]
    # P(I) of 'traitors' = sigmoid(4) ≈ 0.98, of the other words sigmoid(-4): trimmed to the one word;
    # the second sentence has no word above the trim threshold, so it stays whole
    m = _tiny_model(sentence_bias=3.0, whole=0.9, trim=0.5)
    assert [text[s:e] for s, e, *_ in m.identify(text, bounds)] == ["traitors", "Nothing here at all"]
    assert [w for *_, w in m._identify(text, *m._prepare(text, bounds))] == [False, True]
    # the trim never makes a fragment longer, and trim 0 keeps the whole sentence
    assert [text[s:e] for s, e, *_ in _tiny_model(3.0, 0.9, trim=0.0).identify(text, bounds)][0] == \
        "They are traitors and liars"


def test_repetition_features_count_words_and_pairs_in_the_document():
    from newsprism.techniques.features import document_stats, span_features
    text = "Make America great. Make America great again! America first."
    f = span_features(text, 0, 18, (0, 19))              # "Make America great"
    assert f["wrmax=2"] == 1.0          # "america" three times: bucket 2 of edges (1, 2, 3, 5, 8)
    assert f["wrfrac=4"] == 1.0         # every content word seen twice or more
    assert f["bgmax=1"] == 1.0          # "make america" twice: bucket 1 of edges (1, 2, 3, 5)
    assert "s!" not in f and "?" not in f
    g = span_features(text, 48, 53, (48, 60), stats=document_stats(text))   # "first"
    assert g["wrmax=0"] == 1.0 and g["wrfrac=0"] == 1.0 and not any(k.startswith("bgmax") for k in g)
    h = span_features("Is he a traitor? Yes!", 0, 16, (0, 16))
    assert h["s?"] == 1.0 and h["?"] == 1.0 and "s!" not in h


def test_document_vector_is_the_normalised_mean():
    import numpy as np
    from newsprism.techniques.model import document_vector
    assert not document_vector(np.zeros((0, 512), np.float32)).any()
    v = document_vector(np.array([[3.0, 0.0] + [0.0] * 510, [0.0, 4.0] + [0.0] * 510], np.float32))
    assert np.allclose(v[:2], [0.6, 0.8]) and abs(float(np.linalg.norm(v)) - 1.0) < 1e-6


def test_embedded_texts_are_clipped_to_32_words():
    from newsprism.techniques.embed import MAX_WORDS, clip
    long = " ".join(f"w{i}" for i in range(50))
    assert clip("  a b  ") == "a b" and clip(long).split() == long.split()[:MAX_WORDS]


def test_similarity_features_skip_the_fragments_own_sentence():
    import numpy as np
    from newsprism.techniques.model import own_sentences, similarity_features
    e = np.eye(4, dtype=np.float32)
    sents = np.vstack([e[0], e[1], 0.95 * e[0] + 0.3122 * e[2]])       # sentence 2 paraphrases sentence 0
    bounds = [(0, 10), (11, 20), (21, 30)]
    spans = [(2, 8), (12, 18)]
    own = own_sentences(spans, bounds)
    assert own == [0, 1]
    f0, f1 = similarity_features(np.vstack([e[0], e[1]]), own, sents)
    # fragment 0 matches its own sentence exactly (ignored) and sentence 2 at cosine 0.95
    assert f0 == {"simmax=5": 1.0, "simc8=1": 1.0}
    # fragment 1 is orthogonal to every other sentence
    assert f1 == {"simmax=0": 1.0, "simc8=0": 1.0}
    assert similarity_features(e[:1], [0], e[:1]) == [{"simmax=0": 1.0, "simc8=0": 1.0}]


def test_quality_figures_are_the_shipped_cross_validation():
    """The caveat shown beside technique rates quotes cv-5fold.json, the shipped model's CV run."""
    import json
    from importlib import resources
    from newsprism.techniques import quality
    raw = json.loads(resources.files("newsprism.resources").joinpath("techniques", "cv-5fold.json").read_text())
    m = quality.measured()
    assert m["si"]["f1"] == raw["si"]["f1"] and m["tc_f1"] == raw["tc"]["f1"] and m["k"] == raw["k"] == 5
    assert set(m["per_label"]) == set(raw["tc"]["per_label"]) and len(m["per_label"]) == 14
    text = quality.caveat()
    assert f"span F1 {raw['si']['f1']:.2f}" in text and f"{round(raw['tc']['f1'] * 100)}%" in text
