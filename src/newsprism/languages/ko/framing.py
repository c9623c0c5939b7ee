"""Korean framing facts: the words that keep a term at arm's length (이른바), and particle matching.

Story content (referents and their competing terms) is in a framing case file (docs/framing.md).
"""

SO_CALLED: list[str] = [r"이른바", r"소위"]

# Particles follow a noun without a space (해방을, 해방된): match at the start of a word.
MATCH_WORD_START: bool = True
