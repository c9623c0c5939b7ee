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
from ..claims.dates import member_as_of
from ..report.html import DEFAULT_OFF  # the same layers start hidden in the report and the app
from ..report.html import TEMPLATES as REPORT_TEMPLATES

TEMPLATES = Path(__file__).with_name("templates")
NAV = [("overview", "/", "Overview"), ("documents", "/documents", "Documents"), ("search", "/search", "Search"),
       ("actors", "/actors", "Actors"), ("claims", "/claims", "Claims"), ("outlets", "/outlets", "Outlets"),
       ("timeline", "/timeline", "Timeline"), ("failures", "/failures", "Failures"), ("api", "/api", "API")]


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
    e = Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)),
                                         PrefixLoader({"report": FileSystemLoader(str(REPORT_TEMPLATES))})]),
                    autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    e.globals.update(nav=NAV, version=__version__, qs=_qs, default_off=DEFAULT_OFF)
    e.filters["num"] = _num
    e.filters["claim_value"] = _claim_value
    e.filters["as_of"] = member_as_of       # "“last summer” (publication date unknown)", as the report says it
    return e


def _claim_value(m: dict, kind: str | None = None) -> str:
    from ..report.analysis import value_text      # one wording of claim values for the report and the web
    return value_text(m, kind)


def render_page(request: Request, template: str, ctx: dict[str, Any], *, title: str, section: str = "") -> str:
    """Render a page; ``ctx`` values are escaped by the template unless they are Markup."""
    write = bool(getattr(request.app.state, "write_token", None))
    return env().get_template(template).render(title=title, section=section, path=request.url.path,
                                                write_enabled=write, **ctx)
