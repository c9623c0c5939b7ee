"""Readers, one format at a time: records, locators, raw bytes, field mapping, bad records."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsprism.config import load_settings
from newsprism.errors import DecodeError, EmptyInputError, IngestError, RecordError
from newsprism.ingest import Source, choose_reader
from newsprism.plugins import readers

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETTINGS = load_settings(environ={})


def source(data: bytes, name: str = "input.txt", content_type: str | None = None) -> Source:
    return Source(locator=f"/data/{name}", data=data, path=Path(f"/data/{name}"), content_type=content_type)


def read(data: bytes, name: str, **kw):
    src = source(data, name, **kw)
    return choose_reader(src).name, list(choose_reader(src).read(src, SETTINGS))


# -- choosing a reader -----------------------------------------------------------------

@pytest.mark.parametrize("name, data, expected", [
    ("a.txt", b"Plain words.", "text"),
    ("page.html", b"<p>x</p>", "html"),
    ("saved", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("a.jsonl", b'{"text": "x"}\n', "jsonl"),
    ("noext", b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
    ("a.json", b'[{"text": "x"}]', "json"),
    ("a.csv", b"title,text\nT,x\n", "csv"),
    ("a.xml", b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
    ("a.atom", b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    ("a.warc", b"WARC/1.0\r\n", "warc"),
])
def test_reader_chosen_by_suffix_and_content(name, data, expected):
    assert choose_reader(source(data, name)).name == expected


def test_content_type_of_a_fetched_page_chooses_html():
    src = Source(locator="https://example.org/news/123", data=b"<div>x</div>", content_type="text/html")
    assert choose_reader(src).name == "html"


def test_binary_input_has_no_reader_and_says_why():
    with pytest.raises(DecodeError, match="PDF"):
        choose_reader(source(b"%PDF-1.4\n\x00\x01\x02", "report.bin"))


def test_every_builtin_reader_is_registered():
    assert {"text", "html", "jsonl", "json", "csv", "feed", "warc"} <= set(readers())


# -- JSON Lines and JSON -----------------------------------------------------------------

JSONL = (b'{"headline": "Troops in Kursk", "story_text": "Body one.", "date": "2024-11-11",'
         b' "source": "KCNA", "byline": "Staff", "links": ["http://kcna.kp/a", "http://x"], "topic": "War"}\n'
         b'\n'
         b'{"text": "Body two.", "published_at": 1703376000000}\n'
         b'{"text": "broken\n'
         b'[1, 2]\n'
         b'{"title": "no body"}\n')


def test_jsonl_maps_fields_and_keeps_going_past_bad_lines():
    name, recs = read(JSONL, "feed.jsonl")
    assert name == "jsonl"
    assert [r.locator for r in recs] == [f"/data/feed.jsonl#line={n}" for n in (1, 3, 4, 5, 6)]
    first = recs[0]
    assert first.text == "Body one." and first.error is None
    assert {k: v.value for k, v in first.meta.items()} == {
        "title": "Troops in Kursk", "published": "2024-11-11", "outlet": "KCNA",
        "author": "Staff", "url": "http://kcna.kp/a"}
    assert first.meta["published"].source == "jsonl:field:date"
    assert first.extra == {"topic": "War"}
    assert first.raw == JSONL.split(b"\n")[0]
    assert recs[1].meta["published"].value == "2023-12-24"      # epoch ms at midnight UTC: a date
    assert all(isinstance(r.error, RecordError) for r in recs[2:])
    assert "not valid JSON" in str(recs[2].error)
    assert "list" in str(recs[3].error)
    assert "no text" in str(recs[4].error)


def test_jsonl_unparseable_date_is_kept_in_extra():
    _, [rec] = read(b'{"text": "x", "date": "last Tuesday"}', "a.jsonl")
    assert "published" not in rec.meta and rec.extra["published_unparsed"] == "last Tuesday"


def test_json_array_items_keep_their_own_bytes():
    data = '[\n  {"title": "Один", "text": "Первый."},\n  {"text": "Второй."}\n]'.encode()
    name, recs = read(data, "a.json")
    assert name == "json"
    assert [r.locator for r in recs] == ["/data/a.json#item=1", "/data/a.json#item=2"]
    assert json.loads(recs[0].raw) == {"title": "Один", "text": "Первый."}
    assert recs[0].raw.decode() in data.decode()


def test_broken_json_array_keeps_items_before_the_break():
    _, recs = read(b'[{"text": "a"}, {"text": "b"}, {"text": ', "a.json")
    assert [r.text for r in recs[:2]] == ["a", "b"]
    assert isinstance(recs[2].error, RecordError)


def test_json_object_with_one_list_of_articles():
    _, recs = read(b'{"status": "ok", "articles": [{"text": "a"}, {"text": "b"}]}', "a.json")
    assert [r.text for r in recs] == ["a", "b"]


def test_json_file_that_is_really_jsonl():
    _, recs = read(b'{"text": "a"}\n{"text": "b"}\n', "a.json")
    assert [r.locator.rsplit("#", 1)[1] for r in recs] == ["line=1", "line=2"]


def test_json_not_json_at_all():
    with pytest.raises(IngestError, match="not valid JSON"):
        list(readers()["json"].read(source(b"{oops", "a.json"), SETTINGS))


def test_kcna_raw_json_array_reads():
    path = SHARED / "data/kcna-en-2024/raw/headlines_2024-11-11.json"
    if not path.exists():
        pytest.skip("shared data not present")
    src = Source(locator=str(path), data=path.read_bytes(), path=path)
    recs = list(choose_reader(src).read(src, SETTINGS))
    good = [r for r in recs if r.error is None]
    assert len(good) > 1000
    # the scrape has items with an empty story_text: each is an error record, not a lost file
    assert all("no text" in str(r.error) for r in recs if r.error is not None)
    assert all("\t" not in r.meta["title"].value for r in good)
    first = recs[0]
    assert first.meta["title"].value.startswith("Japan's Discharge")
    assert first.meta["published"].value == "2023-12-24"
    assert first.meta["url"].value.startswith("http://www.kcna.kp/")
    assert first.text.startswith("Pyongyang, December 24 (KCNA)")


# -- CSV ----------------------------------------------------------------------------------

def test_csv_rows_with_quoted_newlines_and_long_fields():
    long_text = "Long paragraph. " * 20_000        # over the stdlib's 128 KiB field limit
    data = ("Title,Body,Outlet,Notes\n"
            '"One","First line\nsecond line",TASS,n1\n'
            f'"Two","{long_text}",RIA\n'
            '"Three","x","y","z","extra cell"\n').encode("utf-8")
    name, recs = read(data, "a.csv")
    assert name == "csv"
    assert [r.locator for r in recs] == [f"/data/a.csv#row={n}" for n in (1, 2, 3)]
    assert recs[0].text == "First line\nsecond line" and recs[0].meta["outlet"].value == "TASS"
    assert recs[0].extra == {"notes": "n1"} and recs[0].raw == b'"One","First line\nsecond line",TASS,n1\n'
    assert recs[1].text == long_text.strip()                    # short row padded, not refused
    assert isinstance(recs[2].error, RecordError) and "5 cells" in str(recs[2].error)


def test_csv_in_cp1251_with_semicolons():
    data = "title;text\nЗаголовок;Северокорейские войска прибыли в Курскую область.\n".encode("cp1251")
    _, [rec] = read(data, "ru.csv")
    assert rec.text == "Северокорейские войска прибыли в Курскую область."
    assert rec.meta["title"].value == "Заголовок"


def test_csv_without_a_text_column_is_refused_whole():
    path = SHARED / "data/euvsdisinfo-posts-2021/euvsdisinfo_posts.csv"
    data = path.read_bytes()[:4000] if path.exists() else b"date,id,title\n2021-02-18,x,y\n"
    with pytest.raises(IngestError, match="no text column"):
        list(readers()["csv"].read(source(data, "posts.csv"), SETTINGS))


# -- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="ru"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Войска в Курске | Новости</title>
<meta property="og:title" content="Войска в Курске">
<meta property="og:site_name" content="Новости">
<meta property="article:published_time" content="2024-11-11T09:30:00+03:00">
<meta name="author" content="Иван Петров">
<link rel="canonical" href="https://news.example/ru/kursk">
</head><body><article><p>Северокорейские войска прибыли в Курскую область.</p></article></body></html>"""


def test_html_decodes_by_meta_charset_and_takes_head_metadata():
    name, [rec] = read(PAGE.encode("cp1251"), "page.html")
    assert name == "html"
    assert rec.html == PAGE and rec.text is None
    assert rec.raw == PAGE.encode("cp1251")
    assert {k: v.value for k, v in rec.meta.items()} == {
        "title": "Войска в Курске", "site_name": "Новости", "published": "2024-11-11T09:30:00+03:00",
        "author": "Иван Петров", "url": "https://news.example/ru/kursk"}
    assert rec.meta["title"].source == "html:meta[og:title]"
    assert 'content="Войска в Курске"' in rec.meta["title"].evidence


def test_truncated_html_still_reads():
    cut = PAGE.encode("utf-8")[: len(PAGE.encode("utf-8")) // 2]
    _, [rec] = read(cut, "cut.html")
    assert rec.error is None and rec.html and rec.meta["title"].value == "Войска в Курске"


def test_empty_html_file_is_empty_input():
    with pytest.raises(EmptyInputError):
        list(readers()["html"].read(source(b"  \n", "e.html"), SETTINGS))


# -- feeds ------------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>TASS</title><language>ru</language>
<item><title>One</title><link>https://tass.example/1</link><author>desk@tass.example (Desk)</author>
<pubDate>Mon, 11 Nov 2024 09:30:00 +0300</pubDate><description>&lt;p&gt;First &lt;b&gt;story&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://tass.example/2</link></item>
<item><title>Three</title><description>Third story.</description></item>
</channel></rss>"""


def test_rss_entries_become_records_with_a_per_entry_error():
    name, recs = read(RSS, "tass.rss")
    assert name == "feed"
    assert [r.locator for r in recs] == [f"/data/tass.rss#entry={n}" for n in (1, 2, 3)]
    first = recs[0]
    assert "<b>story</b>" in first.html
    assert first.meta["title"].value == "One" and first.meta["url"].value == "https://tass.example/1"
    assert first.meta["published"].value == "2024-11-11T06:30:00+00:00"
    assert first.meta["outlet"].value == "TASS" and first.meta["outlet"].confidence < 1
    assert first.raw.startswith(b"<item>") and b"https://tass.example/1" in first.raw
    assert isinstance(recs[1].error, RecordError) and "Headline only" in str(recs[1].error)
    assert recs[2].error is None


def test_atom_content_preferred_over_summary():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>RT</title>
<entry><title>A</title><id>urn:1</id><updated>2024-11-12T10:00:00Z</updated>
<summary>short</summary><content type="html">&lt;p&gt;The full story.&lt;/p&gt;</content></entry></feed>"""
    _, [rec] = read(atom, "rt.atom")
    assert "The full story." in rec.html
    assert rec.meta["published"].source == "feed:entry:updated"


def test_broken_feed_keeps_entries_and_records_the_break():
    broken = RSS.replace(b"</channel></rss>", b"<item><title>Four</title><description>x & y</descr")
    _, recs = read(broken, "broken.rss")
    good = [r for r in recs if r.error is None]
    assert len(good) >= 2
    assert recs[-1].locator.endswith("#feed") and "not well-formed" in str(recs[-1].error)


def test_not_a_feed_at_all():
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        list(readers()["feed"].read(source(b"just some words, no XML", "x.rss"), SETTINGS))


# -- WARC ---------------------------------------------------------------------------------------

def make_warc(pages: list[tuple[str, str, bytes]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_html_responses_become_html_records():
    page = "<html><head><title>x</title></head><body><p>Корейские войска.</p></body></html>"
    data = make_warc([("https://a.example/1", "text/html; charset=koi8-r", page.encode("koi8-r")),
                      ("https://a.example/logo.png", "image/png", b"\x89PNG\r\n"),
                      ("https://a.example/2", "text/html", b"<p>Second page.</p>")])
    assert data.startswith(b"\x1f\x8b")
    name, recs = read(data, "crawl.warc.gz")
    assert name == "warc"
    assert len(recs) == 2
    assert recs[0].html == page and recs[0].meta["url"].value == "https://a.example/1"
    assert recs[0].locator.startswith("/data/crawl.warc.gz#record=urn:uuid:")
    assert recs[0].raw == page.encode("koi8-r") and recs[0].extra["captured_at"]


def test_truncated_warc_keeps_captures_before_the_break():
    data = make_warc([("https://a.example/1", "text/html", b"<p>One.</p>"),
                      ("https://a.example/2", "text/html", b"<p>Two.</p>" * 500)], gz=False)
    _, recs = read(data[: len(data) - 2000], "cut.warc")
    assert recs[0].html == "<p>One.</p>"
