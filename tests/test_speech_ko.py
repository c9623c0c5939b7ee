"""Korean reported speech, disputes and relays (languages/ko/speech.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprism.languages import pack
from newsprism.voices.attributions import find_attributions
from newsprism.voices.entities import find_entities


def found(text):
    """(speaker text, actor, stance, cue text, content text, via) of each attribution, in text order."""
    spans = [s for s in find_attributions(text, "ko", find_entities(text, "ko")) if s.layer == "attribution"]
    return [(s.attrs["speaker_text"], s.attrs["actor"], s.attrs["stance"], s.attrs["cue_text"], text[s.start:s.end],
             s.attrs["via"]) for s in sorted(spans, key=lambda s: s.start)]


def by_content(text):
    return {c: (sp, actor, stance) for sp, actor, stance, _, c, _ in found(text)}


def test_the_pack_reads_its_own_rules():
    assert pack("ko").speech.rules is not pack("generic").speech.rules
    assert pack("ko").speech.VERBS["부인했"] == "denies" and pack("ko").speech.VERBS["반박했"] == "disputes"


@pytest.mark.parametrize("verb", ["밝혔다", "했다", "말했습니다", "보고했다", "전했다", "알렸다", "진단했다"])
def test_topic_quote_and_report_verb(verb):
    text = f'국정원은 "북한군 수백명이 숨졌다"고 {verb}.'
    assert found(text) == [("국정원", "nis-south-korea", "says", verb.rstrip("."), '"북한군 수백명이 숨졌다"', [])]


def test_quotes_chained_by_myeo_are_each_the_speakers():
    text = '김 위원장은 "우리 군대는 영웅이다"며 "끝까지 함께하겠다"고 말했다.'
    got = by_content(text)
    assert got['"우리 군대는 영웅이다"'][1] == got['"끝까지 함께하겠다"'][1] == "kim-jong-un"


def test_a_quote_before_myeo_and_no_report_verb_is_the_topics():
    text = '자유아시아방송은 "주민들이 동원되고 있다"며 현지 소식을 소개했다.'
    assert by_content(text)['"주민들이 동원되고 있다"'][0] == "자유아시아방송"
    text = "젤렌스키 대통령은 내년에 전쟁을 끝낼 수 있다며 자신감을 보였다."
    assert by_content(text)["내년에 전쟁을 끝낼 수 있다"][1] == "volodymyr-zelensky"


def test_a_sentence_without_a_speaker_continues_the_previous_one():
    text = ('군 관계자는 "추가 파병 징후가 있다"고 말했다. 이어 "상황을 지켜보겠다"고 덧붙였다. '
            '그는 훈련이 계속되는 중이라고도 말했다.')
    got = found(text)
    assert [g[0] for g in got] == ["군 관계자"] * 3     # a vague source keeps its own words; "그" is he
    assert got[1][4] == '"상황을 지켜보겠다"'
    # a subject inside a clause of its own ("9명이 전사했다는 점을") is no speaker of the quote
    text = ('김정은 국무위원장은 공병부대가 임무를 마쳤다며 성과를 치하했다. '
            '특히 9명이 전사했다는 점을 거론하면서 "모두 돌아와 고맙다"고 말했다.')
    assert by_content(text)['"모두 돌아와 고맙다"'][1] == "kim-jong-un"


def test_no_speaker_before_is_no_continuation():
    got = found('"북한군이 이동했다"고 밝혔다.')
    assert got and got[0][0] is None


def test_subject_between_the_quotative_and_the_verb():
    text = "국정원은 이 같은 내용을 보고했다고 국민의힘 간사인 이성권 의원이 회의 직후 전했다."
    outer, inner = sorted(found(text), key=lambda r: -len(r[4]))
    speaker, _, _, cue, content, _ = outer
    assert speaker.endswith("이성권 의원") and cue == "전했다" and content.endswith("내용을 보고했다")
    # the topic's own report, passed on by the lawmaker: the spy agency's, relayed by him
    assert inner[1] == "nis-south-korea" and inner[3] == "보고했" and inner[5] == [outer[1]]
    text = "러시아가 공세에 나설 수 있다고 이 의원은 설명했다."
    assert found(text)[0][0] == "이 의원"


def test_words_between_the_quotative_and_the_verb_are_no_speaker():
    text = "조선중앙통신은 기념관 공사가 시작됐다고 오늘 보도했다."
    assert found(text) == [("조선중앙통신", "kcna", "says", "보도했다", "기념관 공사가 시작됐다", [])]


def test_estimates_are_reports():
    got = found("정보 당국은 북한군 사상자가 3천명을 넘은 것으로 분석했다.")
    assert got == [("정보 당국", None, "says", "분석했다", "북한군 사상자가 3천명을 넘은", [])]
    got = found("북한군 600여 명이 숨진 것으로 국가정보원은 보고 있다.")
    assert got[0][:2] == ("국가정보원", "nis-south-korea") and got[0][4] == "북한군 600여 명이 숨진"
    assert found("북한군이 쿠르스크에 배치된 것으로 전해졌다.") == []      # a passive names nobody


def test_the_topic_of_an_estimated_clause_is_not_who_estimates():
    text = ("합참은 북한의 탄약 지원이 계속되고 있다고 설명했다. "
            "북한이 넘긴 포는 220여 문으로 추정되며, 규모가 더 커질 수 있다고 전망했다.")
    got = found(text)
    assert [g[1] for g in got] == ["jcs-south-korea"] * 2
    assert got[1][4].startswith("북한이 넘긴 포는")       # the topic stays in the clause


@pytest.mark.parametrize("text, speaker, stance, content", [
    ('국방부는 "러시아 파병설은 사실이 아니다"라고 밝혔다.', "국방부", "denies", '"러시아 파병설은 사실이 아니다"'),
    ("외무성은 파병 보도를 부인했다.", "외무성", "denies", "파병 보도"),
    ("러시아 외무부는 한국 정보당국의 주장을 반박했다.", "러시아 외무부", "disputes", "한국 정보당국의 주장"),
    ("북한은 파병 주장이 사실이 아니라고 일축했다.", "북한", "denies", "파병 주장이 사실이 아니라"),
    ('크렘린궁은 "근거 없는 이야기"라고 반박했다.', "크렘린궁", "disputes", '"근거 없는 이야기"'),
])
def test_disputes_carry_the_disputers_stance(text, speaker, stance, content):
    (sp, _, st, _, c, _), = found(text)
    assert (sp, st, c) == (speaker, stance, content)


def test_a_denial_is_by_the_actor_who_denies():
    (_, actor, stance, _, _, _), = found("북한 외무성은 파병 보도를 부인했다.")
    assert (actor, stance) == ("dprk-foreign-ministry", "denies")


def test_relays_give_the_original_speaker_with_the_relaying_outlet_in_via():
    got = found("로이터통신은 한국 정부 관계자를 인용해 북한군 3천명이 추가로 파병됐다고 보도했다.")
    inner = next(g for g in got if g[3] == "인용해")
    assert inner[0] == "한국 정부 관계자" and inner[4] == "북한군 3천명이 추가로 파병됐다" and inner[5] == ["reuters"]
    outer = next(g for g in got if g[3] == "보도했다")
    assert outer[1] == "reuters" and outer[5] == []
    got = found("연합뉴스에 따르면 국정원은 북한군 1만명이 파병됐다고 밝혔다.")
    nis = next(g for g in got if g[1] == "nis-south-korea")
    assert nis[4] == "북한군 1만명이 파병됐다" and nis[5] == ["yonhap"]


def test_a_plain_hearsay_inside_according_to_is_the_sources_own():
    got = found("국정원에 따르면 북한군은 기강 해이 사례도 있었다고 한다.")
    assert [(g[1], g[3]) for g in got] == [("nis-south-korea", "에 따르면")]


def test_transcript_and_title_lines():
    (sp, actor, _, cue, content, _), = found('[김정은 국무위원장 : "우리 군대는 영웅이다"]')
    assert (actor, cue, content) == ("kim-jong-un", ":", '"우리 군대는 영웅이다"')
    # a title quote the excerpt leaves open runs to the line's end; one after "…" names its source too
    (sp, actor, _, _, content, _), = found('국정원 "북한군 4천명 사상\n본문이다.')
    assert (actor, content) == ("nis-south-korea", '"북한군 4천명 사상')
    got = found("“공습에 500명 전사”…국정원 “첩보 구체적으로 확인”\n본문이다.")
    assert [(g[1], g[4]) for g in got] == [("nis-south-korea", "“첩보 구체적으로 확인”")]


def test_not_reports():
    for text in ("김 위원장은 현장을 찾았다.", "북한이 3천 명을 더 보낸 것으로 드러났다.",
                 "가족들은 '외부에 알리지 않겠다'는 서약서를 냈다."):
        assert found(text) == [], text


def test_a_quote_introduced_as_someone_s_account_is_theirs_passed_on_by_the_topic():
    text = ('자유아시아방송은 "주민들이 동원되고 있다"며 현지 소식통의 전언을 소개했다. '
            '자유아시아방송은 "주민들이 떠났다"며 현지 소식을 소개했다.')
    got = found(text)
    account = [g for g in got if g[4] == '"주민들이 동원되고 있다"']
    assert {(g[0], tuple(g[5])) for g in account} == {("자유아시아방송", ()), ("현지 소식통", ("rfa",))}
    assert [g[0] for g in got if g[4] == '"주민들이 떠났다"'] == ["자유아시아방송"]


def kinds(text):
    spans = [s for s in find_attributions(text, "ko", find_entities(text, "ko")) if s.layer == "attribution"]
    return {text[s.start:s.end]: (s.attrs["speaker_text"], s.label) for s in spans}


def test_quotes_chained_in_one_report_are_direct():
    text = '통신은 "위원장이 공장을 현지에서 지도했다"며 "생산 정형을 상세히 요해"했다고 보도했다.'
    assert kinds(text) == {'"위원장이 공장을 현지에서 지도했다"며 "생산 정형을 상세히 요해"했다': ("통신", "direct")}


def test_a_condensed_single_quote_makes_the_report_mixed_and_a_quoted_term_does_not():
    text = "추가 병력을 묻는 물음에는 국방부가 '검토할 수도 있다'고 답한 것으로 전해졌다."
    assert kinds(text) == {"'검토할 수도 있다'": ("국방부", "mixed")}     # "물음에는", "묻는": no topic
    text = "박 장관은 이 공원을 '시민들의 휴식과 문화를 상징하는 영원한 공간'으로 꾸며야 한다고 강조했다."
    assert list(kinds(text).values()) == [("박 장관", "mixed")]
    text = "박 장관은 이 부대가 넓은 공터를 ‘시민공원’으로 바꿨다며 성과를 치하했다."
    assert list(kinds(text).values()) == [("박 장관", "indirect")]


def test_a_quote_left_open_at_the_end_of_its_line_is_direct():
    text = '국방부 "추가 병력 3000명 중 1200여명 이동\n국방부는 3일 이같이 밝혔다.'
    assert kinds(text)['"추가 병력 3000명 중 1200여명 이동'] == ("국방부", "direct")
    text = '[박 장관 : "상대는 다음 달까지 우리를 계속 압박하려 할 겁니다. 실제로는 그렇지 못하고\n다음 소식입니다.'
    assert list(kinds(text).values()) == [("박 장관", "direct")]
