"""Korean wordings of claim measures, sides and roles (interface: generic/claims.py).

Korean counts people with the counter 명 after the number; the noun (북한군) stands before it, so
whose is read from the words around the number."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"사상자?|사상\b|(?:사망|전사|숨지|죽)\w*\s*(?:하거나|또는|및|·|과|와)?\s*(?:부상|다[치친쳤쳐])"
                         r"|(?:부상|다[치친쳤쳐])\w*\s*(?:하거나|또는|및|·|과|와)?\s*(?:사망|전사|숨[지진졌]|죽)"
                         r"|사망·부상|손실|피해",
    "killed": r"목숨을\s*잃\w*|사망\w*|전사\w*|숨[지졌진]\w*|죽[었은]\w*|사살\w*",
    "wounded": r"부상\w*|다[치친쳤쳐]\w*",
    "captured": r"포로\w*|생포\w*|붙잡\w*",
    "missing": r"실종\w*",
    "exchanged": r"교환\w*",
    "returned": r"귀환\w*|귀국\w*|송환\w*|철수\w*|복귀\w*|돌아[가간갔온왔]\w*",
    "supplied": r"지원[했한하]\w*|제공\w*|공급\w*|보냈|넘겼|수출\w*|반입\w*",
    "destroyed": r"파괴\w*|격추\w*|잃[었은]\w*",
    "detected": r"포착\w*|탐지\w*|감지\w*|넘[었은어]\w*|진입\w*",
    "deployed": r"파병\w*|주둔\w*|파견\w*|배치\w*|투입\w*|보[냈내낸]\w*|도착\w*|참전\w*|전선",
    "retaken": r"탈환\w*|해방\w*|수복\w*",
    "seized": r"점령\w*|장악\w*",
    "cleared": r"지뢰\s*제거\w*|제거\w*",
}

WHOSE: dict[str, str] = {
    "north-korean": r"북한군?|북측|조선인민군|인민군|北|평양|김정은|조선중앙통신",
    "south-korean": r"한국군|국군|남한",
    "russian": r"러시아군?|러군|모스크바|크렘린",
    "ukrainian": r"우크라이나군?|우크라군?|키이우",
    "palestinian": r"팔레스타인|가자",
    "israeli": r"이스라엘군?",
    "chinese": r"중국군?|인민해방군|중공군",
    "taiwanese": r"대만군?",
    "american": r"미국|미군",
}

ROLES: dict[str, str] = {
    "deminers": r"지뢰\s*제거|공병.{0,3}지뢰|탈지뢰|지뢰",
    "engineers": r"공병",
    "builders": r"건설\s*(?:인력|노동자|근로자)|노동자|근로자|인부",
    "officers": r"장교|장성|장군|지휘관",
    "civilians": r"민간인|어린이|주민",
    "bereaved": r"유가족|유족",     # the families of the dead are counted, not the dead: "유족이 열 명 이상"
}

PERSON_HEADS: str = r"^(?:명|명의|병력|군인|장병|병사|사람|인원|군|부대|포로)$"

CUE_WINDOW: int = 60

NOT_WHOSE_AFTER: str = (r"^(?:에서|에|으로|로|와|과|을\s*위해|의\s*(?:영토|지역|본토)"
                        r"|\s*(?:정보|당국|정부|언론|매체|대통령|국방부|국회|의원|외교부|통신|합참))")

NOUN_BEFORE_NUMBER: bool = True

CLAUSE_BREAK: str = r"[;:]|,\s|고\s|며\s|중\s"

ADDITIONAL: str = r"추가\w*|(?<![가-힣])더\s|보충|증원|증파"

EPISODE: str = r"공습|공격으로|공격에|폭격|타격으로|(?:일주일|한\s*주)\s*(?:동안|새|간|사이)|하루\s*(?:만에|동안|평균)|하루에"

CAUSES: dict[str, str] = {"disaster": r"홍수|폭우|태풍|지진|사고|화재|수해", "past-war": r"6\.25|한국전쟁|조국해방전쟁|\b19[0-9]\d\b"}

PLANNED: str = r"기로|예정|계획|방침|할\s*것"
ACTUAL: str = r"이미|벌써"

PROTOTYPES: dict[str, tuple[str, ...]] = {
    "killed": ("추모의 벽에 걸린 전사자들의 초상", "숨진 군인들의 시신이 발견됐다", "희생된 군인들을 기리는 추모식"),
    "wounded": ("병원에서 치료받는 다친 군인들",),
    "captured": ("포로로 잡힌 군인들",),
    "deployed": ("전선에 보내진 병력", "지역에 주둔한 군인들"),
    "returned": ("전쟁에서 돌아온 군인들",),
    "supplied": ("군대에 넘겨진 무기와 포탄",),
}

# Assertions without a parser (claims/assertions.py): a predicate that closes a statement (해방했다, 탈환했다,
# 보냈다, 제공했다) and a negation in it (않았다, 못했다) or before it (안).
PREDICATE = r"[가-힣]+(?:했다|했으며|했고|됐다|되었다|었다|았다|였다|냈다|넘겼다)"
PREDICATE_NEGATION = r"않|못|(?<![가-힣])안\s+$"

# the whole a share is taken of, right before it (generic/claims.py SHARE_BASES): "인구의 2%", "인구 약 230만 명의 약 2%",
# "사망자의 절반", "사망자 중 절반"
_OF_KO = r"(?:\s*약)?(?:\s*[\d만천,.]+\s*명)?\s*(?:의|중|가운데)\s*$"
SHARE_BASES: dict[str, str] = {
    "population": r"(?:인구|주민)" + _OF_KO,
    "dead": r"(?:사망자|희생자|전사자|숨진\s*사람)" + _OF_KO,
    "casualties": r"(?:사상자|인명\s*피해)" + _OF_KO,
}
