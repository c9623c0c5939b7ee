"""CLI commands: ``newsprism train techniques`` and ``newsprism eval techniques``.

Each is one call into the library (``train.train``, ``train.cross_validate``,
``evaluate``); the CLI only parses options and prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

DEFAULT_PTC = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ptc" / "train"


def _need_training_extras() -> None:
    try:
        import pycrfsuite  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            f"training needs python-crfsuite and scikit-learn ({exc.name} is missing); "
            "hint: .venv/bin/pip install python-crfsuite==0.9.12 scikit-learn==1.9.1") from None


@click.command("techniques")
@click.option("--data", "data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=DEFAULT_PTC, show_default=True, help="PTC train folder.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Model file to write (default: the packaged resources/techniques/model.json.gz); with "
                   "--accurate, the folder to write the model files to.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--accurate", is_flag=True,
              help="Train the accurate model instead (a fine-tuned MiniLM exported to int8 ONNX; needs the "
                   "tagger-train extra; --out is then a folder, default the packaged resources/techniques/).")
@click.option("--hold-out-fold", "hold_out", type=click.IntRange(0, 4), default=None,
              help="With --accurate: train without this fold of 5 (by article) and score it.")
@click.option("--limit", type=int, default=None, help="With --accurate: the first N articles only (a smoke run).")
@click.option("--epochs", type=float, default=None,
              help="With --accurate: passes over the training data (default: accurate_train.PARAMS).")
def train_cmd(data: Path, out: Path | None, seed: int, accurate: bool, hold_out: int | None,
              limit: int | None, epochs: float | None) -> None:
    """Train the propaganda-technique models on a PTC folder (deterministic)."""
    if accurate:
        _train_accurate(data, out, seed, hold_out, limit, epochs)
        return
    if out is not None and out.is_dir():
        raise click.BadParameter(f"{out} is a folder; the fast model is one file", param_hint="--out")
    _need_training_extras()
    from .model import default_path
    from .train import Params, train
    out = out or default_path()
    model = train(data, out, Params(seed=seed))
    click.echo(f"wrote {out} ({out.stat().st_size:,} bytes; {model['meta']['articles']} articles, "
               f"{len(model['si']['features']):,} CRF, {len(model['si'].get('sentence', {}).get('features', {})):,} "
               f"sentence and {len(model['tc']['features']):,} TC features)")


@click.command("techniques")
@click.option("--gold", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="PTC-format folder with articles and gold labels.")
@click.option("--predictions", type=click.Path(exists=True, path_type=Path), default=None,
              help="Folder or file of predicted labels (SI and/or TC format) to score.")
@click.option("--cv", type=int, default=None, help="Instead: k-fold cross-validation by article on --gold.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Model file to evaluate (default: the packaged one).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(gold: Path, predictions: Path | None, cv: int | None, model_path: Path | None,
             as_json: bool) -> None:
    """Score technique spans with the official SemEval-2020 Task 11 SI and TC measures."""
    from .evaluate import evaluate
    if cv:
        _need_training_extras()
    result = evaluate(gold, predictions=predictions, cv=cv, model_path=model_path)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    for task in ("si", "tc", "flc"):
        if task in result:
            s = result[task]
            click.echo(f"{task.upper():4} F1 {s['f1']:.4f}  P {s['precision']:.4f}  R {s['recall']:.4f}"
                       f"  (pred {s['n_pred']}, gold {s['n_gold']})")


def _train_accurate(data: Path, out: Path | None, seed: int, hold_out: int | None, limit: int | None,
                    epochs: float | None) -> None:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            f"the accurate model needs the tagger-train extra ({exc.name} is missing); "
            "hint: pip install -e '.[tagger-train]'") from None
    from .accurate import default_dir
    from .accurate_train import PARAMS, train
    result = train(data, out or default_dir(), hold_out=hold_out, limit=limit,
                   log=lambda m: click.echo(m, err=True), params={**PARAMS, "seed": seed, **({"epochs": epochs} if epochs else {})})
    click.echo(json.dumps(result, indent=2))
