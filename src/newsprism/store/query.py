"""The search query language: parsed into a tree, checked, compiled to an FTS5 MATCH plus SQL filters.

    Kursk                      the word, any form (lemmas, stems: Курск finds Курской)
    "Kim Jong Un"              a phrase
    Putin AND Kim, Putin Kim   both (AND is the default)
    Kursk OR Курск             either
    Kursk NOT Ukraine, -Ukraine  the first without the second
    liberat*                   words starting so, as written
    NEAR(Putin Kim, 5)         within 5 words of each other
    outlet:KCNA lang:ru        field filters (the whole query): outlet:, lang:,
    date:2024-08..2024-09      date:FROM..TO, after:DATE, before:DATE (inclusive)

User text never reaches FTS5 as syntax: every word is quoted in the compiled expression, and
a query that does not parse is a ``QueryError`` with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Union

from ..errors import NewsprismError
from .terms import phrase_forms

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 12
MAX_NEAR = 100


class QueryError(NewsprismError):
    code = "NP700"
    hint = ('queries: words, "phrases", OR, NOT, prefix*, NEAR(a b, 5), outlet:, lang:, '
            'date:2024-01..2024-03, after:, before:')


@dataclass
class Words:            # a word or a phrase (matched through normal forms) or a prefix (as written)
    words: list[str]
    prefix: bool = False


@dataclass
class Near:
    words: list[str]
    distance: int = 10


@dataclass
class And:
    items: list["Node"]


@dataclass
class Or:
    items: list["Node"]


@dataclass
class Not:
    item: "Node"


Node = Union[Words, Near, And, Or, Not]


@dataclass
class Query:
    """A parsed query: the full-text part (None: filters only) and the field filters."""

    text: str
    match: str | None
    filters: list[tuple[str, list[Any]]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)     # the words as typed, prefixes with their * (snippets)

    def where(self, alias: str = "d") -> tuple[str, list[Any]]:
        parts = [sql.replace("{d}", alias) for sql, _ in self.filters]
        return (" AND ".join(parts) or "1"), [p for _, ps in self.filters for p in ps]


_TOKEN = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<comma>,)|"(?P<phrase>[^"]*)"(?P<pstar>\*)?'
                    r'|(?P<quote>")|(?P<word>[^\s()",]+))')
_FIELDS = {"outlet": "outlet", "lang": "language", "language": "language", "date": "date",
           "after": "after", "from": "after", "before": "before", "to": "before"}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")
_WORDS = re.compile(r"\w+", re.UNICODE)


def _lex(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup if m.lastgroup != "pstar" else "phrase"
        if m.group("phrase") is not None:
            out.append(("phrase*" if m.group("pstar") else "phrase", m.group("phrase")))
        elif kind == "quote":
            raise QueryError("unclosed quote in the query")
        else:
            out.append((kind, m.group(kind)))
    return out


class _Parser:
    def __init__(self, text: str):
        self.toks = _lex(text)
        self.i = 0
        self.filters: list[tuple[str, list[Any]]] = []
        self.n_terms = 0
        self.typed: list[str] = []

    def peek(self, k: int = 0) -> tuple[str, str] | None:
        return self.toks[self.i + k] if self.i + k < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def is_op(self, name: str) -> bool:
        t = self.peek()
        return t is not None and t[0] == "word" and t[1] == name

    def parse(self) -> Node | None:
        node = self.or_expr(0, top=True)
        if self.peek() is not None:
            raise QueryError(f"unexpected {self.peek()[1]!r} in the query")
        return node

    def or_expr(self, depth: int, top: bool = False) -> Node | None:
        if depth > MAX_DEPTH:
            raise QueryError("the query nests too deeply")
        items = [self.and_expr(depth, top)]
        while self.is_op("OR"):
            self.take()
            items.append(self.and_expr(depth, False))
        if len(items) > 1:
            if top and self.filters:
                raise QueryError("field filters apply to the whole query: bracket the OR, as in "
                                 "'(Kursk OR Курск) outlet:KCNA'")
            if any(i is None for i in items):
                raise QueryError("OR needs words on both sides")
            return Or(items)
        return items[0]

    def and_expr(self, depth: int, top: bool) -> Node | None:
        items: list[Node] = []
        while True:
            t = self.peek()
            if t is None or t[0] in ("rp", "comma") or self.is_op("OR"):
                break
            if self.is_op("AND"):
                self.take()
                if self.peek() is None or self.is_op("OR"):
                    raise QueryError("AND needs words on both sides")
                continue
            node = self.unary(depth, top)
            if node is not None:
                items.append(node)
        if not items:
            return None
        return items[0] if len(items) == 1 else And(items)

    def unary(self, depth: int, top: bool) -> Node | None:
        t = self.peek()
        if t[0] == "word" and (t[1] == "NOT" or (t[1].startswith("-") and len(t[1]) > 1)):
            if t[1] == "NOT":
                self.take()
                if self.peek() is None:
                    raise QueryError("NOT needs a word after it")
            else:
                self.toks[self.i] = ("word", t[1][1:])
            inner = self.unary(depth, False)
            if inner is None:
                raise QueryError("NOT applies to words, not to field filters")
            return Not(inner)
        return self.primary(depth, top)

    def primary(self, depth: int, top: bool) -> Node | None:
        kind, val = self.take()
        if kind == "lp":
            node = self.or_expr(depth + 1)
            if self.peek() is None or self.peek()[0] != "rp":
                raise QueryError("unbalanced parentheses in the query")
            self.take()
            if node is None:
                raise QueryError("empty parentheses in the query")
            return node
        if kind in ("rp", "comma"):
            raise QueryError(f"unexpected {val!r} in the query")
        if kind in ("phrase", "phrase*"):
            return self.words(_WORDS.findall(val), kind == "phrase*")
        if val == "NEAR" and self.peek() is not None and self.peek()[0] == "lp":
            return self.near()
        fname, sep, fval = val.partition(":")
        if sep and fname.lower() in _FIELDS:
            if not top:
                raise QueryError(f"{fname}: filters apply to the whole query; put them outside OR, NOT and brackets")
            if not fval and self.peek() is not None and self.peek()[0] == "phrase":
                fval = self.take()[1]
            self.field(_FIELDS[fname.lower()], fval)
            return None
        prefix = val.endswith("*")
        words = _WORDS.findall(val)
        if not words:
            if val.strip("*") == "":
                raise QueryError("a * must follow the start of a word (liberat*)")
            return None      # punctuation alone: nothing to search
        return self.words(words, prefix)

    def words(self, words: list[str], prefix: bool) -> Node:
        if not words:
            raise QueryError("empty phrase in the query")
        self.n_terms += len(words)
        if self.n_terms > MAX_TERMS:
            raise QueryError(f"the query has more than {MAX_TERMS} words")
        self.typed.extend(words[:-1] + [words[-1] + "*"] if prefix else words)
        return Words(words, prefix)

    def near(self) -> Node:
        self.take()          # (
        words: list[str] = []
        distance = 10
        while True:
            t = self.peek()
            if t is None:
                raise QueryError("NEAR( is not closed")
            self.take()
            if t[0] == "rp":
                break
            if t[0] == "comma":
                d = self.peek()
                if d is None or d[0] != "word" or not d[1].isdigit() or int(d[1]) > MAX_NEAR:
                    raise QueryError(f"NEAR(words, N) needs a distance N from 0 to {MAX_NEAR}")
                distance = int(self.take()[1])
                continue
            if t[0] in ("lp",):
                raise QueryError("NEAR( takes words and phrases only")
            words.extend(_WORDS.findall(t[1]))
        if len(words) < 2:
            raise QueryError("NEAR( needs at least two words")
        self.words(words, False)
        return Near(words, distance)

    def field(self, name: str, value: str) -> None:
        if not value:
            raise QueryError(f"{name}: needs a value")
        if name == "outlet":
            self.filters.append(("lower({d}.outlet) = lower(?)", [value]))
        elif name == "language":
            self.filters.append(("{d}.language = ?", [value.lower()]))
        else:
            lo, _, hi = value.partition("..") if name == "date" else (
                (value, "", "") if name == "after" else ("", "", value))
            if name == "date" and ".." not in value:
                lo = hi = value
            for d in (lo, hi):
                if d and not _DATE.match(d):
                    raise QueryError(f"{d!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            if lo:
                self.filters.append(("{d}.published >= ?", [lo]))
            if hi:
                self.filters.append(("{d}.published <= ?", [hi + "\uffff"]))


def _q(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _compile(node: Node) -> str:
    if isinstance(node, Words):
        if node.prefix:
            return "(raw : " + _q(" ".join(node.words)) + " *)"
        forms = phrase_forms(node.words)
        return "(norm : (" + " OR ".join(_q(" ".join(f)) for f in forms) + "))"
    if isinstance(node, Near):
        forms = phrase_forms(node.words)
        return "(" + " OR ".join("(norm : NEAR(" + " ".join(_q(t) for t in f) + f", {node.distance}))"
                                 for f in forms) + ")"
    if isinstance(node, Or):
        if any(isinstance(i, Not) for i in node.items):
            raise QueryError("NOT cannot stand alone inside OR: write 'A OR B NOT C' as '(A OR B) NOT C'")
        return "(" + " OR ".join(_compile(i) for i in node.items) + ")"
    if isinstance(node, And):
        pos = [i for i in node.items if not isinstance(i, Not)]
        neg = [i.item for i in node.items if isinstance(i, Not)]
        if not pos:
            raise QueryError("NOT needs something to exclude from: 'Kursk NOT Ukraine'")
        out = "(" + " AND ".join(_compile(i) for i in pos) + ")"
        for n in neg:
            out = f"({out} NOT {_compile(n)})"
        return out
    if isinstance(node, Not):
        raise QueryError("NOT needs something to exclude from: 'Kursk NOT Ukraine'")
    raise QueryError("cannot read the query")      # pragma: no cover


def parse(text: str) -> Query:
    """Parse and compile ``text``; raises QueryError (one line) on anything it cannot read."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    p = _Parser(text)
    node = p.parse()
    return Query(text=text, match=_compile(node) if node is not None else None, filters=p.filters, words=p.typed)
