"""Score a JSONL export against a field gold file (``corpus/field/gold.json``), by language.

The measures are those of the project's field referee (``tools/field_score.py`` in the
shared folder), reimplemented here so the package works without it; a test checks that
both give the same totals on the same export. Per gold entry:

  values        a ``quantity`` or ``claim`` span whose min (and max, unless the gold max is
                open) equals the gold's; shares also match as percent (0.5 ~ 50).
  sources       the claim's source in ``claim_members`` (else the claim span's
                source_actor/source_text) names the gold source or an alias; a null gold
                source is right when no speaker is given or the speaker is the outlet.
  relays        for a quantity relayed inside the text: the claim's ``via`` names the relay.
  attributions  an ``attribution`` span whose speaker names the gold speaker (or an alias)
                and whose text contains the key; its kind is reported for information.
  boilerplate   each boilerplate line is absent from the clean text.
  dates         a ``time`` span containing the gold text whose value starts with the gold's.
  outlet, published, title   the document's metadata, scored where the text shows them.
  grouping      pairs of found quantities in different documents: equal claim keys should
                share a claim group (recall), different keys should not (precision).

Totals are kept per language group (``en``, ``ru``, ``uk``, ``ko``, ``other`` for the rest)
and for ``all``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

THRESHOLD = 0.9
GROUPS = ("en", "ru", "uk", "ko")  # the rest is "other"
SCORED = ("values", "sources", "relays", "attributions", "boilerplate", "dates", "outlet", "published", "title")
INFO = ("disputes (info)", "kind (info)", "content kept (info)", "not-claims (info)", "contradictions (info)")
CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")


def norm(s: str | None) -> str:
    """Lowercase words only: punctuation and quote styles do not matter."""
    s = unicodedata.normalize("NFKC", s or "").lower().replace("auto:", "")
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def loose(s: str | None) -> str:
    """Text for phrase containment: unified quotes, single spaces, lowercase."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.translate(str.maketrans("’‘`´“”«»", "''''\"\"\"\""))
    return " ".join(s.split())


def names_hit(names, candidates) -> bool:
    """A name equals a candidate or appears in it as whole words (CJK/Korean: anywhere inside)."""
    cands = [f" {norm(c)} " for c in candidates if c and norm(c)]
    return any(n and (f" {n} " in c or (CJK.search(n) and n in c)) for n in map(norm, names) for c in cands)


def same(a, b) -> bool:
    """Equal numbers; a fraction written to a few decimals (0.333) matches its exact value."""
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= (2e-3 if abs(b) < 1 else 1e-6 * abs(b))


def value_match(q: dict, s: dict) -> bool:
    a = s["attrs"]
    share = a.get("kind") in ("percent", "share", "fraction") or a.get("value_kind") == "share"
    for k in ((1, 100) if share else (1,)):
        if q["min"] is None:
            if any(same(v, q["max"] * k) for v in (a.get("max"), a.get("hi"), a.get("min"))):
                return True
            continue
        lo_ok = any(same(v, q["min"] * k) for v in (a.get("min"), a.get("lo")))
        hi_ok = q["max"] is None or any(same(v, q["max"] * k) for v in (a.get("max"), a.get("hi")))
        if lo_ok and hi_ok:
            return True
    return False


def lang_group(lang: str | None) -> str:
    return lang if lang in GROUPS else "other"


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_export(path: str | Path) -> tuple[dict, dict]:
    """Documents by locator file name (with and without extension) and the corpus tables."""
    path = str(path)
    docs = {}
    for d in _read_jsonl(Path(path)):
        base = os.path.basename((d.get("locator") or "").split("#")[0])
        docs[base] = docs[os.path.splitext(base)[0]] = d
    cpath = Path(path[:-6] + ".corpus.jsonl" if path.endswith(".jsonl") else path + ".corpus.jsonl")
    tables: dict[str, list] = {}
    for r in _read_jsonl(cpath) if cpath.exists() else []:
        tables.setdefault(r["table"], []).append(r)
    return docs, tables


def _overlaps(m: dict, s: dict) -> bool:
    return m["start"] <= s["start"] < m["end"] or s["start"] <= m["start"] < s["end"]


@dataclass
class FieldScore:
    """Totals per language group: ``totals[group][measure] = [hit, n]``; misses as text."""
    totals: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    grouping: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    other_languages: set[str] = field(default_factory=set)  # the languages counted under "other"
    grouping_errors: list[str] = field(default_factory=list)   # ``grouping_listing``, when asked for

    def add(self, group: str, key: str, ok: bool) -> None:
        for g in (group, "all"):
            t = self.totals.setdefault(g, {k: [0, 0] for k in SCORED + INFO})[key]
            t[0] += bool(ok)
            t[1] += 1

    def passed(self, group: str = "all", bar: float = THRESHOLD) -> bool:
        """Every scored total (empty ones skipped) >= bar; grouping P >= bar and R >= bar - 0.1."""
        ok = all(h / n >= bar for k, (h, n) in self.totals.get(group, {}).items() if n and k in SCORED)
        tp, fp, fn = self.grouping.get(group, (0, 0, 0))
        if tp + fp + fn:
            ok &= tp / max(1, tp + fp) >= bar and tp / max(1, tp + fn) >= bar - 0.1
        return ok

    def as_dict(self) -> dict:
        out = {}
        for g, tot in self.totals.items():
            row = {k: {"hit": h, "n": n, "score": round(h / n, 4)} for k, (h, n) in tot.items() if n}
            tp, fp, fn = self.grouping.get(g, (0, 0, 0))
            if tp + fp + fn:
                row["grouping"] = {"precision": round(tp / max(1, tp + fp), 4),
                                   "recall": round(tp / max(1, tp + fn), 4), "tp": tp, "fp": fp, "fn": fn}
            out[g] = row
        return {"groups": out, "other_languages": sorted(self.other_languages), "pass": self.passed(),
                "misses": self.misses, **({"grouping_errors": self.grouping_errors} if self.grouping_errors else {})}


class Scorer:
    """One export against one gold file; ``run`` fills a FieldScore."""

    def __init__(self, export: str | Path, aliases: dict[str, list[str]]):
        self.docs, tables = load_export(export)
        self.aliases = aliases
        self.actor_name = {a["actor_id"]: a["name"] for a in tables.get("actors", [])}
        self.members: dict[str, list] = {}
        for m in tables.get("claim_members", []):
            self.members.setdefault(m["doc_id"], []).append(m)
        self.groups = {g["group_id"]: g for g in tables.get("claim_groups", [])}
        self.score = FieldScore()
        self.found: list[tuple[str, str, dict, str | None]] = []  # (group, doc, quantity, claim group)
        self.group = "all"

    def count(self, key: str, ok, name: str, what: str, why: str):
        self.score.add(self.group, key, bool(ok))
        if not ok:
            self.score.misses.append(f"{name}: {key.split()[0]} {what}: {why}")
        return ok

    def names(self, canonical: str) -> list[str]:
        return [canonical] + self.aliases.get(canonical, [])

    def member_of(self, d: dict, s: dict) -> dict | None:
        return next((m for m in self.members.get(d["id"], []) if _overlaps(m, s)), None)

    def source_of(self, d: dict, s: dict) -> tuple[list, str]:
        """(candidate names, method) of the claim over span s: corpus member first, else the claim span."""
        m = self.member_of(d, s)
        if m is not None:
            return [m.get("source_name"), m.get("source"), self.actor_name.get(m.get("source"))], m.get("source_method")
        for c in d["layers"].get("claim", []):
            if c["start"] <= s["start"] < c["end"]:
                a = c["attrs"]
                cands = [a.get("source_text"), a.get("source_actor"), self.actor_name.get(a.get("source_actor"))]
                return cands, a.get("source_method") or "unknown"
        return [], "none"

    def metadata(self, name: str, d: dict, gold: dict) -> None:
        if gold.get("outlet") and gold.get("outlet_in_text"):
            self.count("outlet", names_hit(self.names(gold["outlet"]), [d.get("outlet"), d.get("site_name")]),
                       name, repr(gold["outlet"]), f"outlet given as {d.get('outlet')!r}")
        if gold.get("date") and gold.get("date_in_text"):
            self.count("published", str(d.get("published") or "").startswith(gold["date"]), name, gold["date"],
                       f"published given as {d.get('published')!r}")
        if gold.get("title"):
            t, g = loose(d.get("title")), loose(gold["title"])
            self.count("title", bool(t) and (t in g or g in t) and len(t) >= 0.6 * len(g), name,
                       repr(gold["title"][:60]), f"title given as {d.get('title')!r}")

    def quantities(self, name: str, d: dict, gold: dict) -> None:
        spans = [s for s in d["layers"].get("quantity", []) + d["layers"].get("claim", [])
                 if s["attrs"].get("min") is not None or s["attrs"].get("lo") is not None]
        for q in gold.get("quantities", []):
            what = f"{q['min']}..{q['max']} (source {q['source']})"
            hits = [s for s in spans if value_match(q, s)]
            self.count("values", hits, name, what, "not extracted")
            if not hits:
                self.count("sources", False, name, what, "number not extracted")
                continue
            ok = False
            for s in hits:
                cands, method = self.source_of(d, s)
                if q["source"] is None:
                    ok = method in ("none", "unknown", "outlet") or bool(d.get("outlet") and names_hit([d["outlet"]], cands))
                else:
                    ok = names_hit(self.names(q["source"]), cands)
                if ok:
                    break
            self.count("sources", ok, name, what, "source not matched")
            m = self.member_of(d, hits[0])
            if q.get("claim") or q.get("what"):
                self.found.append((self.group, name, q, m and m.get("group_id")))
            if q.get("relayed_by"):
                via = (m or {}).get("via") or []
                self.count("relays", names_hit(self.names(q["relayed_by"]), via + [self.actor_name.get(v) for v in via]),
                           name, what + f" via {q['relayed_by']}", f"relays given as {via or 'none'}")

    def attributions(self, name: str, d: dict, gold: dict) -> None:
        atts = d["layers"].get("attribution", [])
        for g in gold.get("attributions", []):
            with_key = [a for a in atts if loose(g["key"]) in loose(a["text"])]
            speakers = [n for sp in [g["speaker"]] + g.get("speaker_alt", []) for n in self.names(sp)]
            hits = [a for a in with_key if names_hit(speakers, [
                a["attrs"].get("speaker_text"), a["attrs"].get("actor_name"), a["attrs"].get("actor")])]
            what = f"{g['speaker']}: {g['key']!r}"
            why = "key in an attribution with another speaker" if with_key else "no attribution contains the key"
            if self.count("attributions", hits, name, what, why) and g.get("kind"):
                labels = {a["label"] for a in hits}
                self.count("kind (info)", g["kind"] in labels, name, what, f"kind given as {'/'.join(sorted(labels))}")

    def cleaning(self, name: str, d: dict, gold: dict) -> None:
        text = loose(d["text"])
        for line in gold.get("boilerplate_lines", []):
            self.count("boilerplate", d["id"] and loose(line) not in text, name, repr(line),
                       "boilerplate line kept" if d["id"] else "document missing")
        for line in gold.get("content_lines_that_must_survive", []):
            self.count("content kept (info)", loose(line) in text, name, repr(line), "content removed")
        for t in gold.get("not_claims", []):
            bad = [c["text"] for c in d["layers"].get("claim", []) if t in c["text"]]
            self.count("not-claims (info)", not bad, name, repr(t), f"made a claim: {bad[:2]}")

    def dates(self, name: str, d: dict, gold: dict) -> None:
        times = d["layers"].get("time", [])
        for g in gold.get("dates", []):
            spans = [s for s in times if loose(g["text"]) in loose(s["text"])]
            ok = any(str(s["attrs"].get("value", "")).startswith(g["value"]) for s in spans)
            self.count("dates", ok, name, f"{g['text']!r} = {g['value']}", "not found" if not spans else "other value")

    def contradictions(self, name: str, d: dict, gold: dict) -> None:
        mine = self.members.get(d["id"], [])
        for g in gold.get("contradictions", []):
            by = {m["group_id"] for m in mine if m["role"] != "dispute" and
                  names_hit(self.names(g["by"]), [m.get("source_name"), m.get("source")])}
            disputed = [self.groups[i] for i in by if i in self.groups and self.groups[i].get("disputed")]
            ok = any(names_hit(self.names(g["disputed_by"]), [m.get("source_name"), m.get("source")])
                     for m in mine if m["role"] == "dispute" and m["group_id"] in by) or \
                any(names_hit(self.names(g["disputed_by"]), x.get("disputed_by") or []) for x in disputed)
            self.count("contradictions (info)", ok, name, repr(g["claim"]), "not found")

    def disputes(self, name: str, d: dict, gold: dict) -> None:
        mine = [m for m in self.members.get(d["id"], []) if m.get("role") == "dispute"]
        for g in gold.get("disputes", []):
            ok = any(names_hit(self.names(g["disputed_by"]), [m.get("source_name"), m.get("source"),
                                                             self.actor_name.get(m.get("source"))]) for m in mine)
            self.count("disputes (info)", ok, name, f"{g.get('claim_key')!r} by {g['disputed_by']}", "not found")

    def pairs(self, group: str) -> tuple[int, int, int]:
        """(tp, fp, fn) over pairs of found quantities in different documents of ``group``."""
        found = [f for f in self.found if group == "all" or f[0] == group]
        tp = fp = fn = 0
        for i, (_, n1, q1, g1) in enumerate(found):
            for _, n2, q2, g2 in found[i + 1:]:
                if n1 == n2:
                    continue
                same_what = norm(q1.get("claim") or q1["what"]) == norm(q2.get("claim") or q2["what"])
                together = g1 is not None and g1 == g2
                tp, fn, fp = tp + (same_what and together), fn + (same_what and not together), fp + (together and not same_what)
        return tp, fp, fn

    def run(self, gold: dict) -> FieldScore:
        for name, g in gold["docs"].items():
            self.group = lang_group(g.get("lang"))
            if self.group == "other":
                self.score.other_languages.add(g.get("lang") or "?")
            d = self.docs.get(name) or self.docs.get(os.path.splitext(name)[0])
            if d is None:
                d = {"id": None, "text": "", "layers": {}, "removed": []}
                self.score.misses.append(f"{name}: document not in the export")
            for step in (self.metadata, self.quantities, self.attributions, self.cleaning, self.dates,
                         self.contradictions, self.disputes):
                step(name, d, g)
        for group in list(self.score.totals):
            self.score.grouping[group] = self.pairs(group)
        return self.score


def grouping_listing(scorer: "Scorer") -> list[str]:
    """The grouping errors behind the pair counts, one line each: groups that mix gold keys, gold keys split
    over several groups (or left out of every group), and the groups flagged "sources disagree" whose members
    carry more than one gold key (a false disagreement). Informational: it changes no total."""
    by_group: dict[str, list[tuple[str, dict]]] = {}
    by_key: dict[str, dict[str | None, list[str]]] = {}
    for _, name, q, gid in scorer.found:
        key = norm(q.get("claim") or q["what"])
        if gid is not None:
            by_group.setdefault(gid, []).append((name, q))
        by_key.setdefault(key, {}).setdefault(gid, []).append(f"{name} {q['text']!r}")
    out = []

    def subject(gid: str | None) -> str:
        return (scorer.groups.get(gid) or {}).get("subject") or "?" if gid else "(no group)"

    for gid, ms in sorted(by_group.items(), key=lambda kv: subject(kv[0])):
        keys: dict[str, list[str]] = {}
        for name, q in ms:
            keys.setdefault(norm(q.get("claim") or q["what"]), []).append(f"{name} {q['text']!r}")
        if len(keys) > 1:
            flag = " [flagged: sources disagree]" if scorer.groups.get(gid, {}).get("disagreement") else ""
            out.append(f"mixed group {subject(gid)}{flag}: " + "; ".join(f"{k} <- {', '.join(v)}" for k, v in keys.items()))
    for key, gs in sorted(by_key.items()):
        if len(gs) > 1 or None in gs and sum(map(len, gs.values())) > 1:
            out.append(f"split key {key}: " + "; ".join(f"{subject(g)} <- {', '.join(v)}" for g, v in gs.items()))
    flagged = [g for g in scorer.groups.values() if g.get("disagreement")]
    false = [g for g in flagged if len({norm(q.get("claim") or q["what"]) for _, q in by_group.get(g["group_id"], [])}) > 1]
    out.append(f"flagged groups (sources disagree): {len(flagged)}; mixing gold keys: {len(false)}"
               + "".join(f"\n    {g['subject']}" for g in false))
    return out


def score_export(export: str | Path, gold_path: str | Path, listing: bool = False) -> FieldScore:
    """Score ``export`` (EXPORT.jsonl, EXPORT.corpus.jsonl beside it) against a field gold file."""
    gold = json.loads(Path(gold_path).read_text("utf-8"))
    scorer = Scorer(export, dict(gold.get("aliases", {})))
    score = scorer.run(gold)
    if listing:
        score.grouping_errors = grouping_listing(scorer)
    return score


def format_table(score: FieldScore) -> str:
    """One column per language group, one row per measure: hit/n and the share."""
    order = [g for g in (*GROUPS, "other", "all") if g in score.totals]
    rows = [f"{'':<22}" + "".join(f"{g:>14}" for g in order)]
    for key in SCORED + INFO:
        cells = [score.totals[g][key] for g in order]
        if any(n for _, n in cells):
            rows.append(f"{key:<22}" + "".join(f"{f'{h}/{n} {h / n:.2f}' if n else '-':>14}" for h, n in cells))
    cells = []
    for g in order:
        tp, fp, fn = score.grouping.get(g, (0, 0, 0))
        cells.append(f"P{tp / max(1, tp + fp):.2f} R{tp / max(1, tp + fn):.2f}" if tp + fp + fn else "-")
    rows.append(f"{'grouping (pairs)':<22}" + "".join(f"{c:>14}" for c in cells))
    others = "/".join(sorted(score.other_languages)) or "none"
    rows.append(f"(other = {others}) -> {'PASS' if score.passed() else 'FAIL'} "
                f"(each scored total >= {THRESHOLD})")
    return "\n".join(rows)
