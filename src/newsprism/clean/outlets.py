"""The outlet registry and the places in a text that name its own outlet.

The registry (``resources/outlets.json``) maps a domain to an outlet record: ``name``,
``full_name``, ``country`` (ISO 3166), ``state_affiliated`` and ``aliases`` (the names
seen in datelines, bylines and copyright lines, in any script). Users extend it with a
file of the same shape named by the ``outlets_file`` setting; its records are merged
over the built-in ones (same domain: the user's record wins) and its aliases are looked
up first.

In a text without a page address, the outlet shows itself in a few constructions, each
with its confidence (docs/cleaning.md): a copyright or reprint notice, an agency
dateline ("MOSCOW, April 28. /TASS/.", "(서울=연합뉴스)"), a sign-off line that is only the
outlet's site name ("News.Az"), "X reports, citing ..." / "Ранее X сообщал" (the language packs'
``SELF_REPORTS``), and the outlet crediting itself (own photo archive, an editor's note
"(... — "Ъ")", ``SELF_CREDITS``). A name the registry does not know is kept only where
the construction itself says it is the outlet (self-reports, sign-offs that look like
a site name, copyright holders); otherwise nothing is guessed.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..languages import PACKS, pack
from ..model import MetaField

CONF_COPYRIGHT = 0.75        # "Copyright ⓒ X", "© 2025 X. All rights reserved"
CONF_DATELINE_AGENCY = 0.7   # "(KCNA) --": the agency wrote it, but relays copy datelines
CONF_SIGN_OFF = 0.65         # the last line is the outlet's name alone ("News.Az")
CONF_SELF_REPORT = 0.6       # "News.Az reports with reference to ...", "Ранее Инфо24 сообщало"
CONF_SELF_CREDIT = 0.5       # "Фото: архив редакции «Клопс»", "(... — "Ъ")"
CONF_UNREGISTERED = 0.1      # taken off a name the registry does not know

_HANGUL_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")
_SITE_NAME = re.compile(r"^[A-Za-z][\w-]{1,30}\.[a-z]{2,6}$|^[A-Z][\w&-]{1,20}(?: [A-Z][\w&-]{1,20}){0,3}$")


def _user_file(extra_file: str | None) -> str:
    """The user's outlets file: as given, else the ``outlets_file`` setting's environment variable
    (so callers without settings at hand, such as outlet grouping, see the same registry)."""
    return os.environ.get("NEWSPRISM_OUTLETS_FILE", "") if extra_file is None else extra_file


def outlet_registry(extra_file: str | None = None) -> dict[str, dict]:
    """domain -> outlet record: the built-in registry, with the user's file's records merged over it."""
    return _registry(_user_file(extra_file))


@lru_cache(maxsize=8)
def _registry(extra_file: str) -> dict[str, dict]:
    data = json.loads(resources.files("newsprism.resources").joinpath("outlets.json").read_text("utf-8"))
    reg = dict(data["outlets"])
    if extra_file:
        try:
            extra = json.loads(Path(extra_file).read_text("utf-8"))["outlets"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"cannot read the outlets file {extra_file!r}: {exc}",
                              hint='give a JSON file {"outlets": {domain: {"name": ..., "aliases": [...]}}}') from exc
        for domain, rec in extra.items():
            reg[domain.lower()] = {"full_name": rec.get("name"), "country": None, "state_affiliated": None,
                                   "aliases": [], **rec, "user": True}
    return reg


@lru_cache(maxsize=8)
def _aliases(extra_file: str = "") -> dict[str, dict]:
    """Lowercased name or alias -> record; the user's records are indexed last, so they win."""
    reg = _registry(extra_file)
    out: dict[str, dict] = {}
    for rec in sorted(reg.values(), key=lambda r: bool(r.get("user"))):
        for a in [rec["name"], rec.get("full_name") or "", *rec.get("aliases", [])]:
            if a.strip():
                out[a.strip().lower()] = rec
    return out


@lru_cache(maxsize=8)
def _alias_order(extra_file: str = "") -> list[str]:
    return sorted(_aliases(extra_file), key=len, reverse=True)


def outlet_for_domain(host: str, extra_file: str | None = None) -> dict | None:
    """The registry's outlet for a host name, trying parent domains (en.yna.co.kr -> yna.co.kr)."""
    parts = host.lower().strip(".").removeprefix("www.").split(".")
    reg = outlet_registry(extra_file)
    for k in range(len(parts) - 1):
        rec = reg.get(".".join(parts[k:]))
        if rec:
            return rec
    return None


def outlet_for_name(name: str, extra_file: str | None = None) -> dict | None:
    """The registry's outlet for a name or alias as written ("KCNA", "ТАСС", "연합뉴스TV")."""
    key = name.strip().strip("«»\"'“”/").strip().lower()
    extra_file = _user_file(extra_file)
    return _aliases(extra_file).get(key) or outlet_for_domain(key, extra_file) if key else None


def outlet_in_line(line: str, extra_file: str) -> tuple[dict, str] | None:
    """The longest registry name written inside ``line`` as a whole name, with the name as written.
    Hangul and CJK names may carry particles (연합뉴스TV는), so there only the start must be a boundary."""
    low = line.lower()
    for alias in _alias_order(extra_file):
        if len(alias) < 2:
            continue
        for m in re.finditer(re.escape(alias), low):
            before = low[m.start() - 1] if m.start() else " "
            after = low[m.end()] if m.end() < len(low) else " "
            if before.isalnum() or (after.isalnum() and not _HANGUL_CJK.match(alias[-1])):
                continue
            return _aliases(extra_file)[alias], line[m.start():m.end()]
    return None


@lru_cache(maxsize=1)
def _pack_patterns(name: str) -> tuple[re.Pattern, ...]:
    """One concern list from every pack, compiled (metadata comes before the language is known)."""
    seen: list[str] = []
    for code in PACKS:
        for p in getattr(pack(code).metadata, name):
            if p not in seen:
                seen.append(p)
    return tuple(re.compile(p, re.M) for p in seen)


@lru_cache(maxsize=4)
def _pack_words(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for code in PACKS for w in getattr(pack(code).metadata, name)))


def _field(rec: dict | None, raw: str, source: str, conf: float, evidence: str,
           keep_unknown: bool) -> MetaField | None:
    if rec is not None:
        return MetaField(rec["name"], source, conf, evidence.strip()[:200])
    raw = re.sub(r"\s+(?:Inc|LLC|Ltd|GmbH|S\.A)\.?$", "", raw.strip().strip("«»\"'“”").strip())
    if keep_unknown and raw and len(raw.split()) <= 4 and not raw.islower():
        return MetaField(raw, source, round(conf * (1 - CONF_UNREGISTERED), 2), evidence.strip()[:200])
    return None


def _copyright(lines: list[str], extra_file: str) -> MetaField | None:
    """A copyright or reprint notice naming an outlet; else the holder after ©/year."""
    words, photo = _pack_words("COPYRIGHT_WORDS"), _pack_words("PHOTO_WORDS")
    for line in reversed(lines):
        low = line.lower()
        if len(line) > 200 or not any(w in low for w in words) or any(w in low for w in photo):
            continue
        hit = outlet_in_line(line, extra_file)
        if hit:
            return _field(hit[0], hit[1], "text:copyright", CONF_COPYRIGHT, line, False)
        m = re.search(r"(?:©|ⓒ|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[^\W\d_][^.,|;(]{1,40})",
                      line, re.I)
        if m and not re.match(r"by\s", m["name"], re.I):  # "Copyright © 2015 by A. Author": a book's, not a page's
            found = _field(None, m["name"], "text:copyright", CONF_COPYRIGHT, line, True)
            if found:
                return found
    return None


def _sign_off(lines: list[str], removed: list[dict], extra_file: str) -> MetaField | None:
    """The article's last line (kept, or the last line residue removal took off) is a site name
    alone ("News.Az", "LIGA.net"). A bare outlet name there is as often a topic tag, so it does not count."""
    last_removed = [removed[-1]["text"].strip()] if removed and removed[-1]["reason"] == "tail-fragment" else []
    for last in lines[-1:] + last_removed:
        if re.fullmatch(r"[A-Za-z][\w-]{1,30}\.[A-Za-z]{2,6}", last):
            return _field(outlet_for_name(last, extra_file), last, "text:sign-off", CONF_SIGN_OFF, last, True)
    return None


def _constructions(text: str, name: str, source: str, conf: float, keep_unknown: bool,
                   extra_file: str) -> MetaField | None:
    for rx in _pack_patterns(name):
        for m in rx.finditer(text):
            raw = m["name"]
            found = _field(outlet_for_name(raw, extra_file), raw, source, conf, m.group(), keep_unknown)
            if found:
                return found
    return None


def outlet_from_text(text: str, removed: list[dict], agency: str | None = None,
                     extra_file: str = "") -> MetaField | None:
    """The most confident outlet the text names as its own (see the module's docstring), or None."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    tail = lines[-6:] + [r["text"].strip() for r in removed if r["text"].strip()]
    # page chrome is where a page names itself ("A note to our readers from X" is residue, and evidence)
    with_removed = text + "\n" + "\n".join(r["text"] for r in removed)
    found = [
        _copyright(tail, extra_file),
        _field(outlet_for_name(agency, extra_file), agency, "text:dateline", CONF_DATELINE_AGENCY,
               agency, False) if agency else None,
        _sign_off(lines, removed, extra_file),
        _constructions(with_removed, "SELF_REPORTS", "text:self-report", CONF_SELF_REPORT, True, extra_file),
        _constructions(with_removed, "SELF_CREDITS", "text:self-credit",
                       CONF_SELF_CREDIT, False, extra_file),
    ]
    found = [f for f in found if f]
    return max(found, key=lambda f: f.confidence) if found else None
