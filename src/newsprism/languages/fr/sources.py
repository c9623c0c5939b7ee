"""French words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

GROUP_STEMS = (r"autorité|gouvernement|ministère|service|renseignement|responsable|officiel|source|expert|analyste|"
               r"député|élu|parlementaire|diplomate|militaire|armée|état-major|commandement|agence|média|"
               r"porte-parole|comité|commission|police|médecin|observateur|militant|organisation")
