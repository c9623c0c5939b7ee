"""Corpus stage ``actors``: one canonical actor per person or organisation across documents.

Registry actors keep their ids. Names the registry does not know arrive from
the entity stage as ``auto:<slug>`` per document; here they are clustered
across documents: two clusters merge when their names are spellings of one
name (``voices.registry.same_person`` for people: "Lim Eum Chul" ~ "Lim Eul
Chul", never "Kim Jong Il" ~ "Kim Jong Un"; equal compact keys for
organisations), and a cluster whose name the (possibly extended) registry now
knows joins that actor. Writes ``actors``, ``actor_aliases`` and
``actor_mentions`` (every entity and attribution span mapped to its canonical
actor). The tables are rebuilt on each run from each document's mentions, kept
in ``actor_doc_mentions`` (only changed documents' spans are read again), and
person names are compared pairwise only when new (``actor_person_*``): a run
costs in proportion to the new documents' names, not the store's pairs.
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
    return build_actor_tables(store, default_registry(), None if ctx.full else ctx.changed_docs)


_SPANS = ('SELECT doc_id, layer, start, "end", label, attrs FROM spans WHERE layer IN (\'entity\', \'attribution\')')


def _doc_mentions(store: Store, doc_ids: list[str] | None) -> dict[str, list]:
    """doc_id -> its mentions (layer, start, end, label, attrs, surface) read from the spans,
    for ``doc_ids`` (None: every document), in (start, span id) order."""
    out: dict[str, list] = {}
    c = store.conn
    if doc_ids is None:
        rows = c.execute(_SPANS + ' ORDER BY doc_id, start, id').fetchall()
        texts = {r[0]: r[1] for r in c.execute("SELECT id, text FROM documents")}
        out = {d: [] for d in texts}
    else:
        rows, texts = [], {}
        for k in range(0, len(doc_ids), 500):
            part = doc_ids[k:k + 500]
            q = ",".join("?" * len(part))
            rows += c.execute(_SPANS + f" AND doc_id IN ({q}) ORDER BY doc_id, start, id", part).fetchall()
            texts.update((r[0], r[1]) for r in c.execute(f"SELECT id, text FROM documents WHERE id IN ({q})", part))
        out = {d: [] for d in doc_ids if d in texts}
    for doc_id, layer, start, end, label, attrs in rows:
        a = json.loads(attrs)
        if not a.get("actor") or doc_id not in out:
            continue
        keep = {k: a[k] for k in ("actor", "actor_name", "kind", "match") if k in a}
        surface = texts.get(doc_id, "")[start:end] if layer == "entity" else (a.get("speaker_text") or "")
        out[doc_id].append((layer, start, end, label, keep, surface))
    return out


def _mentions(store: Store, changed: list[str] | None) -> list[tuple]:
    """Every mention of the store in (doc_id, start, span id) order. Documents' mentions come from
    ``actor_doc_mentions``; those of ``changed`` documents (None: all) and of documents not kept
    there yet are read from the spans and kept."""
    c = store.conn
    if changed is None:
        c.execute("DELETE FROM actor_doc_mentions")
        cached: dict[str, list] = {}
    else:
        skip = set(changed)
        cached = {d: json.loads(m) for d, m in c.execute("SELECT doc_id, mentions FROM actor_doc_mentions")
                  if d not in skip}
        changed = [d for (d,) in c.execute("SELECT id FROM documents") if d not in cached]
    fresh = _doc_mentions(store, changed)
    c.executemany("INSERT OR REPLACE INTO actor_doc_mentions(doc_id, mentions) VALUES (?, ?)",
                  [(d, json.dumps(ms, ensure_ascii=False)) for d, ms in fresh.items()])
    allm = {**cached, **fresh}
    return [(doc_id, *m) for doc_id in sorted(allm) for m in allm[doc_id]]


def build_actor_tables(store: Store, reg: Registry, changed: list[str] | None = None) -> dict:
    """Rebuild the actor tables. ``changed``: the documents whose spans changed since the last run
    (None: all, a full rebuild); the others' mentions and the person names already compared are
    reused, so the tables equal a full rebuild's."""
    mentions = _mentions(store, changed)
    canon = cluster_auto(mentions, reg, store, full=changed is None)
    _write(store, reg, mentions, canon)
    autos = {c for c in canon.values() if c.startswith("auto:")}
    return {"mentions": len(mentions), "registry_actors": len({canon.get(m[5]["actor"], m[5]["actor"])
                                                              for m in mentions} - autos),
            "auto_actors": len(autos), "merged_auto": sum(1 for k, v in canon.items() if k != v),
            "registry_version": reg.version}


def _person_matches(store: Store | None, tops: set[str], full: bool) -> dict[str, set[str]]:
    """name -> the names among ``tops`` it is a spelling of (``_same(name, other, "person")``, self
    included). With a store, names compared on an earlier run are not compared again: only new
    names, against every name compared so far (so every pair is compared once in the store's life)."""
    if store is None:
        known: set[str] = set()
        pairs: set[tuple[str, str]] = set()
    else:
        c = store.conn
        if full:
            c.execute("DELETE FROM actor_person_names")
            c.execute("DELETE FROM actor_person_matches")
        known = {r[0] for r in c.execute("SELECT name FROM actor_person_names")}
        pairs = set()
    new = sorted(tops - known)
    pool = sorted(known)
    found: list[tuple[str, str]] = []
    for n in new:
        pool.append(n)
        for k in pool:
            if _same(n, k, "person"):
                found.append((n, k))
            if k != n and _same(k, n, "person"):
                found.append((k, n))
    if store is not None:
        c.executemany("INSERT INTO actor_person_names(name) VALUES (?)", [(n,) for n in new])
        c.executemany("INSERT OR IGNORE INTO actor_person_matches(a, b) VALUES (?, ?)", found)
        pairs = {(a, b) for a, b in c.execute("SELECT a, b FROM actor_person_matches")}
    else:
        pairs = set(found)
    out: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        if a in tops and b in tops:
            out[a].add(b)
    return out


def cluster_auto(mentions, reg: Registry, store: Store | None = None, *, full: bool = True) -> dict[str, str]:
    """auto id -> canonical id (a registry id, or the auto id of the cluster's most frequent name).
    ``store``: reuse (and extend) its compared person names (see ``_person_matches``)."""
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
    # people: every pair x before y whose names match joins, in the order of a loop over all pairs
    # (the union order decides each cluster's root); the matching names come from _person_matches
    people = [i for i in ids if kinds[i] == "person"]
    pos = {x: k for k, x in enumerate(people)}
    by_name: dict[str, list[str]] = defaultdict(list)
    for x in people:
        by_name[top[x]].append(x)
    matches = _person_matches(store, set(by_name), full)
    for x in people:
        later = [y for m in matches.get(top[x], ()) for y in by_name[m] if pos[y] > pos[x]]
        for y in sorted(later, key=pos.__getitem__):
            parent[find(y)] = find(x)
    # other kinds match on an equal key, so one pass over key buckets joins the same clusters,
    # each under its first id, as the pairwise loop did
    first: dict[tuple[str, str], str] = {}
    for i in ids:
        if kinds[i] != "person":
            root = first.setdefault((kinds[i], compact_key(top[i])), i)
            if root != i:
                parent[find(i)] = find(root)
    out = {}
    looked: dict[str, str] = {}
    lookup = _Lookups(reg, store, full)
    for i in ids:
        root = find(i)
        if root not in looked:
            looked[root] = lookup(names[root].most_common(1)[0][0], kinds[root] in ("person", "org"))
        out[i] = looked[root] or root
    lookup.save()
    return out


class _Lookups:
    """``reg.lookup(name, fuzzy=)``'s actor id ("" for none), remembered in ``actor_lookups`` per
    registry version when there is a store (a run looks up only names not looked up before)."""

    def __init__(self, reg: Registry, store: Store | None, full: bool):
        self.reg, self.store, self.new = reg, store, []
        self.known: dict[tuple[str, int], str] = {}
        if store is not None:
            c = store.conn
            if full:
                c.execute("DELETE FROM actor_lookups")
            c.execute("DELETE FROM actor_lookups WHERE registry != ?", (reg.version,))
            self.known = {(n, f): a for n, f, a in c.execute(
                "SELECT name, fuzzy, actor_id FROM actor_lookups WHERE registry = ?", (reg.version,))}

    def __call__(self, name: str, fuzzy: bool) -> str:
        key = (name, int(fuzzy))
        if key not in self.known:
            m = self.reg.lookup(name, fuzzy=fuzzy)
            self.known[key] = m.actor.id if m else ""
            self.new.append((self.reg.version, name, int(fuzzy), self.known[key]))
        return self.known[key]

    def save(self) -> None:
        if self.store is not None and self.new:
            self.store.conn.executemany("INSERT OR REPLACE INTO actor_lookups VALUES (?, ?, ?, ?)", self.new)


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
