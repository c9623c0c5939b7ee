"""The voices feature: who is mentioned and who says what.

Registers the ``entities`` and ``attributions`` document stages, the ``actors`` corpus stage, the report's
Voices section, the actor pages of the web app, the ``actors`` export table and the
``actors``/``voices`` commands with their training and evaluation commands.
"""

from pathlib import Path

from .. import plugins
from . import actors, entities  # noqa: F401  (the stages register on import)
from .attributions import stage as _attributions_stage  # noqa: F401  (after entities: the run order)
from .commands import (actors_cmd, eval_attributions_cmd, train_attributions_cmd, train_confidence_cmd,
                       train_cue_tagger_cmd, voices_cmd)
from .export import TABLES
from .report import voices_section


def _web():
    from .web import web
    return web()


plugins.register_report_section(plugins.ReportSection(
    "voices", "Voices", voices_section, str(Path(__file__).with_name("templates") / "report_voices.html.j2")))
plugins.register_corpus_tables(TABLES)
plugins.register_web_routes(_web)
for cmd in (voices_cmd, actors_cmd):
    plugins.register_cli_command(cmd)
for cmd in (train_attributions_cmd, train_cue_tagger_cmd, train_confidence_cmd):
    plugins.register_cli_command(cmd, "train")
plugins.register_cli_command(eval_attributions_cmd, "eval")
