"""French words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

import re

GROUP_STEMS = (r"autorité|gouvernement|ministère|service|renseignement|responsable|officiel|source|expert|analyste|"
               r"député|élu|parlementaire|diplomate|militaire|armée|état-major|commandement|agence|média|"
               r"porte-parole|comité|commission|police|médecin|observateur|militant|organisation")

# « X qualifie ces informations de mensonge », « a qualifié le bilan de propagande »
LABELLING_CUE = r"^(?:qualifi|décri|traiti|traité)"
FALSE_LABEL = re.compile(r"(?<!\w)(?:propagande|mensong\w*|fausse\w*|faux|infond\w*|fabriqu\w*|intox\w*|"
                         r"désinformation|rumeurs?|fake\s+news)(?!\w)", re.I)
# « Le gouvernement sud-coréen, lui, évalue ce bilan à … »: the speaker set against the one before
CONTRAST_SPEAKER = re.compile(r"^\s*,\s*(?:lui|elle|eux|elles)\s*,\s*(?:de\s+son\s+côté\s*,\s*)?$", re.I)
