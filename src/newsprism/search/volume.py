"""A story's volume over time by outlet (the story page's and the report's chart)."""

from __future__ import annotations

import sqlite3

from ..store.stories import scope


def story_volume(conn: sqlite3.Connection, name: str | None, top: int = 8) -> dict:
    """{"documents", "months": [...], "series": {outlet: [n per month]}}: first copies only, the
    ``top`` outlets with most documents, the rest summed as "other outlets"."""
    where, params = scope(conn, name, "id")
    rows = conn.execute(f"SELECT coalesce(outlet, '(unknown)'), coalesce(substr(published, 1, 7), 'undated'),"
                        f" count(*) FROM documents WHERE {where} AND duplicate_of IS NULL GROUP BY 1, 2",
                        params).fetchall()
    by_outlet: dict[str, int] = {}
    for o, _, n in rows:
        by_outlet[o] = by_outlet.get(o, 0) + n
    keep = sorted(by_outlet, key=lambda o: (-by_outlet[o], o))[:top]
    months = sorted({m for _, m, _ in rows}, key=lambda m: (m == "undated", m))
    idx = {m: i for i, m in enumerate(months)}
    series: dict[str, list[int]] = {o: [0] * len(months) for o in keep}
    for o, m, n in rows:
        key = o if o in series else "other outlets"
        series.setdefault(key, [0] * len(months))[idx[m]] += n
    return {"documents": sum(by_outlet.values()), "months": months, "series": series}


# Okabe-Ito colours (distinguishable with colour blindness), then greys for the rest
PALETTE = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000", "#999999"]
CHART_H, COL_W, GAP, LEFT, AXIS = 160, 22, 6, 36, 54


def volume_chart(vol: dict) -> dict | None:
    """Stacked columns (one per month, one segment per outlet) as plain geometry for a template's SVG."""
    months, series = vol["months"], vol["series"]
    if not months:
        return None
    totals = [sum(s[i] for s in series.values()) for i in range(len(months))]
    top = max(totals) or 1
    legend = [{"label": o, "colour": PALETTE[min(i, len(PALETTE) - 1)]} for i, o in enumerate(series)]
    cols = []
    for i, m in enumerate(months):
        y, segs = float(CHART_H), []
        for k, (o, counts) in enumerate(series.items()):
            n = counts[i]
            if n:
                h = CHART_H * n / top
                y -= h
                segs.append({"outlet": o, "n": n, "y": round(y, 1), "h": round(max(h, 1.0), 1),
                             "colour": legend[k]["colour"]})
        cols.append({"month": m, "total": totals[i], "x": LEFT + i * (COL_W + GAP), "segments": segs})
    return {"width": LEFT + len(months) * (COL_W + GAP) + 10, "height": CHART_H + AXIS, "plot_h": CHART_H,
            "col_w": COL_W, "top": top, "columns": cols, "legend": legend}
