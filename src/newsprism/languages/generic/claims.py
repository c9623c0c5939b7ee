"""What a claim measures and whose it is (claims/measure.py), per language.

A quantity claim's group is discovered from the sentence, not listed per story: the *measure*
(the event or state the number counts: killed, wounded, killed-or-wounded, captured, deployed ...),
*whose* (the people or side counted: North Korean, Russian, Palestinian ...) and, for specialists and
equipment, the counted *role* (deminers, engineers, tanks ...). A pack gives its language's wordings;
classes and ids are shared by all languages, so an English and a Korean claim about the same measure
of the same side share a group. Patterns are regular expressions, matched case-insensitively.
"""

# Measure class -> pattern of its cue words. The cue nearest the number decides; a combined class
# ("killed-or-wounded") wins over a single one whose cue lies inside it.
MEASURES: dict[str, str] = {}

# Whose id -> pattern (nationality adjectives, country and side names in this language).
WHOSE: dict[str, str] = {}

# Counted role id -> pattern on the counted noun phrase; a role names a group of its own
# ("north-korean-deminers/deployed" apart from "north-korean/deployed").
ROLES: dict[str, str] = {}

# Pattern of counted heads that are people in general (soldiers, troops, persons, the counter 명):
# these take no role. Other counted heads (tanks, shells, aircraft) are their own role.
PERSON_HEADS: str = ""

# Characters either side of the number within which a measure cue counts.
CUE_WINDOW: int = 90

# True where the counted noun stands before the number (Korean 북한군 1만 명): role and whose are then
# read from the words before the number, and the counted head (a counter or a particle) names no role.
NOUN_BEFORE_NUMBER: bool = False

# Pattern of counted heads that are armed forces: a count of them with no measure cue is the force's
# size ("12,000 North Korean soldiers in the region"), measure "deployed".
FORCE_HEADS: str = ""

# Pattern just before a side's name that makes it a place or partner, not whose ("sent to Russia",
# "в Россию", "fighting for Russia"); and just after it (Korean 러시아에, 러시아로).
NOT_WHOSE_BEFORE: str = ""
NOT_WHOSE_AFTER: str = ""

# Pattern just before a side's name that makes it the place where counted people were ("in Gaza", "в Газе"):
# people of no named nationality take the side of the place of the event, in their sentence, the one before,
# else the place the document names most ("71,667 people in the territory have been killed").
PLACE_BEFORE: str = ""

# Pattern of pronouns that point back to people named before ("a third of them, or 4,700", "из них"): near the number,
# the people are those of the sentence before, not of the place of the event.
ANAPHOR: str = ""

# Pattern just before a side's name, in the words right after the number, that makes the side the origin of
# what is counted ("600 soldiers from North Korea", "военнослужащих из КНДР", "militares de Corea del Norte").
WHOSE_OF: str = ""

# Pattern of words between a cue and the number that end a clause ("300 died, and 2,700 more were
# wounded"): a cue across one counts as this many characters farther away.
CLAUSE_BREAK: str = r"[;:]|,\s"
CLAUSE_PENALTY: int = 30

# Counted heads that are no noun ("2,700 more", "3,000 others"): they name no role.
NOT_A_HEAD: str = ""

# Pattern of words that make a deployment or delivery an addition to an earlier one ("another 3,000",
# "ще 2-3 тис.", 추가로): such figures group apart from the totals. Looked for within ADDITIONAL_WINDOW
# characters of the number, in the same clause.
ADDITIONAL: str = ""
ADDITIONAL_WINDOW: int = 30

# Pattern of words that scope a loss figure to one attack or a short span ("killed in the strike",
# 이 공격으로, "за сутки"): such figures are episodes, apart from the running totals. Looked for in the
# number's clause, within EPISODE_WINDOW characters.
EPISODE: str = ""
EPISODE_WINDOW: int = 60

# Cause id -> pattern: losses the sentence puts down to something other than the fighting reported on
# (a flood, an accident, a war of the past) group apart: "three killed in the floods" is not a war loss.
CAUSES: dict[str, str] = {}

# Pattern right before a number that makes it another estimate of the figure just named ("while Kyiv put
# the figure at 12,000"): it takes the measure and side of the number before it in the sentence.
SAME_FIGURE: str = ""

# Pattern of words that make a deployment or delivery a plan, not a fact ("would be sent", "направит",
# 보내기로 했다): planned figures group apart from what was sent, each announcement (month) on its own.
# Looked for in the clause of the number and its measure cue.
PLANNED: str = ""

# Pattern of aspect words that make a figure a state already reached, not a plan ("already", "уже", 已/已经,
# すでに, 이미): a number whose own clause has one and no PLANNED word is an actual count even when the clause
# before it announces a plan ("X plans to send 6,000 more; 1,000 have already arrived").
ACTUAL: str = ""

# Base id -> pattern of the whole a share is taken of ("2% of the population", "more than half of the dead",
# "2% населения", "사망자의 절반"), read right after the share, or right before it where NOUN_BEFORE_NUMBER. The base
# is part of what a share measures: shares of two bases never group together. Ids are shared by all languages.
SHARE_BASES: dict[str, str] = {}

# Measure class -> short phrases in this language that say the measure without the cue words above
# ("portraits of the fallen on a memorial wall"): a quantity whose sentence names no cue takes the measure
# whose phrases its sentence is most like (multilingual sentence encoder; claims/prototypes.py).
PROTOTYPES: dict[str, tuple[str, ...]] = {}

# Assertions (claims/assertions.py) in a language with no parser: pattern of a finite verb form (a word that
# states something: "освободили", "звільнили", "해방했다"), and of a negation just before or inside it.
# The predicate and the content word after it key the assertion; the multilingual sentence encoder groups
# the keys across languages in ``reconcile``. Empty: no assertions found without a parser.
PREDICATE: str = ""
PREDICATE_NEGATION: str = ""
