"""The shared per-document context (analyze/context.py), batched document runs and the actor clustering
that replaced the all-pairs loop: same results, less work."""

from __future__ import annotations

import os
import random
from collections import Counter

from newsprism.analyze import context
from newsprism.config import Settings, load_settings
from newsprism.engine.local import batches, process_batch, process_document
from newsprism.model import Document, MetaField
from newsprism.voices import actors
from newsprism.voices.names import compact_key


def _doc(i: int, text: str, language: str = "en") -> Document:
    return Document(f"d{i}", f"t{i}", "test", "0" * 64, text, {"language": MetaField(language, "test")})


def test_provider_computes_once_per_batch_for_the_documents_it_wants_and_releases():
    calls, released = [], []
    context.register_context("test:ctx", lambda docs: calls.append([d.id for d in docs]),
                             wants=lambda d: d.language == "en", release=lambda docs: released.append(len(docs)))
    docs = [_doc(1, "One."), _doc(2, "Два.", "ru"), _doc(3, "Three.")]
    done = context.prefetch(["test:ctx", "test:ctx", "test:unknown"], docs)
    context.release(done)
    assert calls == [["d1", "d3"]] and released == [2]


def test_a_failing_provider_leaves_the_work_to_the_stages():
    def boom(docs):
        raise RuntimeError("no model")
    context.register_context("test:boom", boom)
    assert [p.name for p, _ in context.prefetch(["test:boom"], [_doc(1, "x")])] == ["test:boom"]


def test_a_batch_gives_what_one_document_at_a_time_gives():
    texts = ["Foreign Minister Choe Son Hui said on Monday that Pyongyang would respond.",
             "The ministry told reporters in Seoul that 300 soldiers had been wounded.\nOfficials denied it.",
             "Kim Jong Un inspected a factory in Nampho, KCNA reported."]
    stages = ["sentences", "entities", "attributions"]
    docs = [_doc(i, t) for i, t in enumerate(texts)]
    one = [process_document(d, stages, {}) for d in docs]
    from newsprism.voices import models
    models._parsed.clear()
    many = process_batch([(d, stages, {}) for d in docs])
    assert [[(o.stage, o.status, o.spans) for o in outs] for outs in many] == \
           [[(o.stage, o.status, o.spans) for o in outs] for outs in one]
    assert not models._batch            # released after the batch


def test_batches_give_every_worker_several_and_keep_order():
    jobs = list(range(100))
    parts = batches(jobs, 2)
    assert sum(parts, []) == jobs and max(map(len, parts)) <= 16 and len(parts) >= 8
    assert batches([1, 2, 3], 4) == [[1], [2], [3]] and batches([], 2) == []


def test_workers_default_to_every_core_and_can_be_told_otherwise():
    assert Settings().workers == (os.cpu_count() or 1)
    assert load_settings(environ={"NEWSPRISM_WORKERS": "1"}).workers == 1


def _pairwise(mentions, reg) -> dict[str, str]:
    """The clustering as it was: every pair of names compared (the reference)."""
    names, kinds = {}, {}
    for _d, layer, _s, _e, _l, a, surface in mentions:
        if a["actor"].startswith("auto:") and layer == "entity":
            names.setdefault(a["actor"], Counter())[a.get("actor_name") or surface] += 1
            kinds[a["actor"]] = a.get("kind", "org")
    ids = sorted(names, key=lambda i: (-sum(names[i].values()), i))
    parent = {i: i for i in ids}

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i
    for x_i, x in enumerate(ids):
        for y in ids[x_i + 1:]:
            if kinds[x] == kinds[y] and actors._same(names[x].most_common(1)[0][0], names[y].most_common(1)[0][0],
                                                     kinds[x]):
                parent[find(y)] = find(x)
    out = {}
    for i in ids:
        root = find(i)
        m = reg.lookup(names[root].most_common(1)[0][0], fuzzy=kinds[root] in ("person", "org"))
        out[i] = m.actor.id if m else root
    return out


def test_key_buckets_join_the_same_clusters_as_every_pair():
    rng = random.Random(7)
    base = ["Acme Works", "ACME-works", "acme works’", "Zeta Group", "Zeta  group", "Lim Eul Chul", "Lim Eum Chul",
            "Kim Jong Un", "Kim Jong Sun", "Orion Shipyard", "the Orion Shipyard", "Park Ji Won", "Park Jiwon"]
    mentions = []
    for n in range(120):
        name = rng.choice(base)
        kind = rng.choice(["person", "org"]) if rng.random() < 0.3 else (
            "person" if name.split()[0] in ("Lim", "Kim", "Park") else "org")
        aid = f"auto:{kind}:{compact_key(name)}:{rng.randrange(3)}"
        mentions.append((f"d{n}", "entity", 0, 1, "X", {"actor": aid, "kind": kind, "actor_name": name}, name))
    reg = actors.default_registry()
    got = actors.cluster_auto(mentions, reg)
    assert got == _pairwise(mentions, reg)
    assert len(set(got.values())) < len(got)        # some clusters were joined
