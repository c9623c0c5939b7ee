"""Spanish speech: report verbs and the rules that find attributions over the text.

``«…», dijo X``, ``X dijo que …``, ``X se refirió a «…»``, ``según X, …``, ``según relató X, …``, ``…, de acuerdo
con lo que explicó X``, ``X estima en N …`` and the relay ``citando a Y``; the engine is ``languages/_reports``.
"""

from __future__ import annotations

import re

from .._reports import ReportSpec, report_rules
from .._text import alternation

# report verb stems -> stance (regular -ar / -er / -ir stems take their endings below)
VERBS = {
    "afirm": "says", "señal": "says", "explic": "says", "inform": "says", "declar": "says", "indic": "says",
    "comunic": "says", "relat": "says", "subray": "says", "destac": "says", "apunt": "says", "precis": "says",
    "manifest": "says", "anunci": "says", "estim": "says", "calcul": "says", "cifr": "says", "consider": "says",
    "añad": "says", "refir": "says", "refier": "says", "dij": "says", "dic": "says", "agreg": "says",
    "asegur": "claims", "sostuv": "claims", "sostien": "claims", "aleg": "claims",
    "confirm": "confirms", "reconoc": "confirms", "admit": "confirms",
    "neg": "denies", "nieg": "denies", "desmint": "denies", "desmient": "denies", "rechaz": "denies",
    "advirt": "warns", "adviert": "warns", "alert": "warns", "amenaz": "warns",
    "critic": "disputes", "denunci": "disputes", "acus": "disputes", "cuestion": "disputes",
    "elogi": "praises", "alab": "praises",
}

_AR = ("afirm", "señal", "explic", "inform", "declar", "indic", "comunic", "relat", "subray", "destac", "apunt",
       "precis", "manifest", "anunci", "estim", "asegur", "confirm", "neg", "rechaz", "alert", "critic", "denunci",
       "acus", "cuestion", "elogi", "alab", "agreg", "consider", "amenaz")
_ER_IR = ("reconoc", "admit", "añad", "desmint", "advirt", "refir")
_IRREGULAR = ("dijo", "dijeron", "dice", "dicen", "dicho", "sostuvo", "sostuvieron", "sostiene", "sostienen",
              "advierte", "advierten", "niega", "niegan", "desmiente", "desmienten", "refiere", "reconoce",
              "reconocen", "reconocido", "admite", "admiten", "añade", "añaden")
_FORMS = (rf"(?:(?:{alternation(_AR)})(?:ó|aron|aba|aban|ara|aran|ado|an|a)"
          rf"|(?:{alternation(_ER_IR)})(?:ió|ieron|ía|ían|iera|ieran|ido)|{alternation(_IRREGULAR)})(?!\w)")

_SPEC = ReportSpec(
    writer_clause=re.compile(r"\s*,\s*(?:aunque|si bien|mientras que|pese a que|a pesar de que)(?!\w)"),
    verbs=VERBS,
    verb=re.compile(rf"(?<!\w)(?:(?:ha|han|había|habían|habría|habrían)\s+)?(?P<v>{_FORMS})"),
    that=re.compile(r"(?:(?<!después de )(?<!antes de )(?<!luego de )que(?!\w)|:\s*|(?=haber\s))"),
    according_before=[re.compile(rf"(?<!\w)(?:[Ss]egún|[Cc]onforme a)(?!\s+(?:parece|se\s|la ley|el texto|el plan|"
                                 rf"el acuerdo))(?:\s+(?:lo\s+que\s+)?(?P<v>{_FORMS}))?\s+"),
                      re.compile(rf"(?<!\w)[Dd]e acuerdo con(?:\s+lo\s+que\s+(?P<v>{_FORMS}))?\s+")],
    according_after=[],
    according_clause=[re.compile(rf"(?<!\w)[Cc]omo\s+(?P<v>{_FORMS})\s+(?P<sp>[^,;.]{{2,80}}?)\s*,")],
    anaphoric=re.compile(r"(?<!\w)[Ss]egún (?:estos|estas|dichos|dichas|esos|esas) (?:datos|cifras|fuentes|"
                         r"cálculos|informaciones|estimaciones)"),
    citing=re.compile(r"(?<!\w)citando a\s+|(?<!\w)con base en (?:informaciones|datos) de\s+"),
    briefing=re.compile(r"(?<!\w)(?:después de que|luego de que|tras que)\s+(?=(?:el|la|los|las)\s+[\w-]+\s+(?:[\w()-]+\s+){0,5}?"
                          r"(?:informara|informaran|informó|informaron|expusiera|presentara)\b)"
                          r"|(?<!\w)(?:tras|después de|luego de) (?:una|la) (?:sesión|reunión|comparecencia)"
                          r"(?: informativa)?(?: a puerta cerrada)? (?:con|de)\s+"),
    estimate=re.compile(rf"(?P<v>(?:estim|calcul|cifr)(?:ó|aron|a|an))\s+(?:[\w.,-]+\s+){{0,6}}?en\s+"
                        r"(?:\w+\s+){0,2}\d"),
    determiners=frozenset("el la los las un una unos unas lo del al".split()),
    connectors=frozenset("de del y la las los".split()),
    adverbial_starts=frozenset("en a al ante desde durante tras junto hasta sin con por para entre ayer hoy "
                               "anteayer anoche mañana además asimismo luego después antes entonces también lunes "
                               "martes miércoles jueves viernes sábado domingo".split()),
    pronouns=frozenset("él ella ellos ellas".split()),
    coordinators=frozenset("y e".split()),
    relatives=frozenset("que quien quienes cuyo cuya".split()),
    clause_openers=re.compile(r"(?<!,)\s+(?:que|quien|quienes|cuando|porque|aunque|mientras)\s+"),
    strip_after_verb=re.compile(r"\s*(?:(?:a|ante)\s+(?:la|los|las|el)\s+(?:prensa|periodistas|medios|reporteros)"
                                r"|(?:además|también|asimismo|luego))\s+"),
    strip_before_verb=re.compile(r"\s(?:se|le|les|nos|me|lo|la)\s*$"),
)


def rules(text: str, quotes, entities) -> list[dict]:
    """Spanish reports (see the module's docstring)."""
    return report_rules(text, quotes, entities, _SPEC)


# a quote the writer's complementiser takes in is mixed (voices/attributions/finish.py)
COMPLEMENTISERS = frozenset({"que"})
