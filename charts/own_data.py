"""Charts of a person's own spread table: heatmap, network and body-map arrows.

Ranks are drawn as an order (ordinal colours, a few line widths named 1st, 2nd, …); shares
and counts as frequencies (a continuous colour scale starting at zero, with the denominator
named). The two are never drawn with the same encoding.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from charts.body_map import LAND, START, with_heads
from charts.network import padded_domain, shared_xy
from charts.style import (
    FONT_SIZE,
    KIND_COLOURS,
    KIND_DOMAIN,
    KIND_SHAPES,
    TEXT_COLOUR,
    readable,
)
from charts.theme import LIGHT
from upload.resolve import RANK, SHARE, Measure, row_label, totals

YOUR_DATA = "Your data"


def wrapped(text: str, width: int = 95) -> list[str]:
    """A long subtitle as lines (Vega cuts a single long line short with "…")."""
    return textwrap.wrap(text, width)


def scale_top(measure: Measure, values: pd.Series) -> float:
    """The top of a frequency scale: 100% for shares, the largest count (at least 1) else."""
    return 1.0 if measure is SHARE else max(float(values.max()), 1.0)


def ordinal(rank: int) -> str:
    """``1`` -> ``1st``, ``2`` -> ``2nd``, ``11`` -> ``11th``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']
    """
    if 10 <= rank % 100 <= 20:
        return f"{rank}th"
    return f"{rank}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(rank % 10, 'th')}"


def cell_text(pairs: pd.DataFrame, measure: Measure) -> list[str]:
    """What each cell shows in words: ``1st``, ``35%`` or ``12``."""
    values = pairs[measure.column]
    if measure is RANK:
        return [ordinal(int(v)) for v in values]
    if measure is SHARE:
        return [f"{v:.0%}" for v in values]
    return [f"{int(v):,}" for v in values]


def heatmap_frame(pairs: pd.DataFrame, measure: Measure) -> pd.DataFrame:
    """The heatmap's rows: each pair with its row label (name and n) and its text."""
    per_cancer = totals(pairs)
    n = dict(zip(per_cancer["primary_key"], per_cancer["total"], strict=True))
    frame = pairs.copy()
    frame["row"] = [row_label(c, n.get(k, pd.NA)) for c, k in
                    zip(frame["cancer"], frame["primary_key"], strict=True)]
    frame["text"] = cell_text(frame, measure)
    frame["value"] = frame[measure.column].astype("float64")
    return frame


def site_order(pairs: pd.DataFrame) -> list[str]:
    """Sites by how many cancers reach them (most first), then by name."""
    reach = pairs.groupby("site_label")["cancer"].nunique()
    return sorted(reach.index, key=lambda s: (-reach[s], s))


def _colour(measure: Measure, frame: pd.DataFrame) -> alt.Color:
    """Ordinal blues for ranks (1 darkest); a zero-based continuous scale for frequencies."""
    legend = alt.Legend(orient="bottom", titleLimit=500)
    if measure is RANK:
        ranks = sorted(int(r) for r in frame["rank"].unique())
        return alt.Color("text:O", title=measure.title, sort=[ordinal(r) for r in ranks],
                         scale=alt.Scale(scheme=LIGHT.ramp, reverse=True), legend=legend)
    top = scale_top(measure, frame["value"])
    fmt = ".0%" if measure is SHARE else ",d"
    return alt.Color("value:Q", title=measure.title, scale=alt.Scale(
        scheme=LIGHT.ramp, domain=[0, top]), legend=alt.Legend(orient="bottom", format=fmt,
                                                               titleLimit=500, gradientLength=300))


def own_heatmap(pairs: pd.DataFrame, measure: Measure, name: str) -> alt.LayerChart:
    """Cancers (rows, with n) by sites (columns); colour and text give each pair's number."""
    frame = heatmap_frame(pairs, measure)
    rows = sorted(frame["row"].unique())
    base = alt.Chart(frame).encode(
        x=alt.X("site_label:N", sort=site_order(frame), title="Spreads to",
                axis=alt.Axis(orient="top", labelAngle=-40, labelOverlap=False)),
        y=alt.Y("row:N", sort=rows, title="Primary cancer", axis=alt.Axis(labelOverlap=False)),
        tooltip=[alt.Tooltip("cancer:N", title="Cancer"),
                 alt.Tooltip("site_label:N", title="Spreads to"),
                 alt.Tooltip("text:N", title=measure.title),
                 alt.Tooltip("names:N", title="As written in your file")])
    cells = base.mark_rect(stroke=LIGHT.page, strokeWidth=2).encode(color=_colour(measure, frame))
    # Strong cells (the first ranks, frequencies above half the scale) take the text colour
    # that reads on them: white on light's dark blues, near-black on dark's bright ones.
    dark = (alt.datum.rank <= 2 if measure is RANK
            else alt.datum.value > (0.5 if measure is SHARE else frame["value"].max() / 2))
    text = base.mark_text(fontSize=FONT_SIZE - 1).encode(
        text="text:N", color=alt.condition(dark, alt.value(LIGHT.on_strong_cell),
                                               alt.value(LIGHT.on_weak_cell)))
    chart = alt.layer(cells, text).properties(
        width=alt.Step(58), height=alt.Step(32),
        title=alt.Title(f"{YOUR_DATA}: where each cancer spreads", subtitle=wrapped(
            ("Darker = higher rank. " if measure is RANK else "Darker = larger number. ")
            + measure.explain)),
        description=f"Heatmap of your uploaded table ({name}): primary cancers against the "
                    f"sites they spread to; {measure.title.lower()} in each cell.")
    return readable(chart)


def _width(measure: Measure, frame: pd.DataFrame) -> alt.StrokeWidth:
    """Line width: one step per rank, named 1st, 2nd, … (never a scale of amounts); for
    frequencies, proportional to the number from zero."""
    if measure is RANK:
        ranks = sorted(int(r) for r in frame["rank"].unique())
        names = " : ".join(f"datum.value == {len(ranks) - i} ? '{ordinal(r)}'"
                           for i, r in enumerate(ranks)) + " : ''"
        return alt.StrokeWidth("step:Q", title=measure.title,
                               scale=alt.Scale(domain=[1, max(len(ranks), 2)], range=[1.2, 8]),
                               legend=alt.Legend(values=list(range(len(ranks), 0, -1)),
                                                 labelExpr=names, titleLimit=500))
    top = scale_top(measure, frame["value"])
    return alt.StrokeWidth("value:Q", title=measure.title,
                           scale=alt.Scale(domain=[0, top], range=[0.5, 9]),
                           legend=alt.Legend(format=".0%" if measure is SHARE else ",d",
                                             titleLimit=500))


def rank_steps(ranks: pd.Series) -> pd.Series:
    """Each rank's step for line widths: the best rank gets the most steps.

    >>> rank_steps(pd.Series([1, 2, 5, 2])).tolist()
    [3, 2, 1, 2]
    """
    order = sorted(int(r) for r in ranks.unique())
    return ranks.map({r: len(order) - i for i, r in enumerate(order)}).astype("int64")


def own_network(nodes: pd.DataFrame, edges: pd.DataFrame, measure: Measure) -> alt.LayerChart:
    """Cancers and sites as nodes, one line per pair (width = its number), labels beside.

    ``nodes``: node, kind, label, degree, x, y. ``edges``: edge_id, x, y (two rows per edge),
    cancer, site_label, text, value, and the measure's column.
    """
    enc = shared_xy(padded_domain(nodes["x"], 0.7), padded_domain(nodes["y"], 0.06))
    lines = alt.Chart(edges).mark_line(color=LIGHT.network_line, opacity=0.8).encode(
        **enc, detail="edge_id:N", strokeWidth=_width(measure, edges),
        tooltip=[alt.Tooltip("cancer:N", title="Cancer"),
                 alt.Tooltip("site_label:N", title="Spreads to"),
                 alt.Tooltip("text:N", title=measure.title)])
    points = alt.Chart(nodes).mark_point(filled=True, stroke=LIGHT.page, strokeWidth=1.5).encode(
        **enc,
        color=alt.Color("kind:N", title="Node", scale=alt.Scale(domain=KIND_DOMAIN,
                                                                 range=KIND_COLOURS)),
        shape=alt.Shape("kind:N", title="Node", scale=alt.Scale(domain=KIND_DOMAIN,
                                                                 range=KIND_SHAPES)),
        size=alt.Size("degree:Q", scale=alt.Scale(range=[120, 900]), legend=None),
        tooltip=[alt.Tooltip("label:N", title="Name"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("degree:Q", title="Links")])
    text = {"fontSize": FONT_SIZE - 1, "color": TEXT_COLOUR}
    left = alt.Chart(nodes).transform_filter(alt.datum.kind == "cancer").mark_text(
        align="right", dx=-14, **text).encode(**enc, text="label:N")
    right = alt.Chart(nodes).transform_filter(alt.datum.kind == "site").mark_text(
        align="left", dx=14, **text).encode(**enc, text="label:N")
    chart = alt.layer(lines, points, left, right).properties(
        width="container", height=max(360, 34 * int(nodes["kind"].value_counts().max())),
        title=alt.Title(f"{YOUR_DATA}: cancers and the sites they spread to", subtitle=wrapped(
            ("Thicker line = higher rank. " if measure is RANK else "Thicker line = larger "
             "number. ") + measure.explain)),
        description="Network of the primary cancers (orange circles) in your table linked to "
                    "the sites they spread to (blue squares); thicker line = "
                    f"{'higher rank' if measure is RANK else 'larger number'}.")
    return readable(chart.resolve_scale(color="independent", shape="independent"))


def own_arrows(pairs: pd.DataFrame, organ_of: dict[str, str],
               measure: Measure) -> tuple[pd.DataFrame, list[str]]:
    """Body-map arrows for the pairs whose cancer and site have a place on the figure, and
    the names of those that have none (shown in words instead, never dropped silently).

    ``organ_of`` maps a cancer id to the organ where it starts (``cancers.organ_site_id``).
    """
    start = pairs["primary_key"].map(organ_of).map(START)
    land = pairs["site_key"].map(LAND)
    placed = start.notna() & land.notna()
    frame = pairs[placed].copy()
    frame["x"], frame["y"] = [p[0] for p in start[placed]], [p[1] for p in start[placed]]
    frame["x2"], frame["y2"] = [p[0] for p in land[placed]], [p[1] for p in land[placed]]
    frame["site"] = frame["site_key"]
    frame["rank_label"] = cell_text(frame, measure)
    frame["evidence"] = "your data"
    value = frame[measure.column].astype("float64")
    if measure is RANK:
        frame["width"] = (8.0 - 2.0 * (value - 1)).clip(lower=1.2)
    else:
        frame["width"] = 1.2 + 7.0 * value / scale_top(measure, value)
    missing = sorted(set(pairs.loc[~placed, "names"]))
    return with_heads(frame).reset_index(drop=True), missing
