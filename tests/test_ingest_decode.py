"""decode.py: BOMs, UTF-8, declared charsets and detection of the legacy encodings our users meet."""

from __future__ import annotations

import codecs

import pytest

from newsprism.errors import DecodeError, EmptyInputError
from newsprism.ingest.decode import decode_bytes, looks_binary

RUSSIAN = "Северокорейские войска прибыли в Курскую область, сообщает ТАСС со ссылкой на Минобороны."
UKRAINIAN = "Північнокорейські війська воюють на Курщині, заявила розвідка України."
KOREAN = "조선중앙통신은 김정은 동지가 러시아 대표단을 만나 담화를 나누었다고 보도했다."
JAPANESE = "北朝鮮の兵士がロシアのクルスク州に派遣されたと報じられた。"
CHINESE = "朝鲜中央通讯社报道，金正恩会见了俄罗斯代表团。"
FRENCH = "Les soldats nord-coréens combattent à Koursk, selon les services de renseignement."


@pytest.mark.parametrize("text, encoding, expected", [
    (RUSSIAN, "cp1251", "cp1251"),
    ("Ким Чен Ын встретился с Путиным в Пхеньяне.", "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8-r"),
    (UKRAINIAN, "cp1251", "cp1251"),
    (KOREAN, "euc-kr", "cp949"),            # cp949 is a superset of EUC-KR: same text
    ("평양에서 열린 회담", "euc-kr", "cp949"),
    (JAPANESE, "shift_jis", "cp932"),
    (CHINESE, "gb2312", "gb18030"),
    (FRENCH, "cp1252", "cp1252"),
])
def test_legacy_encodings_decode_exactly(text, encoding, expected):
    decoded, found = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert codecs.lookup(found).name == codecs.lookup(expected).name


def test_long_cp1251_and_euc_kr_documents_decode_exactly():
    # longer than the detection sample, so the whole file must decode with the sampled guess
    ru = "\n".join([RUSSIAN] * 400)
    ko = "\n".join([KOREAN] * 400)
    assert decode_bytes(ru.encode("cp1251"))[0] == ru
    assert decode_bytes(ko.encode("euc-kr"))[0] == ko


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_bom_decides(bom, encoding):
    assert decode_bytes(bom + KOREAN.encode(encoding))[0] == KOREAN


def test_utf8_beats_a_wrong_declaration():
    assert decode_bytes(RUSSIAN.encode("utf-8"), declared="iso-8859-1") == (RUSSIAN, "utf-8")


def test_declared_charset_is_used_when_not_utf8():
    text, enc = decode_bytes(RUSSIAN.encode("koi8-r"), declared="koi8-r")
    assert (text, enc) == (RUSSIAN, "koi8-r")


def test_unknown_declared_charset_falls_back_to_detection():
    assert decode_bytes(RUSSIAN.encode("cp1251"), declared="x-no-such-charset")[0] == RUSSIAN


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input(data):
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


@pytest.mark.parametrize("data, word", [
    (b"\x00\x01\x02\x03binary\x00\xff" * 100, "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
])
def test_binary_input_is_a_decode_error(data, word):
    assert looks_binary(data)
    with pytest.raises(DecodeError, match=word):
        decode_bytes(data)
