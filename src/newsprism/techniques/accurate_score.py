"""Score a held-out fold of an accurate model trained with ``--hold-out-fold K``: encoder, hybrid and fast.

    PYTHONPATH=src python -m newsprism.techniques.accurate_score MODEL_DIR --fold K [--limit N]

``MODEL_DIR`` holds ``accurate.onnx`` and ``accurate.json.gz`` (``newsprism train techniques --accurate
--hold-out-fold K --out MODEL_DIR``). The fast model is trained on the same training articles (the other
folds of ``train.folds``, 5 by article, seed 13; the first N with ``--limit``, as the accurate training) and
kept as ``MODEL_DIR/fast-fold<K>.json.gz`` (reused when present), so neither model nor the hybrid sees fold K.
Scored on fold K with the official measures (``metric``):

- **encoder**: the encoder's spans (SI), its technique head (TC), both (FLC) — as ``accurate_train.score``;
- **hybrid** (the shipped rule, ``accurate.HybridModel``): the encoder's spans, techniques by the weighted mean
  ``accurate.TC_WEIGHT`` x fast + (1 - weight) x encoder;
- **fast**: the fast model alone (its fold-K figure in ``cv-5fold.json`` is printed beside it);
- for information only (reading a rule off the scored fold would be choosing on the test fold): SI of the
  union of encoder and fast spans, and TC at other weights.

Needs the training extras of the fast model (python-crfsuite, scikit-learn) only to train it; no torch.
Writes ``MODEL_DIR/hybrid-fold<K>.json`` (or ``--out``) and beside it ``hybrid-card-fold<K>.json``, the
hybrid's scores as a model card (``quality.read_card``; ship it as ``accurate-card.json`` with the model).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from . import accurate as acc
from . import embed
from .accurate_train import ranked_tc, write_card
from .metric import flc_score, si_score, tc_score
from .ptc import Article, Fragment, load_folder

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)   # TC weights scored for information (0: encoder, 1: fast)


def fast_for_fold(arts: list[Article], test: set[str], path: Path, limit: int | None, log=print):
    """The fast model trained on the articles outside ``test`` (the first ``limit``), read from ``path`` when
    there, else trained and written there."""
    from .model import read, save
    if path.is_file():
        log(f"fast model: {path} (reused)")
        return read(path)
    from .train import Params, train_model
    train_arts = [a for a in arts if a.id not in test][:limit]
    log(f"training the fast model on {len(train_arts)} articles ...")
    t0 = time.perf_counter()
    embed.remember(True)
    try:
        data = train_model(train_arts, Params())
    finally:
        embed.remember(False)
    save(data, path)
    log(f"fast model: {path} ({time.perf_counter() - t0:.0f} s)")
    return read(path)


def score_fold(model_dir: str | Path, fold: int, data: str | Path, limit: int | None = None,
               fast_path: str | Path | None = None, log=print) -> dict[str, Any]:
    from .train import folds, lines
    model_dir = Path(model_dir)
    arts = load_folder(data)
    test = set(folds(arts, 5, 13)[fold])
    fast = fast_for_fold(arts, test, Path(fast_path or model_dir / f"fast-fold{fold}.json.gz"), limit, log)
    encoder = acc.AccurateModel(model_dir / acc.MODEL_FILE, model_dir / acc.META_FILE, threads=2)
    hybrid = acc.HybridModel(encoder, fast)
    held = [a for a in arts if a.id in test][:limit]
    si: dict[str, list[Fragment]] = {"encoder": [], "fast": [], "union": []}
    tc: dict[float, list[Fragment]] = {w: [] for w in WEIGHTS}
    flc: dict[str, list[Fragment]] = {"encoder": [], "hybrid": [], "fast": []}
    t0 = time.perf_counter()
    for a in held:
        b = lines(a.text)
        p = encoder.pieces(a.text, b)
        enc = [(s, e) for s, e, _ in encoder.spans(a.text, p)]
        fst = [(s, e) for s, e, _, _ in fast.identify(a.text, b)]
        si["encoder"] += [Fragment(a.id, s, e) for s, e in enc]
        si["fast"] += [Fragment(a.id, s, e) for s, e in fst]
        si["union"] += [Fragment(a.id, s, e) for s, e in enc + fst]   # merged by the SI measure
        gold = [(f.start, f.end) for f in a.tc]
        r_enc, r_fast = encoder.classify(p, gold), hybrid.fast_classify(a.text, gold, b)
        for w in WEIGHTS:
            tc[w] += ranked_tc(a, acc.combine(r_enc, r_fast, w))
        flc["encoder"] += [Fragment(a.id, s, e, r[0][0]) for (s, e), r in zip(enc, encoder.classify(p, enc))]
        flc["hybrid"] += [Fragment(a.id, s, e, r[0][0]) for (s, e), r in zip(enc, hybrid.classify(a.text, p, enc, b))]
        flc["fast"] += [Fragment(a.id, f.start, f.end, f.label) for f in fast.predict(a.text, b)]
    gsi, gtc = [f for a in held for f in a.si], [f for a in held for f in a.tc]

    def brief(s) -> dict[str, float]:
        d = s.as_dict()
        return {k: d[k] for k in ("f1", "precision", "recall", "n_pred", "n_gold") if k in d}
    w = acc.TC_WEIGHT
    rows = {"encoder": {"si": brief(si_score(si["encoder"], gsi)), "tc": brief(tc_score(tc[0.0], gtc)),
                        "flc": brief(flc_score(flc["encoder"], gtc))},
            "hybrid": {"si": brief(si_score(si["encoder"], gsi)), "tc": brief(tc_score(tc[w], gtc)),
                       "flc": brief(flc_score(flc["hybrid"], gtc))},
            "fast": {"si": brief(si_score(si["fast"], gsi)), "tc": brief(tc_score(tc[1.0], gtc)),
                     "flc": brief(flc_score(flc["fast"], gtc))}}
    out: dict[str, Any] = {
        "fold": fold, "articles": len(held), "model_dir": str(model_dir), "tc_weight": w,
        "encoder_threshold": encoder.threshold, "seconds": round(time.perf_counter() - t0, 1), "models": rows,
        "for_information": {"si_union": brief(si_score(si["union"], gsi)),
                            "tc_by_weight": {str(x): round(tc_score(tc[x], gtc).f1, 4) for x in WEIGHTS}}}
    out["hybrid_card"] = {"articles": len(held), "si": si_score(si["encoder"], gsi).as_dict(),
                          "tc": tc_score(tc[w], gtc).as_dict(),
                          "flc": {k: v for k, v in flc_score(flc["hybrid"], gtc).as_dict().items() if k != "per_label"}}
    try:
        cv = json.loads(Path(str(acc.default_dir() / "cv-5fold.json")).read_text(encoding="utf-8"))
        out["fast_cv_fold"] = cv["per_fold"][fold]
    except (OSError, KeyError, IndexError, ValueError):
        pass
    return out


def table(r: dict[str, Any]) -> str:
    lines_ = [f"fold {r['fold']} ({r['articles']} articles), hybrid TC weight {r['tc_weight']}, "
              f"encoder threshold {r['encoder_threshold']}",
              f"{'model':8} {'SI F1':>7} {'SI P':>7} {'SI R':>7} {'TC F1':>7} {'FLC F1':>7}"]
    for name, m in r["models"].items():
        lines_.append(f"{name:8} {m['si']['f1']:7.4f} {m['si']['precision']:7.4f} {m['si']['recall']:7.4f} "
                      f"{m['tc']['f1']:7.4f} {m['flc']['f1']:7.4f}")
    info = r["for_information"]
    lines_.append(f"(information) SI union encoder+fast: F1 {info['si_union']['f1']:.4f} "
                  f"P {info['si_union']['precision']:.4f} R {info['si_union']['recall']:.4f}")
    lines_.append("(information) TC by weight of fast: " + ", ".join(f"{k} → {v:.4f}" for k, v in info["tc_by_weight"].items()))
    if "fast_cv_fold" in r:
        lines_.append(f"fast, cv-5fold.json fold {r['fold']} (all {r['fast_cv_fold'].get('articles')} articles): "
                      f"SI {r['fast_cv_fold']['si_f1']}, TC {r['fast_cv_fold']['tc_f1']}")
    return "\n".join(lines_)


def main(argv: list[str] | None = None) -> None:
    from .commands import DEFAULT_PTC
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--fold", type=int, required=True, choices=range(5))
    ap.add_argument("--data", type=Path, default=DEFAULT_PTC)
    ap.add_argument("--limit", type=int, default=None, help="the first N training and held-out articles")
    ap.add_argument("--fast-model", type=Path, default=None, help="default MODEL_DIR/fast-fold<K>.json.gz")
    ap.add_argument("--out", type=Path, default=None, help="default MODEL_DIR/hybrid-fold<K>.json")
    a = ap.parse_args(argv)
    r = score_fold(a.model_dir, a.fold, a.data, a.limit, a.fast_model)
    out = a.out or a.model_dir / f"hybrid-fold{a.fold}.json"
    out.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    card = out.with_name(f"hybrid-card-fold{a.fold}.json")
    write_card(r["hybrid_card"], [a.fold], card)
    print(table(r))
    print(f"wrote {out} and {card} (the hybrid's card, for resources/techniques/accurate-card.json)")


if __name__ == "__main__":
    main()
