"""English speech: the word lists and patterns the attribution rules (``voices.attributions``) read.

The rules themselves read spaCy's English parse; these are the English words they look for.
Reporting verbs and their stances, carrier nouns and generic speakers are in ``voices.cues``.
"""

from __future__ import annotations

import re

# -- cues that are no reporting verb ------------------------------------------------------
# adverbs that make their clause hearsay with no source named ("has reportedly been chatting with him"); PolNeAR
# marks them as cues, "reportedly" in 19 of its 29 uses in train ("allegedly", "supposedly" cost F1 on CV)
HEARSAY_ADVERBS = {"reportedly"}

# prepositions through which a predicate adjective takes what it is about ("critical of", "wary of", "sure about")
FRAME_PREPOSITIONS = {"of", "about", "with", "to", "by", "on", "over", "at", "toward", "towards"}

# What one acts "according to" (in accordance with) rather than learns from.
ACCORDANCE_NOUNS = set("plan plans agreement agreements schedule law laws rule rules principle principles procedure "
                       "programme program regulation regulations order orders decision treaty constitution "
                       "instruction instructions tradition custom requirement requirements standard standards spirit "
                       "line policy strategy intention wish will need needs demand demands".split())

# A title line "Paul Ryan: FBI Decision ... Defies Explanation": up to four capitalized words, a colon, the rest.
HEADLINE_SPEAKER = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): (\S[^\n]*)")

# -- reporting verbs by construction -------------------------------------------------------
# report verbs whose object can be the source; not "tell" ("told AFP": the object is the addressee)
INVERTING_VERBS = {"report", "say", "write", "add", "state", "claim", "announce", "note", "confirm"}

# in PolNeAR train, 194 of 250 attributions with these verbs have no source ("it appears that …")
SOURCELESS_VERBS = {"seem", "appear"}

# verbs whose object is who hears the message ("told reporters"), not what is said
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief", "notify"}

# verbs whose object is who a message went to, for a participle after it ("emailed supporters saying …")
ADDRESSING_VERBS = ADDRESSEE_VERBS | {"email", "e-mail", "text", "message", "write", "urge", "warn", "address", "call",
                                      "send"}

# participles that report speech on their own ("…, adding …", "…, noting that …"): the reporter's, not the
# content subject's, after a report's content
SPEECH_PARTICIPLES = set("add note say point vow suggest acknowledge argue insist claim stress explain cite warn "
                         "urge accuse tell ask promise pledge emphasize reiterate admit concede deny reject dismiss "
                         "comment write tweet declare announce assert contend maintain complain repeat recall "
                         "predict describe call".split())

# speech acts that make a contrasting clause another source's report (not cognition: "while her
# opponent wants to ..." stays part of what she said)
OTHER_SOURCE_REPORTS = {"say", "tell", "report", "state", "announce", "claim", "deny", "confirm", "estimate", "put",
                        "insist", "argue", "dispute", "reject", "counter", "praise", "accuse", "warn", "allege",
                        "assert", "maintain", "contend", "write", "add", "respond", "reply"}

# the conjunctions that open such a contrasting clause ("…, while Ukraine's military intelligence put …")
CONTRAST_MARKERS = {"while", "whereas"}

# ", and accused …", ", but quickly added …": what ends a content before the same speaker's next report
AND_THEN = re.compile(r"\s*,?\s*(?:and|but|while)\s+(?:\w+ly\s+)?$")

# -- words around the speaker and the content ----------------------------------------------
# relative words: a content that is one ("which Mr. Ailes denies") refers to the noun its clause describes
RELATIVE_WORDS = {"which", "that", "whom", "who", "what"}
# a reported clause that announces what a colon then gives ("described how the troops fight: they are …")
ANNOUNCING_WORDS = {"how", "what", "why", "where", "when"}

# words that can be the subject the parse labelled a modifier ("That attitude, many argue, could …")
QUANTIFIERS = {"many", "some", "most", "few", "several", "others", "both", "all"}

# names the small parse reads as modal auxiliaries ("Will believes …": the columnist George Will)
NAMES_LIKE_MODALS = {"Will", "May"}

# pronouns that can open the speaker after a quote and its cue ('“…,” said he')
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}

# prepositions of what a cue itself is about ("gushes about being a grandmother"), unlike "in Korean", "on Friday"
OBJECT_PREPOSITIONS = {"about", "against", "for", "over", "with", "to"}

# -- speaker resolution -----------------------------------------------------------------
# people by role beyond ``voices.cues.PERSON_ROLES``: a contender ("the candidate boasted of …")
CONTENDER_HEADS = {"candidate", "nominee", "front-runner", "frontrunner", "rival", "challenger"}

# the bodies through which a nationality word speaks for its country ("Russian officials", "the North Korean
# side", "the Russian ambassador"; with ``voices.cues.SPEAKING_BODIES``); not a person it describes ("a Russian
# soldier", "a North Korean man")
NATIONAL_VOICE_HEADS = {"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "minister",
                        "official", "diplomat", "authority", "leadership"}

# a plural (or collective) source noun: a nationality or country word before it describes an unnamed group
# ("Ukrainian sources", "US officials", "South Korean intelligence officials"), kept in its own words and
# never the country; a singular body ("the Ukrainian military", "Russia's defence ministry") is the country's
VAGUE_GROUP = re.compile(r"(?:sources|officials|agencies|services|lawmakers|legislators|media|analysts|experts|"
                         r"observers|diplomats|insiders|representatives|commentators|researchers|investigators)$",
                         re.I)

# a speaker named by a description ("the vice-chairman", "this statement"): its last word is group 1
DEFINITE_DESCRIPTION = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]+)$", re.I)

# an indefinite description that a lead sentence names its speaker by ("…, a conservative lawmaker argued"), the
# next report giving the name ("X, a … lawmaker, said"): group 1 is the role
INDEFINITE_DESCRIPTION = re.compile(r"(?:an?)\s+(?:[\w-]+\s+){0,3}?([a-z][\w-]+)$", re.I)

# a publication of a press review ("An article says", "the editorial"): group 1 is its kind
PUBLICATION_DESCRIPTION = re.compile(r"(?:an?|another|the|its|one)\s+(?:[\w-]+\s+)?"
                                     r"(article|editorial|commentary|daily|paper|newspaper)$", re.I)

# a title before a mention, with the gender it gives ("Mr." m, "Ms." f)
TITLE_GENDER = ((re.compile(r"\b(?:Mr|Sir|Mister)\.?\s*$"), "m"),
                (re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Mme)\.?\s*$"), "f"))

# -- relays: who passes a statement on ---------------------------------------------------
# verbs whose object is the original speaker, with what it said after "as" ("RIA cited Shoigu as saying …",
# "Reports quoted officials as accepting …", "Kim was quoted by KCNA as saying …")
CITING_VERBS = {"cite", "quote"}

# what a statement is given in ("said in a statement carried by X", "in comments to local media", "in an
# interview with X"), and the words that link it to who passes it on (a participle's "by X", or "to"/"with")
RELAY_CARRIERS = {"statement", "comment", "comments", "remark", "remarks", "interview", "message", "post", "letter",
                  "article", "briefing", "announcement", "op-ed"}
RELAY_LINKS = {"to", "with"}
# what joins a second object to a reporting verb's first ("He pointed to claims by A that … and to B's statements
# putting …"): the second report is passed on by the same speaker
COORDINATED_REPORT = re.compile(r"^\s*,?\s*(?:and|as\s+well\s+as)\s+(?:also\s+)?(?:to|at)\s+$")
RELAY_PARTICIPLES = {"carry", "publish", "run", "air", "broadcast", "release", "distribute", "post", "quote"}

# heads that make an addressee or a carrier a medium ("told local media", "in comments to the state news
# agency"): only then is the addressee a relay ("told reporters" or "told lawmakers" is not)
MEDIA_HEADS = {"media", "medium", "outlet", "outlets", "newspaper", "newspapers", "broadcaster", "broadcasters",
               "press", "television", "tv", "radio", "channel", "network", "wire", "daily", "tabloid", "magazine",
               "website", "newswire"}
# "agency" is a medium only as a news or state agency ("the state news agency"), not a spy agency
MEDIA_AGENCY_MODIFIERS = {"news", "state", "wire", "press"}

# -- speakers that are no one --------------------------------------------------------------
# a speaker phrase opening with these is a quantity or a part ("including about 600 …"), not who speaks
NON_SPEAKER_OPENERS = {"including", "among", "about", "around", "approximately", "some", "nearly", "almost",
                       "over", "under", "up", "more", "fewer", "less", "at", "than"}
# determiners that point back ("This revelation suggests …"): with a noun that is no speaker, the phrase is
# the reported matter itself
ANAPHORIC_DETERMINERS = {"this", "these", "that", "those", "such"}
# what such a noun may still be: a publication, a document or a body ("this newspaper", "this report")
ANAPHORIC_SPEAKER_HEADS = {"newspaper", "paper", "daily", "outlet", "agency", "channel", "broadcaster",
                           "magazine", "website", "group", "organisation", "organization", "institute", "committee",
                           "council", "company", "firm", "court", "team", "union", "party", "country", "nation",
                           "side", "source", "person", "man", "woman", "author", "writer", "reporter", "journalist"}

# a name after these is a side taken ("pro-Russian forces", "anti-Kremlin activists"), not who speaks
SIDE_PREFIX = re.compile(r"\b(?:pro|anti)-\s*$", re.I)

# what a cited carrier must be for its owner to be the original speaker ("citing a statement from the NIS": the
# NIS); a cited document, study or data ("citing a document from the ministry") leaves the one who read it
SPEECH_CARRIERS = {"statement", "remarks", "remark", "comments", "comment", "message", "words", "speech", "letter",
                   "post", "tweet", "announcement", "release", "communique", "communiqué", "briefing", "interview"}

# verbs of an estimate with its figure after "at" ("the NIS put North Korean losses at about 300 dead", "Ukraine
# puts the number … at over 3,000", "pegged the toll at …")
ESTIMATE_FRAME_VERBS = {"put", "place", "peg"}

# what a speaker publishes of its own beyond ``voices.cues.CARRIER_NOUNS``: "According to its most recent update,
# the ministry says …" is the ministry's own report, not a relay
OWN_FIGURE_NOUNS = {"update", "figure", "figures", "count", "tally", "estimate", "estimates"}


# a quote the writer's complementiser takes in is mixed (voices/attributions/finish.py)
COMPLEMENTISERS = frozenset({"that"})
