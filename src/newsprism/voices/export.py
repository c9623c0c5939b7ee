"""The voices feature's export table: actors with aliases and counts."""

from __future__ import annotations

import pyarrow as pa

from .. import plugins
from ..export.records import Column, dumps, json_column as _j
from ..store import Store

from .query import list_actors

ACTOR_COLUMNS: tuple[Column, ...] = (
    Column("actor_id", pa.string(), "canonical actor id (e.g. `kim-jong-un`)"),
    Column("name", pa.string(), "canonical name"),
    Column("type", pa.string(), "person, media, agency, military, place, org, ..."),
    Column("country", pa.string(), "ISO country code"),
    Column("affiliation", pa.string(), "organisation the actor belongs to"),
    Column("state_affiliated", pa.bool_(), "state-affiliated (media, agencies), empty when unknown"),
    Column("source", pa.string(), "`registry` or observed in the corpus"),
    Column("registry_version", pa.string(), "version of the actor registry"),
    Column("mentions", pa.int64(), "mentions in the corpus"),
    Column("attributions", pa.int64(), "statements attributed to the actor"),
    Column("documents", pa.int64(), "documents mentioning the actor"),
    _j("aliases", "JSON list of `{alias, source, n}`: spellings in any script and how often each was seen"),
)


def _ran(store: Store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def actor_rows(store: Store) -> list[dict]:
    if not _ran(store, "actors"):
        return []
    return [{"actor_id": a["id"], "name": a["name"], "type": a.get("type"), "country": a.get("country"),
             "affiliation": a.get("affiliation"), "state_affiliated": a.get("state_affiliated"),
             "source": a.get("source"), "registry_version": a.get("registry_version"),
             "mentions": a.get("mentions"), "attributions": a.get("attributions"), "documents": a.get("documents"),
             "aliases": dumps(a.get("aliases") or [])} for a in list_actors(store, story=getattr(store, "story", None))]


TABLES = plugins.CorpusTables({"actors": ACTOR_COLUMNS}, lambda store: {"actors": actor_rows(store)}, stage="actors")
