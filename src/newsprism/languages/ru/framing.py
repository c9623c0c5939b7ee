"""Russian framing facts: the words that keep a term at arm's length ("так называемый").

Story content (referents and their competing terms) is in a framing case file (docs/framing.md).
"""

SO_CALLED: list[str] = [r"самозван\w*", r"так называем\w*"]
