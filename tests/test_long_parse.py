"""A text longer than spaCy's comfortable size is parsed in pieces cut at line breaks and joined back into one
Doc whose text and character offsets are the original's (voices.models._parse_chunked)."""

import spacy

from newsprism.voices import models


def _text(paragraphs: int) -> str:
    return "\n".join(f"Paragraph {i}: Maria Lopez met officials in Lisbon on day {i}. They spoke for an hour."
                     for i in range(paragraphs))


def test_a_long_text_is_parsed_in_pieces_and_keeps_its_text(monkeypatch):
    monkeypatch.setattr(models, "CHUNK_CHARS", 400)
    text = _text(40)                          # ~3,600 characters: about nine pieces
    nlp = spacy.blank("en")
    calls = []
    real_pipe = nlp.pipe
    monkeypatch.setattr(nlp, "pipe", lambda texts, **kw: calls.append(list(texts)) or real_pipe(calls[-1], **kw))
    doc = models._parse_chunked(nlp, text)
    assert doc.text == text
    pieces = calls[0]
    assert len(pieces) >= 8 and "".join(pieces) == text
    assert all(p.endswith("\n") for p in pieces[:-1])           # cut after a line break, never inside a word
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text


def test_entities_in_a_later_piece_keep_the_original_offsets(monkeypatch):
    monkeypatch.setattr(models, "CHUNK_CHARS", 500)
    text = _text(12)
    doc = models._parse_chunked(models.english(), text)
    assert doc.text == text
    lisbon = [e for e in doc.ents if e.text == "Lisbon"]
    assert len(lisbon) >= 6                   # found in every piece, not only the first
    last = lisbon[-1]
    assert text[last.start_char:last.end_char] == "Lisbon" and last.start_char > 500


def test_a_short_text_is_one_call():
    nlp = spacy.blank("en")
    doc = models._parse_chunked(nlp, "Short text.")
    assert doc.text == "Short text."
