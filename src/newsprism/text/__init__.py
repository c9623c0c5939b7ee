"""Text basics every other feature reads: paragraphs and sentences, time expressions.

``sentences`` and ``timex`` are document stages (layers ``paragraph``/``sentence`` and
``time``); ``feature`` registers them.
"""
