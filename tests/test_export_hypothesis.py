"""Property: any Documents and Spans, any unicode, survive store -> jsonl -> read back."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings, strategies as st

from newsprism.export import export, read_jsonl
from newsprism.model import META_FIELDS, Document, MetaField, Span
from newsprism.store import open_store

# Lone surrogates cannot be UTF-8 encoded: no stored or exported text can hold them.
chars = st.characters(exclude_categories=("Cs",))
texts = st.text(alphabet=chars, max_size=120)
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53), texts,
                      st.floats(allow_nan=False, allow_infinity=False))
attrs = st.dictionaries(texts, st.one_of(json_leaf, st.lists(json_leaf, max_size=3)), max_size=3)
meta_field = st.builds(MetaField, value=texts, source=texts.filter(bool),
                       confidence=st.floats(0, 1), evidence=st.none() | texts)


@st.composite
def documents(draw):
    text = draw(texts)
    meta = draw(st.dictionaries(st.sampled_from(META_FIELDS + ("x-custom",)), meta_field, max_size=4))
    removed = draw(st.lists(st.fixed_dictionaries({"text": texts, "reason": texts}), max_size=2))
    raw = draw(st.binary(max_size=40))
    sha = hashlib.sha256(raw).hexdigest()
    locator = draw(texts)
    doc = Document(Document.make_id(locator, sha), locator, "text", sha, text, meta, removed,
                   draw(attrs))
    return doc, raw, draw(st.lists(spans(len(text)), max_size=8))


@st.composite
def spans(draw, n):
    start = draw(st.integers(0, n))
    end = draw(st.integers(start, n))
    return Span(start, end, draw(texts.filter(bool)), draw(texts), draw(texts.filter(bool)),
                draw(texts), draw(st.floats(0, 1)), draw(attrs))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(documents(), max_size=3, unique_by=lambda d: d[0].id))
def test_documents_and_spans_survive_store_and_jsonl(tmp_path, items):
    store = open_store(":memory:")
    by_stage: dict[tuple[str, str], list[Span]] = {}
    for doc, raw, doc_spans in items:
        store.put_raw(doc.raw_sha256, raw)
        store.add_document(doc)
        by_stage.clear()
        for s in doc_spans:
            by_stage.setdefault((doc.id, s.stage), []).append(s)
        for (doc_id, stage), group in by_stage.items():
            store.save_stage_result(doc_id, stage, "1", doc.text_sha256, group, 0.0)
    out = tmp_path / "out.jsonl"
    export(store, "jsonl", out)
    back = {d.id: (d, s) for d, s in read_jsonl(out)}
    assert len(back) == len(items)
    for doc, _, doc_spans in items:
        got, got_spans = back[doc.id]
        assert (got.text, got.meta, got.removed, got.extra, got.locator) == \
            (doc.text, doc.meta, doc.removed, doc.extra, doc.locator)
        key = lambda s: (s.start, s.end, s.layer, s.label, s.stage, s.stage_version, s.score, repr(s.attrs))
        assert sorted(map(key, got_spans)) == sorted(map(key, doc_spans))
    store.close()
