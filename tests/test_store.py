"""The store: migrations, raw bytes kept, documents and spans round-trip, FTS search."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from newsprism.model import Document, MetaField, Span
from newsprism.model.document import bytes_hash
from newsprism.store import open_store
from newsprism.store.migrations import MIGRATIONS


def _doc(text: str, locator: str = "mem://a", **meta) -> Document:
    raw = text.encode("utf-8")
    return Document(id=Document.make_id(locator, bytes_hash(raw)), locator=locator, reader="text",
                    raw_sha256=bytes_hash(raw), text=text,
                    meta={k: MetaField(v, "test") for k, v in meta.items()})


def _add(store, doc: Document) -> None:
    store.put_raw(doc.raw_sha256, doc.text.encode("utf-8"))
    store.add_document(doc)


def test_migrations_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    s = open_store(path)
    assert s.schema_version() == max(v for v, _, _ in MIGRATIONS)
    assert s.migrate() == []          # nothing left to apply
    mode = s.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    s.close()
    assert open_store(path).migrate() == []


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "n.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    con.commit()
    con.close()
    import pytest
    from newsprism.errors import StoreError
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_document_and_spans_round_trip(store):
    d = _doc("Kim Jong Un said it. Ким Чен Ын тоже.", title="T", language="en")
    _add(store, d)
    spans = [Span(0, 11, "entity", "PERSON", "t", "1", 0.9, {"actor": "kim-jong-un"}),
             Span(0, 20, "sentence", "sentence", "t", "1")]
    store.save_stage_result(d.id, "t", "1", d.text_sha256, spans, 1.0)
    back = store.get_document(d.id)
    assert back.text == d.text and back.get("title") == "T" and back.meta["title"].source == "test"
    got = store.spans(d.id)
    assert {(s.start, s.end, s.layer, s.label) for s in got} == {(s.start, s.end, s.layer, s.label) for s in spans}
    assert next(s for s in got if s.layer == "entity").attrs == {"actor": "kim-jong-un"}
    assert store.get_raw(d.raw_sha256) == d.text.encode("utf-8")


def test_search_words_and_cjk(store):
    _add(store, _doc("North Korean troops fought in Kursk.", "a", language="en"))
    _add(store, _doc("김정은은 평양에서 연설했다.", "b", language="ko"))
    _add(store, _doc("Войска КНДР воевали в Курской области.", "c", language="ru"))
    _add(store, _doc("朝鲜军队在库尔斯克作战。", "d", language="zh"))
    assert [h["id"] for h in store.search("Kursk")] == [_doc("North Korean troops fought in Kursk.", "a").id]
    assert len(store.search("김정은")) == 1          # trigram: matches inside 김정은은
    assert len(store.search("库尔斯克")) == 1        # no spaces between words at all
    assert len(store.search("Курской")) == 1
    from newsprism.store.query import QueryError
    with pytest.raises(QueryError):                       # an unclosed quote is a one-line error, not SQL
        store.search('"; DROP TABLE documents; --')
    assert store.search('Kursk "; DROP TABLE documents; --"') == [] and store.count_documents() == 4


@hsettings(max_examples=40, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300), data=st.data())
def test_spans_round_trip_property(text, data):
    store = open_store(":memory:")
    d = _doc(text)
    _add(store, d)
    n = len(text)
    spans = []
    for _ in range(data.draw(st.integers(0, 5))):
        a = data.draw(st.integers(0, n))
        b = data.draw(st.integers(a, n))
        spans.append(Span(a, b, "x", data.draw(st.text(max_size=10)), "t", "1",
                          data.draw(st.floats(0, 1)), {"v": data.draw(st.text(max_size=20))}))
    store.save_stage_result(d.id, "t", "1", d.text_sha256, spans, 0.0)
    back = store.spans(d.id)
    key = lambda s: (s.start, s.end, s.label, s.score, s.attrs["v"])  # noqa: E731
    assert sorted(map(key, back)) == sorted(map(key, spans))
    assert store.get_document(d.id).text == text
    store.close()
