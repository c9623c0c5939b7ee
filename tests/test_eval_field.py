"""eval field: the package's scoring gives the referee's totals; the command runs end to end."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from newsprism.eval.field import FieldScore, lang_group, score_export

SHARED = Path(os.environ.get("NEWSPRISM_SHARED", Path(__file__).resolve().parents[2] / "shared"))
REFEREE = SHARED / "tools" / "field_score.py"
FIELD = SHARED / "corpus" / "field"


def _referee():
    if not REFEREE.exists():
        pytest.skip(f"the field referee is not at {REFEREE}")
    spec = importlib.util.spec_from_file_location("field_score", REFEREE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _referee_totals(export: Path, gold: Path) -> dict:
    ref = _referee()
    g = json.loads(gold.read_text("utf-8"))
    sc = ref.Scorer(str(export), dict(g.get("aliases", {})))
    sc.run(g)
    return {k: tuple(v) for k, v in sc.tot.items() if v[1]}, sc.grouping()


def _write_small(tmp: Path) -> tuple[Path, Path]:
    """Two documents written for this test, one English, one Korean, and a gold for them."""
    docs = [
        {"id": "d1", "locator": "/x/a-1.txt", "text": "Officials said 300 soldiers died.", "outlet": "Daily Example",
         "published": "2025-01-02", "title": "Soldiers died",
         "layers": {"quantity": [{"start": 15, "end": 18, "text": "300", "attrs": {"min": 300, "max": 300}}],
                    "attribution": [{"start": 0, "end": 33, "text": "Officials said 300 soldiers died.",
                                     "label": "indirect", "attrs": {"speaker_text": "Officials"}}]},
         "removed": []},
        {"id": "d2", "locator": "/x/b-1.txt", "text": "국정원은 300명이 숨졌다고 밝혔다.", "outlet": None,
         "published": None, "title": None,
         "layers": {"quantity": [{"start": 5, "end": 9, "text": "300명", "attrs": {"min": 300, "max": 300}}]},
         "removed": []},
    ]
    corpus = [{"table": "claim_members", "doc_id": "d1", "start": 0, "end": 33, "group_id": "g1",
               "source_name": "Officials", "role": "claim"},
              {"table": "claim_members", "doc_id": "d2", "start": 0, "end": 20, "group_id": "g1",
               "source_name": "국정원", "role": "claim"}]
    q = {"text": "300", "min": 300, "max": 300, "what": "dead", "claim": "x/nis/dead"}
    gold = {"aliases": {"NIS": ["국정원"]}, "docs": {
        "a-1": {"lang": "en", "outlet": "Daily Example", "outlet_in_text": True, "date": "2025-01-03",
                "date_in_text": True, "title": "Soldiers died", "quantities": [dict(q, source="Officials")],
                "attributions": [{"speaker": "Officials", "key": "300 soldiers", "kind": "direct"}],
                "boilerplate_lines": ["Subscribe now"]},
        "b-1": {"lang": "ko", "outlet": "Example TV", "outlet_in_text": True, "date": None,
                "quantities": [dict(q, source="NIS", relayed_by="Lee")]}}}
    (tmp / "e.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), "utf-8")
    (tmp / "e.corpus.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in corpus), "utf-8")
    (tmp / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return tmp / "e.jsonl", tmp / "gold.json"


def test_small_export_scores_by_language(tmp_path):
    export, gold = _write_small(tmp_path)
    score = score_export(export, gold)
    assert isinstance(score, FieldScore)
    assert score.totals["en"]["outlet"] == [1, 1] and score.totals["en"]["published"] == [0, 1]
    assert score.totals["ko"]["outlet"] == [0, 1] and score.totals["all"]["outlet"] == [1, 2]
    assert score.totals["all"]["sources"] == [2, 2] and score.totals["ko"]["relays"] == [0, 1]
    assert score.grouping["all"] == (1, 0, 0) and score.grouping["en"] == (0, 0, 0)
    assert not score.passed() and lang_group("ja") == "other"


def test_small_export_matches_the_referee(tmp_path):
    export, gold = _write_small(tmp_path)
    ref_tot, ref_pairs = _referee_totals(export, gold)
    score = score_export(export, gold)
    mine = {k: tuple(v) for k, v in score.totals["all"].items() if v[1]}
    assert mine == ref_tot and score.grouping["all"] == ref_pairs


@pytest.mark.slow
def test_field_set_totals_match_the_referee(tmp_path, settings, request):
    """The whole field set through the pipeline: package totals equal the referee's on the same export."""
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("runs the pipeline over the field set (~60 s); run with -m slow")
    if not (FIELD / "gold.json").exists():
        pytest.skip("the field set is not in the shared folder")
    _referee()
    from newsprism.export import export
    from newsprism.pipeline import analyze, build_corpus, ingest
    from newsprism.store import open_store
    store = open_store(tmp_path / "f.db")
    ingest(store, [str(FIELD / "texts")], settings)
    analyze(store, settings)
    build_corpus(store, settings)
    export(store, "jsonl", tmp_path / "f.jsonl")
    store.close()
    ref_tot, ref_pairs = _referee_totals(tmp_path / "f.jsonl", FIELD / "gold.json")
    score = score_export(tmp_path / "f.jsonl", FIELD / "gold.json")
    assert {k: tuple(v) for k, v in score.totals["all"].items() if v[1]} == ref_tot
    assert score.grouping["all"] == ref_pairs


def test_eval_field_command_on_a_small_set(tmp_path):
    """Texts written for this test, through ingest, analyze, export and scoring: outlet and date found."""
    from click.testing import CliRunner
    from newsprism.cli import cli
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a-1.txt").write_text("date 2025-06-17 Convoy Crosses Border Before Dawn\nThe ministry said on Tuesday that "
                                   "300 trucks crossed the border.\n\nNews.Az", "utf-8")
    gold = {"aliases": {}, "docs": {"a-1": {"lang": "en", "outlet": "News.Az", "outlet_in_text": True,
                                            "date": "2025-06-17", "date_in_text": True,
                                            "title": "Convoy Crosses Border Before Dawn"}}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), "utf-8")
    res = CliRunner().invoke(cli, ["-q", "eval", "field", "--gold", str(tmp_path / "gold.json"), "--json"])
    out = json.loads(res.output)
    assert res.exit_code == 0, res.output
    assert {k: out["groups"]["en"][k]["hit"] for k in ("outlet", "published", "title")} == \
        {"outlet": 1, "published": 1, "title": 1}
    assert out["pass"] is True and "other" not in out["groups"]
