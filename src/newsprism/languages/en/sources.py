"""English words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

import re

GROUP_HEADS = set("general president minister commander chief spokesman governor ambassador envoy "
                  "officials official sources source agencies agency services service assessments assessment estimates "
                  "intelligence military army forces command government authorities ministry ministries department "
                  "office spokesman spokeswoman spokesperson analysts analyst experts observers medics doctors "
                  "lawmakers lawmaker legislators diplomats diplomat officers commanders residents witnesses groups "
                  "media outlets staff council committee administration police prosecutors investigators monitors "
                  "researchers activists organisations organizations officers personnel".split())
DOCUMENT_HEADS = set("report reports map maps chart charts graphic update updates statement statements data figures tally bulletin "
                     "briefing document documents release summary analysis assessment estimate post posts "
                     "video footage survey study record records count".split())
ARTICLES = {"the", "a", "an"}
EMPTY_MODIFIERS = set("the a an its their his her this that these those latest recent most new daily weekly "
                      "monthly earlier previous last official own another".split())
CITING = re.compile(r"\b(?:citing|quoting|relying\s+on|(?:which|who)\s+(?:relied|drew|was\s+based|were\s+based)\s+on|"
                    r"based\s+on|drawing\s+on)\s+((?:[\w’'.-]+\s+){0,5}?[\w’'.-]+?)\s*(?=,|$|\s+(?:that|as|to|in|on)\b)",
                    re.I)
ISSUED_BY = re.compile(r"\b(?:released|issued|published|compiled|posted|provided|shared|presented|cited)\s+by\s+"
                       r"((?:[\w’'.-]+\s+){0,5}?[\w’'.-]+?)\s*(?=[,.;]|$|\s+(?:on|in|at|that|which|as)\b)", re.I)
OWNED_FIGURE = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)[’']s\s+(?:own\s+|latest\s+|earlier\s+)?"
                          r"(?:figure|estimate|count|tally|toll|death\s+toll|assessment|number)s?\s+of\s+"
                          r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|more\s+than\s+|over\s+)?$")

CONTESTING_CUE = r"disput|question|challeng|contest|doubt|den(?:y|ie)|reject|refut|dismiss|rebut"

_INFO = r"(?:information|data|figures?|numbers?|estimates?|assessment|tally|toll|details)"
BACK_REFERENCE = re.compile(
    rf"^\s*(?:this|that|these|those|the)\s+{_INFO}\s+(?:comes?|came|is|was|were|are)\s+(?:from|according\s+to|"
    rf"(?:released|provided|published|given|reported)\s+by)\s+(?:the\s+)?(?P<source>[^,.;]+?)"
    rf"(?:,\s*(?:citing|quoting)\s+(?P<cited>[^,.;]+))?\s*[.;]?\s*$", re.I)
CONTINUATION = re.compile(
    r"^\s*(?:of\s+(?:that|this|the|those|these)\s+(?:total|number|figure|count)|of\s+(?:them|these|those)|"
    r"among\s+(?:them|those)|in\s+addition|additionally|besides|(?:a\s+)?further\b|the\s+rest\b|the\s+remaining\b|"
    r"(?:some|about|around|roughly|nearly|over|more\s+than)?\s*[\d,.\s]+(?:of\s+(?:them|these|those)|"
    r"(?:\w+\s+){0,3}?of\s+(?:them|these|those))\b)", re.I)
# "Seventy soldiers were reported killed", "another 20 are said to be missing" (no "by" agent after it)
AGENTLESS_REPORT = re.compile(r"\b(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:reported|said)\b(?!\s+by\b)", re.I)
# "…of the Norland Strait, a " before "40-kilometre wide channel": an apposition after a capitalised name
GLOSS_BEFORE = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*,\s+an?\s+$")

# "Rights groups counter that …", "the ministry rebutted …": a counter-claim whatever the stance
COUNTER_CUE = r"^(?:counter|rebut)"
# "X held Kyiv responsible for …" answered by "Kyiv accused X's forces of …": one accusation against another
ACCUSING_CUE = r"^(?:accus|blam|held|hold)"
ACCUSATION_NOT_ACT = {"responsible", "forces", "troops", "military", "army", "government", "regime", "side"}
BODY_WITHIN = {"command", "headquarters"}
# "described the claim as a propaganda trick", "called it a lie", "branded the reports fake"
LABELLING_CUE = r"^(?:describ|call|brand|label|term|dub|dismiss)"
FALSE_LABEL = re.compile(r"\b(?:propaganda|fabricat\w*|lies?|liars?|fakes?|false(?:hoods?)?|hoax(?:es)?|baseless|"
                         r"groundless|untrue|not\s+true|disinformation|misinformation|nonsense|myths?|smears?)\b", re.I)
# "Such a statement was made by X", "The remarks were made by X"
STATEMENT_MADE_BY = re.compile(r"\b(?:statement|remarks?|claim|denial|comments?)\s+(?:was|were)\s+made\s+by\b", re.I)
COORDINATION = re.compile(r"\s+(?:and|or)\s+|\s*,\s*")
# "X claimed …. Yet the General Staff said …", "However, the ministry said …"
CONTRAST_OPENING = re.compile(r"^\s*(?:yet|however|but|by\s+contrast|in\s+contrast)\b", re.I)
