"""Reconcile: attribution spans win over the fallback; relays of one statement count as one origin."""

from __future__ import annotations

import pytest

from newsprism.claims.query import load_groups
from newsprism.claims.reconcile import build_groups, collect_members
from newsprism.model import Span
from newsprism.pipeline import analyze, build_corpus, ingest


def _ingest(store, settings, tmp_path, texts):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    ingest(store, [str(tmp_path / f"{n}.txt") for n in texts], settings)
    analyze(store, settings, stages=["claims"])


def test_attribution_actor_and_relays(store, settings, tmp_path):
    kcna = "North Korea said it deployed about 12,000 troops to Russia's Kursk region."
    tass = "TASS reported, citing KCNA, that North Korea deployed about 12,000 troops to Russia's Kursk region."
    nis = "South Korea's spy agency said North Korea sent over 15,000 troops to Russia."
    _ingest(store, settings, tmp_path, {"kcna": kcna, "tass": tass, "nis": nis})
    # fake the voices stage: attribution spans whose content covers the claims, KCNA relayed by TASS; the claims
    # stage reads them (claims v9), so it runs again over the faked layer
    from newsprism.voices.attributions.version import VERSION as ATT_VERSION
    for doc in store.iter_documents():
        start = doc.text.index("North Korea deployed") if "TASS" in doc.text else 0
        via = ["tass"] if "TASS" in doc.text else []
        actor = "nis-south-korea" if "spy" in doc.text else "kcna"
        store.save_stage_result(doc.id, "attributions", ATT_VERSION, doc.text_sha256, [Span(
            start, len(doc.text), "attribution", "indirect", "attributions", ATT_VERSION, 1.0,
            {"actor": actor, "via": via, "stance": "says"})], 0.0)
        store.save_stage_result(doc.id, "claims", "stale", doc.text_sha256, [], 0.0)
    analyze(store, settings, stages=["claims"])
    build_corpus(store, settings, stages=["reconcile"])
    g = next(g for g in load_groups(store, subject="north-korean/deployed"))
    by_src = {(m["source"], m["source_method"]) for m in g["members"]}
    assert ("kcna", "attribution") in by_src and ("nis-south-korea", "attribution") in by_src
    assert g["n_claims"] == 3 and g["n_origins"] == 2          # KCNA + its TASS relay = one origin
    assert g["summary"]["relays"] == ["tass"]
    # about 12,000 vs over 15,000: a conflict between two named sources, but neither text is dated, so it is
    # listed as undated and not flagged (the figures may be of two times)
    assert g["summary"]["conflicts"] and {c["period"] for c in g["summary"]["conflicts"]} == {"undated"}
    assert not g["disagreement"]
    # readers see the registry's name for an actor id, the id stays the key
    names = {m["source"]: m["attrs"]["source_name"] for m in g["members"]}
    assert names["nis-south-korea"] != "nis-south-korea" and "Intelligence" in names["nis-south-korea"]


def test_outlet_fallback_and_unknown(store, settings, tmp_path):
    _ingest(store, settings, tmp_path, {"a": "North Korea has sent about 15,000 soldiers to Russia."})
    members = collect_members(store)
    assert members and members[0]["source"] in ("unknown",) or members[0]["source_method"] == "outlet"
    groups = build_groups(members)
    assert any(g["subject"] == "north-korean/deployed" for g in groups.values())


def test_bad_input_makes_no_claims(store, settings, tmp_path):
    junk = {"ocr": "l0,000 tr00ps ¦¦ 1O,OOO 3,4,5,6,7 ..,, 999999999999999999999999 soldiers\n" * 30,
            "table": "\n".join(" | ".join(str(i * j) for j in range(1, 12)) for i in range(1, 40))}
    _ingest(store, settings, tmp_path, junk)
    for m in collect_members(store):
        assert m["subject"].startswith("count:") and (m["max_value"] or 0) < 1e15


def _generic(doc, value, context):
    return {"doc_id": doc, "duplicate_of": None, "start": 0, "end": 1, "role": "quantity", "subject": "count:flat",
            "label": "flat", "value_kind": "count", "source": "kcna", "source_method": "outlet", "via": [],
            "outlet": "kcna", "published": None, "as_of": None, "as_of_text": None, "as_of_resolved": False,
            "min_value": value, "max_value": value, "hedge": None, "increment": False, "vague": False,
            "text": f"{value} flats", "disputes": None, "context": context}


def test_generic_groups_split_by_sentence_and_never_flag_disagreement():
    from newsprism.claims.reconcile import split_generic
    members = [_generic("a", 10000, "building # in the Hwasong area"), _generic("b", 10000, "# in the Hwasong area"),
               _generic("c", 50000, "the five-year plan of # in the capital"), _generic("d", 40000, "# in the capital plan")]
    vectors = {0: [1.0, 0.0], 1: [0.99, 0.14], 2: [0.0, 1.0], 3: [0.1, 0.99]}     # two clear topics
    clusters = split_generic(members, vectors)
    assert clusters[0] == clusters[1] != clusters[2] == clusters[3]
    groups = build_groups(members, clusters)
    assert sorted(g["n_claims"] for g in groups.values()) == [2, 2]
    # the split groups are told apart by the words only they use
    assert {g["label"] for g in groups.values()} == {"flat (area, hwasong, building)", "flat (capital, plan, five)"}
    # a generic group with different values is spread, not a disagreement between sources
    one = build_groups([_generic("a", 10000, "x #"), _generic("c", 50000, "y #")])
    (g,) = one.values()
    assert g["spread"] == 0.8 and not g["disagreement"]


def test_generic_subject_needs_a_noun():
    from newsprism.claims.subjects import quantity_subject
    assert quantity_subject("over 200 new ones", "", "count", "new", 200) is None
    assert quantity_subject("1,200 people gathered", "", "count", "people", 1200) == ("count:person", "person")


def test_claim_values_read_as_people_say_them():
    from newsprism.claims.report import value_text
    assert value_text({"min_value": 33.3333, "max_value": 33.3333, "hedge": "nearly"}, "share") == "nearly 33.3 %"
    assert value_text({"min_value": 4.0, "max_value": 4.0}, "multiple") == "×4"
    inc = {"min_value": 3000.0, "max_value": 3000.0, "increment": True,
           "attrs": {"implied_total": {"min": 14000.0, "max": None, "hedge": "more than"}}}
    assert value_text(inc, "count") == "3k (increment → total more than 14k)"


def test_deployment_claims_group_across_languages(store, settings, tmp_path):
    _ingest(store, settings, tmp_path, {
        "ru": "По данным разведки Южной Кореи, КНДР направила в Россию около 12 тысяч военных для участия в войне "
              "против Украины. Около 3 тысяч из них погибли или были ранены в Курской области.",
        "ko": "국가정보원은 북한이 러시아에 약 1만 1천 명의 병력을 파병했다고 밝혔다. 국정원에 따르면 이 가운데 약 4천700명이 "
              "사상한 것으로 추정된다.",
        "de": "Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea rund 12.000 Soldaten nach Russland "
              "geschickt, um im Krieg gegen die Ukraine zu kämpfen."})
    groups = {g["subject"]: g for g in build_groups(collect_members(store)).values()}
    deployed = sorted(m["min_value"] for m in groups["north-korean/deployed"]["members"])
    assert deployed == [11000.0, 12000.0, 12000.0]                   # ko, de, ru in one group
    casualties = sorted(m["min_value"] for m in groups["north-korean/killed-or-wounded"]["members"])
    assert casualties == [3000.0, 4700.0]                            # "погибли или были ранены" = casualties


def test_claims_command_prints_shares_and_multiples_as_people_say_them():
    from newsprism.claims.commands import _fmt_value
    assert _fmt_value({"min_value": 33.3, "max_value": 33.3, "hedge": "nearly"}, "share") == "nearly 33 %"
    assert _fmt_value({"min_value": 4.0, "max_value": 4.0}, "multiple") == "×4"
    assert _fmt_value({"min_value": 11000, "max_value": None, "hedge": "more than"}, "count") == "more than 11,000"
    assert _fmt_value({"min_value": 0.5, "max_value": 0.5}) == "0.5"


def _dated(source, value, as_of, resolved=True):
    m = _generic(source, value, "troops sent")
    return m | {"subject": "north-korean/deployed", "label": "deployed", "source": source, "source_method": "attribution",
                "as_of": as_of, "as_of_resolved": resolved, "text": f"{value} troops"}


def test_values_dated_apart_are_a_change_over_time_not_a_disagreement():
    from newsprism.claims.reconcile import period
    assert period("2024-10") == (period("2024-10-01")[0], period("2024-10-31")[0])
    assert period("PY-SU") is None and period("2024-W47")[1].isoformat() == "2024-11-24"
    # 11,000 in October 2024 and 15,000 in 2025: the figure changed, nobody contradicts anybody
    (g,) = build_groups([_dated("nis", 11000, "2024-10"), _dated("wsj", 15000, "2025-06")]).values()
    assert not g["disagreement"] and len(g["summary"]["changes_over_time"]) == 1
    # the same month, different figures: a disagreement
    (g,) = build_groups([_dated("nis", 11000, "2024-10"), _dated("wsj", 15000, "2024-10-20")]).values()
    assert g["disagreement"] and g["summary"]["conflicts"][0]["period"] == "same"
    # one date unknown: the conflict is listed, marked undated, but not flagged: the figures may be of two times
    (g,) = build_groups([_dated("nis", 11000, "2024-10"), _dated("wsj", 15000, "PAST_REF-year", False)]).values()
    assert not g["disagreement"] and g["summary"]["conflicts"][0]["period"] == "undated"


def test_shares_of_a_deployed_total_in_three_languages(store, settings, tmp_path):
    # "a third of the 11,000": the 11,000 is the deployed total the share is taken of, not a loss figure
    _ingest(store, settings, tmp_path, {
        "ru": "По данным разведки, почти треть из 11 тысяч северокорейских военных, отправленных в Россию, "
              "погибли или были ранены.",
        "ko": "국정원은 러시아에 파병된 북한군 1만1천여 명 중 3분의 1가량이 사상했다고 밝혔다.",
        "en": "Nearly a third of the 11,000 North Korean troops sent to Russia were killed or wounded."})
    groups = {(g["subject"], g["value_kind"]): g for g in build_groups(collect_members(store)).values()}
    assert sorted(m["min_value"] for m in groups[("north-korean/deployed", "count")]["members"]) == [11000.0] * 3
    shares = groups[("north-korean/killed-or-wounded", "share")]["members"]
    assert len(shares) == 3 and all(round(m["min_value"], 1) == 33.3 for m in shares)
    assert ("north-korean/killed-or-wounded", "count") not in groups


def test_a_denial_of_reported_figures_disputes_them(store, settings, tmp_path):
    _ingest(store, settings, tmp_path, {
        "ru": "Разведка\n\nМосква, 20 ноября 2024 года. По данным южнокорейской разведки, КНДР направила в Россию "
              "более 11 тысяч военных. Министерство обороны России опровергло эти сообщения, назвав их фейком.",
        "ko": "국정원 발표\n\n국가정보원은 북한이 러시아에 1만1천여 명의 병력을 파병했다고 밝혔다. 러시아 국방부는 이 보도를 부인했다."})
    groups = {(g["subject"], g["value_kind"]): g for g in build_groups(collect_members(store)).values()}
    g = groups[("north-korean/deployed", "count")]
    assert g["disputed"] and g["kind"] == "quantity"
    disputes = [m for m in g["members"] if m["role"] == "dispute"]
    assert {m["source"] for m in disputes} == {"russian-mod"}                 # named in Russian and in Korean
    assert ("north-korean/deployed", None) not in groups and ("north-korean/deployed", "assertion") not in groups


def test_a_running_total_since_a_date_is_as_of_publication(store, settings, tmp_path):
    _ingest(store, settings, tmp_path, {"en": (
        "More troops\n\nSeoul, April 30, 2025 — South Korea's spy agency said that about 15,000 North Korean troops "
        "have been deployed to Russia since October last year.")})
    (m,) = [m for m in collect_members(store) if m["subject"] == "north-korean/deployed"]
    assert (m["as_of"], m["as_of_resolved"], m["published"]) == ("2025-04-30", True, "2025-04-30")



@pytest.mark.parametrize("sentence, phrase, actor", [
    ("The liberation of the Kursk region has been hailed by North Korean state media as a triumph.",
     "North Korean state media", "north-korean-state-media"),
    ("По данным южнокорейской разведки, КНДР направила в Россию более 11 тысяч военных.",
     "южнокорейской разведки", "nis-south-korea"),
    ("По словам Сырского, в Курской области находятся около 12 тысяч военных.", "Сырского", "oleksandr-syrskyi"),
    ("«Это ложь», — заявил Дмитрий Песков.", "Дмитрий Песков", "dmitry-peskov"),
    ("국정원에 따르면 이 가운데 약 4천700명이 사상했다.", "국정원", "nis-south-korea"),
    ("국가정보원은 북한이 1만1천여 명을 파병했다고 밝혔다.", "국가정보원", "nis-south-korea"),
])
def test_sentence_rule_source_in_three_languages(sentence, phrase, actor):
    from newsprism.claims.subjects import sentence_source
    assert sentence_source(sentence, len(sentence) // 2) == (phrase, actor)


def _deployed(doc, value, outlet=None, duplicate_of=None, method="outlet"):
    m = _generic(doc, value, "# troops sent to Russia")
    source = outlet or "unknown"
    return m | {"subject": "north-korean/deployed", "label": "North Korean troops deployed", "duplicate_of": duplicate_of,
                "outlet": outlet, "source": source, "source_method": method if outlet else "unknown"}


def test_origins_of_unsourced_claims():
    # three unrelated articles, no source named and no outlet known: three origins, not one called "unknown"
    g = next(iter(build_groups([_deployed("a", 11000), _deployed("b", 12000), _deployed("c", 15000)]).values()))
    assert g["n_origins"] == 3
    assert not g["disagreement"]           # 11,000 vs 15,000 from undated articles that name no source: spread only
    assert {side for c in g["summary"]["conflicts"] for side in (c["a"][0], c["b"][0])} == {"not stated (outlet unknown)"}
    # an aggregator's copy of a Yonhap article counts with Yonhap, wherever it was published
    g = next(iter(build_groups([_deployed("y", 11000, outlet="Yonhap"),
                                _deployed("copy", 11000, outlet="NewsNow", duplicate_of="y"),
                                _deployed("copy2", 11000, duplicate_of="y")]).values()))
    assert g["n_origins"] == 1 and {m["origin"] for m in g["members"]} == {"Yonhap"}
    # a copy whose original made no claim here counts with its own outlet; an unknown one with the original
    g = next(iter(build_groups([_deployed("x", 11000, outlet="NewsNow", duplicate_of="gone"),
                                _deployed("z", 11000, duplicate_of="gone")]).values()))
    assert {m["origin"] for m in g["members"]} == {"NewsNow", "unknown:gone"}


def test_bases_increments_korean_casualties_and_shells(store, settings, tmp_path):
    _ingest(store, settings, tmp_path, {
        # the whole a loss is taken of, written before it: "11 тысяч …, из которых 4 тысячи погибли"
        "ru": "По данным южнокорейской разведки, в Россию были отправлены более 11 тысяч северокорейских солдат, "
              "из которых около 4 тысяч погибли или были ранены в Курской области.",
        # "죽거나 다친" (killed or wounded) and "추가로" (additionally) written after the number
        "ko": "국가정보원은 러시아 쿠르스크 지역에 파병된 북한군 가운데 약 4천700명이 죽거나 다친 것으로 추산된다고 "
              "밝혔다. 국정원에 따르면 북한은 지난달 3천여 명을 추가로 파병했다.",
        "en": "Half a million North Korean artillery shells have been shipped to Russia for the war in Ukraine, "
              "South Korea's spy agency said."})
    groups = {g["subject"]: g for g in build_groups(collect_members(store)).values()}
    assert [m["min_value"] for m in groups["north-korean/deployed"]["members"]] == [11000.0]
    (more,) = groups["north-korean/deployed+additional"]["members"]       # "추가로": an addition, a group apart
    assert more["min_value"] == 3000.0 and more["increment"]
    assert sorted(m["min_value"] for m in groups["north-korean/killed-or-wounded"]["members"]) == [4000.0, 4700.0]
    assert [m["min_value"] for m in groups["north-korean-shell/supplied"]["members"]] == [500000.0]


def test_headline_names_its_source(store, settings, tmp_path):
    from newsprism.claims.subjects import headline_source
    assert headline_source("Разведка Южной Кореи: КНДР отправила в Россию ещё около 3 тысяч военных")[1] == "nis-south-korea"
    assert headline_source('국정원 "북한군 사상자 4천700명 추산"')[1] == "nis-south-korea"
    assert headline_source("Analysis: North Korea sent 3,000 more troops") == (None, None)   # not an actor
    assert headline_source("The NIS said: 3,000 more troops were sent.") == (None, None)     # a sentence, not a headline
    _ingest(store, settings, tmp_path, {"ko": '국정원 "북한군 사상자 4천700명 추산"\n\n러시아 쿠르스크 지역 전투에서 '
                                              '북한군의 피해가 커지고 있다.'})
    (m,) = [m for m in collect_members(store) if m["subject"] == "north-korean/killed-or-wounded"]
    # the Korean speech rules now read the headline as an attribution too; either way the source is the NIS
    assert m["source"] == "nis-south-korea" and m["source_method"] in ("sentence-rule", "attribution")


def test_unresolved_speaker_is_resolved_through_the_source_patterns(store, settings, tmp_path):
    _ingest(store, settings, tmp_path, {"ru": "По данным южнокорейской разведки, КНДР направила в Россию около "
                                              "12 тысяч военных для войны против Украины."})
    doc = next(store.iter_documents())
    speaker = doc.text.index("южнокорейской")
    store.save_stage_result(doc.id, "attributions", "test", doc.text_sha256, [Span(
        0, len(doc.text), "attribution", "indirect", "attributions", "test", 1.0,
        {"actor": None, "speaker_text": "южнокорейской разведки", "speaker": [speaker, speaker + 22], "via": []})], 0.0)
    (m,) = [m for m in collect_members(store) if m["subject"] == "north-korean/deployed"]
    assert (m["source"], m["source_method"]) == ("nis-south-korea", "attribution")
    # an automatic cluster id ("auto:razvedka") gives way to a known source the speaker's words name
    store.save_stage_result(doc.id, "attributions", "test2", doc.text_sha256, [Span(
        0, len(doc.text), "attribution", "indirect", "attributions", "test2", 1.0,
        {"actor": "auto:razvedka", "speaker_text": "Разведка Южной Кореи", "speaker": [0, 5], "via": []})], 0.0)
    (m,) = [m for m in collect_members(store) if m["subject"] == "north-korean/deployed"]
    assert m["source"] == "nis-south-korea"


def test_romance_languages_and_russian_kursk_wording(store, settings, tmp_path):
    from newsprism.claims.extract import find_quantities
    assert find_quantities("a envoyé 12 000 soldats nord-coréens en Russie", "fr")[0].unit == "soldat"   # the noun first
    assert find_quantities("أرسلت نحو 12 ألف جندي إلى روسيا", "ar")[0].unit == "جندي"
    _ingest(store, settings, tmp_path, {
        "fr": "Selon les services de renseignement sud-coréens, la Corée du Nord a envoyé environ 12 000 soldats "
              "nord-coréens en Russie pour combattre l'Ukraine dans la région de Koursk.",
        "es": "Según la inteligencia surcoreana, Corea del Norte envió unos 11.000 soldados norcoreanos a Rusia "
              "para la guerra contra Ucrania.",
        "ru": "Министерство обороны России заявило, что около 12 тысяч военных КНДР находятся в Курской области, "
              "где идут бои с Украиной."})
    (g,) = [g for g in build_groups(collect_members(store)).values() if g["subject"] == "north-korean/deployed"]
    assert sorted(m["min_value"] for m in g["members"]) == [11000.0, 12000.0, 12000.0]
    sources = {m["source"] for m in g["members"]}
    assert {"nis-south-korea", "russian-mod"} <= sources


def test_a_source_named_inside_anothers_report_keeps_its_figure(store, settings, tmp_path):
    text = ("South Korea's spy agency said that about 15,000 North Korean soldiers are now in Russia's Kursk region, "
            "while Ukraine's military intelligence put the figure at 12,000.")
    _ingest(store, settings, tmp_path, {"en": text})
    doc = next(store.iter_documents())
    cue = doc.text.index("said")
    store.save_stage_result(doc.id, "attributions", "test", doc.text_sha256, [Span(
        0, len(doc.text), "attribution", "indirect", "attributions", "test", 1.0,      # the span runs to the end
        {"actor": "nis-south-korea", "speaker": [0, 23], "cue": [cue, cue + 4], "via": []})], 0.0)
    by_value = {m["min_value"]: m for m in collect_members(store) if m["subject"] == "north-korean/deployed"}
    assert by_value[15000.0]["source"] == "nis-south-korea"
    # the English rules now read the inner report as an attribution too; either way the source is HUR
    assert by_value[12000.0]["source"] == "hur-ukraine"
    assert by_value[12000.0]["source_method"] in ("sentence-rule", "attribution")


def _group_tables(store):
    return [sorted(tuple(r) for r in store.conn.execute(f"SELECT * FROM {t}"))
            for t in ("claim_groups", "claim_group_members")]


def test_incremental_reconcile_equals_a_full_rebuild(store, settings, tmp_path):
    """Added documents: only their claims are read again (the others' members are kept per document);
    the group tables equal a full rebuild's, and the kept members equal ``collect_members``."""
    from newsprism.claims.reconcile import kept_members
    _ingest(store, settings, tmp_path, {
        "a": "The ministry said about 12,000 troops were sent to the border region in October.",
        "b": "Officials said 340 new houses were built in the northern town this year."})
    build_corpus(store, settings, stages=["reconcile"])
    assert store.conn.execute("SELECT count(*) FROM reconcile_doc_members").fetchone()[0] == 2
    _ingest(store, settings, tmp_path, {
        "c": "The agency reported that over 15,000 troops were sent to the border region.",
        "d": "A local paper said 350 new houses were built in the northern town."})
    assert "reconcile" in build_corpus(store, settings, stages=["reconcile"]).ran
    inc = _group_tables(store)
    assert inc[0] and kept_members(store, None, []) == collect_members(store)
    build_corpus(store, settings, stages=["reconcile"], force=True)
    assert _group_tables(store) == inc
    # a changed outlet is read again, not taken from the kept members
    doc = next(store.iter_documents())
    meta = store.conn.execute("SELECT meta FROM documents WHERE id = ?", (doc.id,)).fetchone()[0]
    import json
    m = json.loads(meta)
    m["outlet"] = {"value": "Example Daily", "source": "test"}
    store.conn.execute("UPDATE documents SET meta = ? WHERE id = ?", (json.dumps(m), doc.id))
    assert kept_members(store, None, []) == collect_members(store)
    assert any(x["outlet"] == "Example Daily" for x in collect_members(store))


def test_a_body_within_a_known_actor_keeps_the_texts_words():
    from newsprism.claims.reconcile import _reader_name
    attrs = {"source_actor": "armed-forces-of-ukraine", "source_text": "Ukrainian army command"}
    assert _reader_name("armed-forces-of-ukraine", attrs, "en") == "Ukrainian army command"
    plain = {"source_actor": "armed-forces-of-ukraine", "source_text": "Ukrainian army"}
    assert _reader_name("armed-forces-of-ukraine", plain, "en") == "Armed Forces of Ukraine"
    # a head the actor's own names hold is the actor itself
    assert _reader_name("armed-forces-of-ukraine", {"source_actor": "armed-forces-of-ukraine",
                                                    "source_text": "Ukrainian armed forces"}, "en") == "Armed Forces of Ukraine"
