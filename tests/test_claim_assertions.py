"""Assertions discovered without a story lexicon (claims/assertions.py); invented sentences."""

from types import SimpleNamespace

import numpy as np
import pytest

from newsprism.claims.assertions import MIN_DOCUMENTS, discover, group_assertions
from newsprism.claims.case import apply_case, follow_pins, load_case
from newsprism.model import Span


def _found(text, lang, names):
    doc = SimpleNamespace(text=text, language=lang)
    sent = Span(0, len(text), "sentence", "sentence", "t", "1", 1.0, {})
    ents = [Span(text.index(n), text.index(n) + len(n), "entity", "GPE", "t", "1", 1.0, {}) for n in names]
    return [(a["key"], text[a["start"]:a["end"]]) for a in discover(doc, sent, ents)]


def test_parsed_predicate_and_object():
    assert _found("Borduria liberated the Vlast region last week.", "en", ["Borduria", "Vlast"]) == \
        [("assert:liberate/region", "liberated the Vlast region")]
    assert _found("Borduria did not liberate the Vlast region.", "en", ["Borduria", "Vlast"])[0][0] == \
        "assert:liberate/region:not"
    # the report frame ("said that") is not the assertion; what it reports is
    assert [k for k, _ in _found("Officials said that Syldavia sent artillery shells to Borduria.", "en",
                                  ["Syldavia", "Borduria"])] == ["assert:send/shell"]
    # no named party: wording, not an assertion
    assert _found("The weather improved the mood.", "en", []) == []
    # a preposition of time places the verb, it names no object: "had before the war" asserts nothing of the war
    assert _found("The toll equals a tenth of the people Vlastia had before the war.", "en", ["Vlastia"]) == []
    assert [k for k, _ in _found("Borduria fought alongside Syldavia.", "en", ["Borduria", "Syldavia"])] \
        == ["assert:fight/syldavia"]


def test_unparsed_languages_use_the_pack_verb():
    assert _found("Бордурия освободила Властскую область.", "ru", ["Бордурия"])[0][0] == "assert:ru:освобо/властс"
    assert _found("Бордурия не освободила Властскую область.", "ru", ["Бордурия"])[0][0].endswith(":not")
    assert _found("보르두리아는 블라스트 지역을 해방했다.", "ko", ["보르두리아"])[0][0] == "assert:ko:해방했다/지역"
    assert _found("Бордурия освободила Властскую область.", "ru", []) == []      # nothing named


def _m(doc, subject, text, start=0, role="assertion", disputes=None):
    return {"doc_id": doc, "duplicate_of": None, "start": start, "subject": subject, "label": subject, "role": role,
            "text": text, "context": text, "disputes": disputes}


def test_groups_across_languages_need_two_documents():
    from newsprism.embeddings import embedder
    ms = [_m("a", "assert:liberate/region", "liberate region"),       # the phrases the claims stage writes
          _m("b", "assert:ru:освобо/властс", "освободила Властскую область"),
          _m("c", "assert:capture/village", "capture village"),
          _m("d", "assert:liberate/region:not", "not liberate region")]
    vecs = dict(enumerate(np.asarray(embedder().encode([m["text"] for m in ms]))))
    keys = group_assertions(ms, vecs)
    assert MIN_DOCUMENTS == 2
    assert keys[0] == keys[1] == "assert:liberate/region"       # en and ru, one group
    assert keys[2] == "" and keys[3] == ""                      # stated once: no group; negation apart


def test_a_disputed_assertion_stands_alone():
    ms = [_m("a", "assert:free/region", "freed the region"),
          _m("a", "assert:free/region", "denied", 50, "dispute", {"start": 0, "kind": "assertion"})]
    keys = group_assertions(ms, {0: np.ones(4) / 2})
    assert keys == {0: "assert:free/region", 1: "assert:free/region"}


def test_case_file_pins_assertions(tmp_path):
    f = tmp_path / "case.json"
    f.write_text('{"assertions": [{"id": "vlast-freed", "label": "Vlast freed", "pattern": "liberat\\\\w* the vlast",'
                 ' "exclude": "film"}]}', encoding="utf-8")
    case = load_case(str(f))
    ms = [_m("a", "assert:liberate/region", "liberated the Vlast region"),
          _m("a", "assert:liberate/region", "denied", 50, "dispute", {"start": 0}),
          _m("b", "assert:liberate/region", "liberated the Vlast region"),
          _m("c", "assert:cross/border", "crossed the border")]
    ms[0]["context"] = "Borduria # and crossed the border."
    ms[2]["context"] = "A film about how troops #."
    ms[3]["context"] = "Borduria liberated the Vlast region and #."      # the pattern is not about this one
    for m in ms[::2] + ms[3:]:
        apply_case(m, case)
    follow_pins(ms)
    assert [m["subject"] for m in ms] == ["vlast-freed", "vlast-freed", "assert:liberate/region", "assert:cross/border"]
    assert load_case("")["assertions"] == []


def test_a_verb_of_speech_frames_the_assertion():
    text = "Министр заявил, что Бордурия освободила Властскую область."
    doc = SimpleNamespace(text=text, language="ru")
    sent = Span(0, len(text), "sentence", "sentence", "t", "1", 1.0, {})
    ents = [Span(text.index("Бордурия"), text.index("Бордурия") + 8, "entity", "GPE", "t", "1", 1.0, {})]
    at = text.index("заявил")
    found = discover(doc, sent, ents, speech=[(at, at + 6)])
    assert found[0]["key"] == "assert:ru:освобо/властс"


def test_grouping_equals_one_linkage_over_all():
    # the nearest-neighbour chain over distinct phrases cuts the same clusters as one linkage over every member
    from scipy.cluster.hierarchy import fcluster, linkage
    from newsprism.claims.assertions import ASSERTION_SPLIT
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(12, 16))
    vecs, ms = {}, []
    for n in range(400):
        v = centres[n % 12] + rng.normal(scale=0.35 + 0.1 * (n % 5), size=16)
        if n % 7 == 0 and n:                       # the same phrase again: an identical vector
            v = vecs[n - 1]
        vecs[n] = v
        ms.append(_m(f"d{n}", f"assert:p{n % 12}/o{n}", "x"))
    keys = group_assertions(ms, vecs)
    ref = fcluster(linkage(np.asarray([vecs[i] for i in range(400)]), method="average", metric="cosine"),
                   t=ASSERTION_SPLIT, criterion="distance")
    ours: dict = {}
    for i, k in keys.items():
        ours.setdefault(k, set()).add(i)
    expect: dict = {}
    for i, k in enumerate(ref):
        expect.setdefault(k, set()).add(i)
    stood = {frozenset(g) for g in expect.values() if len(g) >= 2}
    assert len(stood) > 5 and {frozenset(g) for k, g in ours.items() if k} == stood


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_average_clusters_equal_scipy_linkage(seed):
    # weighted rows (a phrase said n times) against scipy's linkage over every point, duplicates included
    from scipy.cluster.hierarchy import fcluster, linkage
    from newsprism.claims.assertions import ASSERTION_SPLIT, _average_clusters
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(8, 24))[rng.integers(0, 8, 300)] + rng.normal(scale=0.6, size=(300, 24))
    w = rng.integers(1, 4, 300)
    ours = _average_clusters(x, w, ASSERTION_SPLIT)
    pts = np.repeat(np.arange(300), w)
    ref = fcluster(linkage(x[pts], method="average", metric="cosine"), t=ASSERTION_SPLIT, criterion="distance")
    part = lambda lab, of: {frozenset(np.flatnonzero(lab[of] == k)) for k in set(lab[of])}  # noqa: E731
    assert part(ours, pts) == part(ref, np.arange(len(pts)))
    assert 1 < len(set(ours)) < 300
