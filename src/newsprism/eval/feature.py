"""The field evaluation: registers ``newsprism eval field``."""

from .. import plugins
from .commands import eval_field_cmd

plugins.register_cli_command(eval_field_cmd, "eval")
