"""``newsprism story add|list|show|rm``: named scopes that every view can be limited to."""

from __future__ import annotations

import json
import re

import click



_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """Text from the store made safe for a terminal, as cli.safe (which this package may not import:
    the store imports search, and the CLI imports the store's users)."""
    return _CONTROL.sub("\ufffd", str(text))


@click.group("story")
def story_group() -> None:
    """Stories: a saved query and/or a list of documents; views take --story NAME."""


@story_group.command("add")
@click.argument("name")
@click.option("--query", "query", default=None, help='A search query: words, "phrases", OR, NOT, prefix*, '
              "NEAR(a b, 5), outlet:, lang:, date:FROM..TO.")
@click.option("--doc", "docs", multiple=True, metavar="ID", help="A document in the story (repeatable).")
@click.option("--description", default=None, help="What the story is about.")
@click.pass_obj
def story_add(obj, name, query, docs, description) -> None:
    """Create or replace a story."""
    from ..store.stories import document_ids, save
    with obj.store() as store, store.writer_lock("story add"), store.transaction():
        s = save(store.conn, name, query, list(docs), description)
        n = len(document_ids(store.conn, s.name))
    click.echo(safe(f"story {s.name}: {n} documents"))


@story_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def story_list(obj, as_json) -> None:
    """Every story with its query and its number of documents."""
    from ..store.stories import all_stories, document_ids
    with obj.store() as store:
        rows = [s.to_dict() | {"documents": len(document_ids(store.conn, s.name))} for s in all_stories(store.conn)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(safe(f"{r['name']}  {r['documents']} documents  query: {r['query'] or '-'}"
                        f"  listed: {len(r['doc_ids'])}"))
    if not rows:
        click.echo("no stories", err=True)


@story_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def story_show(obj, name, as_json) -> None:
    """A story's definition, its documents and its volume by outlet and month."""
    from ..store.stories import get, story_volume
    with obj.store() as store:
        s = get(store.conn, name)
        vol = story_volume(store.conn, name)
    if as_json:
        click.echo(json.dumps(s.to_dict() | {"volume": vol}, ensure_ascii=False, indent=2))
        return
    click.echo(safe(f"story {s.name}: {vol['documents']} documents"))
    click.echo(safe(f"query: {s.query or '-'}; listed documents: {len(s.doc_ids)}"))
    if s.description:
        click.echo(safe(f"about: {s.description}"))
    for outlet, counts in vol["series"].items():
        click.echo(safe(f"  {outlet}: " + ", ".join(f"{m} {n}" for m, n in zip(vol["months"], counts) if n)))


@story_group.command("rm")
@click.argument("name")
@click.pass_obj
def story_rm(obj, name) -> None:
    """Remove a story (its documents stay in the store)."""
    from ..store.stories import remove
    with obj.store() as store, store.writer_lock("story rm"), store.transaction():
        remove(store.conn, name)
    click.echo(safe(f"story {name} removed"))
