"""Relay constructions, group speakers and phrases that name no speaker (English; sentences written for these
tests). Rule checks: attributions before the learned confidence drops any."""

from __future__ import annotations

import pytest

from newsprism.voices.attributions import find_attributions
from newsprism.voices.attributions.nobody import no_one
from newsprism.voices.entities import find_entities


def found(text):
    return [s for s in find_attributions(text, "en", find_entities(text, "en"), confidence=False)
            if s.layer == "attribution"]


def holding(text, words):
    """The attribution whose content holds ``words`` (the shortest)."""
    got = sorted((s for s in found(text) if words in text[s.start:s.end]), key=lambda s: s.end - s.start)
    seen = [(s.attrs["speaker_text"], text[s.start:s.end]) for s in found(text)]
    assert got, f"no attribution holds {words!r} in {text!r}: {seen}"
    return got[0]


def names(s):
    """The speaker (actor id, else words) and the relays, each lowercased."""
    return f"{s.attrs['actor']} | {s.attrs['speaker_text']}".lower(), [v.lower() for v in s.attrs["via"]]


@pytest.mark.parametrize("text, words, speaker, relay", [
    # "X, citing Y, said": Y speaks, X passes it on
    ("Park Ji-hoon, citing the country's spy agency, said about 400 soldiers had been wounded.",
     "about 400 soldiers", "spy agency", "park"),
    ("Citing the spy agency, Park Ji-hoon said the captives did not want to go home.",
     "the captives did not want", "spy agency", "park"),
    ("Yonhap reported, citing the National Intelligence Service, that 1,500 troops had been sent.",
     "1,500 troops", "national intelligence", "yonhap"),
    # "X cited Y as saying", "Y was quoted by X as saying", "X quoted Y as accepting"
    ("RIA Novosti cited Defence Minister Sergei Shoigu as saying that 5,000 troops had been trained.",
     "5,000 troops", "shoigu", "ria"),
    ("Kim Jong Un was quoted by KCNA as saying the units had fought bravely.",
     "the units had fought", "kim-jong-un", "kcna"),
    ("Reports quoted senior army officers as accepting a toll of 8,000 dead.",
     "a toll of 8,000", "senior army officers", "reports"),
    # "Y told X (a medium)", "Y said in a statement carried by X", "in comments to local media"
    ("The National Intelligence Service told AFP that it had confirmed the capture of three soldiers.",
     "three soldiers", "national intelligence", "afp"),
    ("The ministry said in a statement carried by the Xinhua news agency that 20 sailors were missing.",
     "20 sailors", "the ministry", "xinhua"),
    ("Senior officials, in comments to local media, said 9,000 people had died.",
     "9,000 people", "senior officials", "local media"),
    # "According to Y, X (an outlet) reported": Y's, passed on by the outlet
    ("According to the National Intelligence Service, Yonhap reported that 600 soldiers died.",
     "600 soldiers", "national intelligence", "yonhap"),
    # a report that names its source
    ("The report, which relied on unnamed Western officials, said the army had lost 2,500 men.",
     "2,500 men", "unnamed western officials", "the report"),
    # a claim by someone inside another's report
    ("Olena Kovalenko, the defence minister, pointed to claims by pro-Russian bloggers that 90,000 soldiers had "
     "died.", "90,000 soldiers", "pro-russian bloggers", "kovalenko"),
])
def test_relay_constructions_give_the_original_speaker_and_the_relay(text, words, speaker, relay):
    who, via = names(holding(text, words))
    assert speaker in who, (who, via)
    assert any(relay in v for v in via), (who, via)


def test_the_relay_chain_runs_outermost_first():
    text = "KCNA reported that Yonhap, citing the National Intelligence Service, said 700 soldiers had been sent."
    who, via = names(holding(text, "700 soldiers"))
    assert "national intelligence" in who or who.startswith("nis")
    assert via[0] == "kcna" and "yonhap" in via[1]


def test_the_swallowed_cue_is_no_attribution_of_its_own():
    text = "Park Ji-hoon, citing the country's spy agency, said about 400 soldiers had been wounded."
    assert [s.attrs["cue_text"] for s in found(text)] == ["said"]


def test_a_cited_document_leaves_the_citing_speaker():
    text = "The journalist Anna Petrova said the film would get state money, citing a document from the ministry."
    s = holding(text, "the film would get")
    assert "petrova" in (s.attrs["speaker_text"] or "").lower() and s.attrs["via"] == []


def test_telling_reporters_is_no_relay():
    s = holding("The minister told reporters that 40 soldiers were missing.", "40 soldiers")
    assert s.attrs["via"] == []


@pytest.mark.parametrize("text, words, group", [
    ("Western, South Korean and Ukrainian intelligence agencies say 12,500 troops were sent.", "12,500 troops",
     "Western, South Korean and Ukrainian intelligence agencies"),
    ("Ukrainian and Western assessments say 11,500 soldiers remain in the region.", "11,500 soldiers",
     "Ukrainian and Western assessments"),
    ("Seoul and Washington said the launch violated several resolutions.", "the launch violated",
     "Seoul and Washington"),
])
def test_a_group_of_parties_keeps_its_words_and_no_single_actor(text, words, group):
    s = holding(text, words)
    assert s.attrs["speaker_text"] == group and s.attrs["actor"] is None
    assert "several" in s.attrs["unresolved_reason"]


def test_one_country_s_officials_are_an_unnamed_group_of_that_country():
    s = holding("Ukrainian officials said 14,500 soldiers had been sent.", "14,500 soldiers")
    assert s.attrs["actor"] is None and s.attrs["side"] == "ukraine"
    assert s.attrs["speaker_text"] == "Ukrainian officials"
    s = holding("The Ukrainian government said 14,500 soldiers had been sent.", "14,500 soldiers")
    assert s.attrs["actor"] == "ukraine"


def test_a_pointing_noun_is_no_speaker():
    text = "This revelation suggests that the army lost 600 men."
    for s in found(text):
        if "the army lost" in text[s.start:s.end]:
            assert s.attrs["speaker_text"] is None and "points back" in s.attrs["unresolved_reason"]


@pytest.mark.parametrize("phrase, why", [
    ("an", "determiner"), ("the", "determiner"), ("including about 600", "quantity"), ("some 300", "quantity"),
    ("among them", "quantity"), ("This revelation", "points back"), ("that disclosure", "points back"),
    ("some officials", None), ("This newspaper", None), ("these lawmakers", None), ("the two", None),
    ("Western intelligence agencies", None), ("that", None), ("those", None), ("Some", None), ("another", None),
    ("Six in 10", None), ("About three-quarters", None), ("that marketers", None),
])
def test_what_names_no_one(phrase, why):
    got = no_one(phrase)
    assert (got is None) if why is None else (got is not None and why in got), got


@pytest.mark.parametrize("text, speaker", [
    ("“You have chosen a strange test,” the two write.", "the two"),
    ("One of the prisoners said he had not known where he was going.", "One of the prisoners"),
])
def test_groups_by_number_still_speak(text, speaker):
    assert any(s.attrs["speaker_text"] == speaker for s in found(text))


def test_pro_and_anti_names_are_sides_not_speakers():
    s = holding("Pro-Russian bloggers said 3,000 shells had been fired.", "3,000 shells")
    assert s.attrs["actor"] != "russia" and s.attrs["speaker_text"] == "Pro-Russian bloggers"


@pytest.mark.parametrize("text, speaker, content", [
    ("Last week the agency put enemy losses at about 450 dead and another 1,900 wounded.", "the agency",
     "enemy losses at about 450 dead and another 1,900 wounded"),
    ("Poland puts the number of drones shot down over its territory at more than 20.", "Poland",
     "the number of drones shot down over its territory at more than 20"),
])
def test_an_estimate_put_at_a_figure(text, speaker, content):
    s = holding(text, content)
    assert s.attrs["speaker_text"] == speaker and s.attrs["cue_text"] in ("put", "puts")
    assert text[s.start:s.end] == content


def test_putting_a_thing_somewhere_is_no_estimate():
    assert not [s for s in found("She put the book at the door and left at noon.") if s.attrs["cue_text"] == "put"]


@pytest.mark.parametrize("text, content", [
    ("The army said that the two brigades moved north last week are now holding the line and have taken losses.",
     "that the two brigades moved north last week are now holding the line and have taken losses"),
    ("The navy said it was tracking the ships closely, but that the situation at sea was calm.",
     "it was tracking the ships closely, but that the situation at sea was calm"),
])
def test_reported_clauses_that_run_on(text, content):
    assert text[holding(text, content).start:holding(text, content).end] == content


def test_a_sentence_final_report_whose_name_the_parse_conjoined():
    text = ("Since the offensive began, the enemy has lost over 9,000 troops, as well as more than 400 tanks, "
            "Mykola Bondarenko, the army's commander, said on Monday.")
    s = holding(text, "the enemy has lost over 9,000 troops")
    assert s.attrs["speaker_text"].startswith("Mykola Bondarenko")


def test_a_quote_before_a_speaker_whose_title_the_parse_split():
    text = "“We see signs of heavy losses among them,” Navy spokesperson Lt. Cmdr. Anna Kovac told reporters."
    s = holding(text, "We see signs")
    assert "Kovac" in s.attrs["speaker_text"] and s.attrs["cue_text"] == "told"


def test_according_to_its_own_update_is_the_speakers_report():
    text = "According to its latest update, the Health Ministry says 4,321 people have been killed since May."
    got = [s for s in found(text) if "4,321" in text[s.start:s.end]]
    assert [s.attrs["speaker_text"] for s in got] == ["the Health Ministry"]


def test_a_quote_of_several_sentences_before_its_cue_is_all_its_content():
    text = '"We will keep fighting them, whatever flag they fly. The fight goes on," Petrenko said.'
    s = holding(text, "The fight goes on")
    assert text[s.start:s.end].startswith('"We will keep fighting')


def test_a_role_continues_the_last_person_who_spoke():
    text = ("Over 900 soldiers were captured, Oleksandr Petrenko, the commander of the army, said. "
            "Over 300 of them have been exchanged, the general added.")
    s = holding(text, "Over 300 of them")
    assert s.attrs["speaker_text"] == "the general" and s.attrs["actor"] is not None
    assert s.attrs["actor"] == holding(text, "Over 900 soldiers").attrs["actor"]


def test_a_role_with_a_word_no_mention_has_is_someone_else():
    text = ("Kim Jong Un, president of the State Affairs, said the drills were a provocation. "
            "The U.S. president said the drills were routine.")
    s = holding(text, "were routine")
    assert s.attrs["actor"] != "kim-jong-un"


def test_the_report_is_the_report_a_speaker_published():
    text = ("In a report published on Monday, the Defence Ministry of Ruritania said 5,000 troops had been lost. "
            "The report added that the losses would almost certainly grow.")
    first, later = holding(text, "5,000 troops"), holding(text, "the losses would")
    assert first.attrs["actor"] and later.attrs["actor"] == first.attrs["actor"]


def test_a_reporting_verb_read_as_a_noun_keeps_its_subject():
    s = holding("The Ruritanian army claims to have destroyed more than 300 tanks.", "to have destroyed")
    assert s.attrs["speaker_text"] == "The Ruritanian army"


def test_a_clause_before_a_semicolon_is_not_what_the_next_verb_reports():
    text = ('The leader was quoted as saying the units were sent under the pact; he called their task a mission '
            'to "crush the invaders" together with allied forces.')
    s = holding(text, "crush the invaders")
    assert "the units were sent" not in text[s.start:s.end] and s.attrs["cue_text"] == "called"


def test_statements_putting_a_figure_at_a_number():
    text = "Analysts doubted Ruritanian statements putting the figure at 40,000."
    s = holding(text, "the figure at 40,000")
    assert s.attrs["speaker_text"] == "Ruritanian statements" and s.attrs["cue_text"] == "putting"


def test_a_second_report_joined_to_a_reporting_verb_s_object_is_relayed_by_its_speaker():
    text = ("Mayor Anna Petrova of Norland spoke on Monday. She pointed to claims by opposition councillors that "
            "900 houses had burned, and to Westmark statements putting the figure at 600, but rejected both.")
    who, via = names(holding(text, "the figure at 600"))
    assert "westmark" in who and any("petrova" in v for v in via), (who, via)


def test_a_clustered_body_is_named_with_the_place_that_qualifies_it():
    text = ("The harvest grew by a third, the UK Ministry of Fisheries said on Monday. "
            "So far, the ministry added, no boat had been lost.")
    first = holding(text, "The harvest grew")
    assert first.attrs["actor"].startswith("auto:")
    assert first.attrs["actor_name"] == "UK Ministry of Fisheries"
    assert holding(text, "no boat").attrs["actor_name"] == "UK Ministry of Fisheries"


def test_a_clustered_person_is_not_named_with_a_place():
    text = "The harvest grew by a third, the UK envoy Tobias Grantham-Vell said on Monday."
    s = holding(text, "The harvest grew")
    assert "UK" not in (s.attrs["actor_name"] or "")


def test_an_inverted_report_after_a_coordinated_clause_reports_that_clause():
    text = ("Two fishermen were left out of the latest swap and should now go to Portugal, "
            "a conservative Spanish lawmaker argued on Tuesday.")
    s = holding(text, "should now go to Portugal")
    assert s.attrs["speaker_text"] == "a conservative Spanish lawmaker"
    assert "Two fishermen were left out" not in text[s.start:s.end]


def test_a_speaker_introduced_by_a_role_is_the_one_the_next_report_names_with_it():
    text = ("Two fishermen should now go to Portugal, a conservative Spanish lawmaker argued on Tuesday.\n"
            "Juan Ortega Ruiz, a Popular Party lawmaker who sits on the fisheries committee, said the mayors agreed.")
    lead = holding(text, "Two fishermen")
    named = holding(text, "the mayors agreed")
    assert lead.attrs["actor"] and lead.attrs["actor"] == named.attrs["actor"]
    other = ("The port should close, a local official said. "
             "Maria Gomez, a spokeswoman for the mayor, said the port was safe.")
    assert holding(other, "The port should close").attrs["actor"] is None


def test_a_reported_how_clause_runs_through_the_colon_that_gives_it():
    text = ("On Monday the port authority described how the fishermen work at night: they are packed into small "
            "boats and then sent out to sea. The mayor said nothing.")
    s = holding(text, "how the fishermen work")
    assert text[s.start:s.end].endswith("sent out to sea")
    assert "The mayor" not in text[s.start:s.end]
