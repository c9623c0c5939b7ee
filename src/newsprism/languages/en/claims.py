"""English wordings of claim measures, sides and roles (interface: generic/claims.py)."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"\bcasualt\w*|\b(?:killed|dead|died)\s+(?:or|and)\s+(?:\w+\s+)?(?:wounded|injured|hurt)"
                         r"|\b(?:wounded|injured)\s+(?:or|and)\s+(?:\w+\s+)?(?:killed|dead)|\bdeath or injury|\blosses\b",
    "killed": r"\bkill(?:ed|ing)?\b|\bdead\b|\bdied\b|\bdeaths?\b|\bdeath toll\b|\blost (?:their|his|her) lives\b|\bfatalit",
    "wounded": r"\bwounded\b|\binjur(?:ed|ies|y)\b",
    "captured": r"\bcaptur(?:ed|e)\b|\btaken prisoner\b|\btaken captive\b|\bcaptives?\b|\bprisoners? of war\b|\bPOWs?\b",
    "missing": r"\bmissing\b",
    "held": r"\bheld\b|\bhostages?\b|\bin captivity\b|\babduct\w*",
    "exchanged": r"\bexchang\w*|\bswap\w*",
    "returned": r"\brepatriat\w*|\breturned (?:home|to)\b|\bsent home\b|\bwithdrawn?\b|\brotated out\b",
    "supplied": r"\bsuppl(?:y|ied|ies|ying)\b|\bshipp?(?:ed|ing)\b|\bdeliver\w*|\bprovided\b|\btransferr?ed\b",
    "destroyed": r"\bdestroy\w*|\bshot down\b|\bdowned\b|\blost\b",
    "detected": r"\bdetect\w*|\bspotted\b|\btracked\b|\bsighted\b|\bcrossed\b|\bentered\b",
    "deployed": r"\bdeploy\w*|\bsen[dt]\b|\bsending\b|\bdispatch\w*|\bstationed\b|\barriv\w*|(?<!while )(?<!when )\bfighting\b"
                r"|\bmobiliz\w*|\bbolster\w*|\breinforce\w*"
                r"|\bmoved\b|\bbrought\b|\bcommitted\b|\bsupport(?:ing)? russia\w*",
    "retaken": r"\bretak\w*|\brecaptur\w*|\bregain\w*|\bliberat\w*",
    "seized": r"\bseiz\w*|\boccup\w*|\bcontrol\w*|\badvanc\w*",
    "cleared": r"\bclear(?:ed|ing)\b|\bdemin\w*|\bdefus\w*",
}

WHOSE: dict[str, str] = {
    "north-korean": r"\bnorth korean?s?\b|\bdprk\b|\bpyongyang\b|\bkim jong[- ]un\b|\bkpa\b|\bkorean people's army\b",
    "south-korean": r"\bsouth korean?s?\b",
    "russian": r"\brussian?s?\b|\bmoscow\b|\bkremlin\b",
    "ukrainian": r"\bukrain(?:e|ian|ians)\b|\bkyiv\b|\bkiev\b",
    "palestinian": r"\bpalestinians?\b|\bgaza(?:ns?)?\b",
    "hamas": r"\bhamas\b|\bmilitants?\b",
    "israeli": r"\bisraelis?\b|\bisrael\b|\bidf\b",
    "chinese": r"\bchinese\b|\bchina\b|\bpla\b|\bbeijing\b",
    "taiwanese": r"\btaiwan(?:ese)?\b",
    "american": r"\bamericans?\b|\bu\.s\.|\bunited states\b|\bus troops\b",
    "iranian": r"\biranians?\b|\biran\b",
    "lebanese": r"\blebanese\b|\bhezbollah\b",
    "syrian": r"\bsyrians?\b",
    "nato": r"\bnato\b",
}

ROLES: dict[str, str] = {
    "deminers": r"\bdeminers?\b|\bsappers?\b|\bmine[- ]clear\w*",
    "engineers": r"\bengineers?\b",
    "builders": r"\bbuilders?\b|\bconstruction workers?\b|\bworkers?\b|\blabou?rers?\b",
    "officers": r"\bofficers?\b|\bgenerals?\b|\bcommanders?\b",
    "civilians": r"\bcivilians?\b|\bchildren\b|\bwomen\b",
}

PERSON_HEADS: str = (r"^(?:soldiers?|troops?|servicem[ae]n|service members?|military|personnel|fighters?|forces?"
                     r"|people|persons?|men|individuals?|combatants?|prisoners?|pows?|casualt\w*|dead|wounded"
                     r"|killed|injured|deaths?|palestinians?|israelis?|russians?|ukrainians?|koreans?|gazans?"
                     r"|militants?|hostages?|captives?|recruits?|reinforcements?|replacements?|mercenar\w*)$")

FORCE_HEADS: str = r"^(?:soldiers?|troops?|servicem[ae]n|service members?|military|personnel|fighters?|forces?|combatants?)$"

NOT_WHOSE_BEFORE: str = (r"\b(?:to|in|into|inside|for|with|alongside|against|across|by|(?:help|aid|back|support)(?:s|ed|ing)?)"
                         r"\s+(?:the\s+|an?\s+)?$")

# A side named as a speaker, an agency or a place: "South Korean intelligence", "Russia's Kursk region".
NOT_WHOSE_AFTER: str = (r"^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:intelligence|spy|officials?|president|government|ministry|lawmakers?"
                        r"|parliament|media|sources?|assessments?|estimates?|authorities|incursion|offensive|border|region"
                        r"|oblast|territory|soil|staff|chiefs|analysts?|agency|service|embassy|leader)\b")

PLACE_BEFORE: str = (r"\b(?:in|into|inside|across|throughout)\s+(?:the\s+)?"
                     r"(?:(?:southern|northern|eastern|western|central|occupied|besieged)\s+)?$")

ANAPHOR: str = r"\bof (?:them|those)\b"

WHOSE_OF: str = r"\b(?:from|of)\s+(?:the\s+)?$"

CLAUSE_BREAK: str = r"[;:]|,\s|\b(?:and|but|while|whereas|of whom|of which)\b"

NOT_A_HEAD: str = r"^(?:more|others?|fewer|less|them|those|each|some|of|who|which|were|are|had|have|was)$"

ADDITIONAL: str = r"\b(?:additional|another|further|extra|replacements?|reinforcements?|fresh)\b|\bmore\b(?!\s+than)"

EPISODE: str = r"\b(?:over|at|during)\s+the\s+weekend\b|\b(?:in|by|during|from)\s+(?:a|the|this|that|one|single|an?)\s+(?:single\s+)?(?:[\w-]+\s+)?(?:missile\s+|air\s*)?(?:strike|attack|raid|bombing|battle|assault|ambush)\b|\b(?:in|over)\s+(?:a|one|the past|the last|a single)\s+(?:day|week|24 hours|two days)\b|\bper day\b|\bdaily\b|\bovernight\b"

CAUSES: dict[str, str] = {"disaster": r"\bflood\w*|\bdownpour\w*|\btyphoon\w*|\bearthquake\w*|\baccident\w*|\bfires?\b|\bstorms?\b(?!\s+shadow)",
          "past-war": r"\bkorean war\b|\bfatherland liberation war\b|\bworld war\b|\b19[0-9]\d\b|\bmassacre\w*"}

SAME_FIGURE: str = r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the|that|this|its|their)\s+(?:figure|number|toll|count|total|estimate)\s+at\s+(?:about\s+|around\s+|some\s+)?$"

PLANNED: str = (r"\b(?:will|would|shall|plans?|planned|planning|intends?|intending|going to|set to|expected to"
                r"|(?:decided|agreed|pledged|promised|preparing) to)\b")
ACTUAL: str = r"\balready\b"

PROTOTYPES: dict[str, tuple[str, ...]] = {
    "killed": ("portraits of the fallen soldiers on a memorial wall", "the bodies of dead soldiers were found",
               "a funeral for the soldiers who were lost in battle", "medals given to the families of the fallen"),
    "wounded": ("soldiers treated in hospital for their injuries", "the injured were evacuated from the front"),
    "captured": ("soldiers held as prisoners of war", "prisoners questioned by interrogators"),
    "deployed": ("troops sent to the front line", "soldiers stationed in the region"),
    "returned": ("soldiers came back home from the war", "troops withdrawn and brought home"),
    "supplied": ("weapons and shells handed over to the army", "ammunition shipped to the front"),
}

# the whole a share is taken of, right after it (generic/claims.py SHARE_BASES)
_OF = r"^\s*of\s+(?:the\s+|its\s+|their\s+|all(?:\s+the)?\s+|those\s+|[\w-]+(?:'s|’s)\s+)?(?:(?:pre-?war|total|entire|whole|civilian|reported|recorded|confirmed)\s+)?"
SHARE_BASES: dict[str, str] = {
    "population": _OF + r"(?:population|residents|inhabitants|people\s+(?:living\s+)?(?:in|of))\b",
    "dead": _OF + r"(?:dead|killed|deaths|fatalities|victims|people\s+killed|(?:death|casualty)\s+toll)\b",
    "casualties": _OF + r"(?:casualties|losses|killed\s+(?:or|and)\s+wounded)\b",
}
