"""The web app's own registration: the ``serve`` command."""

from .. import plugins
from .commands import serve_cmd

plugins.register_cli_command(serve_cmd)
