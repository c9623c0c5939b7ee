"""The web app: ``newsprism serve`` (FastAPI, server-rendered pages, a JSON API behind each).

``create_app`` is imported on first use, so the CLI (which registers ``serve`` from here)
does not load the web framework.
"""

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app
        return create_app
    raise AttributeError(name)
