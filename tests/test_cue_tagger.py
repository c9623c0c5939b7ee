"""The contextual cue tagger: shipped int8 ONNX file, alignment to spaCy tokens, mixing, switches, CLI guards."""

from __future__ import annotations

import math

import pytest
from click.testing import CliRunner

from newsprism.voices import attributions as A
from newsprism.voices.entities import find_entities
from newsprism.voices import cuemodel, tagger
from newsprism.voices.commands import train_cue_tagger_cmd
from newsprism.voices.models import parse_english
from newsprism.voices.tagger_train import HeldOutTagger


def _probs(text):
    doc = parse_english(text)
    return doc, tagger.load().token_probs(doc)


def test_shipped_tagger_loads_once_and_says_what_it_was_trained_on():
    t = tagger.load()
    assert t is not None and t is tagger.load()
    assert tagger.default_dir().joinpath(tagger.MODEL_FILE).stat().st_size < 30_000_000
    assert t.meta["articles"] == 840 and t.meta["held_out_fold"] is None
    assert 0 < t.weight <= 1 and 0 < t.keep <= t.threshold < 1


def test_reporting_words_score_high_and_others_low():
    doc, p = _probs("The ministry said that the troops arrived in Kursk last week.")
    by = {t.text: p[t.i] for t in doc}
    assert by["said"] > 0.5
    assert max(by["troops"], by["arrived"], by["Kursk"], by["week"]) < 0.2


def test_context_decides_for_a_frequent_verb():
    # "think" reports a belief in the first sentence, not in the second (a noun compound)
    doc, p = _probs("Analysts think the deployment will grow. The think tank published a map.")
    thinks = [p[t.i] for t in doc if t.lower_ == "think"]
    assert thinks[0] > 0.5 > thinks[1]


def test_every_token_of_a_long_unpunctuated_sentence_gets_a_probability():
    text = " ".join(["officials said the troops moved"] * 80)          # ~400 wordpieces, one sentence
    doc, p = _probs(text)
    assert len(list(doc.sents)) < 5
    assert set(p) == {t.i for t in doc if t.text.strip()}
    assert all(0.0 <= v <= 1.0 for v in p.values())


@pytest.mark.parametrize("text", ["", "   \n\n  ", "…", "ㅋㅋㅋ", "<script>alert(1)</script>"])
def test_odd_input_does_not_break_it(text):
    doc, p = _probs(text)
    assert set(p) <= {t.i for t in doc}


def test_token_max_takes_the_largest_overlapping_piece():
    doc = parse_english("Kim reaffirmed it.")
    # "reaffirmed" split into three pieces, one of them likely
    pieces = [(0, 3, 0.1), (4, 6, 0.2), (6, 11, 0.9), (11, 14, 0.3), (15, 17, 0.05), (17, 18, 0.01)]
    got = tagger.token_max(doc, pieces)
    assert got == {0: 0.1, 1: 0.9, 2: 0.05, 3: 0.01}


def test_mix_weights_logits_and_ignores_a_missing_probability():
    t = tagger.load()
    assert t.mix(1.2, None) == pytest.approx(cuemodel.sigmoid(1.2))
    z, p = -0.4, 0.9
    want = cuemodel.sigmoid((1 - t.weight) * z + t.weight * math.log(p / (1 - p)))
    assert t.mix(z, p) == pytest.approx(want)
    assert HeldOutTagger({}).mix(z, p) == pytest.approx(want)
    # a listed reporting verb has its own weight (the tagger vetoes it less: nested reports, docs/voices.md)
    lex = cuemodel.sigmoid((1 - t.weight_lexicon) * z + t.weight_lexicon * math.log(p / (1 - p)))
    assert t.weight_lexicon != t.weight and t.mix(z, p, lexicon=True) == pytest.approx(lex)
    assert HeldOutTagger({}).mix(z, p, lexicon=True) == pytest.approx(lex)


def test_switches(monkeypatch):
    text = "Analysts think the deployment will grow, the agency reported."
    ents = find_entities(text, "en")
    with_tagger = A.find_attributions(text, "en", ents)
    alone = A.find_attributions(text, "en", ents, cue_tagger=False)
    assert [s.layer for s in with_tagger] and [s.layer for s in alone]
    monkeypatch.setenv("NEWSPRISM_CUE_TAGGER", "0")
    assert tagger.load() is None
    # a given cue model gets no tagger unless one is passed; rules only never do
    assert A.find_attributions(text, "en", ents, cue_model=False, cue_tagger=HeldOutTagger({})) == \
        A.find_attributions(text, "en", ents, cue_model=False)


def test_cli_guards():
    r = CliRunner().invoke(train_cue_tagger_cmd, ["--gold", ".", "--score", __file__])
    assert r.exit_code == 2 and "--hold-out-fold" in r.output
    r = CliRunner().invoke(train_cue_tagger_cmd, ["--gold", ".", "--hold-out-fold", "0"])
    assert r.exit_code != 0
    assert "--out" in r.output or "tagger-train" in r.output


class _Recorder(HeldOutTagger):
    def __init__(self, gate):
        super().__init__({})
        self.gate, self.asked = gate, []

    def token_probs(self, doc, sentences=None):
        self.asked.append(list(sentences))
        return super().token_probs(doc, sentences)


def test_only_sentences_with_a_possible_cue_are_encoded():
    text = "The ministry said that troops arrived. Blue sky. Officials warned of more."
    ents = find_entities(text, "en")
    everything, nothing, shipped = _Recorder(0.0), _Recorder(1.0), _Recorder(tagger.GATE)
    for t in (everything, nothing, shipped):
        A.find_attributions(text, "en", ents, cue_model=cuemodel.load(), cue_tagger=t)
    assert everything.asked == [[0, 1, 2]] and nothing.asked == [[]]
    assert 0 in shipped.asked[0] and 2 in shipped.asked[0]          # "said", "warned"
    # the shipped tagger is asked once per parse: a second call on the same text reuses it
    A.find_attributions(text, "en", ents, cue_model=cuemodel.load(), cue_tagger=shipped)
    assert len(shipped.asked) == 1


def test_training_labels_mark_cue_source_and_content_pieces():
    from newsprism.voices.polnear import GoldAttribution, GoldDoc
    from newsprism.voices.tagger_train import _sentences
    text = "Officials in Seoul said the soldiers reached Kursk. Nothing else happened."
    s = (0, len("Officials in Seoul"))
    c = (text.index("said"), text.index("said") + 4)
    x = (text.index("the soldiers"), text.index("Kursk.") + 5)
    d = GoldDoc("t", text, [GoldAttribution([s], [c], [x])])
    tok = tagger.load().tokenizer
    sents = _sentences(tok, d, parse_english(text))
    assert len(sents) == 2
    ids, y, base, offs = sents[0]
    assert base == 0 and len(ids) == len(y) == len(offs) and ids[0] == tok.token_to_id("[CLS]")
    for (a, z), lab in zip(offs, y):
        piece = text[a:z]
        if not piece:                                   # [CLS] / [SEP]
            assert lab == (0, 0, 0)
            continue
        assert lab == (int(c[0] <= a < c[1]), int(s[0] <= a < s[1]), int(x[0] <= a < x[1])), piece
    assert all(lab == (0, 0, 0) for lab in sents[1][1])            # no attribution in the second sentence
    assert [lab for _, lab, _, _ in _sentences(tok, d, parse_english(text), labels=False)][0] == [(0, 0, 0)] * len(y)


def test_held_out_prediction_keeps_the_auxiliary_heads_per_token():
    """``predict`` with a model trained with the source/content heads writes both heads' probabilities per
    spaCy token, the largest over its wordpieces, next to P(cue); without the heads it writes nothing extra."""
    torch = pytest.importorskip("torch")
    from newsprism.voices.polnear import GoldDoc
    from newsprism.voices.tagger_train import predict

    class Tiny:
        """wordpiece id -> fixed logits: P(cue) high for "said", P(source) for "officials", P(content) for
        "troops"; ``aux`` None is a model trained without the two heads."""

        def __init__(self, vocab, aux=True):
            self.vocab = vocab
            self.aux = (lambda h: h[..., 2:]) if aux else None

        def hidden(self, ids, mask):
            def z(word):
                return (ids == self.vocab[word]).float() * 8 - 4
            neg = torch.zeros_like(ids, dtype=torch.float)
            return torch.stack([neg, z("said"), neg, z("officials"), neg, z("troops")], -1)

        def head(self, h):
            return h[..., :2]

    tok = tagger.load().tokenizer
    vocab = {w: tok.token_to_id(w) for w in ("said", "officials", "troops")}
    text = "Officials said troops arrived."
    d = GoldDoc("t", text, [])
    doc = parse_english(text)

    aux: dict = {}
    p = predict(Tiny(vocab), tok, [d], aux_out=aux)["t"]
    said, off, tro = (next(t.i for t in doc if t.lower_ == w) for w in ("said", "officials", "troops"))
    assert p[said] > 0.9 and p[off] < 0.1
    assert set(aux["t"]) == set(p)
    assert aux["t"][off][0] > 0.9 and aux["t"][off][1] < 0.1
    assert aux["t"][tro][1] > 0.9 and aux["t"][tro][0] < 0.1
    assert aux["t"][said][0] < 0.1 and aux["t"][said][1] < 0.1

    none: dict = {}
    assert predict(Tiny(vocab, aux=False), tok, [d], aux_out=none)["t"] == p and none == {}


def _pieces(tok, text):
    return tok.encode(text, add_special_tokens=False).ids


def test_windows_put_the_sentence_before_in_front_when_trained_with_context():
    """``tagger.windows``: without context a sentence is ``[CLS] pieces [SEP]``; with context the last N pieces of
    the previous non-empty sentence come first, then ``[SEP]``, and are never scored (offsets (0, 0)) — also when
    only a later sentence is asked for (the gate)."""
    tok = tagger.load().tokenizer
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    first, second = "Officials in Seoul met reporters on Friday.", "They said the troops reached Kursk."
    text = f"{first} {second}"
    doc = parse_english(text)
    assert len(list(doc.sents)) == 2
    plain = tagger.windows(tok, doc, cls, sep)
    assert [w[1] for w in plain] == [[cls, *_pieces(tok, first), sep], [cls, *_pieces(tok, second), sep]]
    assert all(w[3] == 1 for w in plain)
    ctx = tagger.windows(tok, doc, cls, sep, context=4, sentences=[1])
    assert len(ctx) == 1
    base, ids, offs, head = ctx[0]
    assert base == text.index(second) and head == 6
    assert ids == [cls, *_pieces(tok, first)[-4:], sep, *_pieces(tok, second), sep]
    assert offs[:head] == [(0, 0)] * head and len(offs) == len(ids)
    assert [second[a:z] for a, z in offs[head:head + 2]] == ["They", "said"]
    # the first sentence has nothing before it
    assert tagger.windows(tok, doc, cls, sep, context=4, sentences=[0])[0][1][:2] == [cls, _pieces(tok, first)[0]]


def test_a_long_sentence_is_windowed_and_each_window_sees_the_pieces_before_it():
    tok = tagger.load().tokenizer
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    text = " ".join(f"word{k}" for k in range(200)) + "."
    doc = parse_english(text)
    pieces = _pieces(tok, doc.text)
    wins = tagger.windows(tok, doc, cls, sep, context=8)
    step = tagger.MAX_PIECES - 2
    assert len(wins) == math.ceil(len(pieces) / step) > 1
    assert wins[1][1] == [cls, *pieces[step - 8:step], sep, *pieces[step:2 * step], sep]
    assert len(tagger.windows(tok, doc, cls, sep, context=8, first_only=True)) == 1


def test_training_labels_leave_the_context_out():
    from newsprism.voices.polnear import GoldAttribution, GoldDoc
    from newsprism.voices.tagger_train import _sentences
    text = "Officials said the soldiers reached Kursk. Seoul said so too."
    c2 = text.rindex("said")
    d = GoldDoc("t", text, [GoldAttribution([(0, 9)], [(9, 14)], [(15, 41)]),
                            GoldAttribution([(42, 47)], [(c2, c2 + 4)], [(c2 + 5, c2 + 11)])])
    tok = tagger.load().tokenizer
    plain = _sentences(tok, d, parse_english(text))
    ctx = _sentences(tok, d, parse_english(text), context=16)
    ids, y, base, offs = ctx[1]
    head = len(ids) - len(plain[1][0]) + 1
    assert y[0] == (0, 0, 0) and all(lab == (-100, -100, -100) for lab in y[1:head])
    assert y[head:] == plain[1][1][1:]             # the sentence's own labels are the same as without context
    assert any(lab[0] == 1 for lab in y[head:]) and ctx[0] == plain[0]


class _Session:
    """Stands in for the ONNX session: records the inputs, P(cue) = 0.9 for the piece "said", else 0.01."""

    def __init__(self, said):
        self.said, self.inputs = said, []

    def run(self, _, feed):
        import numpy as np
        self.inputs.append(feed["input_ids"].copy())
        return [np.where(feed["input_ids"] == self.said, 0.9, 0.01)]


def test_inference_reads_the_context_from_the_meta_and_scores_only_the_sentence():
    import copy
    t = copy.copy(tagger.load())
    t.meta = {**t.meta, "params": {**t.meta.get("params", {}), "context": 32}}
    t.session = _Session(t.tokenizer.token_to_id("said"))
    text = "The ministry said nothing. Troops arrived in Kursk."
    doc = parse_english(text)
    p = t.token_probs(doc, [1])
    fed = [list(row) for batch in t.session.inputs for row in batch]
    assert len(fed) == 1 and t.tokenizer.token_to_id("said") in fed[0]      # the sentence before, as context
    assert set(p) == {tok.i for tok in list(doc.sents)[1]}                  # … but only the asked one is scored
    assert max(p.values()) < 0.1
