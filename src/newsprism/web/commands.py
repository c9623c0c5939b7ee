"""``newsprism serve``: the web app over the store, on 127.0.0.1 by default."""

from __future__ import annotations

import click

from ..config import SETTINGS

WRITE_TOKEN = next(s for s in SETTINGS if s.name == "write_token")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep 127.0.0.1 unless a proxy with access control is in front.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--write-token", envvar=WRITE_TOKEN.env, default=None, metavar="TOKEN",
              help="Enable POST /api/ingest for requests carrying this token in X-Newsprism-Token "
                   f"[env {WRITE_TOKEN.env}; default: off, read-only].")
@click.option("--workers-threads", "threads", default=None, type=int, hidden=True)
@click.pass_obj
def serve_cmd(obj, host: str, port: int, write_token: str | None, threads: int | None) -> None:
    """Browse the analysis in a web browser: documents, voices, claims, techniques, outlets, timeline.

    Read-only unless --write-token is given. The JSON API is under /api (schema: /api/openapi.json).
    """
    import uvicorn

    from .app import create_app
    if write_token is not None and len(write_token) < 16:
        raise click.BadParameter("use a write token of at least 16 characters", param_hint="--write-token")
    app = create_app(obj.settings.db, write_token=write_token)
    if not getattr(obj, "quiet", False):
        click.echo(f"newsprism web app on http://{host}:{port}/ (store {obj.settings.db}; "
                   f"{'ingest enabled with a token' if write_token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                server_header=False, proxy_headers=False)
