"""The actor registry: canonical actors, their aliases in every script, and name matching.

The packaged registry (``resources/actors/actors.json``) seeds the known actors
of this domain. Users extend it without code: JSON files of the same shape in a
folder named by ``NEWSPRISM_ACTORS`` (or passed to ``Registry.load``) add actors
or, with an existing ``id``, add aliases and roles to one.

Matching, most trusted first (the ``how`` of a match says which one fired):
``registry:alias`` (exact key), ``registry:compact`` (spacing/hyphens differ),
``registry:translit`` (Cyrillic romanised), ``registry:korean`` (a Korean name
in another spelling or script: "이성권" = "Lee Sung-kwon"), ``registry:role`` (a description
such as "Russian Ambassador to Pyongyang"), ``fuzzy:<score>`` (typos such as
"Kim Jon Un"; guarded so that clearly different people never match).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from .names import (compact_key, is_cyrillic, is_hangul, korean_key, name_key, ru_stem_key, same_korean_name,
                    strip_titles)

ENV_EXTRA = "NEWSPRISM_ACTORS"        # the `actors` setting (config.SETTINGS)
FUZZY_MIN = 0.88
_KO_PARTICLES = ("에 따르면", "에게서", "에서는", "에서", "에게", "으로", "로서", "측은", "측", "은", "는", "이", "가",
                 "을", "를", "의", "에", "와", "과", "도", "로")


@dataclass
class Actor:
    id: str
    name: str
    type: str
    country: str | None = None
    affiliation: str | None = None
    state_affiliated: bool | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    capitals: list[str] = field(default_factory=list)   # a place's capital names it only as a speaker
    gender: str | None = None                           # "m" | "f" for people: "he"/"she" must agree
    demonyms: list[str] = field(default_factory=list)   # "Russian": names it only through a speaking body

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "affiliation": self.affiliation, "state_affiliated": self.state_affiliated,
                "roles": list(self.roles), "aliases": list(self.aliases), "capitals": list(self.capitals),
                "demonyms": list(self.demonyms), "gender": self.gender}


@dataclass(frozen=True)
class Match:
    actor: Actor
    how: str
    score: float = 1.0


class Registry:
    def __init__(self, actors: Iterable[Actor], version: str):
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.version = version
        self._exact: dict[str, str | None] = {}
        self._compact: dict[str, str | None] = {}
        self._roles: dict[str, str | None] = {}
        self._capitals: dict[str, str | None] = {}
        self._demonyms: dict[str, str | None] = {}
        self._korean: dict[str, str | None] = {}
        for a in self.actors.values():
            for table, names in ((self._capitals, a.capitals), (self._demonyms, a.demonyms)):
                for cap in names:
                    for key in (name_key(cap), ru_stem_key(cap) if is_cyrillic(cap) else ""):
                        _put(table, key, a.id)
            for alias in {a.name, *a.aliases}:
                _put(self._exact, name_key(alias), a.id)
                _put(self._exact, name_key(alias, romanise=True), a.id)
                _put(self._compact, compact_key(alias), a.id)
                if is_cyrillic(alias):
                    _put(self._exact, ru_stem_key(alias), a.id)
                if a.type == "person":
                    for key in _korean_keys(alias):
                        _put(self._korean, key, a.id)
            for role in a.roles:
                _put(self._roles, name_key(role), a.id)
        self._fuzzy_keys = [k for k, v in self._compact.items() if v and len(k) >= 6]

    # -- loading -----------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> "Registry":
        text = resources.files("newsprism").joinpath("resources/actors/actors.json").read_text("utf-8")
        docs = [json.loads(text)]
        paths = [Path(p) for p in extra]
        from ..config import setting_value
        env = setting_value("actors") or None
        if env:
            paths += [Path(p) for p in env.split(os.pathsep) if p]
        for p in paths:
            files = sorted(p.glob("*.json")) if p.is_dir() else [p]
            for f in files:
                text += f.read_text("utf-8")
                docs.append(json.loads(f.read_text("utf-8")))
        merged: dict[str, Actor] = {}
        for doc in docs:
            for d in doc.get("actors", []):
                _merge(merged, d)
        version = f"{docs[0].get('version', 0)}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
        return cls(merged.values(), version)

    # -- matching ------------------------------------------------------------------
    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def lookup(self, text: str, *, fuzzy: bool = True) -> Match | None:
        """The actor a name or description refers to, or None."""
        text = text.strip()
        if not text:
            return None
        for cand in _variants(text):
            m = self._lookup_exact(cand)
            if m:
                return m
        return self._lookup_fuzzy(strip_titles(text)) if fuzzy else None

    def _lookup_exact(self, text: str) -> Match | None:
        for key, how, table in ((name_key(text), "registry:alias", self._exact),
                                (name_key(text, romanise=True), "registry:translit", self._exact),
                                (compact_key(text), "registry:compact", self._compact),
                                (ru_stem_key(text) if is_cyrillic(text) else "", "registry:inflection", self._exact),
                                (name_key(text), "registry:role", self._roles)):
            aid = table.get(key)
            if aid:
                return Match(self.actors[aid], how)
        found = {self._korean.get(k) for k in _korean_keys(text)} - {None}
        if len(found) == 1:
            return Match(self.actors[found.pop()], "registry:korean")
        return None

    def _lookup_fuzzy(self, text: str) -> Match | None:
        key = compact_key(text)
        if len(key) < 6 or is_hangul(text):
            return None
        hit = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN * 100)
        if not hit:
            return None
        short, long_ = sorted((key, hit[0]), key=len)
        if short in long_ and len(long_) - len(short) >= 3:
            # one name is the other with a qualifier more or less ("defence ministry" inside "DPRK Defence
            # Ministry", "Ministry of National Defense, ROC" around "Ministry of National Defense"): another body
            return None
        actor = self.actors[self._compact[hit[0]]]
        if actor.type == "person" and not any(same_person(text, al) for al in (actor.name, *actor.aliases)
                                              if len(compact_key(al)) >= 6):
            return None
        return Match(actor, f"fuzzy:{hit[1] / 100:.2f}", round(hit[1] / 100, 2))

    def capital(self, text: str) -> Actor | None:
        """The country whose capital ``text`` names ("Pyongyang", "Москвы", "평양은"), or None. Only for
        speakers: "Pyongyang said" is North Korea speaking, "talks in Pyongyang" are not."""
        return self._named_by(self._capitals, text)

    def demonym(self, text: str) -> Actor | None:
        """The country a nationality word names ("Russian", "North Korean"), or None. Only through a speaking
        body it modifies: "Russian officials said" is Russia speaking, "a Russian soldier said" is not."""
        return self._named_by(self._demonyms, text)

    def _named_by(self, table: dict[str, str | None], text: str) -> Actor | None:
        text = strip_titles(text.strip())
        for cand in _variants(text):
            for key in (name_key(cand), ru_stem_key(cand) if is_cyrillic(cand) else ""):
                aid = table.get(key) if key else None
                if aid:
                    return self.actors[aid]
        return None

    def scan_aliases(self) -> list[tuple[str, str]]:
        """(alias, actor id) for every unambiguous alias and role, for gazetteer scans."""
        out = []
        for a in self.actors.values():
            for alias in {a.name, *a.aliases, *a.roles}:
                if self._exact.get(name_key(alias)) == a.id or self._roles.get(name_key(alias)) == a.id:
                    out.append((alias, a.id))
        return out


def same_person(a: str, b: str) -> bool:
    """Could two person names be spellings of one name? Guards fuzzy matches.

    Korean names compare through their romanisation-tolerant key (``names.same_korean_name``):
    "이성권" ~ "Lee Sung-kwon", but "Kim Jong Sun" is not "Kim Jong Un". Other names token by
    token (hyphens split: "Jong-un" = "Jong Un"), every pair must be close, and short tokens
    must agree: "Kim Jon Un" ~ "Kim Jong Un", "Lim Eum Chul" ~ "Lim Eul-chul", but "Kim Jong
    Il" is not "Kim Jong Un". With a different number of tokens only the spacing may differ.
    """
    korean = same_korean_name(a, b)
    if korean is not None:
        return korean
    ta, tb = name_key(a, romanise=True).split(), name_key(b, romanise=True).split()
    if not ta or not tb:
        return False
    if len(ta) != len(tb):        # "Kim Jongun" = "Kim Jong Un"; a typo and a re-spacing at once is too far
        return "".join(ta) == "".join(tb)
    for x, y in zip(ta, tb):
        if x == y:
            continue
        if min(len(x), len(y)) <= 2 or x[0] != y[0] or fuzz.ratio(x, y) < 60:
            return False
    return fuzz.ratio("".join(ta), "".join(tb)) >= 80


def _korean_keys(name: str) -> list[str]:
    key = korean_key(name)
    if key is None:
        return []
    return [f"{sur}|{key[1]}" for sur in sorted(key[0])]


def _variants(text: str) -> list[str]:
    out = [text, strip_titles(text)]
    if is_hangul(text):
        for p in _KO_PARTICLES:
            if text.endswith(p) and len(text) > len(p) + 1:
                out.append(text[: -len(p)].strip())
    return out


def _put(table: dict[str, str | None], key: str, actor_id: str) -> None:
    if not key:
        return
    if key in table and table[key] != actor_id:
        table[key] = None          # ambiguous: two actors share this key, so it names neither
    else:
        table[key] = actor_id


def _merge(into: dict[str, Actor], d: dict[str, Any]) -> None:
    if d["id"] in into:
        a = into[d["id"]]
        a.aliases += [x for x in d.get("aliases", []) if x not in a.aliases]
        a.roles += [x for x in d.get("roles", []) if x not in a.roles]
        a.capitals += [x for x in d.get("capitals", []) if x not in a.capitals]
        a.demonyms += [x for x in d.get("demonyms", []) if x not in a.demonyms]
        for k in ("name", "type", "country", "affiliation", "state_affiliated", "gender"):
            if d.get(k) is not None:
                setattr(a, k, d[k])
        return
    into[d["id"]] = Actor(d["id"], d["name"], d.get("type", "org"), d.get("country"), d.get("affiliation"),
                          d.get("state_affiliated"), list(d.get("roles", [])), list(d.get("aliases", [])),
                          d.get("description", ""), list(d.get("capitals", [])), d.get("gender"),
                          list(d.get("demonyms", [])))


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The packaged registry plus NEWSPRISM_ACTORS extensions, loaded once per process."""
    return Registry.load()

