"""Corpus stage ``actors``: one canonical actor per person or organisation across documents.

Registry actors keep their ids. Names the registry does not know arrive from
the entity stage as ``auto:<slug>`` per document; here they are clustered
across documents: two clusters merge when their names are spellings of one
name (``voices.registry.same_person`` for people: "Lim Eum Chul" ~ "Lim Eul
Chul", never "Kim Jong Il" ~ "Kim Jong Un"; equal compact keys for
organisations), and a cluster whose name the (possibly extended) registry now
knows joins that actor. Writes ``actors``, ``actor_aliases`` and
``actor_mentions`` (every entity and attribution span mapped to its canonical
actor). The tables are rebuilt on each run: cheap next to the document stages.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from ..config import Settings
from ..store import Store
from .names import compact_key, person_words
from .registry import Registry, default_registry, same_person
from ..corpus.stage import CorpusContext, corpus_stage

VERSION = "2"       # 2: Korean names meet across spellings and scripts


@corpus_stage("actors", version=VERSION, requires=("entities", "attributions"))
def actors(store: Store, settings: Settings, ctx: CorpusContext) -> dict:
    """Resolve actors across documents and write the actor tables."""
    return build_actor_tables(store, default_registry())


def build_actor_tables(store: Store, reg: Registry) -> dict:
    rows = store.conn.execute(
        'SELECT doc_id, layer, start, "end", label, attrs FROM spans WHERE layer IN (\'entity\', \'attribution\')'
        " ORDER BY doc_id, start").fetchall()
    texts = {r[0]: r[1] for r in store.conn.execute("SELECT id, text FROM documents")}
    mentions = []
    for doc_id, layer, start, end, label, attrs in rows:
        a = json.loads(attrs)
        if not a.get("actor"):
            continue
        surface = texts.get(doc_id, "")[start:end] if layer == "entity" else (a.get("speaker_text") or "")
        mentions.append((doc_id, layer, start, end, label, a, surface))
    canon = cluster_auto(mentions, reg)
    _write(store, reg, mentions, canon)
    autos = {c for c in canon.values() if c.startswith("auto:")}
    return {"mentions": len(mentions), "registry_actors": len({canon.get(m[5]["actor"], m[5]["actor"])
                                                              for m in mentions} - autos),
            "auto_actors": len(autos), "merged_auto": sum(1 for k, v in canon.items() if k != v),
            "registry_version": reg.version}


def cluster_auto(mentions, reg: Registry) -> dict[str, str]:
    """auto id -> canonical id (a registry id, or the auto id of the cluster's most frequent name)."""
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    for _d, layer, _s, _e, _l, a, surface in mentions:
        aid = a["actor"]
        if aid.startswith("auto:") and layer == "entity":
            names[aid][a.get("actor_name") or surface] += 1
            kinds[aid] = a.get("kind", "org")
    ids = sorted(names, key=lambda i: (-sum(names[i].values()), i))
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    top = {i: names[i].most_common(1)[0][0] for i in ids}
    # people: every pair (the match is fuzzy); other kinds match on an equal key, so one pass over
    # key buckets joins the same clusters, each under its first id, as the pairwise loop did
    people = [i for i in ids if kinds[i] == "person"]
    for x_i, x in enumerate(people):
        for y in people[x_i + 1:]:
            if _same(top[x], top[y], "person"):
                parent[find(y)] = find(x)
    first: dict[tuple[str, str], str] = {}
    for i in ids:
        if kinds[i] != "person":
            root = first.setdefault((kinds[i], compact_key(top[i])), i)
            if root != i:
                parent[find(i)] = find(root)
    out = {}
    for i in ids:
        root = find(i)
        m = reg.lookup(names[root].most_common(1)[0][0], fuzzy=kinds[root] in ("person", "org"))
        out[i] = m.actor.id if m else root
    return out


def _same(a: str, b: str, kind: str) -> bool:
    if kind == "person":
        if person_words(a) < 2 or person_words(b) < 2:
            return False          # a lone surname never joins people across documents ("이성권" is two parts)
        return same_person(a, b)
    return compact_key(a) == compact_key(b)


def _write(store: Store, reg: Registry, mentions, canon: dict[str, str]) -> None:
    c = store.conn
    for t in ("actor_mentions", "actor_aliases", "actors"):
        c.execute(f"DELETE FROM {t}")
    stats: dict[str, dict] = defaultdict(lambda: {"mentions": 0, "docs": set(), "attributions": 0,
                                                  "aliases": Counter(), "name": None, "kind": None})
    rows = []
    for doc_id, layer, start, end, _label, a, surface in mentions:
        cid = canon.get(a["actor"], a["actor"])
        st = stats[cid]
        st["docs"].add(doc_id)
        if layer == "entity":
            st["mentions"] += 1
            if a.get("match") and not a["match"].startswith("coref") and surface:
                st["aliases"][" ".join(surface.split())] += 1
            st["name"] = st["name"] or a.get("actor_name")
            st["kind"] = st["kind"] or a.get("kind")
        else:
            st["attributions"] += 1
        rows.append((doc_id, layer, start, end, cid, a["actor"], a.get("match") if layer == "entity" else "speaker"))
    c.executemany('INSERT INTO actor_mentions(doc_id, layer, start, "end", actor_id, raw_actor, match)'
                  " VALUES (?,?,?,?,?,?,?)", rows)
    for actor in reg.actors.values():
        st = stats.get(actor.id)
        c.execute("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  (actor.id, actor.name, actor.type, actor.country, actor.affiliation,
                   None if actor.state_affiliated is None else int(actor.state_affiliated), "registry",
                   reg.version, st["mentions"] if st else 0, len(st["docs"]) if st else 0,
                   st["attributions"] if st else 0))
        for alias in dict.fromkeys([actor.name, *actor.aliases]):
            c.execute("INSERT OR IGNORE INTO actor_aliases VALUES (?,?,?,?)",
                      (actor.id, alias, "registry", st["aliases"].pop(alias, 0) if st else 0))
    for cid, st in stats.items():
        if cid in reg.actors:
            for alias, n in st["aliases"].items():
                c.execute("INSERT OR IGNORE INTO actor_aliases VALUES (?,?,?,?)", (cid, alias, "observed", n))
            continue
        name = st["aliases"].most_common(1)[0][0] if st["aliases"] else (st["name"] or cid[5:])
        c.execute("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  (cid, name, st["kind"] or "org", None, None, None, "auto", None, st["mentions"],
                   len(st["docs"]), st["attributions"]))
        for alias, n in st["aliases"].items():
            c.execute("INSERT OR IGNORE INTO actor_aliases VALUES (?,?,?,?)", (cid, alias, "observed", n))
