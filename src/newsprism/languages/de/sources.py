"""German words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

GROUP_STEMS = (r"behörde|regierung|ministerium|dienst|geheimdienst|nachrichtendienst|beamte|offizielle|quelle|"
               r"experte|analyst|abgeordnete|parlamentarier|diplomat|militär|armee|generalstab|kommando|agentur|"
               r"medien|sprecher|ausschuss|kommission|polizei|ärzte|beobachter|aktivist|organisation")
