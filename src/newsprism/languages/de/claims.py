"""German wordings of claim measures, sides and roles (interface: generic/claims.py)."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"\bverluste?n?\b|\b(?:getötet|tot|gefallen)\w*\s+(?:oder|und)\s+(?:\w+\s+)?verwundet\w*"
                         r"|\bverwundet\w*\s+(?:oder|und)\s+(?:\w+\s+)?(?:getötet|gefallen)\w*|\bopfer\b",
    "killed": r"\bgetötet\w*|\bgefallen\w*|\btote\w*|\bums leben\b|\bleben verloren\b|\bstarben\b|\bgestorben\b",
    "wounded": r"\bverwundet\w*|\bverletzt\w*",
    "captured": r"\bgefangen\w*|\bkriegsgefangen\w*",
    "deployed": r"\bentsandt\w*|\bentsend\w*|\bgeschickt\b|\bverlegt\b|\bstationiert\b|\beingesetzt\b|\bschick\w*",
    "supplied": r"\bgeliefert\b|\bliefer\w*",
    "returned": r"\bzurückgekehrt\b|\babgezogen\b",
}
WHOSE: dict[str, str] = {
    "north-korean": r"\bnordkorea\w*", "russian": r"\brussland\b|\brussisch\w*|\brussen\b",
    "ukrainian": r"\bukrain\w*", "south-korean": r"\bsüdkorea\w*", "chinese": r"\bchin\w*",
}
PERSON_HEADS: str = r"^(?:soldat\w*|truppen?|mann|menschen|personen|kämpfer\w*|militär\w*|tote\w*|verwundete\w*)$"
FORCE_HEADS: str = r"^(?:soldat\w*|truppen?|mann|kämpfer\w*)$"
NOT_WHOSE_BEFORE: str = r"\b(?:nach|in|für|mit|gegen)\s+(?:die\s+|der\s+|den\s+|das\s+)?$"

# A side named as a speaker or agency: "dem südkoreanischen Geheimdienst", "der ukrainischen Seite zufolge".
NOT_WHOSE_AFTER: str = r"^\s+(?:\w+\s+)?(?:Geheimdienst\w*|Regierung\w*|Angaben|Ministeri\w*|Präsident\w*|Seite\s+zufolge|Behörden)"

WHOSE_OF: str = r"\b(?:aus|von)\s+$"

CLAUSE_BREAK: str = r"[;:]|,\s|\b(?:und|aber)\b"

NOT_A_HEAD: str = r"^(?:mehr|weitere|andere)$"

ADDITIONAL: str = r"\b(?:weitere\w*|zusätzlich\w*)\b"

PLANNED: str = r"\b(?:will|wollen|soll|sollen|plant|werde|wird|werden)\b"
ACTUAL: str = r"\b(?:bereits|schon)\b"
