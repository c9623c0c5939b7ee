"""Hand-made attribution gold over shared texts (eval/voices): loading, optional spans, actors, floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.errors import EvalError
from newsprism.voices.anchored import read_anchored
from newsprism.voices.commands import eval_attributions_cmd
from newsprism.voices.polnear import GoldAttribution, GoldDoc, char_set, evaluate, match_spans

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = REPO / "eval" / "voices"


@pytest.mark.parametrize("name", ["kcna-2024-dev.json", "kcna-2024-test.json"])
def test_gold_files_load_and_their_spans_cover_words(name):
    docs = read_anchored(GOLD / name, SHARED)
    assert docs and all(d.text for d in docs)
    for d in docs:
        for a in d.attributions:
            for role in ("speaker", "cue", "content"):
                for s, e in getattr(a, role) or []:
                    piece = d.text[s:e]
                    assert piece.strip() == piece and piece, (d.name, role, piece)


def test_changed_text_is_an_error_that_names_the_article(tmp_path):
    spec = json.loads((GOLD / "kcna-2024-dev.json").read_text("utf-8"))
    spec["docs"] = spec["docs"][:1]
    spec["docs"][0]["sha256"] = "0" * 64
    bad = tmp_path / "gold.json"
    bad.write_text(json.dumps(spec), "utf-8")
    with pytest.raises(EvalError, match=spec["docs"][0]["locator"].replace(".", r"\.")):
        read_anchored(bad, SHARED)
    with pytest.raises(EvalError, match="missing"):
        read_anchored(GOLD / "kcna-2024-dev.json", tmp_path)
    bad.write_text("{not json", "utf-8")
    with pytest.raises(EvalError, match="not a gold file"):
        read_anchored(bad, SHARED)


def test_optional_gold_spans_neither_hit_nor_false_alarm():
    text = "He said it. She expressed thanks. They signed it."
    req = [char_set(text, [(3, 7)])]
    opt = [char_set(text, [(18, 27)])]
    preds = [char_set(text, [(3, 7)]), char_set(text, [(18, 27)]), char_set(text, [(39, 45)])]
    c = match_spans(preds, req, opt)
    assert (c.predicted, c.gold, c.tp_overlap_p) == (2, 1, 1)   # "expressed" left out, "signed" a false alarm
    assert match_spans(preds, req).predicted == 3


def test_actor_is_scored_on_found_attributions():
    text = "Kim said it. He added more. Putin said so."
    gold = GoldDoc("d", text, [GoldAttribution([(0, 3)], [(4, 8)], [(9, 11)], actor="kim-jong-un"),
                               GoldAttribution([(13, 15)], [(16, 21)], [(22, 26)], actor="kim-jong-un"),
                               GoldAttribution([(28, 33)], [(34, 38)], [(39, 41)], actor="vladimir-putin")])
    preds = [((0, 3), (4, 8), (9, 11), "kim-jong-un"), ((13, 15), (16, 21), (22, 26), "vladimir-putin")]
    res = evaluate([gold], lambda t: preds)
    assert (res.actors.gold, res.actors.found, res.actors.correct) == (3, 2, 1)
    assert res.as_dict()["actors"]["accuracy_found"] == 0.5


def test_eval_command_scores_a_gold_file():
    out = CliRunner().invoke(eval_attributions_cmd, ["--gold", str(GOLD / "kcna-2024-dev.json"),
                                                     "--shared", str(SHARED), "--limit", "3", "--json"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert res["documents"] == 3 and res["actors"]["gold"] > 0
    assert res["scores"]["speaker"]["overlap"]["recall"] > 0.5
