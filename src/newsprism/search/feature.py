"""Search and stories: the ``story`` command group and the story pages of the web app."""

from .. import plugins
from .commands import story_group


def _web():
    from .web import web
    return web()


plugins.register_cli_command(story_group)
plugins.register_web_routes(_web)
