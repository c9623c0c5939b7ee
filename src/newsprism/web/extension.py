"""What a feature hands the web app (``plugins.register_web_routes(setup)``; ``setup()`` returns a
``WebFeature``): its routers (HTML pages and their JSON twins under ``/api``), its entries in the
navigation bar, a folder of its own templates, Jinja2 filters, values it adds to the overview page
and whole-store aggregates to compute at startup.

Pages render with ``render.render_page`` (autoescaping on) and read the store through the
feature's own query functions over ``request.app.state.pool`` (``queries.StorePool``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from fastapi import APIRouter


@dataclass
class WebFeature:
    name: str
    routers: list[APIRouter] = field(default_factory=list)
    nav: list[tuple[str, str, str]] = field(default_factory=list)      # (section, path, label)
    templates: Path | None = None
    filters: dict[str, Callable[..., Any]] = field(default_factory=dict)
    overview: dict[str, Callable[[Any], Any]] = field(default_factory=dict)   # key -> fn(read store)
    warm: list[Callable[[Any], Any]] = field(default_factory=list)           # fn(pool), at startup


def missing(what: str, stage: str) -> dict[str, Any]:
    """The answer of a page whose corpus stage has not run."""
    return {"status": "not_analysed",
            "message": f"Not analysed yet: run `newsprism analyze` ({what} come from stage `{stage}`)"}
