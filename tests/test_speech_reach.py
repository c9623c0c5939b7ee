"""Sources and relays read beyond one sentence or one language's plain forms: Chinese names after an office and a
report nested as the content of another, German back references that name a relay, a briefed speaker's later
statements, a Korean bare outlet word, and where a carried relay chain stops (sentences written for these tests)."""

from __future__ import annotations

from newsprism.languages import pack
from newsprism.voices.attributions.quotes import find_quotes
from newsprism.voices.attributions.relays import carry_relays
from tests.test_claim_sources_carry import _att, _run


def _rules(text: str, lang: str, entities=()) -> list[tuple[str | None, str, str | None]]:
    """(speaker, content, relayer's speaker) of each raw report."""
    quotes, _ = find_quotes(text)
    out = []
    for r in pack(lang).speech.rules(text, quotes, list(entities)):
        sp = r.get("speaker")
        rel = r.get("relayed_by")
        out.append((text[sp[0]:sp[1]] if sp else None, text[r["content"][0]:r["content"][1]],
                    text[rel["speaker"][0]:rel["speaker"][1]] if rel and rel.get("speaker") else None))
    return out


# -- Chinese

def test_a_chinese_name_after_an_office_is_a_person_and_so_is_its_repetition():
    t = "日本众议员王小明（音译）对记者说，他反对。随后王小明表示，会议推迟。外交部长张伟在会上说，没有消息。"
    names = [t[s:e] for s, e, *_ in pack("zh").entities.titled_names(t)]
    assert names == ["王小明", "王小明", "张伟"]
    assert pack("zh").entities.titled_names("北京今天下雨。") == []


def test_a_chinese_report_whose_content_opens_with_an_estimate_holds_that_source_s_report():
    t = "议员王小明对记者说，海关总署今年5月时估计走私案件至少有300起。"
    got = _rules(t, "zh")
    assert ("海关总署", "走私案件至少有300起。", "议员王小明") in got
    plain = _rules("议员王小明对记者说，他认为，会议推迟到下周。", "zh")       # "他认为，…" is no nested estimate
    assert all(rel is None for _, _, rel in plain)


def test_a_chinese_according_to_speaker_stops_before_a_time_word():
    t = "王小明表示，依照海关总署目前的判断，走私案件已有300起。"
    assert any(sp == "海关总署" for sp, _, _ in _rules(t, "zh"))


# -- German back references and anaphors

def test_a_german_back_reference_names_the_source_and_its_relay():
    rx = pack("de").sources.BACK_REFERENCE
    m = rx.match("So lautet die Bewertung, die der Zoll am Freitag dem Ausschuss vorlegte; die Zeitung Kurier berief "
                 "sich dabei auf einen Beamten.")
    assert m["source"] == "der Zoll" and m["relayer"] == "die Zeitung Kurier"
    m = rx.match("Das gaben die Abgeordneten Anna Berg und Paul Stein nach der Sitzung gegenüber Journalisten bekannt.")
    assert m["relayer2"] == "die Abgeordneten Anna Berg und Paul Stein"
    assert rx.match("Das sagte er am Abend.") is None


def test_figures_with_a_source_take_the_relay_a_german_back_reference_names():
    t = ("Laut dem Zoll wurden 4.000 Pakete beschlagnahmt. "
         "Das gaben die Abgeordneten Anna Berg und Paul Stein nach der Sitzung gegenüber Journalisten bekannt.")
    got = _run(t, [_att(t, "dem Zoll", "Laut", "wurden 4.000 Pakete beschlagnahmt", actor="zoll")], lang="de")
    c = next(v for k, v in got if "4.000" in k)
    assert c.attrs["source_actor"] == "zoll" and "Anna Berg" in c.attrs["via"][0]
    assert c.attrs["via_rule"] == "back-reference"


def test_a_german_anaphor_inside_a_sentence_reports_all_of_it():
    t = "Der Zoll hat seine Zahlen vorgelegt. Etwa 600 Pakete sind demnach verschwunden."
    assert any(c.startswith("Etwa 600") for _, c, _ in _rules(t, "de"))


# -- a briefed speaker's later statements

def test_a_briefed_speaker_s_later_statements_are_the_briefer_s_relayed_by_the_speaker():
    t = ("«Nous comptons 500 blessés», a déclaré le sénateur Paul Dupont à l'issue d'une réunion avec l'état-major. "
         "Environ 40 soldats sont morts en mer, a ajouté M. Dupont. "
         "Le port sera fermé, a dit le maire Jean Roux.")
    got = _rules(t, "fr")
    assert ("l'état-major", "Environ 40 soldats sont morts en mer", "le sénateur Paul Dupont") in got
    assert not any(c.startswith("Le port") and rel for _, c, rel in got)     # another speaker: no briefing


# -- Korean

def test_a_korean_bare_outlet_word_is_the_outlet_named_last():
    t = "미국 매체 뉴욕타임스는 사망자가 30명이라고 보도했다. 매체는 부상자도 12명이라고 덧붙였다."
    got = _rules(t, "ko")
    assert [sp for sp, c, _ in got if "12명" in c] == ["미국 매체 뉴욕타임스"]


# -- carried relay chains

def _rec(actor, cue, content, via=(), relay=()):
    return {"actor": actor, "cue": cue, "content": content, "via": list(via), "relay": list(relay)}


def test_a_relay_chain_through_an_outlet_reaches_every_statement_of_its_source():
    out = [_rec("sergei-shoigu", (0, 5), (6, 40), via=["ria-novosti"]), _rec("sergei-shoigu", (50, 55), (56, 90))]
    carry_relays(out)
    assert out[1]["via"] == ["ria-novosti"]


def test_a_relay_chain_through_a_person_skips_a_statement_that_relays_someone_else():
    out = [_rec("nis-south-korea", (0, 5), (6, 40), via=["auto:lee"]),
           _rec("nis-south-korea", (50, 55), (56, 90)),                 # holds another speaker's report
           _rec("auto:kim", (60, 64), (65, 88)),
           _rec("nis-south-korea", (100, 105), (106, 140))]
    carry_relays(out)
    assert out[1]["via"] == [] and out[3]["via"] == ["auto:lee"]


def test_the_report_named_by_its_noun_gives_the_outlet_s_earlier_figure_its_source():
    t = ("A Globe report said losses could be as high as 900 ships. "
         "The report, which relied on unnamed port officials, said 300 ships were stuck.")
    atts = [_att(t, "A Globe report", "said", "losses could be as high as 900 ships", actor="globe"),
            _att(t, "unnamed port officials", "said 300", "300 ships were stuck", via=["globe"])]
    got = dict(_run(t, atts))
    c = next(v for k, v in got.items() if "900" in k)
    assert c.attrs["source_text"] == "unnamed port officials" and c.attrs["via"] == ["globe"]
    plain = "A Globe report said losses could be as high as 900 ships. Officials said 300 ships were stuck."
    atts = [_att(plain, "A Globe report", "said", "losses could be as high as 900 ships", actor="globe"),
            _att(plain, "Officials", "said 300", "300 ships were stuck", via=["globe"])]
    c = next(v for k, v in _run(plain, atts) if "900" in k)
    assert c.attrs["source_actor"] == "globe" and not c.attrs.get("via")
