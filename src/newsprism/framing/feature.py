"""The framing feature: wording variants, over-used terms, omission, narratives and the timeline.

Registers the ``framing``, ``narratives`` and ``timeline`` corpus stages, the report's
Framing, Omission, Narratives and Timeline sections, the outlets and timeline pages of
the web app, their export tables and the ``framing``/``narratives``/``timeline`` commands.
"""

from pathlib import Path

from .. import plugins
from . import stage, narratives, timeline  # noqa: F401,I001  (the stages register on import, in this order)
from .commands import eval_narratives_cmd, framing_cmd, narratives_cmd, timeline_cmd
from .export import TABLES
from .report import framing_section, narratives_section, omission_section, timeline_section

TEMPLATES = Path(__file__).with_name("templates")


def _web():
    from .web import web
    return web()


for key, heading, build in (("framing", "Framing", framing_section), ("omission", "Omission", omission_section),
                            ("narratives", "Narratives", narratives_section),
                            ("timeline", "Timeline", timeline_section)):
    plugins.register_report_section(plugins.ReportSection(key, heading, build,
                                                          str(TEMPLATES / f"report_{key}.html.j2")))
for tables in TABLES:
    plugins.register_corpus_tables(tables)
plugins.register_web_routes(_web)
for cmd in (framing_cmd, narratives_cmd, timeline_cmd):
    plugins.register_cli_command(cmd)
plugins.register_cli_command(eval_narratives_cmd, "eval")
