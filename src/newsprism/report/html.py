"""The static HTML report: one self-contained file that is safe to mail.

Safety rests on three things: Jinja2 autoescaping for every string the
template prints (article text, titles, outlets, evidence, URLs); span
highlighting that escapes its own output (highlight.py); and a
Content-Security-Policy that allows only our own inline style and script,
pinned by their SHA-256 hashes, and nothing remote. No article data is ever
embedded in the script.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__, plugins
from ..errors import ExportError
from ..store import Store
from .context import ReportData, collect
from .highlight import LayerStyle

TEMPLATES = Path(__file__).with_name("templates")
# Full highlighted text is shown for this many documents; the table lists them all.
MAX_FULL_TEXT_DOCUMENTS = 2000
# Colour-blind-friendly tints (Okabe-Ito hues), (fill, underline).
PALETTE = [("rgba(230,159,0,.28)", "#b77f00"), ("rgba(86,180,233,.30)", "#2a7fb0"),
           ("rgba(0,158,115,.26)", "#007a59"), ("rgba(204,121,167,.30)", "#a24f80"),
           ("rgba(213,94,0,.22)", "#b34f00"), ("rgba(0,114,178,.22)", "#005a8c"),
           ("rgba(240,228,66,.45)", "#8f8500"), ("rgba(120,120,120,.22)", "#555555")]
STRUCTURE_CSS = {
    "paragraph": "box-shadow:inset 2px 0 0 #c9ced6;",
    "sentence": "border-bottom:1px dotted #9aa3ad;",
}
# Shown at first: who said what, the claims and the techniques. The rest (structure,
# every entity and number) would bury them; one click turns each layer on.
DEFAULT_OFF = frozenset({"paragraph", "sentence", "entity", "cue", "quote", "time", "quantity"})


def _env() -> Environment:
    """The report's templates, and each registered section's own under ``section-<key>/``."""
    own = {f"section-{s.key}": FileSystemLoader(str(Path(s.template).parent)) for s in plugins.report_sections()}
    return Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), PrefixLoader(own)]), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def sections() -> list[tuple[str, str, str]]:
    """(anchor id, heading, template) of each registered report section, in page order."""
    return [(s.key, s.heading, f"section-{s.key}/{Path(s.template).name}") for s in plugins.report_sections()]


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def layer_css(layers: list[LayerStyle]) -> str:
    """Per-layer colours and the rules that hide a layer when its box is unticked."""
    rules = []
    for ls in layers:
        c = ls.css_class
        if ls.structural:
            fill, line = "#fff", "#9aa3ad"
            rules.append(f".st.{c}{{{STRUCTURE_CSS.get(ls.name, 'outline:1px solid #d5d9df;')}}}")
        else:
            fill, line = PALETTE[ls.colour % len(PALETTE)]
            rules.append(f".hl.{c}{{background:{fill};border-bottom:2px solid {line};}}")
        rules.append(f".sw.{c}{{background:{fill};border-color:{line};}}")
        rules.append(f"body.hide-{c} .hl.{c},body.hide-{c} .st.{c}"
                     "{background:none;border:0;box-shadow:none;outline:0;}")
    return "\n".join(rules)


def render(data: ReportData, generated_at: str) -> str:
    """The report's HTML for already collected data."""
    env = _env()
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8") + layer_css(data.layers) + "\n"
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    hidden = " ".join(f"hide-{ls.css_class}" for ls in data.layers if ls.name in DEFAULT_OFF)
    return env.get_template("report.html.j2").render(
        d=data, css=Markup(css), js=Markup(js), csp=Markup(csp), body_class=hidden, default_off=DEFAULT_OFF,
        version=__version__, generated_at=generated_at, sections=sections())


def write_report(store: Store, out: Path, *, max_documents: int = MAX_FULL_TEXT_DOCUMENTS,
                 story: str | None = None) -> Path:
    """Write one self-contained HTML report of the store to ``out``; returns its absolute path.

    Documents past ``max_documents`` are listed in the table but their text is
    left out (the report says so); use ``newsprism export`` for everything. With ``story``, the
    report covers that story's documents (store/stories.py) and charts its volume by outlet.
    """
    out = Path(out)
    data = collect(store, max_documents, story)
    html = render(data, datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write report {out}: {exc.strerror or exc}",
                          hint="check the output path is writable") from exc
    return out.resolve()
