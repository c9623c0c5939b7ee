"""English segmentation hints: titles and ranks, units and months before numbers, openers after U.S."""

NEVER_FINAL: frozenset[str] = frozenset("""
mr mrs ms messrs dr prof gen lt col maj capt cmdr sgt adm gov sen rep rev st mt ft hon pres
supt insp cpl pvt brig lieut gens sr jr vs approx dept univ assn co
e.g i.e cf viz
""".split())

NUMBER_ABBREV: frozenset[str] = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec no nos vol pp p art fig ch sec par
""".split())

SENTENCE_OPENERS: frozenset[str] = frozenset("""
The A An He She It They We I You This That These Those There Here His Her Its Their Our But And
However Meanwhile According After Before In On At As If When While Since Although Yet So Still
Some Many Most Officials Analysts North South Russia Russian Ukraine Ukrainian Moscow Kyiv Pyongyang
""".split())
