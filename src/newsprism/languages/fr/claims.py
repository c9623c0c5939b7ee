"""French wordings of claim measures, sides and roles (interface: generic/claims.py)."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"\bpertes?\b|\b(?:tués?|morts?)\s+(?:ou|et)\s+(?:\w+\s+)?blessés?|\bblessés?\s+(?:ou|et)\s+"
                         r"(?:\w+\s+)?(?:tués?|morts?)|\bvictimes\b",
    "killed": r"\btué\w*|\bbilan\b|\bmorts?\b|\bperdu la vie\b|\bdécéd\w*|\bmort de\b",
    "wounded": r"\bbless\w*",
    "captured": r"\bcaptur\w*|\bprisonniers?\b",
    "deployed": r"\benvoy\w*|\bdéploy\w*|\bdépêch\w*|\bstationn\w*|\bmobilis\w*",
    "supplied": r"\blivr\w*|\bfourni\w*",
    "returned": r"\bregagn\w*|\brentr\w*|\brapatri\w*|\bretir\w*",
}
WHOSE: dict[str, str] = {
    "north-korean": r"\bnord-coréen\w*|\bcorée du nord\b|\bpyongyang\b", "russian": r"\brusse\w*|\brussie\b|\bmoscou\b",
    "ukrainian": r"\bukrain\w*", "south-korean": r"\bsud-coréen\w*|\bcorée du sud\b|\bséoul\b", "chinese": r"\bchin\w*",
}
PERSON_HEADS: str = r"^(?:soldats?|militaires?|troupes?|hommes|personnes|combattants?|morts?|blessés?|tués?)$"
FORCE_HEADS: str = r"^(?:soldats?|militaires?|troupes?|hommes|combattants?)$"
NOT_WHOSE_BEFORE: str = (r"\b(?:en|à|au|pour|avec|contre|vers|aid\w*|gouvernement|renseignements?|services?|autorités"
                         r"|ministère|président|députés?|responsables|sources?|régions?|territoire|frontière)\s+"
                         r"(?:la\s+|le\s+|l['’])?$")

WHOSE_OF: str = r"\bde\s+(?:la\s+)?$"

CLAUSE_BREAK: str = r"[;:]|,\s|\b(?:et|mais|dont)\b"

NOT_A_HEAD: str = r"^(?:plus|autres|de)$"

ADDITIONAL: str = r"\b(?:supplémentaires?|nouveaux|renforts?)\b"

PLANNED: str = r"\b(?:enverra|enverront|prévoit|va envoyer|vont envoyer|devrait|devraient)\b"
ACTUAL: str = r"\bdéjà\b"
