"""``newsprism eval field``: the whole pipeline on a field gold set, scored by language.

Ingests the gold's texts into a temporary store (or uses ``--db``, already ingested),
analyzes, exports JSONL to a temporary folder and scores it with ``eval.field`` (the
same measures as the project's field referee).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click


def run_field(gold: Path, texts: Path | None, db: str | None, settings, listing: bool = False) -> "object":
    """Ingest (unless ``db``), analyze, export and score; returns the FieldScore."""
    from ..export import export
    from ..pipeline import analyze, build_corpus, ingest
    from ..store import open_store
    from .field import score_export
    with tempfile.TemporaryDirectory(prefix="newsprism-field-") as tmp:
        store = open_store(db or Path(tmp) / "field.db")
        try:
            if db is None:
                rep = ingest(store, [str(texts or gold.parent / "texts")], settings)
                if rep.failures:
                    click.echo(f"{len(rep.failures)} text(s) failed to ingest", err=True)
            analyze(store, settings)
            build_corpus(store, settings)
            out = Path(tmp) / "export.jsonl"
            export(store, "jsonl", out)
        finally:
            store.close()
        return score_export(out, gold, listing)


@click.command("field")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A field gold file (corpus/field/gold.json in the shared folder).")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The gold's texts (default: the texts/ folder beside the gold file).")
@click.option("--db", "db", default=None, metavar="PATH",
              help="Score this store (already ingested from the gold's texts) instead of a temporary one.")
@click.option("--misses", is_flag=True, help="Also list each miss.")
@click.option("--groups", "groups", is_flag=True,
              help="Also list the grouping errors: groups that mix gold claim keys, keys split over groups, "
                   "and flagged groups that mix keys (false \"sources disagree\").")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def eval_field_cmd(obj, gold, texts, db, misses, groups, as_json) -> None:
    """Score the whole pipeline on a field gold set: values, sources, relays, attributions, residue,
    dates, outlet, publication date, title and claim grouping, per language (en, ru, uk, ko, other) and
    for all. Exit 1 when a scored total is under 0.9."""
    from .field import format_table
    score = run_field(gold, texts, db, obj.settings, groups)
    if as_json:
        click.echo(json.dumps(score.as_dict(), ensure_ascii=False, indent=2))
    else:
        if misses:
            click.echo("\n".join(f"  {m}" for m in score.misses))
        if groups:
            click.echo("\n".join(f"  {m}" for m in score.grouping_errors))
        click.echo(format_table(score))
    sys.exit(0 if score.passed() else 1)
