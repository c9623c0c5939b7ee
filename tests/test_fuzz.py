"""Property-based fuzzing of every reader (through the real ingest), the decoder, the cleaner,
the segmenter and the quantity/time parsers, plus a seeded corpus of nasty inputs the tests
build themselves. The properties: nothing raises past the per-item boundary, nothing hangs
(each example has a deadline), and every item is landed or recorded with its raw bytes.

Bounded so the whole file runs in well under a minute: modest ``max_examples``, a deadline
per example, no shrinking database."""

from __future__ import annotations

import itertools
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from newsprism import plugins
from newsprism.config import load_settings
from newsprism.errors import IngestError
from newsprism.model import RawRecord
from newsprism.pipeline import ingest
from newsprism.store import open_store

# deadlines are generous (a shared CI machine) yet bound every example: a hang fails the test
FUZZ = hsettings(max_examples=15, deadline=10_000, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FAST = hsettings(max_examples=50, deadline=2000, database=None,
                 suppress_health_check=[HealthCheck.too_slow])
SETTINGS = load_settings(environ={}, stage_deadline=5.0)
LANGS = ("en", "ru", "uk", "ko", "und")
_counter = itertools.count()

# text that looks like what the parsers expect, then broken: digits, units, dates, scripts
PIECES = st.sampled_from([
    "1", "1,5", "1.000.000", "3,2 млн", "15%", "$", "€40bn", "million", "тысяч", "억", "만 명", "0x1F",
    "12/31/2024", "2024-13-99", "31.02.2024", "yesterday", "в понедельник", "지난해", "Juche 113",
    " ", "\n", "\n\n", ".", "?!", "…", "«", "»", "\"", "'", "-", "—", "\u200b", "\u202e", "\ufeff",
    "\x00", "\ud800", "Mr.", "U.S.", "т.е.", "No.", "9" * 400, "e" * 300,
])
TEXTY = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=60).map("".join),
                  st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=80).map(" ".join))


def _land_one(store, data: bytes, name: str, reader: str | None) -> None:
    """The property of the ingest boundary for one input."""
    path = store.fuzz_dir / f"{next(_counter)}-{name}"
    path.write_bytes(data)
    rep = ingest(store, [str(path)], SETTINGS, reader=reader)       # must not raise
    assert rep.inputs == 1
    assert rep.added + rep.unchanged + len(rep.failures) >= 1      # landed, already there, or recorded
    for f in rep.failures:
        assert f.raw_sha256 is None or store.get_raw(f.raw_sha256) is not None
    assert all(store.get_raw(d.raw_sha256) is not None for d in (store.get_document(i) for i in rep.added_ids))


@pytest.fixture(scope="module")
def fstore(tmp_path_factory):
    d = tmp_path_factory.mktemp("fuzz")
    s = open_store(d / "fuzz.db")
    s.fuzz_dir = d
    yield s
    s.close()


READERS = sorted(plugins.readers())
SUFFIX = {"jsonl": "x.jsonl", "json": "x.json", "csv": "x.csv", "feed": "x.xml", "html": "x.html",
          "warc": "x.warc", "text": "x.txt"}


@pytest.mark.parametrize("reader", [None, *READERS])
@FUZZ
@given(data=st.binary(max_size=2048))
def test_any_bytes_through_any_reader_land_or_are_recorded(fstore, reader, data):
    _land_one(fstore, data, SUFFIX.get(reader or "", "x.bin"), reader)


def _json_value(depth: int = 3):
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXTY)
    return st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=4),
                                                     st.dictionaries(st.sampled_from(
                                                         ["text", "body", "html", "title", "date", "source",
                                                          "url", "links", "language", "author", "x"]), c,
                                                         max_size=6)), max_leaves=12)


@FUZZ
@given(lines=st.lists(_json_value(), min_size=1, max_size=6), sep=st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_structured_but_wrong_json_lines(fstore, lines, sep):
    body = sep.join(json.dumps(v, ensure_ascii=False) for v in lines)
    _land_one(fstore, body.encode("utf-8", "surrogatepass"), "s.jsonl", None)
    _land_one(fstore, json.dumps(lines, ensure_ascii=False).encode("utf-8", "surrogatepass"), "s.json", None)


@FUZZ
@given(rows=st.lists(st.lists(TEXTY, max_size=5), min_size=1, max_size=5),
       header=st.lists(st.sampled_from(["text", "title", "date", "source", "url", "x", ""]), max_size=5))
def test_structured_but_wrong_csv(fstore, rows, header):
    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if random.random() < 0.7 else v
    body = "\n".join(",".join(cell(v) for v in r) for r in [header, *rows])
    _land_one(fstore, body.encode("utf-8", "surrogatepass"), "s.csv", None)


@hsettings(FUZZ, max_examples=8)
@given(items=st.lists(st.tuples(TEXTY, TEXTY, TEXTY), min_size=0, max_size=4), cut=st.integers(0, 400))
def test_structured_but_wrong_feeds_and_html(fstore, items, cut):
    from xml.sax.saxutils import escape
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>w</title>'
            + "".join(f"<item><title>{escape(t)}</title><pubDate>{escape(d)}</pubDate>"
                      f"<description>{escape(b)}</description></item>" for t, d, b in items)
            + "</channel></rss>")
    data = feed.encode("utf-8", "surrogatepass")
    _land_one(fstore, data, "f.xml", None)
    _land_one(fstore, data[:max(1, len(data) - cut)], "f-cut.xml", None)   # cut anywhere
    page = "<html><head><title>" + "".join(t for t, _, _ in items) + "</title></head><body>" + "".join(
        f"<div><p>{b}</p>" for _, _, b in items) + "</body></html>"
    _land_one(fstore, page.encode("utf-8", "surrogatepass"), "p.html", None)


@FAST
@given(data=st.binary(max_size=4096), declared=st.sampled_from([None, "utf-8", "cp1251", "euc-kr", "bogus", ""]))
def test_decoder_decodes_or_says_why(data, declared):
    from newsprism.ingest.decode import decode_bytes
    try:
        text, enc = decode_bytes(data, declared)
    except IngestError:
        return
    assert isinstance(text, str) and enc


@FUZZ
@given(text=TEXTY, as_html=st.booleans(), lang=st.sampled_from(LANGS))
def test_cleaner_returns_a_document_or_an_ingest_error(text, as_html, lang):
    from newsprism.clean import clean_record
    text = text.replace("\ud800", "\ufffd")    # readers hand the cleaner valid Unicode (ingest/fields.py)
    rec = RawRecord("fuzz:1", "text", text.encode("utf-8", "surrogatepass"))
    if as_html:
        rec.html = f"<html><body><p>{text}</p></body></html>"
    else:
        rec.text = text
    try:
        doc = clean_record(rec, SETTINGS)
    except IngestError:
        return
    assert doc.text.strip()


@FAST
@given(text=TEXTY, lang=st.sampled_from(LANGS))
def test_segmenter_spans_are_ordered_and_inside_the_text(text, lang):
    from newsprism.clean.segment import paragraphs, sentences
    last = 0
    for s, e in paragraphs(text):
        assert last <= s < e <= len(text)
        inner = list(sentences(text, s, e, lang))
        assert all(s <= a < b <= e for a, b in inner)
        last = e


@FAST
@given(text=TEXTY, lang=st.sampled_from(LANGS))
def test_quantity_parser_never_raises_and_stays_inside_the_text(text, lang):
    from newsprism.claims.extract import find_quantities
    for q in find_quantities(text, lang):
        assert 0 <= q.start < q.end <= len(text)


@FAST
@given(text=TEXTY, lang=st.sampled_from(LANGS),
       published=st.sampled_from([None, "2024-11-11", "2024-02-29T10:00:00+09:00", "garbage", "9999-12-31"]))
def test_time_parser_never_raises_and_stays_inside_the_text(text, lang, published):
    from newsprism.claims.dates import find_times
    for t in find_times(text, lang, published):
        assert 0 <= t.start < t.end <= len(text)


@FAST
@given(s=st.one_of(TEXTY, st.from_regex(r"[\d.,\s]{1,40}", fullmatch=True)), lang=st.sampled_from(LANGS))
def test_number_parsers_never_raise(s, lang):
    from newsprism.claims.numbers import korean_value, parse_digits
    parse_digits(s, lang)
    korean_value(s)


def nasty_corpus(seed: int = 1234) -> list[tuple[str, bytes]]:
    """Hostile inputs made here from rules, reproducible from the seed (nothing copied in)."""
    rng = random.Random(seed)
    good = json.dumps({"text": "The port reopened on Friday after a two-day strike, officials said."})
    deep = "[" * 50_000 + "]" * 50_000
    return [
        ("bomb.jsonl", (good + "\n" + '{"text": "x", "n": ' + "7" * 5000 + "}\n" + good + "\n").encode()),
        ("deep.jsonl", (good + "\n" + '{"text": ' + deep + "}\n").encode()),
        ("deep.json", deep.encode()),
        ("nul.txt", b"\x00" * 100 + b"text"),
        ("mixed.txt", bytes(rng.randrange(256) for _ in range(3000))),
        ("bom-only.txt", b"\xef\xbb\xbf"),
        ("utf16-odd.jsonl", good.encode("utf-16") + b"\x00"),
        ("nested.html", ("<div>" * 20_000 + "Words here and there." + "</div>" * 20_000).encode()),
        ("unclosed.html", b"<html><body><p>" + b"<b>" * 5000 + b"Late text."),
        ("quotes.csv", b'text,title\n"unterminated,x\n' + b'"a""b",c\n' * 50),
        ("wide.csv", b"text\n" + b"x" * 200_000 + b"\n"),
        ("entities.xml", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
                         b'&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                         b"<rss><channel><item><description>&c;&c;&c;</description></item></channel></rss>"),
        ("cut.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200"),
        ("gz-garbage.warc.gz", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(500))),
        ("rtl.txt", "\u202eSecret text reversed; the ministry said so.\u202c".encode()),
    ]


def test_seeded_nasty_corpus_lands_or_is_recorded(fstore):
    corpus = nasty_corpus()
    assert nasty_corpus() == corpus        # reproducible
    for name, data in corpus:
        _land_one(fstore, data, name, None)
    assert fstore.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
