"""Evaluate technique spans on a PTC-format folder: given predictions, the shipped model, or k-fold CV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .metric import flc_score, si_score, tc_score
from .ptc import Fragment, load_folder, read_labels


def _read_predictions(path: Path) -> tuple[list, list]:
    root = path if path.is_dir() else path.parent
    if path.is_file():   # one combined file: SI has 3 columns, TC 4
        from .ptc import read_text
        si, tc = [], []
        for line in read_text(path).splitlines():
            c = line.split("\t")
            if len(c) == 3:
                si.append(Fragment(c[0], int(c[1]), int(c[2])))
            elif len(c) == 4:
                tc.append(Fragment(c[0], int(c[2]), int(c[3]), c[1]))
        return si, tc
    return read_labels(root, "si"), read_labels(root, "flc-tc")


def evaluate(gold: str | Path, *, predictions: str | Path | None = None, cv: int | None = None,
             model_path: str | Path | None = None) -> dict[str, Any]:
    """Official SI / TC (/ FLC) scores as a dict.

    ``predictions``: score those files. ``cv``: k-fold cross-validation by article
    (trains k models). Otherwise: run the shipped model on the gold articles.
    """
    if cv:
        from .train import cross_validate
        return cross_validate(gold, cv).as_dict()
    arts = load_folder(gold)
    gsi = [f for a in arts for f in a.si]
    gtc = [f for a in arts for f in a.tc]
    if predictions is not None:
        psi, ptc = _read_predictions(Path(predictions))
        out: dict[str, Any] = {}
        psi = psi or [Fragment(f.article, f.start, f.end) for f in ptc]   # SI from labelled spans
        if psi:
            out["si"] = si_score(psi, gsi).as_dict()
        if ptc:
            out["tc"] = tc_score(ptc, gtc).as_dict()
        return out
    from .model import load
    from .train import predict_flc, predict_si, predict_tc
    m = load(model_path)
    return {"si": si_score(predict_si(m, arts), gsi).as_dict(),
            "tc": tc_score(predict_tc(m, arts), gtc).as_dict(),
            "flc": flc_score(predict_flc(m, arts), gtc).as_dict()}
