"""Geometry of the small inline SVG bar charts (the template draws them, escaped).

Charts are computed here as plain numbers so the template only places
rectangles and labels; no chart library, no script, nothing loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BAR_H, BAR_GAP, LABEL_W, BARS_W, COUNT_W = 16, 4, 150, 220, 48
MAX_BARS = 12
COL_W, COL_GAP, COLS_H, AXIS_H, COL_LEFT = 18, 4, 110, 48, 40


@dataclass
class Bar:
    label: str
    count: int
    x: float
    y: float
    w: float
    h: float
    show_label: bool = True


@dataclass
class Chart:
    title: str
    kind: str                 # "bars" (horizontal, by size) or "columns" (vertical, in time order)
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    note: str = ""


def _fold_tail(pairs: list[tuple[str, int]], limit: int, what: str) -> tuple[list[tuple[str, int]], str]:
    """Keep the ``limit - 1`` largest and fold the rest into one 'other' bar."""
    if len(pairs) <= limit:
        return pairs, ""
    head, tail = pairs[:limit - 1], pairs[limit - 1:]
    return head + [(f"other ({len(tail)} {what})", sum(c for _, c in tail))], \
        f"{len(pairs)} {what} in all; the smallest {len(tail)} are folded into one bar"


def bar_chart(title: str, pairs: list[tuple[str, int]], what: str) -> Chart:
    """Horizontal bars, largest first, labels on the left and counts on the right."""
    pairs, note = _fold_tail([(str(k), int(v)) for k, v in pairs], MAX_BARS, what)
    top = max((c for _, c in pairs), default=0) or 1
    chart = Chart(title, "bars", LABEL_W + BARS_W + COUNT_W,
                  max(1, len(pairs)) * (BAR_H + BAR_GAP), note=note)
    for i, (label, count) in enumerate(pairs):
        chart.bars.append(Bar(label, count, LABEL_W, i * (BAR_H + BAR_GAP),
                              max(1.0, BARS_W * count / top), BAR_H))
    return chart


def column_chart(title: str, pairs: list[tuple[str, int]]) -> Chart:
    """Vertical columns in the given (time) order; every k-th label shown so they never collide."""
    pairs = [(str(k), int(v)) for k, v in pairs]
    top = max((c for _, c in pairs), default=0) or 1
    step = max(1, -(-len(pairs) // 12))
    chart = Chart(title, "columns", max(240, COL_LEFT + len(pairs) * (COL_W + COL_GAP) + 8), COLS_H + AXIS_H)
    for i, (label, count) in enumerate(pairs):
        h = max(1.0, (COLS_H - 14) * count / top)
        chart.bars.append(Bar(label, count, COL_LEFT + i * (COL_W + COL_GAP), COLS_H - h, COL_W, h,
                              show_label=(i % step == 0 or label == "unknown")))
    return chart
