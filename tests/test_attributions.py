"""Attributions: quote styles, reported speech, Russian and Korean rules, relays, and bad input."""

from __future__ import annotations

import time  # complexity guards time the CPU of this process (process_time), not the wall clock, which a busy machine stretches

import pytest

from newsprism.voices.attributions import find_attributions, find_quotes
from newsprism.voices.entities import find_entities


def attrs(text, lang="en"):
    spans = find_attributions(text, lang, find_entities(text, lang))
    return [s for s in spans if s.layer == "attribution"], spans


def with_cue(text, cue):
    """The attribution whose cue reads ``cue`` (the first one), and its content text."""
    found, _ = attrs(text)
    got = next((s for s in found if s.attrs["cue_text"] == cue), None)
    assert got is not None, f"no attribution with cue {cue!r} in {text!r}"
    return got, text[got.start:got.end]


def unfiltered(text, cue=None):
    """Attributions before the learned confidence drops any (rule checks), with cue ``cue`` if given."""
    return [s for s in find_attributions(text, "en", find_entities(text, "en"), confidence=False)
            if s.layer == "attribution" and (cue is None or s.attrs["cue_text"] == cue)]


def pinned(text, cue_p=None):
    """English attributions with the tagger's probability pinned: ``cue_p`` maps a word of ``text`` to P(cue),
    every other word has none (the shipped cue model alone); no confidence. For checks of a rule that must not
    hang on what one training run of the tagger thinks of one made-up sentence (the retrain of stage 17
    moved "said" in "his wife said nothing" from 0.78 to 0.04)."""
    from newsprism.voices.models import parse_english
    from newsprism.voices.tagger_train import HeldOutTagger
    doc = parse_english(text)
    probs = {t.i: p for t in doc for w, p in (cue_p or {}).items() if t.text == w}
    assert len(probs) == len(cue_p or {}), f"not every word of {cue_p} is a token of {text!r}"
    return [s for s in find_attributions(text, "en", find_entities(text, "en"), cue_tagger=HeldOutTagger({text: probs}))
            if s.layer == "attribution"]


def one(text, lang="en"):
    found, _ = attrs(text, lang)
    assert found, f"no attribution in {text!r}"
    return found[0], text[found[0].start:found[0].end]


@pytest.mark.parametrize("open_, close", [("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"), ("‘", "’"), ('"', '"')])
def test_direct_quotes_in_every_style(open_, close):
    text = f"{open_}We will never give up the fight,{close} Kim Jong Un said."
    span, content = one(text)
    assert span.label == "direct"
    assert content == f"{open_}We will never give up the fight,{close}"
    assert span.attrs["actor"] == "kim-jong-un" and span.attrs["cue_text"] == "said"


@pytest.mark.parametrize("text, actor, cue, content", [
    ("Valery Gerasimov said that Russia regained full control of Kursk.", "valery-gerasimov", "said",
     "that Russia regained full control of Kursk"),
    ("Oleksandr Syrskyi stated the fighters are highly motivated.", "oleksandr-syrskyi", "stated",
     "the fighters are highly motivated"),
    ("According to the NIS, about 4,700 soldiers were killed or injured.", "nis-south-korea", "According to",
     "about 4,700 soldiers were killed or injured"),
    ("Russia has sent drones to Pyongyang, South Korea's spy agency said.", "nis-south-korea", "said",
     "Russia has sent drones to Pyongyang"),
    ("Kim Jong Un described the troops as 'heroes of the nation'.", "kim-jong-un", "described",
     "the troops as 'heroes of the nation'"),
])
def test_reported_speech(text, actor, cue, content):
    span, got = one(text)
    assert span.attrs["actor"] == actor
    assert span.attrs["cue_text"] == cue
    assert got == content


def test_stances():
    cases = {"Ukraine denied that its troops had left Kursk.": "denies",
             "Ukraine disputed that Russia controls the region.": "disputes",
             "Gerasimov claimed that Russia had won.": "claims",
             "Syrskyi warned that the North Koreans were learning fast.": "warns",
             "Gerasimov praised the North Korean troops for their heroism and said they were brave.": "praises",
             "Officials confirmed that the troops had arrived.": "confirms"}
    for text, st in cases.items():
        span, _ = one(text)
        assert span.attrs["stance"] == st, text


def test_mixed_quote_and_relay():
    text = "KCNA reported that Kim Jong Un said the soldiers were “heroes of the nation”."
    found, _ = attrs(text)
    kim = next(s for s in found if s.attrs["actor"] == "kim-jong-un")
    assert kim.label == "mixed" and kim.attrs["via"] == ["kcna"]
    kcna = next(s for s in found if s.attrs["actor"] == "kcna")
    assert kcna.attrs["via"] == []


def test_pronoun_speaker_resolves_to_the_last_person():
    text = "Oleksandr Syrskyi spoke on Monday. He added that the numbers make offensives difficult."
    found, _ = attrs(text)
    assert found[0].attrs["actor"] == "oleksandr-syrskyi" and found[0].attrs["speaker_text"] == "He"


def test_unresolved_speakers_say_why():
    found, _ = attrs("Analysts said that the footage was staged. A soldier said he liked the food.")
    assert all(s.attrs["actor"] is None for s in found)
    assert found[0].attrs["unresolved_reason"].startswith("generic speaker")
    assert "names no known" in found[1].attrs["unresolved_reason"]


def test_russian_rules():
    text = ("По словам Сергея Шойгу, отношения с КНДР выходят на новый уровень. "
            "«Мы освободили Курскую область», — заявил Валерий Герасимов. "
            "Министерство обороны России сообщило, что операция завершена.")
    found, _ = attrs(text, "ru")
    by_actor = {s.attrs["actor"]: text[s.start:s.end] for s in found}
    assert by_actor["sergei-shoigu"].startswith("отношения с КНДР")
    assert by_actor["valery-gerasimov"] == "«Мы освободили Курскую область»"
    assert "операция завершена" in by_actor["russian-mod"]


def test_russian_present_tense_and_trailing_sources():
    def got(text):
        found, _ = attrs(text, "ru")
        return [(s.attrs["actor"], text[s.start:s.end], s.attrs["via"]) for s in found]
    assert got("Как сообщает ТАСС, войска вошли в Курскую область.") == [
        ("tass", "войска вошли в Курскую область", [])]
    assert got("Войска вошли в Курскую область, сообщает РИА Новости.") == [
        ("ria-novosti", "Войска вошли в Курскую область", [])]
    assert got("Песков заявил, что операция завершена, сообщает ТАСС.") == [
        ("tass", "Песков заявил, что операция завершена", []), ("dmitry-peskov", "операция завершена", ["tass"])]
    assert ("valery-gerasimov", "«Мы освободили Курскую область»", ["ria-novosti"]) in got(
        "«Мы освободили Курскую область», — заявил Валерий Герасимов, передает РИА Новости.")
    # "Об этом сообщает X": the sentence before is X's report (wire agencies are in the registry since version 2)
    # … "со ссылкой на источники": the sources (kept in their words, no actor) said it, Reuters relays it
    assert got("В Курск прибыли 11 тысяч военных КНДР. Об этом сообщает агентство Рейтер со ссылкой на источники.") == [
        (None, "В Курск прибыли 11 тысяч военных КНДР", ["reuters"]), ("reuters", "В Курск прибыли 11 тысяч военных КНДР", [])]
    assert got("Войска КНДР покинули регион. Об этом в понедельник заявил Дмитрий Песков.") == [
        ("dmitry-peskov", "Войска КНДР покинули регион", [])]
    assert got("Об этом сообщает ТАСС.") == []         # what "this" is lies outside the text


def test_korean_rules():
    text = ("국정원에 따르면 북한군 4700명이 사상했다. "
            "김정은 국무위원장은 “우리 군대는 영웅”이라고 말했다.")
    found, _ = attrs(text, "ko")
    by_actor = {s.attrs["actor"]: text[s.start:s.end] for s in found}
    assert "북한군 4700명이 사상했다" in by_actor["nis-south-korea"]
    assert by_actor["kim-jong-un"] == "“우리 군대는 영웅”"
    kim = next(s for s in found if s.attrs["actor"] == "kim-jong-un")
    assert kim.attrs["cue_text"] == "말했다" and kim.label == "direct"


def test_korean_relays_and_subjects():
    def got(text):
        found, _ = attrs(text, "ko")
        return [(s.attrs["actor"], s.attrs["cue_text"], text[s.start:s.end], s.attrs["via"]) for s in found]
    # KCNA reports that Kim praised the soldiers as heroes: two reports, Kim's relayed by KCNA
    res = got("조선중앙통신은 김정은 위원장이 군인들을 영웅이라고 칭찬했다고 보도했다.")
    assert ("kcna", "보도했다", "김정은 위원장이 군인들을 영웅이라고 칭찬했다", []) in res
    assert [(a, c, v) for a, c, _, v in res if a == "kim-jong-un"] == [("kim-jong-un", "칭찬했다", ["kcna"])]
    # the subject between the quoted clause and the verb is the source, not the clause's own subject
    assert got("북한군이 쿠르스크에 파병됐다고 국정원이 밝혔다.") == [
        ("nis-south-korea", "밝혔다", "북한군이 쿠르스크에 파병됐다", [])]
    assert got("북한은 파병하지 않았다고 외무성이 밝혔다.") == [
        ("dprk-foreign-ministry", "밝혔다", "북한은 파병하지 않았다", [])]     # the topic stays in the clause
    # a first line that is a sentence with its own cue is not also a title line
    assert got('국정원은 "북한군 1만명이 파병됐다"고 밝혔다.') == [
        ("nis-south-korea", "밝혔다", '"북한군 1만명이 파병됐다"', [])]


# -- bad input: no crash, best effort, skips recorded ---------------------------------------
def test_unbalanced_quotes_are_recorded_not_fatal():
    text = "“This never closes, Kim Jong Un said. Gerasimov said that Russia had won."
    found, spans = attrs(text)
    assert any(s.attrs["actor"] == "valery-gerasimov" for s in found)
    skipped = [s for s in spans if s.layer == "quote" and s.label == "skipped"]
    assert skipped and skipped[0].attrs["reason"] == "unbalanced quote mark"


def test_quote_spanning_paragraphs_and_very_long_quotes():
    text = "“First paragraph of a long statement.\n\nSecond paragraph of it,” Kim Jong Un said."
    span, content = one(text)
    assert span.label == "direct" and "\n\n" in content
    long_q = "“" + "word " * 1000 + "” Kim Jong Un said. Gerasimov said that it was over."
    quotes, skipped = find_quotes(long_q)
    assert not quotes and "longer than" in skipped[0][1]
    found, _ = attrs(long_q)
    assert any(s.attrs["actor"] == "valery-gerasimov" for s in found)


def test_text_without_sentence_punctuation():
    text = " ".join(["Gerasimov said that Russia had regained the region and KCNA reported that troops helped"] * 30)
    t0 = time.process_time()
    found, _ = attrs(text)
    assert found and time.process_time() - t0 < 30
    assert all(0 <= s.start <= s.end <= len(text) for s in found)


def test_empty_and_odd_text():
    for text in ("", "   ", "\"", "«»", "“”", "said said said", "\x00\x01"):
        attrs(text)


def _triples(text, cue_model=False):
    spans = find_attributions(text, "en", find_entities(text, "en"), cue_model=cue_model)
    return {(s.attrs["speaker_text"], s.attrs["cue_text"], text[s.start:s.end]) for s in spans if s.layer == "attribution"}


def test_headline_colon_names_the_speaker_only_for_a_named_actor():
    got = _triples("Paul Ryan: FBI Decision Not to Indict Hillary ‘Defies Explanation’\n\nThe speaker spoke on Tuesday.")
    assert ("Paul Ryan", ":", "FBI Decision Not to Indict Hillary ‘Defies Explanation’") in got
    assert not any(c == ":" for _, c, _ in _triples("BREAKING: Trump Wins Nevada\n\nThe results came in late."))


def test_seem_appear_and_agentless_passives_have_no_source():
    assert _triples("It appears that the talks have failed.") == {(None, "appears", "that the talks have failed")}
    got = _triples("Asked whether he would run, the senator said he would decide soon.")
    assert got == {(None, "Asked", "whether he would run"), ("the senator", "said", "he would decide soon")}
    # "X seems ...", "X appears to ...": X is what the report is about, not a source; the content is X with what
    # it seems (PolNeAR marks both pieces; one span here)
    assert _triples("The American economy seemed impervious to all of it.", None) == {
        (None, "seemed", "The American economy seemed impervious to all of it")}
    assert _triples("Clinton appears to have the most to gain.", None) == {
        (None, "appears", "Clinton appears to have the most to gain")}


def test_speaker_found_up_a_chain_of_verbs():
    got = _triples("The senator stood up and went on to suggest that taxes would fall.")
    assert ("The senator", "suggest", "that taxes would fall") in got


def test_double_apostrophe_quotes_of_the_nyt_archive():
    text = "''We can win Illinois,'' Mr. Manafort said. ''I don't know.''"
    assert [text[a:b] for a, b in find_quotes(text)[0]] == ["''We can win Illinois,''", "''I don't know.''"]
    got = _triples(text)
    assert ("Mr. Manafort", "said", "''We can win Illinois,''") in got
    quotes, skipped = find_quotes("''never closed\n\nnext paragraph ''")     # '' stops at a blank line
    assert quotes == [] and [r for _, r in skipped] == ["unbalanced quote mark"] * 2


def test_speaker_of_a_participle_under_a_preposition():
    got = _triples("The bank ended its meeting on Friday by announcing that it would buy more bonds.")
    assert ("The bank", "announcing", "that it would buy more bonds") in got
    got = _triples("Forbes shot back in an article stating that New York was the billionaire capital.")
    assert ("Forbes", "stating", "that New York was the billionaire capital") in got


def test_speaker_of_a_participle_that_modifies_a_noun():
    assert ("a puppet", "saying", "exactly what people want to hear") in _triples(
        "He's a puppet saying exactly what people want to hear.")
    assert ("Officials", "saying", "the war is over") in _triples("Officials saying the war is over were wrong.")
    # a statement is not the speaker: who issued it is
    assert ("The agency", "saying", "the troops had left") in _triples(
        "The agency issued a statement saying the troops had left.")


def test_the_quote_next_to_the_speaker_is_the_content():
    got = _triples('At the time, Trump seemed to suggest he had silenced his former wife: "She signed a '
                   'confidentiality agreement," he told the New York Times.')
    assert ("he", "told", '"She signed a confidentiality agreement,"') in got
    got = _triples("''We can win,'' he said. ''It's a long way,'' he added.\n\n''We've started all those "
                   "conversations,'' Mr. Manafort said, adding of Mr. Trump, ''He cares about the team.''")
    assert ("Mr. Manafort", "said", "''We've started all those conversations,''") in got
    got = _triples('When asked whether the city should vote, he said: "I think that is something that would be okay."')
    assert ("he", "said", '"I think that is something that would be okay."') in got
    # a quote on each side: the one before the speaker; and a lead-in without a colon stays content
    assert ("he", "said", '"We will win,"') in _triples('"We will win," he said: "always."')
    assert ("he", "said", 'The war is over, "the soldiers are going home,"') in _triples(
        'The war is over, "the soldiers are going home," he said.')


def test_as_reported_by_names_the_source_of_the_main_clause():
    found, _ = attrs("As reported by Yonhap, the troops arrived in Kursk.")
    assert [(s.attrs["actor"], s.attrs["cue_text"]) for s in found] == [("yonhap", "reported")]
    text = "North Korean troops are fighting in Kursk, as first reported by South Korea's spy agency."
    found, _ = attrs(text)
    assert [(s.attrs["actor"], text[s.start:s.end]) for s in found] == [
        ("nis-south-korea", "North Korean troops are fighting in Kursk")]


def test_a_sentence_final_report_with_the_source_after_the_verb():
    text = "The troops have arrived in Kursk, reported the Korean Central News Agency."
    found, _ = attrs(text)
    assert [(s.attrs["actor"], text[s.start:s.end]) for s in found] == [("kcna", "The troops have arrived in Kursk")]
    got = _triples("Kim inspected the unit, reported KCNA on Friday.")
    assert got == {("KCNA", "reported", "Kim inspected the unit")}
    # a plain object is not a source
    assert not any(c == "wrote" and sp == "a letter" for sp, c, _ in _triples("He visited the base, wrote a letter."))
    assert not any(sp == "the right things" for sp, _, _ in _triples("He did smart things, saying the right things."))
    assert not any(sp == "AFP" for sp, _, _ in _triples('"We were wrong," Ramos, 58, told AFP in an interview.'))


def test_a_speaker_with_a_relative_clause_keeps_its_head_word():
    text = 'Roffman, who estimates that his costs were "in the seven figures," described the impact as "horrendous."'
    got = _triples(text)
    assert ("Roffman", "described", 'the impact as "horrendous."') in got, got
    assert ("who", "estimates", 'that his costs were "in the seven figures,"') in got


@pytest.mark.parametrize("text, lang, actor", [
    ("Pyongyang said the drills were a rehearsal for invasion.", "en", "north-korea"),
    ("Moscow denied that its troops had crossed the border.", "en", "russia"),
    ("Пхеньян заявил, что учения являются провокацией.", "ru", "north-korea"),
    ("«Это провокация», — заявила Москва.", "ru", "russia"),
    ("평양은 이번 훈련이 도발이라고 밝혔다.", "ko", "north-korea"),
    ("Según Seúl, las maniobras empezaron el lunes.", "es", "south-korea"),      # the capital in the pack's spelling
    ("Selon Moscou, les manœuvres ont commencé lundi.", "fr", "russia"),
])
def test_a_capital_as_speaker_is_its_country(text, lang, actor):
    span, _ = one(text, lang)
    assert span.attrs["actor"] == actor and span.attrs["unresolved_reason"] is None


@pytest.mark.parametrize("text, cue, actor", [
    ("The Russian side expressed interest in bringing back North Korean workers.", "expressed interest", "russia"),
    ("About half of the shells are made by the North Koreans, the Ukrainian government says.", "says", "ukraine"),
    ("The North Korean side said the drills were a rehearsal for invasion.", "said", "north-korea"),
    # a person a nationality describes is not the country
    ("Russian President Vladimir Putin thanked Kim. A Russian soldier said they were like brothers.", "said", None),
])
def test_a_nationality_speaks_for_its_country_only_through_a_speaking_body(text, cue, actor):
    assert with_cue(text, cue)[0].attrs["actor"] == actor


@pytest.mark.parametrize("text, lang, actor", [
    ("Российская сторона заявила, что войска КНДР не участвуют в боях.", "ru", "russia"),
    ("По словам российского правительства, переговоры прошли успешно.", "ru", "russia"),
    ("Как сообщила украинская сторона, войска прибыли в Курск.", "ru", "ukraine"),
    ("Как сообщила южнокорейская разведка, войска прибыли в Курск.", "ru", "nis-south-korea"),   # its alias first
    ("Российский солдат заявил, что корейцы воюют хорошо.", "ru", None),
    ("러시아 당국은 북한군이 참전하지 않았다고 밝혔다.", "ko", "russia"),
    ("러시아 군인은 북한군이 용감하다고 말했다.", "ko", None),
])
def test_nationalities_in_russian_and_korean(text, lang, actor):
    span, _ = one(text, lang)
    assert span.attrs["actor"] == actor
    if actor is None:           # a soldier: the country only describes him, and the reason says so
        assert span.attrs["unresolved_reason"]


@pytest.mark.parametrize("text, lang, speaker", [
    ("Ukrainian sources said about 3,000 troops had crossed the river.", "en", "Ukrainian sources"),
    ("Russian officials said the drills would go on for a week.", "en", "Russian officials"),
    ("South Korean intelligence officials said the soldiers had arrived by ship.", "en",
     "South Korean intelligence officials"),
    ("The pilots were trained abroad, US officials told reporters.", "en", "US officials"),
    ("Российские официальные лица заявили, что учения продлятся неделю.", "ru", "Российские официальные лица"),
    ("По словам украинских чиновников, переговоры прошли успешно.", "ru", "украинских чиновников"),
    ("Українські джерела повідомили, що навчання триватимуть тиждень.", "uk", "Українські джерела"),
    ("한국 정부 소식통은 훈련이 일주일 동안 계속될 것이라고 말했다.", "ko", "한국 정부 소식통"),
    ("우크라이나 관리들은 훈련이 계속될 것이라고 밝혔다.", "ko", "우크라이나 관리들"),
])
def test_a_nationality_before_a_plural_source_noun_is_an_unnamed_group_in_its_words(text, lang, speaker):
    span, _ = one(text, lang)
    assert span.attrs["actor"] is None and speaker in span.attrs["speaker_text"]
    assert span.attrs["unresolved_reason"]


def test_an_unnamed_group_keeps_the_country_it_is_of_as_its_side():
    span, _ = one("Russian officials said the drills would go on for a week.")
    assert span.attrs["actor"] is None and span.attrs["side"] == "russia"
    assert "unnamed group" in span.attrs["unresolved_reason"]


@pytest.mark.parametrize("text, lang, actor", [
    ("The Ukrainian military said 40 tanks were destroyed near the river.", "en", "armed-forces-of-ukraine"),
    ("Ukraine's defence ministry said 40 tanks were destroyed near the river.", "en", "ukraine-mod"),
    ("The Russian side said the drills would go on for a week.", "en", "russia"),
    ("Українська розвідка повідомила, що навчання триватимуть тиждень.", "uk", "ukraine"),
    ("러시아 당국은 훈련이 계속될 것이라고 밝혔다.", "ko", "russia"),
])
def test_a_singular_body_a_nationality_names_is_still_its_actor(text, lang, actor):
    assert one(text, lang)[0].attrs["actor"] == actor


def test_a_capital_names_its_country_only_as_a_speaker():
    ents = find_entities("Lavrov said the talks in Pyongyang went well.", "en")
    assert all(e.attrs.get("actor") != "north-korea" for e in ents)     # the city is a place, not the state
    span, _ = one("Lavrov said the talks in Pyongyang went well.")
    assert span.attrs["actor"] == "sergei-lavrov"


def test_inflected_russian_alias_resolves_to_the_agency():
    span, _ = one("По данным южнокорейской разведки, КНДР направила в Россию более 11 тысяч военных.", "ru")
    assert span.attrs["speaker_text"] == "южнокорейской разведки" and span.attrs["actor"] == "nis-south-korea"
    ents = find_entities("Южнокорейскую разведку цитирует агентство.", "ru")
    assert any(e.attrs.get("actor") == "nis-south-korea" and e.attrs["match"] == "registry:inflection" for e in ents)


def test_russian_and_korean_title_lines_name_their_source():
    span, content = one("Разведка: КНДР направила в Россию более 11 тысяч военных\n\nТекст статьи.", "ru")
    assert (span.attrs["speaker_text"], content) == ("Разведка", "КНДР направила в Россию более 11 тысяч военных")
    assert attrs("Внимание: учения начались\n\nТекст.", "ru")[0] == []          # not a source
    text = '국정원 "북한군 1만명 러시아 파병"\n\n본문입니다.'
    span, content = one(text, "ko")
    assert (span.attrs["actor"], content) == ("nis-south-korea", '"북한군 1만명 러시아 파병"')
    assert span.label == "direct"
    for odd in ("Разведка: ", '국정원 "', '오늘 "날씨"\n\n본문.'):      # no content, unbalanced, no source
        assert attrs(odd, "ko" if "국" in odd or "오" in odd else "ru")[0] == []


@pytest.mark.parametrize("pronoun, actor", [("She", "kim-yo-jong"), ("He", "sergei-lavrov")])
def test_he_and_she_agree_with_the_registry_gender(pronoun, actor):
    span, _ = one(f"Kim Yo Jong met Sergei Lavrov on Monday. {pronoun} said that the talks went well.")
    assert span.attrs["actor"] == actor


@pytest.mark.parametrize("pronoun, actor", [("She", "auto:warren"), ("He", "auto:sanders")])
def test_he_and_she_agree_with_a_title_in_the_text(pronoun, actor):
    span, _ = one(f"Ms. Warren met Mr. Sanders on Monday. {pronoun} said that the talks went well.")
    assert span.attrs["actor"] == actor


def test_a_long_unpunctuated_document_with_many_quotes_is_not_quadratic():
    text = ('Kim said the troops were "heroes ' * 3000)[:100000]    # 3,000 cues, 1,500 quotes, one sentence
    found, spans = attrs(text)                                   # parse excluded below: warm the cache
    t0 = time.process_time()
    again = find_attributions(text, "en", find_entities(text, "en"))
    assert time.process_time() - t0 < 20.0          # 27 s here before quote marks skipped distant quotes
    assert len(again) == len(spans)
    # every cue was worked through (the learned confidence then doubts most of these cues inside quotes)
    assert len([s for s in find_attributions(text, "en", find_entities(text, "en"), confidence=False)
                if s.layer == "attribution"]) > 1000 and found


@pytest.mark.parametrize("text,content,other", [
    ("South Korea's spy agency said about 15,000 North Korean troops had been deployed, while Ukraine's "
     "military intelligence put the figure at 12,000.", "about 15,000 North Korean troops had been deployed", None),
    ("Kim said the troops were heroes, while Putin praised their courage.", "the troops were heroes", "Putin"),
    ("The agency said 3,000 soldiers were killed, whereas Russian officials denied any North Korean presence.",
     "3,000 soldiers were killed", "Russian officials"),
])
def test_a_contrasting_report_by_another_source_is_not_the_first_speakers_content(text, content, other):
    atts = [s for s in find_attributions(text, "en", find_entities(text, "en")) if s.layer == "attribution"]
    assert text[atts[0].start:atts[0].end] == content
    if other:      # the rule finds the other source's report (whether the confidence keeps it: the test below)
        assert any(s.attrs["speaker_text"] == other for s in unfiltered(text)[1:])


def test_contrasting_denials_are_kept_as_shipped():
    """The other side's denial after "while", "whereas" or "but" is what an analyst looks for; the models decide
    sentence by sentence (the no-context tagger missed "while Moscow denied", the context one "whereas Russian
    officials denied"), so the shipped pipeline must keep most of them."""
    texts = [
        ("The agency said 3,000 soldiers were killed, whereas Russian officials denied any North Korean presence.",
         "Russian officials"),
        ("The agency said 3,000 soldiers were killed, but Russian officials denied any North Korean presence.",
         "Russian officials"),
        ("Kyiv said 3,000 soldiers were killed, whereas the Kremlin denied any North Korean presence.", "the Kremlin"),
        ("South Korea said troops were deployed, while Moscow denied the reports.", "Moscow"),
        ("The NIS said 11,000 troops had been sent, whereas Pyongyang dismissed the claim as a smear.", "Pyongyang"),
        ("Seoul said the troops had suffered losses, while Pyongyang rejected the report as a fabrication.",
         "Pyongyang"),
    ]
    kept = [other for text, other in texts if any(s.attrs["speaker_text"] == other for s in attrs(text)[0])]
    assert len(kept) >= 5, kept


@pytest.mark.parametrize("text,content", [
    # a while-clause that is not another source's report stays what the speaker said
    ("The officer said the troops were tired while the commanders rested in Moscow.",
     "the troops were tired while the commanders rested in Moscow"),
    # cognition, not a speech act: still her claim
    ("She told voters that she will protect their rights while her opponent wants to take America backward.",
     "that she will protect their rights while her opponent wants to take America backward"),
])
def test_other_while_clauses_stay_content(text, content):
    atts = [s for s in find_attributions(text, "en", find_entities(text, "en")) if s.layer == "attribution"]
    assert text[atts[0].start:atts[0].end] == content


# -- state-media text (eval/voices: KCNA) -------------------------------------------------
def test_a_line_break_ends_the_sentence_before_a_statement():
    text = ("The talk reached a satisfactory consensus on the presented issues\n"
            "Appreciating the development of the relations, Kim Jong Un affirmed that the DPRK would expand "
            "cooperation with Russia.")
    found, _ = attrs(text)
    aff = next(a for a in found if a.attrs["cue_text"] == "affirmed")
    assert text[aff.start:aff.end] == "that the DPRK would expand cooperation with Russia"
    assert aff.attrs["actor"] == "kim-jong-un"


def test_a_colon_before_a_quote_on_the_next_line_keeps_them_together():
    from newsprism.voices.models import parse_english
    text = "Cruz continued:\n\n“You look at the questions.”\n- Officials vowed to work harder.\nwrapped on."
    sents = [s.text.strip() for s in parse_english(text).sents]
    assert sents[0].startswith("Cruz continued:") and "You look" in sents[0]
    assert sents[1] == "- Officials vowed to work harder.\nwrapped on."    # a lower-case line goes on


def test_the_dateline_is_no_speaker():
    text = "Pyongyang, August 4 (KCNA) -- Kim Jong Un said that the rehabilitation would be pushed forward."
    span, _ = one(text)
    assert span.attrs["actor"] == "kim-jong-un"
    assert text[slice(*span.attrs["speaker"])] == "Kim Jong Un"
    found, _ = attrs("Pyongyang, October 18 (KCNA) -- Overseas organizations issued statements to condemn the "
                     "provocation.")
    assert all(a.attrs["actor"] != "north-korea" and (a.attrs["speaker"] is None or a.attrs["speaker"][0] > 28)
               for a in found)


@pytest.mark.parametrize("text", [
    "The rehabilitation work would be pushed forward according to the already-established plan.",
    "Bilateral relations developed in all fields according to the agreement reached at the summit.",
])
def test_according_to_a_plan_is_manner_not_a_source(text):
    found, _ = attrs(text)
    assert not [a for a in found if a.attrs["cue_text"].lower() == "according to"]


def test_according_to_a_source_after_a_word_still_counts():
    span, _ = one("Clinton leads Sanders by 271 delegates according to a count by The Associated Press.")
    assert span.attrs["cue_text"] == "according to"


def test_he_continues_the_subject_not_the_last_name():
    text = ("The respected Comrade Kim Jong Un expressed sincere thanks to President Vladimir Putin and the "
            "Russian government. He said that the Korean people were greatly moved.")
    found, _ = attrs(text)
    said = next(a for a in found if a.attrs["cue_text"] == "said")
    assert said.attrs["actor"] == "kim-jong-un"
    text = ("Zelensky met Joe Biden in Washington on Tuesday. Later he said that Ukraine needed more air "
            "defence.")
    said = next(a for a in attrs(text)[0] if a.attrs["cue_text"] == "said")
    assert said.attrs["actor"] == "volodymyr-zelensky"


def test_a_description_names_the_earlier_speaker_it_repeats():
    text = ("Cha Sang Bo, vice-chairman of the General Association of Koreans in China, said that the act "
            "was reckless. The puppets should not run amuck, the vice-chairman said. The Social Confederation "
            "of Koreans in a statement said that the clans are evading responsibility. The group showed that "
            "they are wreckers of peace, the statement noted.")
    found, _ = attrs(text)
    by_cue = {(a.attrs["cue_text"], a.start): a.attrs["actor"] for a in found}
    actors = [actor for (_cue, _s), actor in sorted(by_cue.items(), key=lambda kv: kv[0][1])]
    assert actors[0] == actors[1] == "auto:cha-sang-bo"
    assert actors[2] is not None and actors[3] == actors[2]


def test_a_description_with_other_words_is_not_the_earlier_speaker():
    text = ("Kim Jong Un, president of the State Affairs, said that the DPRK is strong. The U.S. president said "
            "that sanctions remain.")
    found, _ = attrs(text)
    second = max(found, key=lambda a: a.start)
    assert second.attrs["actor"] != "kim-jong-un"


def test_an_article_in_a_press_review_is_the_newspaper_above_it():
    text = ("Pyongyang, November 7 (KCNA) -- Following are major news items in leading newspapers of the DPRK:\n"
            "- Successes have been made in different economic sectors.\n\nRodong Sinmun\n"
            "- An article says that the imperialists seek a way out in war.\n\nMinju Joson\n"
            "- Another article notes that the Party is ushering in a new era.")
    found, _ = attrs(text)
    assert [a.attrs["actor"] for a in sorted(found, key=lambda a: a.start)] == ["rodong-sinmun", "minju-joson"]


def test_a_recipient_or_a_bare_preposition_is_no_content():
    found, _ = attrs("The message of sympathy from Moscow was conveyed to the Foreign Ministry and immediately "
                     "reported to the supreme leadership of the state.")
    assert not [a for a in found if a.attrs["cue_text"] == "reported"]
    found, _ = attrs("Kim Jong Un received a message of sympathy from Vladimir Putin over the flood damage.")
    assert not [a for a in found if a.attrs["cue_text"] == "message"]


def test_he_after_an_unnamed_person_by_role_stays_unresolved():
    text = ("Personages of different countries expressed admiration at the leadership of Kim Jong Un.\n"
            "The national leader of the Workers' Party of Mexico said that the DPRK achieved proud successes.\n"
            "All these are precious fruition brought by the extraordinary leadership of Comrade Kim Jong Un, he "
            "noted.")
    noted = next(a for a in attrs(text)[0] if a.attrs["cue_text"] == "noted")
    assert noted.attrs["actor"] is None
    assert "continues 'The national leader of the Workers' Party of Mexico'" in noted.attrs["unresolved_reason"]


def test_a_received_message_is_the_senders():
    found, _ = attrs("Kim Jong Un received a message of sympathy from Vladimir Putin over the flood damage.")
    rec = [a for a in found if a.attrs["cue_text"] == "received"]
    assert all(a.attrs["actor"] == "vladimir-putin" for a in rec)
    text = "Kim Jong Un received a message of sympathy from Vladimir Putin over the flood damage."
    assert all(text[a.start:a.end] == "a message of sympathy" for a in rec)


@pytest.mark.parametrize("text, actor", [
    ("The two nuclear-armed U.S. adversaries broke their silence about the soldiers.", None),
    ("The regular U.S.-Japan-ROK joint military exercises show that the U.S. seeks world domination.", None),
    ("The US administration stated that North Korea must share responsibility for the conflict.", "united-states"),
])
def test_a_country_that_only_modifies_the_head_is_not_the_speaker(text, actor):
    found, _ = attrs(text)
    assert found and found[0].attrs["actor"] == actor


@pytest.mark.parametrize("text, cue, content, pins", [
    ("She expressed belief that the forum would achieve good results.", "expressed belief",
     "that the forum would achieve good results", {}),
    ("The daily carries an article saying that it is urgent to protect the environment.",
     "carries an article saying", "that it is urgent to protect the environment",
     {"carries": 0.9, "article": 0.8, "saying": 0.8}),
    # the noun's content ends before the verb's (the parse hung the purpose on the verb)
    ("Russian officials expressed interest in bringing back North Korean workers to help fill the country's labor "
     "deficit.", "expressed interest",
     "in bringing back North Korean workers to help fill the country's labor deficit", {}),
])
def test_a_light_verb_and_its_noun_are_one_statement(text, cue, content, pins):
    # the verb and the noun both cues (by the cue model, or pinned), merged
    assert [(a.attrs["cue_text"], text[a.start:a.end]) for a in pinned(text, pins)] == [(cue, content)]
    # as shipped, one statement too (the tagger may leave the noun out of the cue: "expressed", "belief that …")
    found, _ = attrs(text)
    assert len(found) == 1 and text[found[0].start:found[0].end].endswith(content)


def test_light_verb_merges_chain_verb_noun_and_participle():
    """The verb took the noun ("carries an article", content "saying that …"), then the noun's participle joins:
    one statement, whichever of the three words the models made cues (before stage 15 "saying" stayed apart)."""
    from newsprism.voices.attributions import _merge_light_verbs
    text = "The daily carries an article saying that it is urgent to protect the environment."
    raw = [{"cue": (10, 17), "speaker": (0, 9), "content": (18, 80)},      # carries | an article saying that …
           {"cue": (21, 28), "speaker": (0, 9), "content": (29, 80)},      # article | saying that …
           {"cue": (29, 35), "speaker": (0, 9), "content": (36, 80)}]      # saying  | that …
    got = _merge_light_verbs(text, raw)
    assert [(text[slice(*r["cue"])], text[slice(*r["content"])]) for r in got] == [
        ("carries an article saying", "that it is urgent to protect the environment")]


def test_a_spokesman_for_the_ministry_spelled_out_is_the_ministry():
    text = ("A spokesman for the Foreign Ministry of the Democratic People's Republic of Korea said that the "
            "DPRK will cope with any threat.")
    span, _ = one(text)
    assert span.attrs["actor"] == "dprk-foreign-ministry"


def test_a_verb_before_a_colon_quote_is_one_attribution():
    text = "Rubio stumbled in the debate. And Mr. Christie gloated: ''I told you he wouldn't be ready.''\n\nNo reply."
    found, _ = attrs(text)
    quoted = [a for a in found if "told you" in text[a.start:a.end]]
    assert len(quoted) == 1 and quoted[0].attrs["actor"] == "auto:christie"


def test_who_is_told_is_not_the_content():
    text = "Ted Cruz was also critical of the stance, telling Breitbart London: “Obama’s comments are typical.”"
    found, _ = attrs(text)
    assert not [a for a in found if text[a.start:a.end] == "Breitbart London"]
    assert any("comments are typical" in text[a.start:a.end] and a.attrs["actor"] == "auto:ted-cruz" for a in found)


def test_many_descriptions_in_a_long_document_stay_fast():
    text = "Cha Sang Bo, vice-chairman of the association, said that it was bad. " + (
        "The act was reckless, the vice-chairman said. " * 600)
    t0 = time.process_time()
    found, _ = attrs(text)
    assert len(found) > 500 and found[-1].attrs["actor"] == "auto:cha-sang-bo"
    assert time.process_time() - t0 < 60


def test_a_name_after_the_cue_of_a_quote_is_the_speaker_when_the_parse_loses_it():
    # the parse hangs "Hong Min" off "Watch" (a verb-like group name) and makes the rest the verb's content
    text = ('"The troops will be sent to the front," said Hong Min, a senior researcher who leads the group '
            'Watch the Border.')
    span, content = one(text)
    assert span.attrs["actor"] == "hong-min" and span.attrs["speaker_text"].startswith("Hong Min")
    assert content == '"The troops will be sent to the front,"'


def test_a_finite_cue_without_a_parsed_subject_takes_the_name_before_it():
    text = 'In a statement to Yonhap, the senior adviser of the ministry, Hong Min, said: "The troops have moved."'
    span, content = one(text)
    assert span.attrs["speaker_text"] == "Hong Min" and span.attrs["actor"] == "hong-min"
    assert content == '"The troops have moved."'


def test_a_verb_conjoined_to_the_content_is_the_reporters():
    text = ("Oleksandr Syrskyi said the North Korean units had suffered heavy losses in Kursk, and accused Moscow of "
            "using them as cannon fodder.")
    # the rule, before the learned confidence: that one doubts this cue (tagger P 0.42) and drops it
    spans = find_attributions(text, "en", find_entities(text, "en"), confidence=False)
    got = next(s for s in spans if s.layer == "attribution" and s.attrs["cue_text"] == "accused")
    assert got.attrs["speaker_text"] == "Oleksandr Syrskyi" and got.attrs["actor"] == "oleksandr-syrskyi"
    # and what he said ends before his next report
    said = next(s for s in spans if s.layer == "attribution" and s.attrs["cue_text"] == "said")
    assert text[said.start:said.end] == "the North Korean units had suffered heavy losses in Kursk"


def test_a_participle_after_the_content_stays_with_the_contents_subject():
    # seed 002: North Korea frames the deployment, not the researcher who predicts it will
    text = ("Hong Min, a senior researcher at the Korea Institute for National Unification, predicts that North "
            "Korea will continue to emphasize the justification for the deployment, framing it as a heroic "
            "contribution to a righteous cause.")
    got, _ = with_cue(text, "framing")
    assert got.attrs["actor"] == "north-korea"


def test_a_noun_inside_a_phrase_before_the_verb_is_not_a_speaker():
    text = "The leader has throughout his campaign boasted an eclectic collection of supporters."
    found, _ = attrs(text)
    assert all(s.attrs["speaker_text"] != "his campaign" for s in found)


@pytest.mark.parametrize("text, cue, content", [
    # the quote after a short phrase of the cue's own
    ('Kim Jong Un offered a retort on the agency\'s channel, tweeting at him, "you are a liar."', "tweeting",
     '"you are a liar."'),
    ('"We have started all those talks," Mr. Lim said, adding of Mr. Kim, "He cares about the alliance."',
     "adding", '"He cares about the alliance."'),
    ('Mr. Syrskyi mocked the vague threats, saying at one point, "The answer is not to yell at Moscow."',
     "saying", '"The answer is not to yell at Moscow."'),
    # a predicate adjective with its preposition
    ("Oleksandr Syrskyi was also critical of the Russian command.", "was also critical of", "the Russian command"),
    ("The analysts are wary of trusting the figures released by Moscow.", "are wary of",
     "trusting the figures released by Moscow"),
])
def test_the_cue_takes_its_own_content(text, cue, content):
    assert with_cue(text, cue)[1] == content


@pytest.mark.parametrize("text, cue, speaker, content", [
    # a passive with a by-agent and no clause: what it is about is its subject
    ("The deployment was sharply criticized by the Ukrainian foreign ministry and by analysts in Seoul.",
     "criticized", "the Ukrainian foreign ministry", "The deployment"),
    ("The report was dismissed by KCNA as a smear campaign.", "dismissed", "KCNA",
     "The report was dismissed by KCNA as a smear campaign"),
    # "X writes:" ending its line, and the paragraph below without quote marks
    ("In a post on Telegram, Ivan Filipov wrote:\n\nNorth Korean soldiers are fighting side by side with ours. "
     "They will stay in Kursk.\n\nMoscow has not confirmed it.", "wrote", "Ivan Filipov",
     "North Korean soldiers are fighting side by side with ours. They will stay in Kursk"),
    # a subject the parse labelled otherwise: "many" as an adjective, the columnist Will as the auxiliary
    ("That claim, many argue, could complicate the talks in Geneva.", "argue", "many",
     "could complicate the talks in Geneva"),
    ("In particular, Will wrote, the alliance has already changed the front.", "wrote", "Will",
     "the alliance has already changed the front"),
    ("Will believes the alliance has already changed the front.", "believes", "Will",
     "the alliance has already changed the front"),
    # a passive without a subject of its own speaks through its by-agent, not the governing verb's subject
    ("The FBI had interviewed him, after being warned by the Russian government that he was a threat.",
     "warned", "the Russian government", "that he was a threat"),
    # a relative word as what is denied (PolNeAR marks it), with what it stands for beside it
    ("South Korea's spy agency published the casualty figures, which the Kremlin disputes, on Friday.",
     "disputes", "the Kremlin", "which"),
])
def test_speakers_and_contents_the_small_parse_mislabels(text, cue, speaker, content):
    got, said = with_cue(text, cue)
    assert (got.attrs["speaker_text"], said) == (speaker, content)


def test_a_report_verb_the_parse_made_a_noun_speaks_the_quote_before_it():
    # the small parse reads '“…,” the email read.' as a noun "read" with "email" its compound
    text = ('"Friend, let me be blunt. I can beat Hillary Clinton. Donald cannot," the email read. '
            'It stated that Trump is rattled.')
    got, said = with_cue(text, "read")
    assert (got.attrs["speaker_text"], said) == ("the email", text[:text.index(" the email")].rstrip(","))


def test_a_report_after_the_phrase_that_ends_a_sentence():
    # "…, disclosures filed on Sunday night revealed.": the parse hangs "disclosures" on "wound"
    text = ("Wealthy conservatives are helping pay for a series of last-ditch efforts to wound Donald J. Trump, "
            "disclosures filed on Sunday night revealed.")
    got, said = with_cue(text, "revealed")
    assert (got.attrs["speaker_text"], said) == ("disclosures", text[:text.index(",")])


def test_the_two_write_and_a_quoted_verb_reporting_the_narration():
    text = ('“You seem to have picked a new standard to describe the actions of Secretary Clinton and her staff,” '
            'the two write. Sanders shot back, "Secretary Clinton called them out."')
    got, said = with_cue(text, "write")
    assert got.attrs["speaker_text"] == "the two" and said.startswith("“You seem")
    found, _ = attrs(text)
    # "called" inside the quote does not report "Sanders shot back" before it
    assert [s.attrs["cue_text"] for s in found] == ["write", "shot"]


def test_a_report_verb_read_as_a_modifier_of_its_object():
    text = "In television interviews Wednesday, Trump dismissed critics who called the election-night remarks sexist."
    got, said = with_cue(text, "dismissed")
    assert (got.attrs["speaker_text"], said) == ("Trump", text[text.index("critics"):-1])


def test_a_quoted_sentence_before_a_cue_with_its_own_object_is_not_its_content():
    text = "Kim Jong Un told the soldiers: “Victory is ours.” He also boasted about the heroes of Kursk."
    assert with_cue(text, "boasted")[1] == "about the heroes of Kursk"
    assert with_cue(text, "told")[1] == "“Victory is ours.”"
    # a cue with nothing of its own after it still takes the quote before it
    assert with_cue("At the rally the minister was brief. “We will never leave Kursk.” She said.", "said")[1] == \
        "“We will never leave Kursk.”"
    # nor does one in the same sentence, with a circumstance after the cue
    assert with_cue('“Until the end!" a North Korean commander shouts in Korean.', "shouts")[1] == '“Until the end!"'


@pytest.mark.parametrize("text, cue, speaker", [
    # a parenthetical report with its subject after the verb, the content's subject hung on it too
    ("The troops, said the ministry, were sent to Kursk in October.", "said", "the ministry"),
    ("The real figure, says Ukrainian military intelligence, is closer to 12,000.", "says",
     "Ukrainian military intelligence"),
])
def test_the_speaker_of_an_inverted_parenthetical_report(text, cue, speaker):
    assert with_cue(text, cue)[0].attrs["speaker_text"] == speaker


def test_neither_who_a_message_went_to_nor_a_conjunction_is_its_speaker():
    text = ("The Vermont senator emailed supporters saying: “The struggle continues” and vowing to compete in the "
            "final primary contest next week.")
    found, _ = attrs(text)
    assert found and all(s.attrs["speaker_text"] not in ("and", "supporters") for s in found)
    assert any(s.attrs["speaker_text"] == "The Vermont senator" and "The struggle continues" in text[s.start:s.end]
               for s in found)


@pytest.mark.parametrize("text, cue, content", [
    ("In Kursk, the North Korean units appear to have suffered heavy losses.", "appear",
     "the North Korean units appear to have suffered heavy losses"),
    ("Ms. Kelly seemed certain to leave.", "seemed", "Ms. Kelly seemed certain to leave"),
])
def test_a_sourceless_impression_is_its_subject_with_what_it_seems(text, cue, content):
    got, said = with_cue(text, cue)
    assert said == content and got.attrs["speaker"] is None


def test_a_report_verb_conjoined_after_its_own_subject_takes_the_clause_before():
    text = ("Most Russians oppose sending more troops to Kursk, a new Levada Center poll finds, a debate that is "
            "likely to come to a head this week.")
    got, said = with_cue(text, "finds")
    assert said == "Most Russians oppose sending more troops to Kursk"
    assert got.attrs["speaker_text"] == "a new Levada Center poll"
    # a plain coordination ("…, and his wife said nothing") is not one
    text = "He came home, and his wife said nothing."
    assert [text[s.start:s.end] for s in pinned(text, {"said": 0.8})] == ["nothing"]


def test_a_relative_word_content_carries_what_it_stands_for():
    got, _ = with_cue("South Korea's spy agency published the casualty figures, which the Kremlin disputes, "
                      "on Friday.", "disputes")
    assert got.attrs["refers_to_text"] == "the casualty figures"
    plain, _ = with_cue("The Kremlin disputes the casualty figures.", "disputes")
    assert "refers_to" not in plain.attrs
    # a relative subject left out of the content: the content is about what it stands for
    got, said = with_cue("He embraced several North Korean officers, including three generals who South Korea's "
                         "spy agency said were leading the North Korean troops in Russia.", "said")
    assert said == "were leading the North Korean troops in Russia"
    assert got.attrs["refers_to_text"] == "three generals"


def test_a_verb_hung_off_a_later_quote_keeps_its_own_content():
    text = ('He has also fulminated against plans by the ministry that runs the factories to send more shells to '
            'Russia - "I love this country," he said, "I will never leave it."')
    assert with_cue(text, "fulminated")[1].startswith("against plans by the ministry")


@pytest.mark.parametrize("text, speaker, actor, content", [
    ("Pyongyang has denied the deployment. As the NIS spokesman explained, about 11,000 soldiers were sent to "
     "Kursk.", "the NIS spokesman", "nis-south-korea", "about 11,000 soldiers were sent to Kursk"),
    ("But as Lim Eul-chul noted, the troops will return with combat experience.", "Lim Eul-chul",
     "lim-eul-chul", "the troops will return with combat experience"),
])
def test_as_x_explained_is_xs_report_of_the_clause(text, speaker, actor, content):
    found, _ = attrs(text)
    got = next(s for s in found if s.attrs["speaker_text"] == speaker)
    assert got.attrs["actor"] == actor and text[got.start:got.end] == content


def test_a_report_verb_the_parse_reads_as_a_modifier_between_two_names():
    # the small parse makes "told" an adjective of "Yonhap" and "Lim Eul-chul" compounds of it
    text = ('"The troops are fighting well," Lim Eul-chul told Yonhap, alluding to the reports of heavy losses '
            'in Kursk.')
    told, _ = with_cue(text, "told")
    assert told.attrs["actor"] == "lim-eul-chul" and text[told.start:told.end] == '"The troops are fighting well,"'
    alluding, _ = with_cue(text, "alluding")
    assert alluding.attrs["speaker_text"] == "Lim Eul-chul" and alluding.attrs["actor"] == "lim-eul-chul"


def test_who_is_asked_in_a_passive_is_no_source_and_the_quote_is_not_the_question():
    text = '"Certainly they will come back," Hong Min told the radio station when asked about the prisoners.'
    asked, _ = with_cue(text, "asked")
    assert asked.attrs["speaker"] is None and text[asked.start:asked.end] == "about the prisoners"


def test_seemed_to_confirm_keeps_the_subject_as_source():
    span, content = one("Kim Jong Un seemed to confirm that the troops had been sent.")
    assert span.attrs["actor"] == "kim-jong-un" and content == "that the troops had been sent"


def test_an_adjective_with_its_own_subject_is_a_cue():
    text = ("Addressing the committee, many of them deeply skeptical about the deployment, the minister said the "
            "troops would stay.")
    got, _ = with_cue(text, "skeptical about")
    assert got.attrs["speaker_text"] == "many of them" and text[got.start:got.end] == "the deployment"


def test_a_huge_one_sentence_document_of_named_speakers_stays_linear():
    # 100,000 characters, one "sentence", ~1,000 attributions and ~3,000 entities: each speaker's entities,
    # quotes and capital used to be found by scanning all of them, and every auxiliary's features walked the
    # root's children (8.6 s after the parse at stage 11, 0.6 s now)
    unit = 'As the spokesman explained, Lim Eul-chul told Yonhap, alluding to "losses" and was critical of Moscow, '
    text = (unit * 1000)[:100000]
    ents = find_entities(text, "en")
    find_attributions(text, "en", ents)                           # parse excluded below: warm the cache
    t0 = time.process_time()
    found = [s for s in find_attributions(text, "en", ents) if s.layer == "attribution"]
    assert time.process_time() - t0 < 4.0 and len(found) > 800


def test_position_look_ups_agree_with_a_scan():
    import random
    from newsprism.voices.attributions import _Entities, _quotes_overlapping
    from newsprism.model import Span
    rng = random.Random(7)
    spans = [Span(a, a + rng.randint(1, 30), "entity", "PERSON", "entities", "1") for a in
             (rng.randint(0, 5000) for _ in range(400))]
    index = _Entities(spans)
    quotes, k = [], 0
    while k < 5000:
        a = k + rng.randint(0, 60)
        b = a + rng.randint(2, 80)
        quotes.append((a, b))
        k = b
    for _ in range(300):
        lo = rng.randint(0, 5000)
        hi = lo + rng.randint(0, 400)
        assert index.starting_in(lo, hi) == sorted((e for e in spans if lo <= e.start < hi),
                                                     key=lambda e: (e.start, e.end))
        assert _quotes_overlapping(quotes, lo, hi) == [q for q in quotes if q[0] < hi and lo < q[1]]


def test_a_long_text_of_clauses_without_sentence_punctuation_stays_linear():
    # one 40,000-character "sentence": every cue's content clause used to walk the rest of it (13 s for 20,000
    # characters here before the clause cap, 0.7 s after)
    text = ('"We won," said Kim Jong Un, tweeting at him, "you lie," ' * 800)[:40000]
    found, spans = attrs(text)                                   # parse excluded below: warm the cache
    t0 = time.process_time()
    again = find_attributions(text, "en", find_entities(text, "en"))
    assert time.process_time() - t0 < 15.0
    assert len(found) > 500 and len(again) == len(spans)


@pytest.mark.parametrize("text, cue, speaker", [
    # a subject with its apposition before the verb, which the parse hung elsewhere (stage 14)
    ("In addition to Mr. Syrskyi, two Ukrainian members of parliament from Kharkiv, Olena Koval and Petro "
     "Shevchenko, have said they will not back the plan.", "said",
     "two Ukrainian members of parliament from Kharkiv, Olena Koval and Petro Shevchenko"),
    ("Reached by Yonhap, Lim, the Kyungnam University professor, hesitated to repeat his earlier estimate of the "
     "casualties.", "hesitated to repeat", "Lim"),
    # a name's past tense read as a reduced relative ("Trump, called Maria"); a participle after a quote
    # that closes a report's content
    ("At a rally that night in Macon, Trump called Maria, a former county chairwoman, onto the stage.", "called",
     "Trump"),
    ("The two analysts, however, argue that “there is no precedent for this deployment,” citing the Korean War as "
     "the only case.", "citing", "The two analysts"),
    # a person by role before a report verb read as a reduced relative ("the minister, boasted of …"); a phrase
    # the parse hung before the head noun is not part of the speaker
    ("At the press conference the minister boasted of the army's successes.", "boasted", "the minister"),
    ("During a stop at the base, now called Camp Kursk, the commander boasted of his unit's skill in taking the "
     "town.", "boasted", "the commander"),
])
def test_speakers_the_small_parse_lost(text, cue, speaker):
    got, _ = with_cue(text, cue)
    assert got.attrs["speaker_text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a parenthetical between dashes is not who does the verb after it: the noun before it is
    ("In recent weeks, Russian state media have pumped out footage—much appearing staged to analysts—depicting "
     "the North Korean troops as skilled and brave.", "footage"),
    ("Pro-Kremlin channels have put out videos—many looking staged to observers—showing the soldiers as heroes.",
     "videos"),
])
def test_a_parenthetical_between_dashes_does_not_speak_for_the_verb_after_it(text, speaker):
    cue = "depicting" if "depicting" in text else "showing"
    got, _ = with_cue(text, cue)
    assert got.attrs["speaker_text"] == speaker


def test_a_speech_participle_after_a_reports_content_is_the_reporters():
    # "vowing" hangs off "try", a verb of the reported clause: the one who vows is who indicated it (stage 14)
    got, _ = with_cue("Peskov has indicated he would try to silence critics, vowing to close the channels.", "vowing")
    assert got.attrs["speaker_text"] == "Peskov"
    # a participle that is no report of its own stays the content subject's
    text = ("Lim Eul-chul, a professor at Kyungnam University, predicts that North Korea will continue to stress "
            "the reasons for the dispatch, framing it as a sacred duty.")
    assert [s.attrs["speaker_text"] for s in unfiltered(text, "framing")] == ["North Korea"]


def test_an_inverted_speaker_with_a_relative_clause():
    # the parse makes "Hong Min" the reported clause's subject and "Kim" the verb's (stage 14)
    text = "And Kim, said Hong Min, who has studied the regime for decades, doesn't forgive or forget."
    got, said = with_cue(text, "said")
    assert (got.attrs["speaker_text"], said) == ("Hong Min", "doesn't forgive or forget")


@pytest.mark.parametrize("text, cue, content", [
    # a particle is part of the cue, never of its content (stage 14; contents began "out …", "on to …")
    ("Syrskyi singled out the Kursk offensive as a failure.", "singled out", "the Kursk offensive as a failure"),
    ("He went on to criticize the ministry for its failure to count the dead.", "went on to criticize",
     "the ministry for its failure to count the dead"),
])
def test_the_particle_of_a_cue_is_not_its_content(text, cue, content):
    assert with_cue(text, cue)[1] == content


def test_a_colon_cue_speaker_ends_at_the_colon_and_is_never_inside_the_quote():
    # stage 14: the speaker was a word of the quote ("Nobody") or ran on over the colon into it
    def colon(text):
        return [(s.attrs["speaker_text"], text[s.start:s.end]) for s in unfiltered(text, ":")]
    assert colon('Peskov on the talks: "Nobody will sign this."') == [("Peskov", '"Nobody will sign this."')]
    text = ('FAREWELL—"The club to close in December," by Times\' Anna Kim: "The club, a no-frills venue that gave an '
            'early start to many bands, has hosted countless singers."')
    assert all(': "' not in (sp or '') for sp, _ in colon(text))


def test_a_speaker_span_stops_at_its_cue_and_has_clean_edges():
    # stage 14: an adjective cue inside its noun phrase, and quote marks the speaker does not close
    got, _ = with_cue("Pyongyang's neighbours, concerned about the troops' return, asked for talks.", "concerned about")
    assert got.attrs["speaker_text"] == "Pyongyang's neighbours"
    text = '"The deployment is a war crime," said Kellyanne Moore, a spokeswoman for the coalition.'
    assert not with_cue(text, "said")[0].attrs["speaker_text"].startswith('"')


def test_a_reporting_verb_the_parse_read_as_a_noun_before_its_clause():
    # "claims" a root noun with "Trump" as its head or subject; no attribution at all on stage 13
    text = "Trump claims he's worth $12 billion."
    assert [(s.attrs["cue_text"], s.attrs["speaker_text"], text[s.start:s.end]) for s in unfiltered(text)] == [
        ("claims", "Trump", "he's worth $12 billion")]


def test_a_noun_read_report_verb_with_a_name_as_its_compound_speaks_through_it():
    # "assails" a root noun with "Lim" its compound: no speaker on stage 13
    text = "Lim assails in scoffing prose what he calls the lie of the current moment."
    assert [s.attrs["speaker_text"] for s in pinned(text, {"assails": 0.8}) if s.attrs["cue_text"] == "assails"] \
        == ["Lim"]


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_hearsay_adverb_marks_its_clause_without_a_speaker():
    from newsprism.voices.attributions import _hearsay_adverb
    from newsprism.voices.models import parse_english
    text = "The woman has reportedly been chatting with him online since January 2015, and she left the party."
    r = _hearsay_adverb(_token(parse_english(text), "reportedly"))
    assert r["speaker"] is None and text[r["cue"][0]:r["cue"][1]] == "reportedly"
    # the clause the adverb qualifies, not the one joined to it
    assert text[r["content"][0]:r["content"][1]] == "The woman has reportedly been chatting with him online since January 2015"


def test_title_case_headline_verb_read_as_a_name():
    from newsprism.voices.attributions import _title_case_verb
    from newsprism.voices.models import parse_english
    text = "Hillary Clinton Slams Donald Trump On Abortion After Court Ruling\n\nThe former secretary spoke on Monday."
    doc = parse_english(text)
    slams = _token(doc, "Slams")
    assert slams.pos_ == "PROPN"        # the misreading the rule is for
    r = _title_case_verb(slams)
    assert text[r["speaker"][0]:r["speaker"][1]] == "Hillary Clinton"
    assert text[r["content"][0]:r["content"][1]] == "Donald Trump On Abortion After Court Ruling"
    # not a title: an ordinary sentence, or a line in capitals
    plain = parse_english("Hillary Clinton criticized Donald Trump on abortion after the court ruling on Monday.")
    assert _title_case_verb(_token(plain, "Donald")) is None
    caps = parse_english("WHY SENEGAL CLAMPS DOWN ON QURANIC SCHOOLS\n\nText.")
    assert _title_case_verb(_token(caps, "CLAMPS")) is None


def test_title_case_verb_needs_a_named_speaker_right_before_it():
    from newsprism.voices.attributions import _title_case_verb
    from newsprism.voices.models import parse_english
    doc = parse_english("Trump Makes Campaign Announcement For Speech Against Rivals\n\nText follows here.")
    assert _title_case_verb(_token(doc, "Speech")) is None      # "Announcement For" is no name


def test_a_report_inside_a_trailing_inverted_report_is_kept_and_relayed():
    """Stage 17: "X said …, state media reported." keeps X's report however low the models score its verb
    (PolNeAR leaves nested reports unmarked; the context tagger gave the seed's "said" 0.007), relayed by the
    outer report; the same clause on its own at that score is dropped."""
    text = "The envoy said the towns will be renamed after the soldiers, North Korean state media reported."
    got = [(a.attrs["cue_text"], a.attrs["speaker_text"], a.attrs["via"]) for a in pinned(text, {"said": 0.0001})]
    assert ("said", "The envoy", ["north-korean-state-media"]) in got
    alone = "The envoy said the towns will be renamed after the soldiers."
    assert pinned(alone, {"said": 0.0001}) == []


def test_an_embedded_post_is_its_authors_words():
    from newsprism.voices.attributions import find_attributions as _find
    from newsprism.voices.entities import find_entities as _ents
    text = ("The city said the bridge would reopen.\nBy noon today, 12 trucks and 40 cars crossed the river. Our crews "
            "have kept watch and cleared the road. pic.twitter.com/Ab12Cd\n— City of Springfield Roads Department "
            "(@SpringfieldRoads) April 2, 2025\nTraffic was light.")
    spans = [s for s in _find(text, "en", _ents(text, "en")) if s.layer == "attribution"]
    post = [s for s in spans if "kept watch" in text[s.start:s.end]]
    assert len(post) == 1 and post[0].attrs["speaker_text"] == "City of Springfield Roads Department"
    assert post[0].label == "direct" and "pic.twitter" not in text[post[0].start:post[0].end]
    text = "Traffic was light.\n— Note from the editor, April 2, 2025"       # no handle: no post
    assert not [s for s in _find(text, "en", _ents(text, "en")) if s.layer == "attribution"]
