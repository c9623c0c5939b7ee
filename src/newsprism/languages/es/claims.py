"""Spanish wordings of claim measures, sides and roles (interface: generic/claims.py)."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"\bbajas\b|\bpérdidas\b|\b(?:muertos?|fallecid\w+)\s+(?:o|y)\s+(?:\w+\s+)?herid\w+"
                         r"|\bherid\w+\s+(?:o|y)\s+(?:\w+\s+)?(?:muertos?|fallecid\w+|perdid\w* la vida)",
    "killed": r"\bmuert\w*|\bmurieron\b|\bfallec\w*|\bperdi\w* la vida\b|\babatid\w*",
    "wounded": r"\bherid\w*",
    "captured": r"\bcapturad\w*|\bprisioneros?\b",
    "deployed": r"\benvi[óoa]\w*|\benvía\w*|\bdespleg\w*|\bdesplieg\w*|\bmandó\b|\bestacionad\w*",
    "supplied": r"\bsuministr\w*|\bentreg\w*",
    "returned": r"\bregres\w*|\bdevuelt\w*|\bretirad\w*|\brepatri\w*",
}
WHOSE: dict[str, str] = {
    "north-korean": r"\bnorcorean\w*|\bcorea del norte\b|\bpyongyang\b|\bpionyang\b", "russian": r"\brus[oa]s?\b|\brusia\b|\bmoscú\b",
    "ukrainian": r"\bucrani\w*", "south-korean": r"\bsurcorean\w*|\bcorea del sur\b|\bseúl\b", "chinese": r"\bchin\w*",
}
PERSON_HEADS: str = r"^(?:soldados?|militares?|tropas?|hombres|personas|combatientes?|muertos?|heridos?)$"
FORCE_HEADS: str = r"^(?:soldados?|militares?|tropas?|hombres|combatientes?)$"
NOT_WHOSE_BEFORE: str = (r"\b(?:a|en|para|con|contra|hacia|ayud\w*|cálculos|fuentes|inteligencia|servicios?|gobierno"
                         r"|autoridades|ministerio|presidente|diputad\w+|zonas?|regi[oó]n\w*|territorio|frontera)\s+$")

WHOSE_OF: str = r"\bde\s+(?:la\s+|las\s+|los\s+)?$"

CLAUSE_BREAK: str = r"[;:]|,\s|\b(?:y|pero|de los cuales)\b"

NOT_A_HEAD: str = r"^(?:más|otros|de)$"

ADDITIONAL: str = r"\b(?:adicional\w*|otros|refuerzos?)\b"

PLANNED: str = r"\b(?:enviará|enviarán|planea|prevé|previsto|va a|van a)\b"
ACTUAL: str = r"\bya\b"
