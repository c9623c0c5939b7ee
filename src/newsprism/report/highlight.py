"""Clean text with its spans as nested, escaped HTML.

Spans are standoff offsets and may nest (an entity inside a sentence) or cross
(a quote that starts mid-sentence and ends in the next). We walk the text from
boundary to boundary keeping a stack of open spans; where a span ends while
spans opened after it are still open, those are closed and reopened as
continuation pieces. The result is well-formed HTML in which every character
sits inside one element per span covering it, so nested highlights stack.

Every piece of text and every tooltip is escaped here; the template inserts
the result as Markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape

from ..model import Span

# Layers drawn as quiet structure (outline/underline) rather than coloured highlights.
STRUCTURAL_LAYERS = frozenset({"paragraph", "sentence", "token", "line", "section"})
TOOLTIP_ATTRS_CHARS = 240
# Spans of these layers get an id (their first piece), so claims and voices can link to the sentence.
ANCHOR_LAYERS = frozenset({"claim", "attribution"})


def span_anchor(doc_id: str, layer: str, start: int, end: int) -> str:
    """The element id of a span in the report (``#ev-...`` links point here)."""
    return f"ev-{doc_id}-{layer}-{start}-{end}"


@dataclass(frozen=True)
class LayerStyle:
    """How one layer is drawn: its CSS class and whether it is structure or highlight."""

    name: str
    css_class: str
    structural: bool
    colour: int      # palette index for highlight layers


def layer_styles(layers: Iterable[str]) -> dict[str, LayerStyle]:
    """Give each layer a safe CSS class (L0, L1, ...) independent of its name."""
    out: dict[str, LayerStyle] = {}
    n_highlight = 0
    for i, name in enumerate(sorted(set(layers))):
        structural = name in STRUCTURAL_LAYERS
        out[name] = LayerStyle(name, f"L{i}", structural, -1 if structural else n_highlight)
        n_highlight += 0 if structural else 1
    return out


def tooltip(span: Span) -> str:
    """Plain-text tooltip: layer, label, score, producing stage, and attributes."""
    tip = f"{span.layer}: {span.label} · score {span.score:.2f} · {span.stage} v{span.stage_version}"
    if span.attrs:
        attrs = "; ".join(f"{k}={v}" for k, v in span.attrs.items())
        if len(attrs) > TOOLTIP_ATTRS_CHARS:
            attrs = attrs[:TOOLTIP_ATTRS_CHARS] + "…"
        tip += "\n" + attrs
    return tip


def _open_tag(span: Span, style: LayerStyle, continued: bool, doc_id: str | None = None) -> str:
    kind = "st" if style.structural else "hl"
    cls = f"{kind} {style.css_class}" + (" cont" if continued else "")
    if style.structural:
        return f'<span class="{cls}">'
    anchor = ""
    if doc_id is not None and not continued and span.layer in ANCHOR_LAYERS:
        anchor = f' id="{escape(span_anchor(doc_id, span.layer, span.start, span.end))}"'
    return f'<span class="{cls}"{anchor} title="{escape(tooltip(span))}">'


def highlight(text: str, spans: Iterable[Span], styles: dict[str, LayerStyle], doc_id: str | None = None) -> Markup:
    """Escaped HTML of ``text`` with one ``<span>`` per covering span (see module doc).

    With ``doc_id``, spans of ``ANCHOR_LAYERS`` carry an ``id`` (``span_anchor``) to link to;
    the same span twice gets its id once.
    """
    n = len(text)
    usable = [s for s in spans if s.layer in styles and s.start < min(s.end, n)]
    # Longer spans open first so they enclose shorter ones that start at the same place.
    usable.sort(key=lambda s: (s.start, -s.end, not styles[s.layer].structural))
    bounds = sorted({0, n, *(s.start for s in usable), *(min(s.end, n) for s in usable)})
    starts: dict[int, list[Span]] = {}
    for s in usable:
        starts.setdefault(s.start, []).append(s)
    out: list[str] = []
    stack: list[Span] = []
    seen: set[tuple[str, int, int]] = set()
    for pos, nxt in zip(bounds, bounds[1:] + [None]):
        _close_ending(stack, pos, styles, out)
        for s in starts.get(pos, ()):
            key = (s.layer, s.start, s.end)
            out.append(_open_tag(s, styles[s.layer], continued=False,
                                 doc_id=doc_id if key not in seen else None))
            seen.add(key)
            stack.append(s)
        if nxt is not None:
            out.append(str(escape(text[pos:nxt])))
    out.extend("</span>" * len(stack))
    return Markup("".join(out))


def _close_ending(stack: list[Span], pos: int, styles: dict[str, LayerStyle], out: list[str]) -> None:
    """Close spans ending at ``pos``; reopen any still-running span that was above them."""
    ending = [i for i, s in enumerate(stack) if s.end <= pos]
    if not ending:
        return
    lowest = ending[0]
    popped = stack[lowest:]
    del stack[lowest:]
    out.append("</span>" * len(popped))
    for s in popped:
        if s.end > pos:
            out.append(_open_tag(s, styles[s.layer], continued=True))
            stack.append(s)
