"""German words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

import re

GROUP_STEMS = (r"behörde|regierung|ministerium|dienst|geheimdienst|nachrichtendienst|beamte|offizielle|quelle|"
               r"experte|analyst|abgeordnete|parlamentarier|diplomat|militär|armee|generalstab|kommando|agentur|"
               r"medien|sprecher|ausschuss|kommission|polizei|ärzte|beobachter|aktivist|organisation")

_ASSESSMENT = r"(?:Einschätzung|Schätzung|Darstellung|Bewertung|Bilanz|Angabe|Zahl|Erkenntnis|Information)\w*"
_NAMED = r"(?:(?:der|die|das|dem|den)\s+)?(?:[a-zäöü]\w*\s+){0,2}[A-ZÄÖÜ][\w-]*(?:\s+(?:und\s+)?[A-ZÄÖÜ][\w-]*){0,5}"
_GAVE = (r"(?:gab|gaben|teilte|teilten|nannte|nannten|berichtete|berichteten|erklärte|erklärten|sagte|sagten|"
         r"meldete|meldeten)")
# "So lautet die Einschätzung, die der NIS … vortrug; die Nachrichtenagentur Yonhap berief sich dabei auf …": the
# figures before are the NIS's (group ``source``), passed on by Yonhap (``relayer``). "Das gaben die Parlamentarier
# A und B … bekannt": whoever the figures before come from, A and B passed them on (``relayer2``).
BACK_REFERENCE = re.compile(
    rf"^\s*(?:So\s+lautet|Das\s+ist|Dies\s+ist)\s+(?:die|eine)\s+(?:\w+\s+)?{_ASSESSMENT},\s*(?:die|welche)\s+"
    rf"(?P<source>(?:der|die|das)\s+[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){{0,4}})(?=\s)[^;.]*?"
    rf"(?:;\s*(?P<relayer>[^;.]+?)\s+(?:berief|beriefen|beruft|berufen)\s+sich\s+(?:\w+\s+)?auf\s+[^;.]+?)?\s*\.?\s*$"
    rf"|^\s*(?:Das|Dies|Diese\s+(?:Zahlen|Angaben))\s+{_GAVE}\s+(?P<relayer2>{_NAMED})(?=\s)[^;.]*?"
    rf"\s(?:bekannt|mit)\s*\.?\s*$")
