"""Korean framing variants: competing terms for each referent of resources/framing/lexicon.json."""

VARIANTS: dict[str, list[tuple[str, ...]]] = {
    'territory-control': [
        ('해방', 'official'),
        ('탈환', 'neutral'),
        ('수복', 'neutral'),
        ('점령', 'critical'),
    ],
    'nk-soldiers': [
        ('영웅', 'official'),
        ('해외작전부대', 'official'),
        ('군인', 'neutral'),
        ('병사', 'neutral'),
        ('파병', 'neutral'),
        ('용병', 'critical'),
        ('총알받이', 'critical'),
    ],
    'the-war': [
        ('특별군사작전', 'official'),
        ('전쟁', 'neutral'),
        ('분쟁', 'neutral'),
        ('침공', 'critical'),
        ('침략', 'critical'),
    ],
    'kyiv-government': [
        ('키예프', 'official'),
        ('괴뢰', 'official'),
        ('우크라이나 정부', 'neutral'),
        ('키이우', 'neutral'),
    ],
    'nk-russia-ties': [
        ('전투적 우의', 'official'),
        ('혈맹', 'official'),
        ('동맹', 'neutral'),
        ('협력', 'neutral'),
        ('불량국가', 'critical'),
    ],
    'casualties': [
        ('희생', 'official'),
        ('전사', 'official'),
        ('사망', 'neutral'),
        ('사상자', 'neutral'),
        ('부상', 'neutral'),
        ('은폐', 'critical'),
    ],
    'nk-leader': [
        ('경애하는', 'official'),
        ('원수님', 'official'),
        ('위원장', 'neutral'),
        ('국무위원장', 'neutral'),
        ('독재자', 'critical'),
        ('정권', 'critical'),
    ],
}

SO_CALLED: list[str] = [r"이른바", r"소위"]

# Particles follow a noun without a space (해방을, 해방된): match at the start of a word.
MATCH_WORD_START: bool = True
