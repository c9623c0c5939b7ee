"""The techniques feature: propaganda-technique spans and per-outlet rates.

Registers the ``techniques`` document stage, the report's Techniques section, the
``technique_profile`` export table and the ``train``/``eval techniques`` commands. Its
web view is the outlet comparison, which the framing feature shows beside the wording.
"""

from pathlib import Path

from .. import plugins
from . import stage  # noqa: F401  (the stage registers on import)
from .commands import eval_cmd, train_cmd
from .export import TABLES
from .report import techniques_section

plugins.register_report_section(plugins.ReportSection(
    "techniques", "Techniques by outlet", techniques_section,
    str(Path(__file__).with_name("templates") / "report_techniques.html.j2")))
plugins.register_corpus_tables(TABLES)
plugins.register_cli_command(train_cmd, "train")
plugins.register_cli_command(eval_cmd, "eval")
