"""The claims feature: numbers and assertions, grouped across sources and dates.

Registers the ``quantities`` and ``claims`` document stages, the ``reconcile`` corpus
stage, the report's Claims section, the claim pages of the web app, the
``claim_groups``/``claim_members`` export tables and the ``claims`` command.
"""

from pathlib import Path

from .. import plugins
from . import quantities, reconcile, stages  # noqa: F401  (the stages register on import)
from .commands import claims_cmd, eval_quantities_cmd
from .export import TABLES
from .report import claims_section


def _web():
    from .web import web
    return web()


plugins.register_report_section(plugins.ReportSection(
    "claims", "Claims", claims_section, str(Path(__file__).with_name("templates") / "report_claims.html.j2"),
    before="voices"))
plugins.register_corpus_tables(TABLES)
plugins.register_web_routes(_web)
plugins.register_cli_command(claims_cmd)
plugins.register_cli_command(eval_quantities_cmd, "eval")
