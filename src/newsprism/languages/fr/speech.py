"""French speech: report verbs and the rules that find attributions over the text.

``« … », a déclaré X``, ``…, a ajouté M. X``, ``« … », a-t-il poursuivi``, ``X a déclaré que …``, ``X affirme
qu'…``, ``selon X, …``, ``d'après lui, …``, ``X évalue ce bilan à N`` and the relay ``citant Y``; the engine is
``languages/_reports``.
"""

from __future__ import annotations

import re

from .._reports import ReportSpec, report_rules
from .._text import alternation

# report verb stems -> stance
VERBS = {
    "déclar": "says", "indiqu": "says", "affirm": "says", "précis": "says", "ajout": "says", "poursuiv": "says",
    "expliqu": "says", "soulign": "says", "estim": "says", "annonc": "says", "dit": "says", "dis": "says",
    "rapport": "says", "insist": "says", "martel": "says", "confi": "says", "racont": "says", "rappel": "says",
    "not": "says", "observ": "says", "évalu": "says", "répond": "says", "jug": "says", "ajout": "says",
    "assur": "claims", "prétend": "claims", "soutien": "claims", "soutenu": "claims",
    "confirm": "confirms", "reconn": "confirms", "admis": "confirms", "admet": "confirms",
    "dément": "denies", "démenti": "denies", "rejet": "denies", "rejett": "denies", "réfut": "denies",
    "ni": "denies", "contest": "disputes", "dénonc": "disputes",
    "critiqu": "disputes", "avert": "warns", "prévenu": "warns", "menac": "warns", "salu": "praises",
    "félicit": "praises",
}

_PARTICIPLES = ("déclaré", "indiqué", "affirmé", "précisé", "ajouté", "poursuivi", "expliqué", "souligné",
                "estimé", "annoncé", "dit", "rapporté", "insisté", "martelé", "confié", "raconté", "rappelé",
                "noté", "observé", "répondu", "jugé", "assuré", "prétendu", "soutenu", "confirmé", "reconnu",
                "admis", "démenti", "nié", "contesté", "dénoncé", "critiqué", "averti", "prévenu", "menacé",
                "salué", "félicité", "évalué", "rejeté", "réfuté")
_PRESENT = ("déclare", "indique", "affirme", "précise", "ajoute", "poursuit", "explique", "souligne", "estime",
            "annonce", "dit", "rapporte", "insiste", "martèle", "confie", "raconte", "rappelle", "note", "observe",
            "répond", "juge", "assure", "prétend", "soutient", "confirme", "reconnaît", "reconnait", "admet",
            "dément", "nie", "conteste", "dénonce", "critique", "avertit", "prévient", "menace", "salue",
            "évalue", "rejette", "réfute",
            "déclarent", "indiquent", "affirment", "précisent", "ajoutent", "expliquent", "soulignent",
            "estiment", "annoncent", "disent", "rapportent", "assurent", "confirment", "reconnaissent",
            "démentent", "nient", "contestent", "dénoncent", "critiquent", "évaluent", "affirmait",
            "déclarait", "indiquait", "estimait", "expliquait", "assurait", "ajoutait")
_ADVERBS = r"(?:[a-zé]+ment|également|aussi|encore|déjà|pourtant|ainsi|toutefois|auparavant|enfin|ensuite|alors|" \
           r"bien|récemment|par ailleurs|de son côté|pour sa part|lui-même|elle-même)"
_AUX = r"(?:a|ont|avait|avaient|aurait|auraient|aura|s['’]est|se sont|s['’]était)"
_FORMS = rf"(?:{alternation(_PARTICIPLES)}|{alternation(_PRESENT)})"

_SPEC = ReportSpec(
    writer_clause=re.compile(r"\s*,\s*(?:bien qu|alors qu|même si|tandis qu|quoique|encore qu)"),
    verbs=VERBS,
    verb=re.compile(rf"(?<!\w)(?:{_AUX}(?:-t-(?P<pro>il|elle|ils|elles))?\s+(?:{_ADVERBS}\s+){{0,2}})?"
                    rf"(?P<v>{_FORMS})(?!\w)(?:(?:-t)?-(?P<pro2>il|elle|ils|elles)(?!\w))?"),
    that=re.compile(r"(?:que(?!\w)|qu['’]|:\s*|(?=(?:avoir|être|n['’]avoir)\s))"),
    according_before=[re.compile(r"(?<!\w)(?:[Ss]elon|[Dd]['’]après|[Dd]e source)\s+(?!toute|tout|les termes|moi|nous|"
                                 r"la loi|le texte|le plan|l['’]accord)")],
    according_after=[],
    according_clause=[re.compile(rf"(?<!\w)[Cc]omme\s+(?:l['’]\s*)?(?:{_AUX}\s+)?(?P<v>{_FORMS})\s+"
                                 r"(?P<sp>[^,;.]{2,80}?)\s*,")],
    anaphoric=re.compile(r"(?<!\w)[Ss]elon (?:ces|cette|ce) (?:données|chiffres|sources|estimations|informations|"
                         r"évaluation|bilan)"),
    citing=re.compile(r"(?<!\w)(?:citant|en citant|se référant à|s['’]appuyant sur)\s+"),
    briefing=re.compile(r"(?<!\w)(?:à l['’]issue d['’]une|après une|lors d['’]une) (?:séance|réunion|audition)"
                          r"(?: d['’]information)?(?: à huis clos)? (?:avec|de)\s+"),
    estimate=re.compile(rf"(?P<v>(?:évalu|estim|chiffr)(?:e|ent|ait|é))\s+(?:[\w'’.,-]+\s+){{0,6}}?à\s+"
                        r"(?:\w+\s+){0,2}\d"),
    determiners=frozenset("le la les l' l’ un une des du au aux m. mme".split()),
    connectors=frozenset("de du des d' d’ et la le".split()),
    adverbial_starts=frozenset("en à au aux dans depuis pendant après avant lors hier aujourd'hui aujourd’hui "
                               "demain par pour sans avec selon ainsi alors lundi mardi mercredi jeudi vendredi "
                               "samedi dimanche".split()),
    pronouns=frozenset("il elle ils elles lui eux".split()),
    coordinators=frozenset("et".split()),
    relatives=frozenset("qui que qu' qu’ dont lequel laquelle".split()),
    clause_openers=re.compile(r"(?<!,)\s+(?:que|qu['’]|lorsque|quand|puisque|car|mais)\s*"),
    strip_after_verb=re.compile(r"\s*(?:(?:à|aux|au)\s+(?:la\s+|l['’]\s*|les\s+)?[\w-]+|également|aussi|encore|"
                                r"ensuite)\s+"),
    strip_before_verb=re.compile(r"\s(?:l['’]|lui|leur|y|en)\s*$"),
)


def rules(text: str, quotes, entities) -> list[dict]:
    """French reports (see the module's docstring)."""
    return report_rules(text, quotes, entities, _SPEC)


# a quote the writer's complementiser takes in is mixed (voices/attributions/finish.py)
COMPLEMENTISERS = frozenset({"que", "qu’", "qu'"})
