"""Spanish words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

GROUP_STEMS = (r"autoridad|gobierno|ministerio|servicio|inteligencia|funcionari|oficial|fuente|experto|analista|"
               r"diputad|parlamentari|legislador|diplomátic|militar|ejército|mando|estado\s+mayor|agencia|medio|"
               r"portavoz|comité|comisión|policía|médico|observador|activista|organizaci")
