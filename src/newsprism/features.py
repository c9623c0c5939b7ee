"""The built-in features, in the order they register (the one list ``plugins`` loads).

Each name is a module whose import registers that feature's parts through
``newsprism.plugins`` (its document and corpus stages, report sections, web pages,
export tables and CLI commands), exactly as a third-party ``newsprism.features``
entry point would. Nothing else imports the features to register them.
"""

BUILTIN_FEATURES = [
    "newsprism.ingest",              # readers
    "newsprism.export",              # jsonl, csv, csv-excel, parquet
    "newsprism.text.feature",        # paragraphs, sentences, time expressions
    "newsprism.voices.feature",      # entities, actors, who says what
    "newsprism.techniques.feature",  # propaganda techniques
    "newsprism.claims.feature",      # quantities, claims, claim groups
    "newsprism.framing.feature",     # wording variants, omission, narratives, timeline
    "newsprism.eval.feature",        # `eval field`: the field set scored by language
    "newsprism.search.feature",      # stories (`story add|list|show|rm`)
    "newsprism.web.feature",         # the `serve` command
]
