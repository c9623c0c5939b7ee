"""The command line: a thin shell over newsprism.pipeline, export and report.

Exit codes: 0 all went well; 1 the work finished but some inputs or stages
failed (they are recorded: `newsprism status --failures`); 2 usage error;
3 a fatal error (store, configuration, output path).
"""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .config import SETTINGS, Settings, load_settings
from .errors import NewsprismError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3


class Context:
    def __init__(self, settings: Settings, debug: bool, quiet: bool):
        self.settings, self.debug, self.quiet = settings, debug, quiet

    def store(self, create: bool = False):
        """The store; only the commands that fill one (ingest, run) may create it: any other
        command on a mistyped path is refused instead of reporting an empty new store."""
        from .store import open_store
        return open_store(self.settings.db, create=create)

    @contextmanager
    def progress(self, total: int | None, label: str) -> Iterator:
        """A progress bar on stderr for long work (what runs, items/s, time left); silent with --quiet
        or when not a terminal. ``advance(n, description=..., total=...)`` also renames the bar and
        restarts it for the next step (each corpus stage)."""
        if self.quiet or not sys.stderr.isatty():
            yield lambda n=1, **_kw: None
            return
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                      transient=True, console=_err_console()) as bar:
            task = bar.add_task(label, total=total, rate="")

            def advance(n: int = 1, description: str | None = None, total: int | None = None) -> None:
                if description is not None:
                    bar.reset(task, total=total, description=description, rate="")
                bar.advance(task, n)
                t = bar.tasks[task]
                if t.elapsed and t.elapsed >= 1 and t.completed:     # batches land at once: a mean, not a burst
                    bar.update(task, rate=f"{t.completed / t.elapsed:.1f} docs/s")
            yield advance


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """Text from the store made safe for a terminal: control characters (escape sequences, bidi
    overrides) are shown as U+FFFD, so an article cannot drive the terminal."""
    return _CONTROL.sub("\ufffd", str(text))


def _err_console():
    from rich.console import Console
    return Console(stderr=True)


class NewsprismGroup(click.Group):
    """Turns NewsprismError into one line plus a hint (traceback only with --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsprismError as exc:
            debug = bool(ctx.obj and ctx.obj.debug) or "--debug" in sys.argv
            if debug:
                traceback.print_exc()
            click.echo(safe(exc.one_line()), err=True)
            click.echo(f"hint: {exc.hint}", err=True)
            sys.exit(EXIT_FATAL)
        except KeyboardInterrupt:
            click.echo("interrupted; work done so far is saved in the store", err=True)
            sys.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - a crash is fatal (3), never "some inputs failed" (1)
            if bool(ctx.obj and ctx.obj.debug) or "--debug" in sys.argv:
                traceback.print_exc()
            click.echo(safe(f"error[NP000]: internal error: {type(exc).__name__}: {exc}"), err=True)
            click.echo("hint: run again with --debug for the full traceback, and report it", err=True)
            sys.exit(EXIT_FATAL)


def _setting_help(name: str) -> str:
    s = next(x for x in SETTINGS if x.name == name)
    return f"{s.help} [env {s.env}; default {s.default if not isinstance(s.default, tuple) else ','.join(s.default)}]"


@click.group(cls=NewsprismGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
@click.option("--db", default=None, metavar="PATH", help=_setting_help("db"))
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries on stderr.")
@click.option("--techniques-model", type=click.Choice(["fast", "accurate"]), default=None,
              help=_setting_help("techniques_model"))
@click.pass_context
def cli(ctx: click.Context, db: str | None, debug: bool, quiet: bool, techniques_model: str | None) -> None:
    """newsprism: who says what, which numbers, which techniques, across many outlets.

    Typical run: `newsprism run ../shared/corpus/seeds -o report.html`, or step by
    step: ingest, analyze, report, export.
    """
    try:
        settings = load_settings(db=db, techniques_model=techniques_model)
        if techniques_model:   # stages read it where they run (worker processes inherit the environment)
            os.environ[next(x.env for x in SETTINGS if x.name == "techniques_model")] = techniques_model
    except NewsprismError as exc:
        click.echo(exc.one_line(), err=True)
        click.echo(f"hint: {exc.hint}", err=True)
        sys.exit(EXIT_FATAL)
    ctx.obj = Context(settings, debug, quiet)


def _ingest_options(fn):
    fn = click.option("--reader", default=None, help="Force a reader (text, html, jsonl, csv, feed, warc).")(fn)
    fn = click.option("--languages", default=None, metavar="CODES", help=_setting_help("languages"))(fn)
    fn = click.option("--max-bytes", type=int, default=None, help=_setting_help("max_bytes"))(fn)
    fn = click.option("--allow-private-addresses", is_flag=True, default=None,
                      help=_setting_help("allow_private_addresses"))(fn)
    fn = click.option("--fetch-timeout", type=float, default=None, help=_setting_help("fetch_timeout"))(fn)
    return fn


def _apply(obj: Context, **kw) -> Settings:
    if kw.get("languages"):
        from .config import _parse_languages
        kw["languages"] = _parse_languages(kw["languages"])
    obj.settings = obj.settings.with_overrides(**kw)
    return obj.settings


def _ingest(obj: Context, inputs: tuple[str, ...], reader: str | None):
    from .ingest.sources import expand
    from .pipeline import ingest
    items = list(expand(list(inputs)))
    with obj.store(create=True) as store, obj.progress(len(items), "ingest") as advance:
        rep = ingest(store, items, obj.settings, reader=reader, progress=advance)
    if not obj.quiet:
        click.echo(f"ingested {rep.inputs} input(s), {rep.records} record(s): {rep.added} added "
                   f"({rep.duplicates} duplicates linked), {rep.unchanged} unchanged, "
                   f"{len(rep.failures)} failed in {rep.seconds:.2f}s", err=True)
        for f in rep.failures[:20]:
            click.echo(safe(f"  failed [{f.code}] {f.stage}: {f.locator}: {f.message}"), err=True)
        if len(rep.failures) > 20:
            click.echo(f"  ... and {len(rep.failures) - 20} more (newsprism status --failures)", err=True)
    return rep


def _analyze(obj: Context, stages: tuple[str, ...], force: bool, corpus: bool = True):
    """Document stages, then (unless only some stages were asked for) corpus stages."""
    from . import plugins
    from .pipeline import analyze, build_corpus
    doc_known, corpus_known = plugins.stages(), plugins.corpus_stages()
    unknown = [n for n in stages if n not in doc_known and n not in corpus_known]
    if unknown:
        raise click.UsageError(f"unknown stage {unknown[0]!r}; document stages: {', '.join(sorted(doc_known))}; "
                               f"corpus stages: {', '.join(sorted(corpus_known))}")
    wanted_corpus = [n for n in stages if n in corpus_known]
    wanted_docs = [n for n in stages if n in doc_known]
    wanted_docs += [r for n in wanted_corpus for r in corpus_known[n].requires if r not in wanted_docs]
    with obj.store() as store:
        with obj.progress(store.count_documents(), "document stages") as advance:
            rep = analyze(store, obj.settings, stages=wanted_docs or None, force=force, progress=advance)
        crep = None
        if corpus and (not stages or wanted_corpus):
            with obj.progress(None, "corpus stages") as advance:
                crep = build_corpus(store, obj.settings, stages=wanted_corpus or None, force=force,
                                    progress=advance)
    if not obj.quiet:
        click.echo(f"analyzed {rep.documents} document(s): {rep.stage_runs} stage run(s) computed, "
                   f"{rep.cached} cached, {rep.failed} failed in {rep.seconds:.2f}s", err=True)
        if crep is not None and (crep.ran or crep.skipped or crep.failed):
            click.echo(f"corpus stages: {len(crep.ran)} ran, {len(crep.skipped)} unchanged, "
                       f"{len(crep.failed)} failed in {crep.seconds:.2f}s", err=True)
    if crep is not None:
        rep.failed += len(crep.failed)
    return rep


@cli.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL...")
@_ingest_options
@click.pass_obj
def ingest_cmd(obj: Context, inputs, reader, **kw) -> None:
    """Read files, folders and URLs into the store (idempotent; bad inputs are recorded).

    Formats: plain text, HTML, JSON Lines, CSV, RSS/Atom, WARC (see docs/ingest.md).
    """
    _apply(obj, **kw)
    rep = _ingest(obj, inputs, reader)
    sys.exit(EXIT_PARTIAL if rep.failures else EXIT_OK)


@cli.command("analyze")
@click.option("--stage", "stages", multiple=True,
              help="Run only this document or corpus stage (and what it needs); repeatable.")
@click.option("--force", is_flag=True, help="Ignore cached results and recompute.")
@click.option("--workers", type=int, default=None, help=_setting_help("workers"))
@click.option("--scheduler", default=None, metavar="local|dask|tcp://HOST:PORT", help=_setting_help("scheduler"))
@click.pass_obj
def analyze_cmd(obj: Context, stages, force, workers, scheduler) -> None:
    """Run document stages, then corpus stages; unchanged results come from the cache."""
    _apply(obj, workers=workers, scheduler=scheduler)
    rep = _analyze(obj, stages, force)
    sys.exit(EXIT_PARTIAL if rep.failed else EXIT_OK)


@cli.command("run")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("-o", "--output", default="report.html", show_default=True, help="Where to write the report.")
@click.option("--workers", type=int, default=None, help=_setting_help("workers"))
@click.option("--scheduler", default=None, metavar="local|dask|tcp://HOST:PORT", help=_setting_help("scheduler"))
@_ingest_options
@click.pass_obj
def run_cmd(obj: Context, inputs, output, workers, scheduler, reader, **kw) -> None:
    """Ingest, analyze and write the report in one go (the main job)."""
    _apply(obj, workers=workers, scheduler=scheduler, **kw)
    irep = _ingest(obj, inputs, reader)
    arep = _analyze(obj, (), False)
    path = _report(obj, output)
    click.echo(str(path))
    sys.exit(EXIT_PARTIAL if (irep.failures or arep.failed) else EXIT_OK)


def _report(obj: Context, output: str, story: str | None = None) -> Path:
    from .report import write_report
    with obj.store() as store:
        path = write_report(store, Path(output), story=story)
    if not obj.quiet:
        click.echo(f"report written: {path}", err=True)
    return path


@cli.command("report")
@click.option("-o", "--output", default="report.html", show_default=True, help="Where to write the report.")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.pass_obj
def report_cmd(obj: Context, output, story) -> None:
    """Write one self-contained HTML report of the store (safe to mail)."""
    click.echo(str(_report(obj, output, story)))


@cli.command("export")
@click.option("--format", "fmt", default="jsonl", show_default=True, metavar="FORMAT",
              help="Output format: jsonl, csv, csv-excel, parquet or one a plugin registers (schema: "
                   "docs/export-schema.md); csv-excel guards cells against formula injection.")
@click.option("-o", "--output", required=True, help="Output file (jsonl) or folder (csv, parquet).")
@click.option("--story", default=None, metavar="NAME", help="Only the documents of this story (`newsprism story list`).")
@click.pass_obj
def export_cmd(obj: Context, fmt, output, story) -> None:
    """Export documents with metadata and every span layer."""
    from . import plugins
    from .export import export
    known = plugins.exporters()
    if fmt not in known:
        raise click.BadParameter(f"{fmt!r} is not a registered export format; registered: "
                                 f"{', '.join(sorted(known))}", param_hint="'--format'")
    with obj.store() as store:
        summary = export(store, fmt, output, story)
    click.echo(json.dumps(summary, ensure_ascii=False))


@cli.command("status")
@click.option("--failures", "show_failures", is_flag=True, help="List every recorded failure.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def status_cmd(obj: Context, show_failures, as_json) -> None:
    """What the store holds: documents by outlet/language/month, stage runs, failures."""
    with obj.store() as store:
        stats = store.stats()
        fails = store.failures() if (show_failures or as_json) else store.failures(limit=10)
    if as_json:
        stats["failure_list"] = [f.__dict__ for f in fails]
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    click.echo(f"store: {obj.settings.db}")
    click.echo(f"documents: {stats['documents']} ({stats['duplicates']} duplicates linked)  "
               f"inputs: {stats['inputs']}  spans: {stats['spans']}  failures: {stats['failures']}")
    for key, title in (("by_outlet", "outlets"), ("by_language", "languages"), ("by_month", "months"),
                       ("by_layer", "span layers")):
        if stats[key]:
            click.echo(safe(f"{title}: " + ", ".join(f"{k} {v}" for k, v in stats[key])))
    for r in stats["stage_runs"]:
        click.echo(f"stage {r['stage']} v{r['version']}: {r['status']} {r['documents']} docs, {r['ms']} ms")
    for r in stats.get("corpus_runs", []):
        click.echo(f"corpus stage {r['stage']} v{r['version']}: {r['status']} at {r['ran_at']}, {r['ms']} ms")
    if fails:
        click.echo("failures:" if show_failures else "recent failures (all: --failures):")
        for f in fails:
            where = f.locator + (f" [doc {f.doc_id}]" if f.doc_id else "")
            click.echo(safe(f"  [{f.code}] {f.stage}: {where}: {f.message}"))


@cli.command("search")
@click.argument("query")
@click.option("-n", "--limit", default=20, show_default=True, help="Most results to show.")
@click.option("--offset", default=0, show_default=True, help="Skip this many results (paging).")
@click.option("--story", default=None, metavar="NAME", help="Search only the documents of this story.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output with the total.")
@click.pass_obj
def search_cmd(obj: Context, query, limit, offset, story, as_json) -> None:
    """Full-text search: words (any form), "phrases", OR, NOT, prefix*, NEAR(a b, 5),
    outlet:, lang:, date:2024-01..2024-03, after:, before: (docs/search.md)."""
    from .search.engine import run
    with obj.store() as store:
        res = run(store.conn, query, limit=max(1, min(limit, 1000)), offset=max(0, offset), story=story)
    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False, indent=2))
        return
    for h in res["items"]:
        click.echo(safe(f"{h['id']}  {h['published'] or '----------'}  {h['outlet'] or '?'}  "
                        f"{(h['title'] or '')[:70]}") + "\n    " + safe(h["snippet"]))
    total = f"{res['total']:,}{'+' if res['total_capped'] else ''}"
    click.echo(f"{total} matching documents" if res["total"] else "no matches", err=True)


@cli.command("stages")
@click.pass_obj
def stages_cmd(obj: Context) -> None:
    """List registered document and corpus stages with their versions and layers."""
    from . import plugins
    from .analyze.stage import order_stages
    from .corpus.runner import order_corpus_stages
    for st in order_stages(plugins.stages()):
        req = f" (requires {', '.join(st.requires)})" if st.requires else ""
        click.echo(f"{st.name} v{st.version}: layers {', '.join(st.layers)}{req} - {st.description}")
    for cs in order_corpus_stages(plugins.corpus_stages(), None):
        req = f" (reads {', '.join(cs.requires)})" if cs.requires else ""
        click.echo(f"corpus {cs.name} v{cs.version}{req} - {cs.description}")


@cli.command("settings")
@click.pass_obj
def settings_cmd(obj: Context) -> None:
    """Every setting with its environment variable, default and current value."""
    for s in SETTINGS:
        cur = getattr(obj.settings, s.name)
        cur = ",".join(cur) if isinstance(cur, tuple) else ("(set)" if cur else "(not set)") if s.secret else cur
        click.echo(f"{s.name}  env {s.env}  = {cur}\n    {s.help}")


@cli.group("train")
def train_group() -> None:
    """Train newsprism's own models (reproducible: fixed seeds, train splits only)."""


@cli.group("eval")
def eval_group() -> None:
    """Score newsprism against gold data with documented metrics."""


def _attach_feature_commands() -> None:
    """Each feature registers its commands (``plugins.register_cli_command``); they are attached here."""
    from . import plugins
    groups = {"train": train_group, "eval": eval_group}
    for cmd, group in plugins.cli_commands():
        (groups[group] if group else cli).add_command(cmd)


_attach_feature_commands()


def main() -> None:
    cli(prog_name="newsprism")


if __name__ == "__main__":  # pragma: no cover
    main()
