"""CLI commands for claims, each one call into the library (wired in cli.py).

``newsprism claims`` prints claim groups (run ``newsprism analyze`` first);
``newsprism eval quantities --gold DIR`` scores quantity extraction on NewsQuant.
"""

from __future__ import annotations

import json

import click

from .dates import member_as_of


def _fmt_value(m: dict, kind: str | None = None) -> str:
    lo, hi = m.get("min_value"), m.get("max_value")
    num = lambda v: f"{v:,.0f}" if v is not None and abs(v) >= 10 else (f"{v:.3g}" if v is not None else "…")
    f = (lambda v: f"{num(v)} %") if kind == "share" else (lambda v: f"×{num(v)}") if kind == "multiple" else num
    if lo is None and hi is None:
        return "-"
    if hi is None or lo is None:       # open-ended: "more than 14,000", "up to 500"
        return f"{m.get('hedge') or ('at least' if hi is None else 'up to')} {f(lo if hi is None else hi)}"
    val = f(lo) if lo == hi else f"{f(lo)}–{f(hi)}"
    return (f"{m['hedge']} " if m.get("hedge") else "") + val


def format_groups(groups: list[dict]) -> str:
    lines = []
    for g in groups:
        changed = bool((g.get("summary") or {}).get("changes_over_time"))
        flags = [x for x, on in (("DISAGREEMENT", g["disagreement"]), ("DISPUTED", g["disputed"]),
                                 ("CHANGED OVER TIME", changed)) if on]
        spread = f" spread {g['spread']:.0%}" if g.get("spread") is not None else ""
        lines.append(f"{g['label']}  [{g['subject']}{'/' + g['value_kind'] if g['value_kind'] else ''}]  "
                     f"{g['n_claims']} claims, {g['n_origins']} independent origin(s){spread}"
                     + (f"  {' '.join(flags)}" if flags else ""))
        for m in g["members"]:
            as_of = member_as_of(m) or "as of unknown"
            what = _fmt_value(m, g["value_kind"]) if m["role"] == "quantity" else m["role"]
            extra = " +increment" if m["increment"] else ""
            total = (m.get("attrs") or {}).get("implied_total")
            if total:
                extra += f" (implied total {_fmt_value({'min_value': total['min'], 'max_value': total['max'], 'hedge': total.get('hedge')}, g['value_kind'])})"
            who = (m.get("attrs") or {}).get("source_name") or m["source"]
            lines.append(f"  {what:<22} {who:<30} via {m['source_method']:<13} "
                         f"{(m['outlet'] or m['doc_id'])[:24]:<24} {as_of}{extra}  “{m['text'][:60]}”")
        lines.append("")
    return "\n".join(lines)


@click.command("claims")
@click.option("--subject", default=None, help="Only this subject (e.g. north-korean/deployed).")
@click.option("--all", "include_generic", is_flag=True,
              help="Also generic groups (count:<noun>: claims that share only a counted noun).")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def claims_cmd(obj, subject, include_generic, story, as_json) -> None:
    """Claim groups: every value with source, outlet and date; spread, disagreements, disputes. In the order
    of the web app: disputed, sources disagree, sources agree, a single source."""
    from .query import load_groups
    from ..pipeline import build_corpus
    with obj.store() as store:
        build_corpus(store, obj.settings, stages=["reconcile"])
        groups = load_groups(store, subject=subject, include_generic=include_generic, story=story)
        hidden = 0 if groups or include_generic else len(load_groups(store, subject=subject, include_generic=True,
                                                                     story=story))
    if as_json:
        click.echo(json.dumps(groups, ensure_ascii=False, indent=1, default=str))
    elif hidden:
        click.echo(f"no claim groups about a known subject; {hidden} generic group(s) (count:<noun>): "
                   "see them with `newsprism claims --all`", err=True)
    elif not groups:
        click.echo("no claim groups" + (f" for subject {subject}" if subject else "")
                   + ": run `newsprism analyze` first, or the corpus holds no claims", err=True)
    else:
        click.echo(format_groups(groups))


@click.command("quantities")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True),
              help="NewsQuant directory (or NewsQuant.json).")
@click.option("--split", type=click.Choice(["all", "even", "odd", "halves"]), default="halves", show_default=True,
              help="Sentences to score; 'halves' reports all, even (tuning half) and odd (held out).")
@click.option("--errors", "errors_out", type=click.Path(dir_okay=False), default=None,
              help="Write every miss and false hit as JSON here.")
def eval_quantities_cmd(gold, split, errors_out) -> None:
    """Score quantity extraction (value, value+unit, what is measured) on NewsQuant."""
    from .newsquant import evaluate_quantities
    splits = ["all", "even", "odd"] if split == "halves" else [split]
    results = [evaluate_quantities(gold, split=s, keep_errors=bool(errors_out) and s == splits[0]) for s in splits]
    if errors_out:
        with open(errors_out, "w", encoding="utf-8") as fh:
            json.dump(results[0].pop("errors"), fh, ensure_ascii=False, indent=1)
    click.echo(json.dumps(results, indent=1))
