"""PolNeAR reader and metric, and a quality floor on a fixed subset of the train split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.voices.commands import eval_attributions_cmd
from newsprism.voices.polnear import (Counts, char_set, evaluate, match_spans, newsprism_predictor, parse_ann,
                                      read_gold)

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
# Floors for the default subset (the first 2 train articles by name of each of the 7 publishers),
# set a little under what the rules measured (docs/voices.md); a regression below them fails. The shipped
# cue model was trained on these articles too, so this subset is no quality estimate (that is the CV).
PER_PUBLISHER = 2
FLOORS = {("speaker", "overlap"): 0.60, ("content", "overlap"): 0.60, ("cue", "overlap"): 0.58,
          ("speaker", "exact"): 0.55, ("content", "exact"): 0.28}

ANN = ("T1\tSource 0 2\the\nT2\tCue 3 7\tsaid\nT3\tContent 8 20;25 30\tit was fine more\n"
       "T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
       "T5\tCue 40 52\taccording to\nT6\tContent 53 60\tsomething\n"
       "E2\tAttribution-no-source:T5 Content:T6 Cue:T5\n#1\tAnnotatorNotes T1\tnote\n")


def test_parse_ann_keeps_discontinuous_pieces_and_missing_sources():
    rels = parse_ann(ANN)
    assert rels[0].speaker == [(0, 2)] and rels[0].content == [(8, 20), (25, 30)]
    assert rels[1].speaker is None and rels[1].cue == [(40, 52)]


def test_metric_exact_overlap_and_one_to_one():
    text = "He said, “it is fine.” They said so."
    g = [char_set(text, [(9, 22)])]
    assert char_set(text, [(10, 20)]) == g[0]             # quote marks and punctuation do not decide a match
    c = match_spans([char_set(text, [(10, 20)]), char_set(text, [(12, 15)])], g)
    assert (c.predicted, c.gold, c.tp_exact_p, c.tp_overlap_p, c.tp_overlap_g) == (2, 1, 1, 1, 1)
    s = c.scores()
    assert s["exact"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert Counts().scores()["overlap"]["f1"] == 0.0


@pytest.fixture(scope="module")
def gold_subset():
    if not POLNEAR.is_dir():
        pytest.skip("../shared/data/polnear is missing")
    return read_gold(POLNEAR, names=subset_names())


def subset_names() -> list[str]:
    by_pub: dict[str, list[str]] = {}
    for p in sorted((POLNEAR / "train" / "text").glob("*.txt")):
        by_pub.setdefault(p.stem.split("_", 1)[0], []).append(p.stem)
    return [n for names in by_pub.values() for n in names[:PER_PUBLISHER]]


def test_reader_offsets_match_covered_text(gold_subset):
    doc = gold_subset[0]
    ann = sorted((POLNEAR / "train" / "attributions").glob(f"{doc.name}_*.ann"))[0].read_text("utf-8")
    import re
    for m in re.finditer(r"^T\d+\t\S+ (\d+) (\d+)\t(.*)$", ann, re.M):
        assert doc.text[int(m.group(1)):int(m.group(2))] == m.group(3)


def test_quality_floor_on_a_train_subset(gold_subset):
    res = evaluate(gold_subset, newsprism_predictor)
    scores = res.scores()
    for (role, kind), floor in FLOORS.items():
        assert scores[role][kind]["f1"] >= floor, (role, kind, scores[role][kind])
    print(json.dumps(res.as_dict()))


def test_eval_command_prints_the_table_and_json(gold_subset):
    r = CliRunner().invoke(eval_attributions_cmd, ["--gold", str(POLNEAR), "--limit", "2", "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["documents"] == 2 and set(d["scores"]) == {"speaker", "cue", "content"}
    r = CliRunner().invoke(eval_attributions_cmd, ["--gold", str(POLNEAR), "--limit", "1"])
    assert "content  overlap" in r.output


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_full_train_split_figures_in_docs_are_reproducible(request):
    """The shipped pipeline on all 840 train articles (4 to 10 minutes on 2 cores): pytest -m slow. In-sample, so a
    check that it runs and stays sane, not a quality figure (docs/voices.md: quality is the cross-validation)."""
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the full PolNeAR train run is opt-in: pytest -m slow tests/test_voices_polnear.py")
    res = evaluate(read_gold(POLNEAR), newsprism_predictor)
    print(json.dumps(res.as_dict(), indent=1))
    assert res.documents == 840
    assert res.scores()["content"]["overlap"]["f1"] >= 0.5
