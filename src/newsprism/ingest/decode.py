"""Bytes to text: BOMs, UTF-8, a declared charset, then detection of legacy encodings.

Order: a BOM wins; then strict UTF-8 (valid multi-byte UTF-8 almost never happens by
accident in legacy text, while declarations are often wrong); then the charset the
HTTP header or the page declared; then detection. charset_normalizer alone
misreads short Russian and Korean texts (cp1251 as mac_cyrillic, EUC-KR as big5),
which are what our users ingest most, so its candidates and a list of legacy
encodings are re-ranked by how plausible each decoding looks (see ``plausibility``).
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import DecodeError, EmptyInputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Legacy encodings of the languages newsprism's users read (Russian/Ukrainian, Korean,
# Japanese, Chinese, Western/Central European, Greek, Arabic), tried beside the detector's guesses.
_LEGACY = ("cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "cp949", "euc_jp", "cp932",
           "gb18030", "big5", "cp1252", "cp1250", "cp1253", "cp1256", "mac_cyrillic")

_SAMPLE = 16384   # enough bytes to judge; scoring is per character in Python
# Non-letters that real text contains; other non-ASCII symbols suggest a wrong decoding.
_OK_PUNCT = set("\u00a0«»„“”‘’‚—–…№°§·•€£¥©®™×±\u2009\u202f\u3000、。「」『』（）・〈〉《》，．！？：；")
# Russian/Ukrainian letter frequencies (per cent); a wrong single-byte Cyrillic codepage
# permutes letters, so real text scores well above random letter soup.
_CYR_FREQ = dict(zip("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіїєґ",
                     (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21,
                      2.98, 2.81, 2.62, 2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97,
                      0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04, 1.5, 0.4, 0.3, 0.05)))
_CYR_UNIFORM = 100 / 33
_WORD = re.compile(r"\S+")
# Han alone is weak evidence (any double-byte codec turns byte pairs into some Han); Latin
# beyond Latin-1 slightly weaker so French/German text is read as cp1252, not cp1250.
_LETTER_WEIGHT = {"han": 0.9, "latin": 0.95}


# Magic numbers of binary formats people drop into a news folder, to name them in the error.
_MAGIC = ((b"%PDF-", "a PDF document", "extract its text first (e.g. with pdftotext)"),
          (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT)", "unpack it or save the document as text"),
          (b"\x89PNG", "a PNG image", "images hold no text to analyse"),
          (b"\xff\xd8\xff", "a JPEG image", "images hold no text to analyse"),
          (b"GIF8", "a GIF image", "images hold no text to analyse"),
          (b"\x1f\x8b", "a gzip file", "decompress it first (gzipped WARC files are read as they are)"),
          (b"SQLite format 3\x00", "an SQLite database", "export its rows to CSV or JSONL first"))


def looks_binary(data: bytes) -> bool:
    """A known binary format, NUL bytes or many control characters in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(magic) for magic, _, _ in _MAGIC):
        return True
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises EmptyInputError or DecodeError with a reason."""
    if not data.strip():
        raise EmptyInputError("input is empty or only whitespace")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if looks_binary(data):
        raise binary_error(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    return _detect(data)


def binary_error(data: bytes) -> DecodeError:
    """A DecodeError naming the binary format when its magic number is known."""
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            return DecodeError(f"input is {what}, not text", hint=hint)
    return DecodeError("input looks binary (NUL or control bytes), not text",
                       hint="newsprism reads text, HTML, JSON(L), CSV, RSS/Atom and WARC files")


def _detect(data: bytes) -> tuple[str, str]:
    """Best-scoring legacy decoding of ``data``; DecodeError when none decodes at all."""
    sample = data[:_SAMPLE]
    scored = []
    for rank, enc in enumerate(_candidates(sample)):
        text = _decode_sample(sample, enc, whole=len(data) <= _SAMPLE)
        if text is not None:
            # rank breaks ties in favour of the detector's own order
            scored.append((plausibility(text) - rank * 1e-4, enc))
    for _, enc in sorted(scored, reverse=True):
        try:
            return data.decode(enc), codecs.lookup(enc).name
        except UnicodeDecodeError:
            continue  # the sample decoded but a later part does not: try the next guess
    raise DecodeError("not valid UTF-8 and no legacy encoding decodes it cleanly")


def _candidates(sample: bytes) -> list[str]:
    guesses = [m.encoding for m in from_bytes(sample)][:5]
    seen: dict[str, None] = {}
    for enc in (*guesses, *_LEGACY):
        try:
            seen.setdefault(codecs.lookup(enc).name, None)
        except LookupError:
            continue
    return list(seen)


def _decode_sample(sample: bytes, enc: str, whole: bool) -> str | None:
    # a cut sample may end inside a multi-byte character: drop up to 3 trailing bytes
    for cut in ((0,) if whole else (0, 1, 2, 3)):
        try:
            return sample[: len(sample) - cut].decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def plausibility(text: str) -> float:
    """How much ``text`` looks like real writing rather than mojibake, per non-ASCII character.

    Letters of one script per word count for; symbols, control characters, words mixing
    scripts (Hangul beside Han, Cyrillic beside Greek), case flips inside a word and
    Hangul syllables outside the common KS X 1001 set count against; Cyrillic letters add
    how Russian/Ukrainian their frequencies look.
    """
    nonascii = sum(1 for c in text if ord(c) > 127)
    if not nonascii:
        return 0.0
    good = bad = 0.0
    for word in _WORD.findall(text):
        g, b = _word_score(word)
        good, bad = good + g, bad + b
    return (good - 3 * bad + _cyrillic_bonus(text)) / nonascii


def _word_score(word: str) -> tuple[float, float]:
    scripts: set[str] = set()
    good = bad = 0.0
    prev_lower = False
    for c in word:
        if ord(c) < 128:
            prev_lower = c.islower()
            continue
        s = _script(c)
        if s == "symbol":
            ok = c in _OK_PUNCT
            good, bad = good + ok, bad + (not ok)
            continue
        scripts.add(s)
        good += _LETTER_WEIGHT.get(s, 1.0) if ord(c) > 0xFF else 1.0
        bad += s == "hangul" and not _common_hangul(c)
        bad += prev_lower and c.isupper()     # "сЕВЕР": a case-swapping codepage
        prev_lower = c.islower()
    if _mixed(scripts, ascii_letters=any(c.isascii() and c.isalpha() for c in word)):
        bad += good
    return good, bad


def _mixed(scripts: set[str], ascii_letters: bool) -> bool:
    """Scripts that do not share a word: Japanese mixes kana and kanji, Korean attaches
    particles to Latin acronyms ("KCNA는"), but "corйens" is a wrong codepage."""
    if scripts <= {"kana", "han"} or len(scripts) == 1 and scripts <= {"hangul", "han", "kana"}:
        return False
    if len(scripts - {"latin"}) > 1:
        return True
    return ascii_letters and bool(scripts - {"latin"})


def _script(c: str) -> str:
    if not c.isalpha():
        return "symbol"
    o = ord(c)
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if o < 0x0250:
        return "latin"
    return unicodedata.name(c, "other").split(" ", 1)[0].lower()


def _common_hangul(c: str) -> bool:
    # cp949 decodes many byte pairs to rare syllables outside EUC-KR; real text seldom has them
    # (CPython's euc_kr encodes the others as 8-byte jamo sequences, hence the length test)
    try:
        return len(c.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def _cyrillic_bonus(text: str) -> float:
    letters = [c.lower() for c in text if 0x0400 <= ord(c) <= 0x04FF]
    return sum(math.log(_CYR_FREQ.get(c, 0.05) / _CYR_UNIFORM) for c in letters)
