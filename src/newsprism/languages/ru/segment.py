"""Russian segmentation hints: address words, titles, "т.е.", months before numbers."""

NEVER_FINAL: frozenset[str] = frozenset("""
ул им проф акад ген ст пос просп пер пл обл д кв корп тов гос зам нач
т.е т.к т.н т.ч напр см ср
""".split())

NUMBER_ABBREV: frozenset[str] = frozenset("""
янв фев мар апр авг сент окт нояб дек п стр рис гл
""".split())

SENTENCE_OPENERS: frozenset[str] = frozenset("""
Он Она Они Это В На По Но Однако При После
""".split())
