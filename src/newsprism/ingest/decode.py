"""Bytes to text: BOMs, UTF-8, then a detector for legacy encodings (cp1251, EUC-KR ...)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import DecodeError, EmptyInputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises DecodeError/EmptyInputError with a reason."""
    if not data.strip():
        raise EmptyInputError("input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if looks_binary(data):
        raise DecodeError("input looks binary (NUL or control bytes), not text")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("not valid UTF-8 and no other encoding fits")
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError as exc:
        raise DecodeError(f"detected {best.encoding} but decoding failed: {exc.reason}") from None
