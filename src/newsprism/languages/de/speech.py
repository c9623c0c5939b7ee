"""German speech: report verbs and the rules that find attributions over the text.

``„…“, sagte X``, ``…, sagt X``, ``X sagte, dass …`` / ``X sagte, …``, ``laut X …``, ``X zufolge …``, ``nach
Angaben von X …``, ``Wie X mitteilte, …``, ``…, so X.``, an anaphoric ``Nach dieser Darstellung``, the relay
``unter Berufung auf Y`` and a sentence in the reporting subjunctive continuing the report before it
(``Es handle sich …``); the engine is ``languages/_reports``.
"""

from __future__ import annotations

import re

from .._reports import ReportSpec, report_rules
from .._text import alternation

# report verb stems -> stance
VERBS = {
    "sag": "says", "gesagt": "says", "erklär": "says", "teil": "says", "mitteil": "says", "mitgeteilt": "says",
    "berichte": "says", "betont": "says", "meldete": "says", "gemeldet": "says", "schrieb": "says",
    "geschrieben": "says", "ergänzt": "says", "fügte": "says", "hinzugefügt": "says", "unterstrich": "says",
    "verkündete": "says", "so": "says", "laut": "says", "zufolge": "says",
    "behauptet": "claims", "versicherte": "claims", "bestätigt": "confirms", "räumte": "confirms",
    "eingeräumt": "confirms", "bestritt": "denies", "bestreitet": "denies", "bestritten": "denies",
    "dementiert": "denies", "wies": "denies", "zurückgewiesen": "denies", "warnte": "warns", "gewarnt": "warns",
    "warnt": "warns", "drohte": "warns", "kritisiert": "disputes", "widersprach": "disputes",
    "lobte": "praises", "gelobt": "praises",
}

_FINITE = ("sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "erklärt", "teilte", "teilten",
           "mitteilte", "mitteilten", "berichtete", "berichteten", "berichtet", "betonte", "betonten", "betont",
           "meldete", "meldeten", "schrieb", "schrieben", "ergänzte", "ergänzt", "fügte", "unterstrich",
           "verkündete", "behauptete", "behaupteten", "behauptet", "versicherte", "bestätigte", "bestätigten",
           "bestätigt", "räumte", "bestritt", "bestritten", "bestreitet", "dementierte", "dementiert", "warnte",
           "warnten", "warnt", "drohte", "kritisierte", "kritisiert", "widersprach", "lobte")
_PARTICIPLES = ("gesagt", "erklärt", "mitgeteilt", "berichtet", "betont", "gemeldet", "geschrieben", "ergänzt",
                "hinzugefügt", "behauptet", "bestätigt", "eingeräumt", "dementiert", "gewarnt", "kritisiert",
                "gelobt")
_FORMS = rf"(?:{alternation(_FINITE + _PARTICIPLES)})"
_KONJUNKTIV = ("sei", "seien", "habe", "handle", "handele", "solle", "sollen", "könne", "müsse", "werde", "wolle",
               "dürfe", "gebe", "gehe", "liege", "stehe", "bestehe", "bleibe", "komme", "wisse")

_SPEC = ReportSpec(
    writer_clause=re.compile(r"\s*,\s*(?:obwohl|obgleich|während|wobei|wenngleich)(?!\w)"),
    verbs=VERBS,
    verb=re.compile(rf"(?<![\w-])(?P<v>{_FORMS})(?![\w-])(?:\s+(?:mit|ein|hinzu))?"),
    that=re.compile(r"(?:,\s*dass(?!\w)|:\s*|,\s*)"),
    according_before=[re.compile(r"(?<![\w-])(?:[Ll]aut(?: Angaben (?:von|des|der))?|[Nn]ach Angaben (?:von|des|der)|[Gg]emäß)\s+"),
                      re.compile(r"(?<=,)\s*so\s+(?=[A-ZÄÖÜ])")],
    according_after=[re.compile(r"\s+zufolge(?!\w)")],
    according_clause=[re.compile(rf"(?<![\w-])[Ww]ie\s+(?P<sp>[^,;.]{{2,120}}?)\s+(?:[a-zäöüß]+\s+)?(?P<v>{_FORMS})"
                                 r"(?:\s+(?:hat|haben|hatte|hatten|wurde))?\s*,")],
    anaphoric=re.compile(r"(?<![\w-])(?:[Nn]ach (?:dieser|diesen|seiner|ihrer|deren) (?:Darstellung|Angaben|"
                         r"Einschätzung|Schätzung)|[Dd]en Angaben zufolge|[Dd]emnach)(?!\w)"),
    citing=re.compile(r"(?<![\w-])unter Berufung auf\s+"),
    briefing=re.compile(r"(?<![\w-])nach (?:einer|der) (?:vertraulichen |nicht-?öffentlichen |geheimen )?"
                          r"(?:Sitzung|Unterrichtung|Anhörung|Befragung)\s+(?:mit|durch)\s+"),
    estimate=re.compile(r"(?P<v>(?:bezifferte|bezifferten|beziffert|schätzte|schätzten|schätzt))\s+"
                        r"(?:[\w.,-]+\s+){0,6}?auf\s+(?:\w+\s+){0,2}\d"),
    determiners=frozenset("der die das dem den des ein eine einer eines einem einen".split()),
    connectors=frozenset("von des der und".split()),
    adverbial_starts=frozenset("am im in an auf nach vor bei seit während gestern heute morgen zuvor damals "
                               "bereits zudem außerdem montag dienstag mittwoch donnerstag freitag samstag "
                               "sonntag".split()),
    pronouns=frozenset("er sie ihm ihr".split()),
    coordinators=frozenset("und".split()),
    relatives=frozenset("der die das dem den deren dessen welche welcher".split()),
    clause_openers=re.compile(r"(?<![\w-])(?:dass|weil|nachdem|obwohl|wenn|ob|[Ww]ie)\s+"),
    strip_after_verb=re.compile(r"\s*(?:(?:gegenüber|vor)\s+(?:der|den|dem)?\s*[\w-]+|am\s+\w+|zudem|außerdem|"
                                r"weiter|auch)\s+"),
    strip_before_verb=re.compile(r"\s(?:hat|haben|hatte|hatten|habe|hätte|hätten|ist|sind|war|waren)\b.*$"),
    continuation=re.compile(rf"(?<![\w-])(?:{alternation(_KONJUNKTIV)})(?![\w-])"),
    capital_nouns=True,
    # the object first, then the auxiliary, the subject with a determiner, adverbs, a negation and a verb of
    # finding: "Belege dafür hat die Behörde bislang nicht gefunden"
    fronted_finding=re.compile(
        r"(?P<obj>[A-ZÄÖÜ][^,;:.!?\"„“”]{4,200}?)\s+(?:hat|haben|hatte|hatten)\s+"
        r"(?P<sp>(?:der|die|das|den)\s+[^,;:.!?\"„“”]{2,80}?)\s+"
        r"(?:(?:bislang|bisher|noch|jedoch|aber|allerdings|derzeit|zuletzt|eigenen Angaben zufolge|nach eigenen Angaben)\s+)*"
        r"(?:(?:nicht|keine|keinerlei|kaum)\s+)?"
        r"(?P<v>festgestellt|gefunden|entdeckt|beobachtet|registriert|erkannt|ermittelt|bemerkt)(?![\w-])"),
)


def rules(text: str, quotes, entities) -> list[dict]:
    """German reports (see the module's docstring)."""
    return report_rules(text, quotes, entities, _SPEC)


# a quote the writer's complementiser takes in is mixed (voices/attributions/finish.py)
COMPLEMENTISERS = frozenset({"dass"})
