"""Reporting cues: the verbs and phrases that introduce what someone says, with their stance.

Stances: says (neutral report), claims (the speaker asserts, the writer keeps a
distance), confirms, denies, disputes, warns, praises. Cognition verbs (think,
believe, want) are cues too, as in PolNeAR and PARC: they attribute a position.
"""

from __future__ import annotations

STANCE_OF: dict[str, str] = {}
for _stance, _words in {
    "says": "say tell add state note write report announce explain describe call comment remark reply respond "
            "answer ask declare disclose reveal publish quote cite read tweet post recall predict suggest "
            "indicate mention observe stress emphasize emphasise underline highlight point show find "
            "estimate conclude testify inform think believe feel want expect hope fear know see consider "
            "plan promise pledge vow urge demand propose recommend seem appear wonder agree decline refuse "
            "argue continue acknowledge figure assess view frame portray depict label characterize "
            "characterise brand dub term favor favour prefer hope hop understand refer seek hint vote ask "
            "insist".split(),
    "claims": "claim allege insist assert maintain contend purport boast".split(),
    "confirms": "confirm acknowledge admit verify concede corroborate".split(),
    "denies": "deny reject dismiss refute rebut disavow".split(),
    "disputes": "dispute question challenge contest doubt criticize criticise accuse blame condemn "
                "slam denounce mock attack oppose blast complain".split(),
    "warns": "warn caution threaten alert".split(),
    "praises": "praise applaud hail commend laud glorify celebrate congratulate thank honor honour "
               "extol exalt endorse support defend".split(),
}.items():
    for _w in _words:
        STANCE_OF.setdefault(_w, _stance)

# Verbs whose subject is only a speaker when the verb reports content (a clause or a quote).
NEEDS_CLAUSE = set("show find see know feel seem appear continue figure read celebrate honor honour thank view observe "
                   "frame portray depict label characterize characterise brand dub term call describe point "
                   "decline refuse agree refer hop seek vote".split())

# Nouns that carry a speaker's words: "X's statement emphasized ...", "a statement from X said ...".
CARRIER_NOUNS = set("statement statements remarks remark comments comment message report reports announcement "
                    "words speech letter post tweet article editorial commentary release communique "
                    "communiqué footage video broadcast clip caption assessment analysis data study poll "
                    "survey document".split())

GENERIC_SPEAKERS = set("analysts analyst officials official experts expert observers sources source critics "
                       "reports report people residents witnesses diplomats diplomat lawmakers researchers "
                       "media someone some others many".split())

# Nouns that make a subject one person by role ("the national leader of …", "the vice-chairman"): a pronoun
# continuing such a subject refers to that person even when no actor is known for it.
PERSON_ROLES = set("leader chairman chairwoman chairperson secretary minister president spokesman spokeswoman "
                   "spokesperson ambassador director chief head premier commander envoy governor mayor senator "
                   "lawmaker official officer general editor correspondent professor researcher analyst expert "
                   "deputy vice-chairman vice-president vice-minister representative delegate man woman".split())
# Heads through which a country modifying them speaks ("US officials", "the Russian side", "South Korean
# intelligence"); with another head ("U.S. adversaries", "U.S.-Japan exercises") the country is not the speaker.
SPEAKING_BODIES = set("official officials administration government authority authorities side diplomat diplomats "
                      "military army force forces ministry department spokesperson spokesman embassy intelligence "
                      "media press leadership regime parliament congress delegation lawmakers troops source "
                      "sources office agency command staff people public".split()) | CARRIER_NOUNS
# The same in Russian (word beginnings, for the case endings: "официальные лица", "российской стороны") and
# Korean (whole words: "러시아 당국", "북한 측"); "российский солдат", "러시아 군인" (a soldier) are not the country.
SPEAKING_BODIES_RU = ("официальн", "представител", "власт", "сторон", "мид", "министерств", "ведомств", "руководств",
                      "правительств", "военн", "арми", "командован", "дипломат", "посол", "посольств", "разведк",
                      "спецслужб", "источник", "сми", "пресс", "делегаци", "парламент", "депутат", "генштаб")
SPEAKING_BODIES_KO = set("당국 측 정부 외무성 외무부 외교부 국방부 국방성 대변인 관계자 관리 대사 대사관 지도부 군 군대 군부 "
                         "당 언론 매체 통신 통신사 대표단 총참모부 사령부 위원회 정보당국 정보기관 소식통 의회 국회 "
                         "대통령실 당국자 고위관계자 외교관 정권".split())
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her", "their"}


def stance(lemma: str) -> str:
    return STANCE_OF.get(lemma.lower(), "says")


# Russian and Korean report verbs (stem -> stance) live in their language packs.
from ..languages.ru.speech import VERBS as RU_VERBS  # noqa: E402,F401
from ..languages.ko.speech import VERBS as KO_VERBS  # noqa: E402,F401
