"""Korean names: romanization, surname spellings, and the shape of a person's name.

A Korean name has many Latin spellings: the surname 이 is Lee, Yi, Rhee or (in
the North) Ri; the given name 성권 is Seong-kweun, Sung-kwon or Seonggwon. A name
is compared through a key: the set of Hangul surnames its surname can spell
(``_surnames``) and a coarse form of the given name that folds the usual
spelling variants (eo/u/o, eu/u, ae/e, k/g, ch/j, r/l, hyphens and spaces).
Names with equal keys are one person; a different given name is a different
person ("Kim Jong Sun" is not "Kim Jong Un"). Hangul is romanized syllable by
syllable (Revised Romanization, as names are written, without sound changes).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Hangul surname -> its Latin spellings (RR, McCune-Reischauer and common personal spellings).
_surnames: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"), "이": ("lee", "yi", "rhee", "ri", "li", "rhie", "i"), "리": ("ri", "li", "lee", "rhee"),
    "박": ("park", "pak", "bak", "bark"), "최": ("choi", "choe", "choy", "chey"),
    "정": ("jung", "jeong", "chung", "chong", "jong", "cheong"), "강": ("kang", "gang"),
    "조": ("cho", "jo", "joe", "jho"), "윤": ("yoon", "yun", "youn"), "장": ("jang", "chang"),
    "임": ("lim", "im", "rim", "yim", "leem"), "림": ("rim", "lim"), "한": ("han",), "오": ("oh", "o"),
    "서": ("seo", "suh", "so", "sur"), "신": ("shin", "sin"), "권": ("kwon", "gwon"), "황": ("hwang",),
    "안": ("ahn", "an"), "송": ("song",), "유": ("yoo", "yu", "you", "ryu", "rhyu"), "류": ("ryu", "yoo", "yu", "rhyu"),
    "전": ("jeon", "jun", "chun", "chon", "jon"), "홍": ("hong",), "고": ("ko", "go", "koh"),
    "문": ("moon", "mun"), "양": ("yang", "ryang"), "량": ("ryang", "yang"), "손": ("son", "sohn"),
    "배": ("bae", "pae"), "백": ("baek", "paek", "paik", "baik", "pack"), "허": ("heo", "huh", "ho", "hur"),
    "남": ("nam",), "심": ("shim", "sim"), "노": ("noh", "roh", "no", "ro"), "로": ("ro", "roh"),
    "하": ("ha",), "곽": ("kwak", "gwak"), "성": ("sung", "seong", "song"), "차": ("cha",),
    "주": ("joo", "ju", "chu", "choo"), "우": ("woo", "u", "wu"), "구": ("koo", "ku", "gu"), "민": ("min",),
    "진": ("jin", "chin"), "나": ("na", "ra"), "라": ("ra", "na"), "지": ("ji", "chi"), "엄": ("eom", "um", "uhm"),
    "채": ("chae",), "원": ("won",), "천": ("cheon", "chun", "chon"), "방": ("bang", "pang"),
    "공": ("kong", "gong"), "현": ("hyun", "hyeon", "hyon"), "함": ("ham",), "변": ("byun", "byeon", "pyon"),
    "염": ("yeom", "yum", "ryom"), "려": ("ryo", "yeo"), "여": ("yeo", "yo", "ryo"), "추": ("choo", "chu"),
    "도": ("do", "to"), "석": ("seok", "suk", "sok"), "선": ("sun", "seon", "son"), "설": ("seol", "sul"),
    "마": ("ma",), "길": ("gil", "kil"), "연": ("yeon", "yon", "youn"), "위": ("wi", "wee"), "표": ("pyo",),
    "명": ("myung", "myeong", "myong"), "기": ("ki", "gi"), "반": ("ban", "pan"), "왕": ("wang",),
    "금": ("keum", "kum", "geum"), "옥": ("ok",), "육": ("yook", "yuk"), "인": ("in",), "맹": ("maeng",),
    "제": ("je", "jae"), "탁": ("tak",), "국": ("kook", "kuk", "guk"), "태": ("tae",), "봉": ("bong", "pong"),
    "경": ("kyung", "kyeong", "kyong"), "황보": ("hwangbo",), "남궁": ("namgoong", "namgung"),
    "제갈": ("jegal",), "선우": ("sunwoo", "seonwoo", "sonu"), "독고": ("dokgo", "tokko"),
}
_by_latin: dict[str, frozenset[str]] = {}
for _h, _spellings in _surnames.items():
    for _s in _spellings:
        _by_latin[_s] = _by_latin.get(_s, frozenset()) | {_h}
# The most common surnames: a three-syllable proper noun starting with one is taken for a person.
_common = frozenset("김이박최정강조윤장임한오서신권황안송유류전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도석선설마길연표명기반왕리림")

# Words after a proper noun that make it a person: titles and offices.
PERSON_TITLES = frozenset({
    "씨", "의원", "대변인", "위원장", "국무위원장", "총비서", "비서", "장관", "차관", "대통령", "총리", "국장", "부장", "부부장",
    "서기", "사령관", "총참모장", "참모총장", "외무상", "국방상", "기자", "교수", "연구원", "대표", "의장", "총장", "청장",
    "원장", "대사", "특파원", "주석", "총통", "수석", "실장", "박사", "변호사", "위원", "부위원장", "소장", "중장", "대장",
    "대령", "원수", "군관", "병사", "대위", "중위", "상사", "선생", "여사", "전 대통령", "당선인", "후보", "국방장관", "외교장관",
})
# Words after a proper noun that make it a place.
PLACE_WORDS = frozenset({"주", "州", "지역", "일대", "시", "주민", "전선", "국경", "접경", "반도", "섬", "상공", "인근"})
# Of these, the ones written on to the name ("쿠르스크주"); others could be particles ("도": also).
_place_suffixes = ("주", "州", "지역", "일대")

# Last words of an organisation's name: party, ministry, office, agency, broadcaster, newspaper ...
ORG_SUFFIXES = ("당", "부", "청", "처", "위원회", "통신", "통신사", "방송", "신문", "일보", "뉴스", "사령부", "본부", "협회",
                "연구소", "연구원", "대학교", "재단", "그룹", "정보원", "참모본부", "의회", "정부")

_syllable = re.compile(r"(?:kk|tt|pp|ss|jj|ch|sh|th|kh|ph|ts|[gkndtrlmbpsjhcf])?(?:y|w)?"
                       r"(?:ae|eo|eu|ui|oe|oo|ee|ou|ei|[aeiou])(?:ng|[kgntdlmbp](?![aeiouwy]))?")
_given_shape = re.compile(rf"^(?:{_syllable.pattern}){{1,3}}$")
_fold = (("sh", "s"), ("tch", "j"), ("ch", "j"), ("th", "t"), ("kh", "k"), ("ph", "p"), ("ts", "j"),
         ("kk", "k"), ("tt", "t"), ("pp", "p"), ("ss", "s"), ("jj", "j"),
         ("yeo", "yo"), ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ou", "u"), ("ae", "e"), ("oe", "e"),
         ("ee", "i"), ("ui", "i"), ("ei", "e"), ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l"), ("f", "b"),
         ("u", "o"))


def _is_hangul(s: str) -> bool:
    return bool(s) and all("\uac00" <= c <= "\ud7a3" for c in s)


@lru_cache(maxsize=1)
def _transliter():
    from hangul_romanize import Transliter
    from hangul_romanize.rule import academic
    return Transliter(academic)


def romanize_name(name: str) -> str:
    """Hangul syllables in Revised Romanization, one syllable at a time (names take no sound changes):
    "이성권" -> "i seong gwon" joined as "iseonggwon"; other characters unchanged, lower case."""
    t = _transliter()
    return "".join(t.translit(c) if "\uac00" <= c <= "\ud7a3" else c for c in name).lower()


def _given_form(latin: str) -> str:
    s = re.sub(r"[^a-z]", "", latin.lower())
    for a, b in _fold:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)       # "songgwon" = "songwon"


def _final_typo(a: list[str], b: list[str]) -> bool:
    """Given names written in the same number of parts that differ in one syllable-final consonant only
    ("Eum Chul" / "Eul Chul", "Jon Un" / "Jong Un"): a typo, not another name. A syllable's first
    sound or vowel differing ("Jong Sun" / "Jong Un", "Jong Il") is another name."""
    if len(a) != len(b) or len(a) < 2:
        return False
    x, y = "|".join(_given_form(w) for w in a), "|".join(_given_form(w) for w in b)
    if abs(len(x) - len(y)) > 1 or x == y:
        return x == y
    if len(x) < len(y):
        x, y = y, x
    i = next((i for i in range(len(y)) if x[i] != y[i]), len(y))
    rest_x, rest_y = x[i + 1:], (y[i + 1:] if len(x) == len(y) else y[i:])
    if rest_x != rest_y:
        return False
    def final(s: str, j: int) -> bool:
        return j < len(s) and s[j] not in "aeiouy|w" and j > 0 and (j + 1 == len(s) or s[j + 1] not in "aeiouyw")
    return final(x, i) and (len(x) != len(y) or final(y, i))


def _split_hangul(name: str) -> tuple[str, str] | None:
    if not _is_hangul(name) or not 2 <= len(name) <= 4:
        return None
    if len(name) == 4 or (len(name) == 3 and name[:2] in _surnames and name[0] not in _surnames):
        return (name[:2], name[2:]) if name[:2] in _surnames else None
    return (name[0], name[1:]) if name[0] in _surnames else None


def _name_parts(name: str) -> list[str]:
    """The given name's parts as written in Latin letters ("Kim Jong-un" -> ["jong", "un"]); [] for Hangul."""
    words = [w for w in re.split(r"[\s\-‐‑]+", name.lower().replace("’", "").replace("'", "")) if w]
    return words[1:] if len(words) >= 2 and not _is_hangul("".join(words)) else []


def same_given(a: str, b: str) -> bool:
    """Two Latin spellings of Korean names have one given name: equal keys, or a one-letter slip in a
    syllable's final consonant with the parts written alike ("Lim Eum Chul" ~ "Lim Eul-chul")."""
    return _final_typo(_name_parts(a), _name_parts(b))


def name_key(name: str) -> tuple[frozenset[str], str] | None:
    """(surname classes, folded given name) of a Korean name in Hangul or Latin letters; None when the
    name does not have that shape ("Harvey Oswald", "쿠르스크")."""
    name = re.sub(r"\s+", " ", name.strip())
    if _is_hangul(name.replace(" ", "")):
        parts = _split_hangul(name.replace(" ", ""))
        if not parts:
            return None
        sur, given = parts
        return frozenset({sur}), _given_form(romanize_name(given))
    words = [w for w in re.split(r"[\s\-‐‑]+", name.lower().replace("’", "").replace("'", "")) if w]
    if len(words) < 2 or words[0] not in _by_latin:
        return None
    given = "".join(words[1:])
    if not all(_given_shape.match(w) for w in words[1:]) or len(given) > 12:
        return None
    return _by_latin[words[0]], _given_form(given)


def looks_like_person(name: str) -> bool | None:
    """A Hangul proper noun with a Korean person's shape: a common surname and a two-syllable given name
    ("이성권"), or a two-syllable surname and a two-syllable given name ("남궁민수"). False for other
    Hangul words ("쿠르스크", "정찰위성"); None for other scripts."""
    s = name.replace(" ", "")
    if not _is_hangul(s):
        return None
    if len(s) == 3:
        return s[0] in _common
    if len(s) == 4:
        return s[:2] in _surnames and len(s[:2]) == 2
    return False


# Words before a proper noun that say it is an organisation: "매체 밀리타르니" (the outlet Militarnyi).
_org_before = ("매체", "언론", "통신사", "방송", "신문", "단체", "기관", "정당", "싱크탱크", "연구소")


def classify_proper_noun(name: str, after: str, before: str = "") -> str | None:
    """The kind of a Hangul proper noun from its shape and the word after it: "person" (a title follows,
    or a person's shape), "place" (a place word follows), "org" (an organisation's last word), else None
    (unknown: a name, but no actor)."""
    nxt = after.lstrip()
    word = re.match(r"[\uac00-\ud7a3]+", nxt)
    w = word.group(0) if word else ""
    if len(name) > 2 and name.endswith(ORG_SUFFIXES) and not looks_like_person(name) \
            or before.rstrip().endswith(_org_before):
        return "org"            # "…당 의원": the title after a party is its member's
    if any(w == t or (w.startswith(t) and len(w) - len(t) <= 2) for t in PERSON_TITLES if len(t) > 1) or w == "씨":
        return "person"
    attached = nxt is after and bool(after)
    if attached and w.startswith(_place_suffixes) or after[:1] == "州":
        return "place"
    if not attached and (w in PLACE_WORDS or any(w == p + j for p in PLACE_WORDS for j in ("에", "에서", "의", "로", "은", "는"))):
        return "place"
    if looks_like_person(name):
        return "person"
    return None
