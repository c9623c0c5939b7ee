"""Template rendering: one Jinja2 environment with autoescaping on for every template.

The report's ``macros.html.j2`` (its SVG chart) is reused through a second loader
under the ``report/`` prefix, so the two never drift apart.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined

from .. import __version__
from ..outlets import UNKNOWN_OUTLET
from ..report.html import DEFAULT_OFF  # the same layers start hidden in the report and the app
from ..report.html import TEMPLATES as REPORT_TEMPLATES

TEMPLATES = Path(__file__).with_name("templates")
NAV_START = [("overview", "/", "Overview"), ("documents", "/documents", "Documents"), ("search", "/search", "Search")]
NAV_END = [("failures", "/failures", "Failures"), ("api", "/api", "API")]
_installed: list = []     # the app's WebFeatures: their nav entries, templates and filters


def install(features: list) -> None:
    """Use these features' nav entries, templates and filters from now on (``create_app`` calls it)."""
    _installed[:] = features
    env.cache_clear()


def installed() -> list:
    return list(_installed)


def _qs(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied (None removes a key)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "", False)}
    return ("?" + urlencode(merged)) if merged else ""


def _num(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        if v.is_integer():
            return f"{int(v):,}"
        return f"{v:,.2f}" if abs(v) < 1000 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


@lru_cache(maxsize=1)
def env() -> Environment:
    own = [FileSystemLoader(str(f.templates)) for f in _installed if f.templates]
    e = Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), *own,
                                         PrefixLoader({"report": FileSystemLoader(str(REPORT_TEMPLATES))})]),
                    autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    nav = NAV_START + [n for f in _installed for n in f.nav] + NAV_END
    e.globals.update(unknown_outlet=UNKNOWN_OUTLET, nav=nav, version=__version__, qs=_qs, default_off=DEFAULT_OFF)
    e.filters["num"] = _num
    for f in _installed:
        e.filters.update(f.filters)
    return e


def render_page(request: Request, template: str, ctx: dict[str, Any], *, title: str, section: str = "") -> str:
    """Render a page; ``ctx`` values are escaped by the template unless they are Markup."""
    write = bool(getattr(request.app.state, "write_token", None))
    # the story a page is limited to: the main links and the quick search stay inside it
    # (a story's own page is inside it too)
    story = request.query_params.get("story") or (request.path_params.get("name") if section == "stories" else None)
    return env().get_template(template).render(title=title, section=section, path=request.url.path,
                                                write_enabled=write, nav_story=story, **ctx)
