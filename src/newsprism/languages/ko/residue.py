"""Korean page residue: subscribe, share, cookie, navigation, copyright, caption lines; bylines."""

PHRASES: dict[str, list[str]] = {
    "subscribe": [
        r"구독",
        r"^뉴스레터",
        r"^로그인",
    ],
    "share": [
        r"^공유(하기)?$",
        r"^(페이스북|트위터|카카오톡)$",
        r"^sns (공유|보내기)",
    ],
    "cookie": [
        r"쿠키",
    ],
    "navigation": [
        r"^(관련|많이 본|인기|주요) ?(기사|뉴스)",
        r"^기사 ?(더보기|목록)",
        r"^이전 ?기사|^다음 ?기사",
        r"^광고$",
        r"^태그:?$",
    ],
    "copyright": [
        r"무단\s?전재",
        r"재배포\s?금지",
    ],
    "caption": [
        r"^사진\s*[=:]",
        r"^\[사진",
        r"^\(사진",
    ],
}

FLOATING_KEYWORDS: tuple[str, ...] = ("구독", "쿠키", "전재", "재배포")

# "홍길동 기자", "홍길동 기자 =", "[서울=연합뉴스] 홍길동 기자"
BYLINES: list[str] = [
    r"\S+\s?기자(?:\s*=)?$",
    r"^\[[^\]]+=[^\]]+\]\s*\S+\s?기자",
]
