"""CLI commands for framing, narratives and timeline, each one call into the library (wired in cli.py).

``newsprism framing`` · ``newsprism narratives`` · ``newsprism timeline`` bring their
corpus stage up to date (skipped when nothing changed) and print what it found;
``newsprism eval narratives --data DIR`` scores the clustering on EUvsDisinfo titles.
"""

from __future__ import annotations

import json

import click

from ..claims import query as claims_query
from . import queries


def _build(obj, stage: str) -> None:
    from ..pipeline import build_corpus
    with obj.store() as store:
        rep = build_corpus(store, obj.settings, stages=[stage])
    for name, msg in rep.failed:
        raise click.ClickException(f"corpus stage {name} failed: {msg}")


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def format_framing(terms: list[dict], usage: list[dict], omission: dict, cands: list[dict]) -> str:
    lines = ["== over-used terms (log-odds, informative Dirichlet prior; z >= 1.96) =="]
    for g in terms:
        lines.append(f"{g['scope']}:{g['group']}  " + ", ".join(f"{t['term']} ({t['z']:.1f})" for t in g["terms"]))
    lines += ["", "== competing terms (own wording / \"scare-quoted\" / in reported speech) =="]
    for u in usage:
        vs = ", ".join(f"{v} [{d['connotation']}] {d['own']}/{d['scare_quoted']}/{d['reported']}"
                       for v, d in u["variants"].items())
        lines.append(f"{u['referent']:<18} {u['outlet'][:28]:<28} {vs}")
    if not usage:
        lines.append("none: name a framing case file (NEWSPRISM_FRAMING_CASE; docs/framing.md, \"Case file\")")
    lines += ["", "== omission: who carries the claim, the counter-claim, only one side =="]
    if not omission.get("available"):
        lines.append(omission.get("reason", "not available"))
    for g in omission.get("groups", []):
        if not (g["disputed"] or g["kind"] == "assertion"):
            continue
        lines.append(f"{g['label']} [{g['subject']}]{' DISPUTED' if g['disputed'] else ''}: "
                     f"claim only: {', '.join(g['claim_only']) or '-'}; both: {', '.join(g['both']) or '-'}; "
                     f"counter only: {', '.join(g['counter_only']) or '-'}; silent: {', '.join(g['silent']) or '-'}")
    if cands:
        lines += ["", "== variant candidates found in the corpus (review, then add to the case file) =="]
        lines += [f"{c['referent']:<18} {c['candidate']:<20} n={c['n']} e.g. {c['examples'][0]}" for c in cands]
    return "\n".join(lines)


@click.command("framing")
@click.option("--scope", type=click.Choice(["outlet", "affiliation", "country"]), default=None,
              help="Only this kind of group.")
@click.option("--top", default=15, show_default=True, help="Terms per group.")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def framing_cmd(obj, scope, top, story, as_json) -> None:
    """How each outlet and outlet group words the story: over-used terms, competing terms, omissions."""
    _build(obj, "framing")
    with obj.store() as store:
        data = {"terms": queries.outlet_terms(store, scope, top, story=story),
                "variants": queries.variant_usage(store, story=story),
                "omission": claims_query.omission(store, story=story), "candidates": queries.candidates(store)}
    if as_json:
        _echo_json(data)
    else:
        click.echo(format_framing(data["terms"], data["variants"], data["omission"], data["candidates"]))


@click.command("narratives")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def narratives_cmd(obj, story, as_json) -> None:
    """Recurring storylines across languages: phrases, exemplars, outlets, months."""
    _build(obj, "narratives")
    with obj.store() as store:
        data = queries.narratives(store, story=story)
        unassigned = queries.narrative_unassigned(store)
    if as_json:
        _echo_json({"narratives": data, "unassigned": unassigned})
        return
    for n in data:
        click.echo(f"#{n['id']} {n['label']}  ({n['size']} passages, cohesion {n['cohesion']})")
        click.echo(f"   phrases: {', '.join(n['phrases'][:8])}")
        click.echo(f"   outlets: {', '.join(f'{o} {c}' for o, c in list(n['by_outlet'].items())[:5])}")
        click.echo(f"   months:  {', '.join(f'{m} {c}' for m, c in n['by_month'].items())}")
        for ex in n["exemplars"][:2]:
            click.echo(f"   e.g. [{ex['outlet']}] “{ex['text'][:160]}”")
    if unassigned:
        click.echo(f"{unassigned} passage(s) not yet assigned to a narrative (re-clustered when there are many)")


@click.command("timeline")
@click.option("--min-sources", default=1, show_default=True, help="Only events reported by at least N documents.")
@click.option("--subject", default=None, metavar="KEY",
              help="Only events about this claim subject: a key as `newsprism claims` prints it in brackets.")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def timeline_cmd(obj, min_sources, subject, story, as_json) -> None:
    """Dated events merged across sources with the earliest report; claim values over time."""
    _build(obj, "timeline")
    with obj.store() as store:
        evs = queries.events(store, min_sources=min_sources, subject=subject, story=story)
        series = claims_query.claim_series(store, story=story)
    if as_json:
        _echo_json({"events": evs, "claim_series": series})
        return
    for e in evs:
        outlets = sorted({s["outlet"] for s in e["sources"]})
        click.echo(f"{e['date']:<10} {e['n_sources']} source(s), first {e['earliest_report'] or 'undated'}"
                   f" [{', '.join(outlets)[:60]}]  {e['label'][:120]}")
    for s in series:
        click.echo(f"\n{s['label']} [{s['subject']}]")
        for p in s["points"]:
            val = p["min"] if p["min"] == p["max"] or p["max"] is None else f"{p['min']}–{p['max']}"
            click.echo(f"  {p['date'] or 'undated':<10} {val!s:<14} {p['source'][:30]:<30} {p['text'][:60]}")


@click.command("narratives")
@click.option("--data", "data", required=True, type=click.Path(exists=True),
              help="EUvsDisinfo folder or euvsdisinfo_posts.csv.")
@click.option("--n", "n", default=2000, show_default=True, help="Titles to sample.")
@click.option("--labels", "n_labels", default=20, show_default=True, help="Most frequent keyword tags used as labels.")
@click.option("--seed", default=0, show_default=True)
def eval_narratives_cmd(data, n, n_labels, seed) -> None:
    """Score narrative clustering (NMI, ARI) against keyword tags, beside TF-IDF + k-means."""
    from .evaluate import evaluate_narratives
    _echo_json(evaluate_narratives(data, n=n, n_labels=n_labels, seed=seed))
