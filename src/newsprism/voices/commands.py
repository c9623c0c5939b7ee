"""CLI commands for voices, each one call into the library (wired in cli.py).

``newsprism actors`` lists actors with aliases and mention counts;
``newsprism voices ACTOR`` lists what an actor is reported to have said, with
document links and relays; ``newsprism eval attributions --gold DIR|FILE`` scores
attributions against PolNeAR-format gold or a hand-made gold file (``anchored``); ``newsprism train attributions
--gold DIR`` trains the English cue detector (``--cv K``: cross-validates it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _store(obj):
    return obj.store()


@click.command("actors")
@click.option("--all", "include_all", is_flag=True, help="Also registry actors never mentioned.")
@click.option("--type", "type_", default=None, help="Only this type (person, media, agency, military, ...).")
@click.option("-n", "--limit", type=int, default=None, help="Most actors to show.")
@click.option("--story", default=None, metavar="NAME",
              help="Only actors this story's documents mention, counted within them (`newsprism story list`).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def actors_cmd(obj, include_all, type_, limit, story, as_json) -> None:
    """Actors with their aliases and mention counts (run `newsprism analyze` first)."""
    from .query import list_actors
    with _store(obj) as store:
        rows = list_actors(store, include_unmentioned=include_all, type_=type_, limit=limit, story=story)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no actors yet: run `newsprism analyze`", err=True)
    for r in rows:
        state = {True: " state-affiliated", False: " independent", None: ""}[r["state_affiliated"]]
        aliases = ", ".join(f"{a['alias']}" + (f" ×{a['n']}" if a["n"] else "") for a in r["aliases"]
                            if a["n"] or a["source"] == "registry")
        click.echo(f"{r['id']}  {r['name']}  [{r['type']}{', ' + r['country'] if r['country'] else ''}{state}]  "
                   f"{r['mentions']} mentions in {r['documents']} docs, {r['attributions']} statements")
        if aliases:
            click.echo(f"    aliases: {aliases[:300]}")


@click.command("voices")
@click.argument("actor")
@click.option("-n", "--limit", type=int, default=None, help="Most statements to show.")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.option("--outlet", default=None, help="Only statements reported by this outlet.")
@click.option("--from", "date_from", default=None, metavar="DATE", help="Published on or after (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", default=None, metavar="DATE", help="Published on or before (YYYY[-MM[-DD]]).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, help="Lowest attribution confidence.")
@click.option("--sort", type=click.Choice(["published", "date", "confidence"]), default="published", show_default=True,
              help="published: oldest first; date: latest first; confidence: highest first.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def voices_cmd(obj, actor, limit, story, outlet, date_from, date_to, min_confidence, sort, as_json) -> None:
    """What ACTOR (an id, name or alias in any script) is reported to have said."""
    from .query import VoiceFilter, find_actor, voices_of
    with _store(obj) as store:
        aid = find_actor(store, actor)
        if aid is None:
            click.echo(f"no actor matches {actor!r}", err=True)
            click.echo("hint: `newsprism actors --all` lists known actors and aliases", err=True)
            sys.exit(1)
        rows = voices_of(store, aid, limit=limit, order=sort,
                         where=VoiceFilter(story, outlet, date_from, date_to, min_confidence))
    if as_json:
        click.echo(json.dumps({"actor": aid, "statements": rows}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{aid}: {len(rows)} statement(s)")
    for r in rows:
        via = (" via " + " → ".join(v["name"] for v in r["via"])) if r["via"] else ""
        content = " ".join(r["content"].split())
        shown = content[:240] if r["kind"] == "direct" else f"“{content[:240]}”"
        if r.get("refers_to"):          # "which" -> what it stands for
            shown += f" (→ {' '.join(r['refers_to'].split())[:160]})"
        conf = f" {r['confidence']:.2f}" if r.get("confidence") is not None else ""
        click.echo(f"- [{r['stance']}/{r['kind']}{conf}] {r['speaker_text']!s} {r['cue']}{via}: {shown}")
        click.echo(f"    {r['outlet'] or '?'} {r['published'] or ''} {r['link']} @{r['start']}-{r['end']}")


@click.command("attributions")
@click.option("--gold", required=True, type=click.Path(exists=True),
              help="PolNeAR folder (or its train/ split) with text/ and attributions/, or a hand-made gold "
                   "file (eval/voices/*.json) whose texts are in the shared folder.")
@click.option("--shared", type=click.Path(file_okay=False), default="../shared", show_default=True,
              help="The shared folder a gold file's texts are read from.")
@click.option("-n", "--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def eval_attributions_cmd(gold, shared, limit, as_json) -> None:
    """Score attributions against gold: speaker, cue, content; exact and overlap P/R/F1 (and the speaker's
    actor where a hand-made gold names it)."""
    from .polnear import evaluate, format_table, newsprism_predictor, read_gold
    if Path(gold).is_file():
        from .anchored import read_anchored
        docs = read_anchored(gold, shared)
        docs = docs[:limit] if limit else docs
    else:
        docs = read_gold(gold, limit=limit)
    if not docs:
        click.echo(f"no gold documents under {gold}", err=True)
        sys.exit(2)
    result = evaluate(docs, newsprism_predictor)
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else format_table(result))


@click.command("attributions")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False),
              help="PolNeAR folder (or its train/ split) with text/ and attributions/.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Model file to write (default: the shipped resources/voices/cue_model.json.gz).")
@click.option("--cv", "cv", type=int, default=0,
              help="Instead of training, K-fold cross-validation by article (rules alone vs rules + model).")
@click.option("--workers", type=int, default=2, show_default=True, help="Processes for --cv.")
@click.option("-n", "--limit", type=int, default=None, help="Only the first N articles (for a quick check).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable --cv output.")
def train_attributions_cmd(gold, out, cv, workers, limit, as_json) -> None:
    """Train the English cue detector on PolNeAR train (fixed seed), or cross-validate it with --cv K."""
    from . import cuemodel
    from .train import Params, cross_validate, train
    p = Params()
    if cv:
        res = cross_validate(gold, k=cv, p=p, workers=workers, limit=limit)
        d = res.as_dict()
        if as_json:
            click.echo(json.dumps(d, indent=2))
            return
        click.echo(f"{cv}-fold cross-validation by article, {d['articles']} articles, {d['seconds']}s")
        click.echo(f"{'':<8}{'role':<9}{'P':>7}{'R':>7}{'F1':>7}  (overlap; exact F1)")
        for name, r in [("rules", d["rules"])] + [("model", v) for v in d["model"].values()]:
            for role in ("speaker", "cue", "content"):
                s = r["scores"][role]
                o = s["overlap"]
                click.echo(f"{name:<8}{role:<9}{o['precision']:>7.3f}{o['recall']:>7.3f}{o['f1']:>7.3f}"
                           f"  ({s['exact']['f1']:.3f})")
        return
    target = out or str(cuemodel.default_path())
    from pathlib import Path
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    data = train(gold, target, p, limit=limit)
    m = data["meta"]
    click.echo(f"wrote {target}: {len(data['weights'])} weights from {m['articles']} articles "
               f"({m['examples']} candidate tokens, {m['positives']} cues)")


@click.command("cue-tagger")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False),
              help="PolNeAR folder (or its train/ split) with text/ and attributions/.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for cue_tagger.onnx and cue_tagger.json.gz (default: the shipped resources/voices/).")
@click.option("--hold-out-fold", "hold_out", type=click.IntRange(0, 4), default=None,
              help="Train without CV fold K (of 5, seed 13) and write its per-token probabilities beside the model.")
@click.option("--score", "score_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Instead of training: score a heldout-fold<K>.json.gz (needs --hold-out-fold K).")
@click.option("--per-channel/--per-tensor", default=True, show_default=True,
              help="Quantize int8 weights per output channel (as shipped; lost less on CV fold 0) or per tensor.")
@click.option("--context", type=click.IntRange(0, 256), default=None, show_default="as shipped, tagger_train.PARAMS",
              help="Wordpieces of the sentence before put in front of each sentence (recorded in the model's meta; "
                   "inference reads it from there; 0: none, as the taggers before stage 17).")
def train_cue_tagger_cmd(gold, out_dir, hold_out, score_file, per_channel, context) -> None:
    """Fine-tune the contextual cue tagger (MiniLM, needs the tagger-train extra) and export it to int8 ONNX."""
    if score_file:
        if hold_out is None:
            raise click.UsageError("--score needs --hold-out-fold K (the fold the file was written for)")
        from .tagger_train import score_heldout
        try:
            click.echo(json.dumps(score_heldout(gold, score_file, hold_out), indent=2))
        except ValueError as e:
            raise click.ClickException(str(e)) from e
        return
    try:
        from .tagger_train import train
        import torch  # noqa: F401  (training extra)
        import transformers  # noqa: F401
    except ImportError as e:
        raise click.ClickException(f"{e.name} is missing: pip install -e '.[tagger-train]' "
                                   "(torch, transformers, onnx and the base model)") from e
    from .tagger import default_dir
    if hold_out is not None and out_dir is None:
        raise click.UsageError("--hold-out-fold writes a model that has not seen all of train: give --out DIR")
    from .tagger_train import PARAMS
    params = PARAMS if context is None else {**PARAMS, "context": context}
    res = train(gold, out_dir or default_dir(), hold_out=hold_out, log=lambda m: click.echo(m, err=True),
                per_channel=per_channel, params=params)
    click.echo(json.dumps(res, indent=2))


@click.command("attribution-confidence")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False),
              help="PolNeAR folder (or its train/ split) with text/ and attributions/.")
@click.option("--heldout", "heldout_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder with heldout-fold0.json.gz … heldout-fold4.json.gz, the tagger's held-out probabilities "
                   "(`newsprism train cue-tagger --hold-out-fold K --out DIR` writes one per run).")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Model file to write (default: the shipped resources/voices/attribution_confidence.json.gz).")
@click.option("-n", "--limit", type=int, default=None, help="Only the first N articles (for a quick check).")
@click.option("--mix", "mix_opts", multiple=True, metavar="KEY=VALUE",
              help="How the tagger is mixed into the cue model, to try another setting: weight, weight_lexicon, "
                   "threshold, keep or fallback (default: tagger_train.MIX). Written to the shipped tagger's file too when --out is the "
                   "shipped model, so that the two agree.")
def train_confidence_cmd(gold, heldout_dir, out, limit, mix_opts) -> None:
    """Train the English attribution confidence on the cue model's and the tagger's held-out predictions,
    cross-validate it over the same five folds and pick its threshold on fold 0."""
    from pathlib import Path

    from .confidence import default_path
    from .confidence_train import train
    from .tagger import META_FILE, default_dir
    from .tagger_train import MIX, write_mix
    mix = dict(MIX)
    for opt in mix_opts:
        key, _, value = opt.partition("=")
        if key not in MIX:
            raise click.BadParameter(f"{key!r} is not one of {', '.join(MIX)}", param_hint="--mix")
        try:
            mix[key] = float(value)
        except ValueError:
            raise click.BadParameter(f"{opt!r}: the value must be a number", param_hint="--mix") from None
    target = out or str(default_path())
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        res = train(gold, heldout_dir, target, log=lambda m: click.echo(m, err=True), limit=limit, mix=mix)
    except (FileNotFoundError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    if Path(target).resolve() == Path(default_path()).resolve():
        write_mix(default_dir() / META_FILE, mix)
        click.echo(f"set the shipped tagger's mix to {mix}")
    click.echo(f"wrote {res['wrote']}: {res['examples']} held-out attributions of {res['articles']} articles, "
               f"threshold {res['threshold']} (chosen on fold 0), mix {res['mix']}")
    roles, t = ("speaker", "cue", "content"), res["threshold"]

    def f1s(s, kind="overlap"):
        return " / ".join(f"{s[role][kind]:.4f}" for role in roles)
    click.echo("overlap F1 speaker / cue / content (exact) by threshold; 0.0 = no filter")
    for grid_t, r in res["cv"].items():
        click.echo(f"  {grid_t:>4}  all folds {f1s(r['pooled'])} ({f1s(r['pooled'], 'exact')})   "
                   f"fold 0 {f1s(r['fold0'])} ({f1s(r['fold0'], 'exact')})")
    click.echo(f"fold by fold, overlap F1 speaker / cue / content without / with the confidence ({t}):")
    for k in range(5):
        click.echo(f"  fold {k}  {f1s(res['per_fold'][f'0.0/{k}'])}   {f1s(res['per_fold'][f'{t}/{k}'])}")
    for part in ("0.0", str(t)):
        s = res["cv"][part]["pooled"]
        click.echo(f"  P / R at {part}: " + ", ".join(f"{role} {s[role]['precision']:.3f} / {s[role]['recall']:.3f}"
                                                     for role in roles))
