"""Geometry for the web app's own charts (the report's bar and column charts are reused as they are).

- ``value_chart``: each claim's value (or range) by date, one row of colour per
  source, as numbers the template turns into SVG; every mark links to its evidence.
- ``heat_levels``: a 0-5 shade per cell for dense outlet x month or outlet x
  technique tables (CSS classes, since the CSP allows no inline styles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

W, H, LEFT, BOTTOM, TOP, RIGHT = 720, 260, 64, 40, 12, 16
N_COLOURS = 8


@dataclass
class Mark:
    x: float
    y1: float
    y2: float
    colour: int
    href: str
    label: str
    dispute: bool


@dataclass
class ValueChart:
    width: int = W
    height: int = H
    marks: list[Mark] = field(default_factory=list)
    yticks: list[tuple[float, str]] = field(default_factory=list)
    xticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[int, str]] = field(default_factory=list)
    log: bool = False


def _day(s: str) -> int | None:
    parts = (s + "-01-01").split("-")[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
    except (ValueError, IndexError):
        return None


def _fmt(v: float) -> str:
    if v >= 1e6:
        return f"{v / 1e6:.3g}M"
    if v >= 1e3:
        return f"{v / 1e3:.3g}k"
    return f"{v:.3g}"


def value_chart(points: list[dict]) -> ValueChart | None:
    """Values over time; a log scale when they span more than two orders of magnitude."""
    pts = [(p, _day(p["date"])) for p in points]
    pts = [(p, d) for p, d in pts if d is not None and p["lo"] is not None]
    if not pts:
        return None
    days = [d for _, d in pts]
    vals = [v for p, _ in pts for v in (p["lo"], p["hi"])]
    d0, d1 = min(days), max(days)
    lo, hi = min(vals), max(vals)
    log = lo > 0 and hi / lo > 100
    f = (lambda v: math.log10(v)) if log else (lambda v: v)
    y0, y1 = (f(lo), f(hi)) if log else (0.0, hi)
    if y1 == y0:
        y1 = y0 + 1
    sx = lambda d: LEFT + (W - LEFT - RIGHT) * ((d - d0) / (d1 - d0) if d1 > d0 else 0.5)
    sy = lambda v: TOP + (H - TOP - BOTTOM) * (1 - (f(v) - y0) / (y1 - y0))
    sources = list(dict.fromkeys(p["source"] for p, _ in pts))
    colour = {s: i % N_COLOURS for i, s in enumerate(sources)}
    chart = ValueChart(log=log, legend=[(colour[s], s) for s in sources[:N_COLOURS * 2]])
    for p, d in pts:
        chart.marks.append(Mark(round(sx(d), 1), round(sy(p["hi"]), 1), round(sy(p["lo"]), 1), colour[p["source"]],
                                f"/documents/{p['doc_id']}?at={p['start']}-{p['end']}#evidence",
                                f"{p['source']} · {p['date']} · {p['text']}", p["role"] == "dispute"))
    for i in range(5):
        v = y0 + (y1 - y0) * i / 4
        real = 10 ** v if log else v
        chart.yticks.append((round(sy(real), 1), _fmt(real)))
    for i in range(5 if d1 > d0 else 1):
        d = d0 + (d1 - d0) * i // 4
        chart.xticks.append((round(sx(d), 1), date.fromordinal(d).isoformat()))
    return chart


def heat_levels(values: dict, top: float | None = None) -> dict:
    """Map each value to a shade 0-5 relative to the largest (0 only for zero)."""
    top = top if top is not None else max((v for v in values.values() if v), default=0)
    return {k: (0 if not v or not top else max(1, min(5, math.ceil(5 * v / top)))) for k, v in values.items()}
