"""English framing facts: the words that keep a term at arm's length ("so-called").

Story content (referents and their competing terms) is in a framing case file (docs/framing.md).
"""

SO_CALLED: list[str] = [r"so[- ]called"]
