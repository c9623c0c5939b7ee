"""A sentence that names where the statement before it comes from (sentences written for these tests)."""

from newsprism.voices.attributions import find_attributions
from newsprism.voices.entities import find_entities


def _found(text, lang="en"):
    return [s for s in find_attributions(text, lang, find_entities(text, lang)) if s.layer == "attribution"]


def test_this_information_comes_from_gives_the_sentence_before_its_speaker():
    text = ("Since the spring, the fleet has lost more than 300 boats. "
            "This information comes from the Coast Guard of Freedonia. Of that total, 20 sank.")
    got = [s for s in _found(text) if "300 boats" in text[s.start:s.end]]
    assert [s.attrs["speaker_text"] for s in got] == ["Coast Guard of Freedonia"]
    assert got[0].attrs["cue_text"] == "This information comes from"


def test_a_sentence_with_its_own_report_keeps_its_speaker():
    text = "The fleet lost 300 boats, the mayor said. This information comes from the Coast Guard."
    got = [s for s in _found(text) if "300 boats" in text[s.start:s.end]]
    assert [s.attrs["speaker_text"] for s in got] == ["the mayor"]


def test_russian_rules_read_it_once():
    text = "С весны флот потерял более 300 лодок. Такие данные приводит береговая охрана."
    got = [s for s in _found(text, "ru") if "300" in text[s.start:s.end]]
    assert len(got) == 1


def test_the_source_is_not_the_body_its_name_holds():
    text = "The fleet has lost 300 boats. This information comes from the General Staff of Freedonia's Navy."
    got = [s for s in _found(text) if "300 boats" in text[s.start:s.end]]
    assert got and got[0].attrs["speaker_text"] == "General Staff of Freedonia's Navy"
    assert not got[0].attrs.get("actor") or "staff" in got[0].attrs["actor"]


def test_a_statement_named_after_the_paragraph_is_the_named_speakers():
    text = ("Рибалки заперечили все\n\nУ КНДР наполягають, що нібито не ловили риби в протоці. "
            "Такі повідомлення Пхеньян називає \"вигадками\".\n\n"
            "Таку заяву зробив посол КНДР при ООН Ян Коваль.")
    found = _found(text, "uk")
    got = [s for s in found if "не ловили риби" in text[s.start:s.end]]
    maker = [s for s in found if s.attrs.get("cue_text") == "зробив"]
    assert got and maker and maker[0].attrs["actor"], [(s.attrs["speaker_text"], s.attrs["cue_text"]) for s in found]
    assert got[0].attrs["actor"] == maker[0].attrs["actor"] != "north-korea"
