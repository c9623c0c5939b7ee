"""Geometry of the small inline SVG charts (bars, columns, values over time, stacks) (the template draws them, escaped).

Charts are computed here as plain numbers so the template only places
rectangles and labels; no chart library, no script, nothing loaded.
"""

from __future__ import annotations

import math
from collections import Counter
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


# --- values over time (claims) -------------------------------------------------------------

SERIES_COLOURS = 6            # s0..s5 in report.css; later sources share the grey "other" colour
SLOT_W, SERIES_LEFT, SERIES_H, SERIES_AXIS = 60, 46, 120, 58


@dataclass
class Point:
    x: float
    y: float
    y_top: float | None       # top of a range (min–max), None for a single value
    colour: int               # series index, SERIES_COLOURS = "other"
    tip: str
    href: str | None


@dataclass
class SeriesChart:
    title: str
    width: int
    height: int
    points: list[Point] = field(default_factory=list)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[int, str]] = field(default_factory=list)
    log: bool = False


def compact(v: float) -> str:
    """11000 -> 11k, 1500000 -> 1.5M; small numbers as they are."""
    a = abs(v)
    if a >= 1e15:
        return f"{v:.2g}"
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            return f"{v / div:.3g}{suffix}"
    return f"{v:.3g}"


def _nice_ticks(top: float) -> list[float]:
    raw = top / 3
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return [i * step for i in range(0, int(top // step) + 1)]


def series_chart(title: str, values: list[tuple[str | None, float | None, float | None, str, str, str | None]]
                 ) -> SeriesChart | None:
    """Values over time by source: (date or None, low, high, source, tooltip, href) -> dots and ranges.

    Dates are ordinal slots (sorted; undated last) so unevenly spaced reports stay readable;
    a log scale is used when values span more than two orders of magnitude.
    """
    vals = [(d, lo if lo is not None else hi, hi if hi is not None else lo, s, t, h)
            for d, lo, hi, s, t, h in values if lo is not None or hi is not None]
    if not vals:
        return None
    dates = sorted({d for d, *_ in vals if d})
    slots = dates + (["undated"] if any(not d for d, *_ in vals) else [])
    sources = [s for s, _ in Counter(v[3] for v in vals).most_common()]
    colour = {s: min(i, SERIES_COLOURS) for i, s in enumerate(sources)}
    positive = [v for _, lo, hi, *_ in vals for v in (lo, hi) if v > 0]
    top = max(max(v[2] for v in vals), 1e-9)
    log = bool(positive) and min(v[1] for v in vals) > 0 and top / min(positive) > 100
    lo_log, hi_log = (math.floor(math.log10(min(positive))), math.ceil(math.log10(top))) if log else (0, 1)
    inner = SERIES_H - 12

    def y(v: float) -> float:
        if log:
            return 6 + inner * (1 - (math.log10(max(v, 1e-12)) - lo_log) / max(1, hi_log - lo_log))
        return 6 + inner * (1 - v / (top * 1.08))

    slot_w = SLOT_W if len(slots) <= 8 else max(22, 8 * SLOT_W // len(slots))
    chart = SeriesChart(title, max(260, SERIES_LEFT + len(slots) * slot_w + 10), SERIES_H + SERIES_AXIS, log=log)
    every = max(1, -(-(hi_log - lo_log) // 5))          # at most ~6 labelled decades
    chart.y_ticks = ([(y(10 ** e), compact(10 ** e)) for e in range(lo_log, hi_log + 1, every)] if log
                     else [(y(t), compact(t)) for t in _nice_ticks(top)])
    step = max(1, -(-len(slots) // 10))
    chart.x_labels = [(SERIES_LEFT + (i + .5) * slot_w, s) for i, s in enumerate(slots)
                      if i % step == 0 or s == "undated"]
    per_slot: dict[str, list[str]] = {}
    for d, *_rest in vals:
        per_slot.setdefault(d or "undated", [])
    for d, lo, hi, s, tip, href in vals:
        slot = d or "undated"
        here = per_slot[slot]
        if s not in here:
            here.append(s)
    for d, lo, hi, s, tip, href in vals:
        slot = d or "undated"
        k, i = len(per_slot[slot]), per_slot[slot].index(s)
        x = SERIES_LEFT + (slots.index(slot) + .5) * slot_w + (i - (k - 1) / 2) * min(8, (slot_w - 10) / max(1, k))
        chart.points.append(Point(round(x, 1), round(y(lo), 1), round(y(hi), 1) if hi != lo else None,
                                  colour[s], tip, href))
    shown = sources[:SERIES_COLOURS]
    chart.legend = [(colour[s], s) for s in shown]
    if len(sources) > SERIES_COLOURS:
        chart.legend.append((SERIES_COLOURS, f"{len(sources) - SERIES_COLOURS} other sources"))
    return chart


# --- stacked bars (framing variants per outlet) --------------------------------------------

STACK_W = 260


@dataclass
class Segment:
    x: float
    w: float
    cls: str                  # connotation class + how it was used (own / scare-quoted / reported)
    tip: str


def stack(parts: list[tuple[str, int, str]], total_max: int) -> list[Segment]:
    """Segments of one horizontal bar: (css class, count, tooltip), scaled to the largest bar."""
    out, x = [], 0.0
    for cls, n, tip in parts:
        if n <= 0:
            continue
        w = max(2.0, STACK_W * n / max(1, total_max))
        out.append(Segment(round(x, 1), round(w, 1), cls, tip))
        x += w
    return out


# -- stacked columns: volume over time by outlet ------------------------------------
# Okabe-Ito colours (distinguishable with colour blindness), then greys for the rest
VOL_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000", "#999999"]
VOL_H, VOL_W, VOL_GAP, VOL_LEFT, VOL_AXIS = 160, 22, 6, 36, 54


def stacked_columns(vol: dict) -> dict | None:
    """Stacked columns (one per month, one segment per outlet) from ``store.stories.story_volume``, as plain
    geometry for ``volume.html.j2``: a story's volume over time by outlet (the story page, the report)."""
    months, series = vol["months"], vol["series"]
    if not months:
        return None
    totals = [sum(s[i] for s in series.values()) for i in range(len(months))]
    top = max(totals) or 1
    legend = [{"label": o, "colour": VOL_COLOURS[min(i, len(VOL_COLOURS) - 1)]} for i, o in enumerate(series)]
    cols = []
    for i, m in enumerate(months):
        y, segs = float(VOL_H), []
        for k, (o, counts) in enumerate(series.items()):
            n = counts[i]
            if n:
                h = VOL_H * n / top
                y -= h
                segs.append({"outlet": o, "n": n, "y": round(y, 1), "h": round(max(h, 1.0), 1),
                             "colour": legend[k]["colour"]})
        cols.append({"month": m, "total": totals[i], "x": VOL_LEFT + i * (VOL_W + VOL_GAP),
                     "segments": segs})
    right = VOL_LEFT + len(months) * (VOL_W + VOL_GAP)
    for i, item in enumerate(legend):            # the key, right of the columns, one outlet a line
        item.update(x=right + 16, y=4 + i * 16)
    longest = max((len(item["label"]) for item in legend), default=0)
    return {"width": right + 40 + min(longest, 40) * 7, "height": max(VOL_H + VOL_AXIS, 8 + len(legend) * 16),
            "plot_h": VOL_H, "plot_right": right, "col_w": VOL_W, "top": top, "columns": cols, "legend": legend}
