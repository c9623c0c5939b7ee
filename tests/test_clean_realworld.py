"""Real scraped articles through cleaning: named sentences stay, named residue goes.

In the manner of trafilatura's realworld tests. The seeds live in ../shared (third-party
text is never copied into the repo); only the short sentences asserted on appear here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_record
from newsprism.clean.metadata import infer_metadata
from newsprism.clean.normalize import normalize_text
from newsprism.clean.residue import remove_residue
from newsprism.model import RawRecord

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"

# seed file prefix -> (sentences that must survive, residue lines that must go, removal reasons expected)
CASES = {
    "000": ([
        "This claim, reported by the Central News Agency of Korea (CNA), draws directly from statements "
        "attributed to the leadership of Pyongyang",
        "North Korean leader Kim Jong-un previously described the participation of DPRK troops in the Kursk "
        "operation as a ‘sacred mission,’",
        "on the world stage.",
    ], [], set()),
    "001": ([
        "On Monday, reports surfaced that Russia plans to produce a propaganda film",
        "In conclusion, the planned cinematic portrayal of North Korean soldiers’ heroism in the Battle of Kursk "
        "symbolizes the evolution of North Korea-Russia military cooperation.",
    ], [], set()),
    "002": ([
        "North Korea Shows Troops in Russia for First Time, Honors War Dead",
        "North Korea has publicly revealed images of its soldiers deployed to Russia for the first time.",
        "A caption read, “The stars of my homeland that will never fade from our hearts,” seemingly "
        "commemorating the fallen.",
        "U.S. and South Korean intelligence agencies assess that further North Korean troop deployments are "
        "likely between July and August.",
    ], [
        "Saturday, December 6, 2025",
        "Kim Jong Un, Russian Culture Minister Celebrate Treaty With Joint Performance",
        "From Blackhawk to Valor: The Evolution of Military Helicopters",
        "The South Korean military has officially begun...",
        "2024 Global Diplomacy Index Report by Lowy...",
        "NorthKoreaNorth Korea Shows",
        "Screenshot from Korean Central Television",
        "Rodong Sinmun",            # a tag label after the article; the paper itself is named in the body
        "Check Out Our Content",
        "Check Out Other Tags:",
        "Most Popular Articles",
    ], {"date-line", "teaser", "duplicate-title", "caption", "navigation", "tail-fragment"}),
    "003": ([
        "According to the agency, Kim Jon Un described these troops as heroes",
        "The role of North Korean troops fighting for Russia is expected to shape the next phase of the "
        "ongoing conflict.",
    ], [], set()),
    "004": ([
        "Russia and North Korea turn their war alliance into a propaganda tool",
        "The two countries are producing a new wave of content to exalt their partnership in the conflict "
        "in Ukraine.",
        "“Let us love Kim Jong Un!\" the soldiers sing.",
        "“And thank you,\" the correspondent said, “for helping us protect our land.\"",
    ], [
        "Write to Dasl Yoon at dasl.yoon@wsj.com",
        "topics",
    ], {"byline", "navigation"}),
}


def _seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"shared seed {prefix} not present at {SEEDS}")
    return found[0]


def _clean(prefix: str) -> tuple[str, list[dict]]:
    return remove_residue(normalize_text(_seed(prefix).read_text(encoding="utf-8")))


@pytest.mark.parametrize("prefix", sorted(CASES))
def test_article_sentences_survive(prefix):
    text, _ = _clean(prefix)
    for sentence in CASES[prefix][0]:
        assert sentence in text, f"lost from seed {prefix}: {sentence!r}"


@pytest.mark.parametrize("prefix", sorted(CASES))
def test_named_residue_is_removed_with_a_reason(prefix):
    text, removed = _clean(prefix)
    lines = set(text.split("\n"))
    for residue in CASES[prefix][1]:
        assert not any(line.startswith(residue) for line in lines), f"residue left in seed {prefix}: {residue!r}"
    assert {r["reason"] for r in removed} == CASES[prefix][2]


@pytest.mark.parametrize("prefix", sorted(CASES))
def test_every_paragraph_of_the_article_body_is_kept(prefix):
    """Lines of 25+ words are article prose in all five seeds: none may be removed."""
    raw = normalize_text(_seed(prefix).read_text(encoding="utf-8"))
    text, _ = remove_residue(raw)
    for line in raw.split("\n"):
        if len(line.split()) >= 25 and not line.startswith("Kim Jong Un and Russian Minister"):  # a teaser blurb
            assert line in text


def test_seed_002_headline_leads_and_captions_are_all_gone():
    text, removed = _clean("002")
    assert text.split("\n")[0] == "North Korea Shows Troops in Russia for First Time, Honors War Dead"
    assert "Screenshot" not in text
    assert sum(r["reason"] == "caption" for r in removed) == 4
    assert text.rstrip().endswith("likely between July and August.")


def test_seed_004_byline_leaves_the_text_but_feeds_metadata():
    text, removed = _clean("004")
    assert "dasl.yoon@wsj.com" not in text
    assert {"text": "Write to Dasl Yoon at dasl.yoon@wsj.com", "reason": "byline"} in removed
    meta = infer_metadata(text, {}, locator=str(_seed("004")), removed=removed)
    assert meta["author"].value == "Dasl Yoon"
    assert meta["outlet"].value == "The Wall Street Journal"
    assert meta["title"].value == "Russia and North Korea turn their war alliance into a propaganda tool"


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seeds_that_start_with_a_sentence_get_no_title(prefix):
    text, removed = _clean(prefix)
    assert "title" not in infer_metadata(text, {}, removed=removed)


def test_seed_002_through_clean_record(settings):
    path = _seed("002")
    data = path.read_bytes()
    doc = clean_record(RawRecord(str(path), "text", data, text=data.decode("utf-8")), settings)
    assert doc.get("title") == "North Korea Shows Troops in Russia for First Time, Honors War Dead"
    pub = doc.meta["published"]
    assert (pub.value, pub.source, pub.evidence) == ("2025-12-06", "text:date-line", "Saturday, December 6, 2025")
    assert pub.confidence <= 0.5          # a bare date line may be the crawl date
    assert "outlet" not in doc.meta       # nothing in the page names it: unknown stays unknown
    assert doc.language == "en"
