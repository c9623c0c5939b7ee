"""Relay chains: the indexed search picks the same relaying attribution as the pairwise definition."""

from __future__ import annotations

import random
import time

from newsprism.voices.attributions import _relays


def _pairwise(out: list[dict]) -> list[list]:
    """The definition, written the slow way: shortest content holding the cue, first on a tie."""
    for r in out:
        r["via"] = []
    for _ in range(3):
        for inner in out:
            outer = [o for o in out if o is not inner and o["content"][0] <= inner["cue"][0]
                     and inner["cue"][1] <= o["content"][1] and o.get("actor")]
            if outer:
                o = min(outer, key=lambda o: o["content"][1] - o["content"][0])
                if o["actor"] != inner.get("actor"):
                    inner["via"] = o["via"] + [o["actor"]]
    return [r["via"] for r in out]


def _random_attributions(rng: random.Random, n: int, size: int) -> list[dict]:
    out = []
    for _ in range(n):
        cue = rng.randrange(size)
        cs = rng.randrange(size)
        out.append({"cue": (cue, cue + rng.randint(1, 6)), "content": (cs, cs + rng.randint(1, size // 3)),
                    "actor": rng.choice([None, "a", "b", "c", "d"])})
    return out


def test_same_relays_as_the_pairwise_definition():
    rng = random.Random(7)
    for trial in range(300):
        atts = _random_attributions(rng, rng.randint(0, 25), rng.choice([30, 200, 2000]))
        expected = _pairwise([dict(a) for a in atts])
        got = [dict(a) for a in atts]
        _relays(got)
        assert [r["via"] for r in got] == expected, trial


def test_chain_and_same_speaker():
    kcna = {"cue": (0, 8), "content": (9, 80), "actor": "kcna"}
    kim = {"cue": (20, 24), "content": (25, 70), "actor": "kim"}
    aide = {"cue": (40, 44), "content": (45, 60), "actor": "aide"}
    again = {"cue": (50, 52), "content": (53, 58), "actor": "aide"}      # the same speaker: no self-relay
    out = [kcna, kim, aide, again]
    _relays(out)
    assert kim["via"] == ["kcna"] and aide["via"] == ["kcna", "kim"] and again["via"] == []


def test_many_attributions_stay_fast():
    """A thousand local attributions over a 100 KB document: well under a second (was ~5 s)."""
    out = [{"cue": (i * 100, i * 100 + 4), "content": (i * 100 + 5, i * 100 + 95), "actor": f"x{i % 7}"}
           for i in range(1000)]
    t = time.perf_counter()
    _relays(out)
    assert time.perf_counter() - t < 1.0
