"""The web app: ``newsprism serve`` (FastAPI, server-rendered pages, a JSON API behind each)."""

from .app import create_app

__all__ = ["create_app"]
