"""The spread heatmap (cancer x site) and the "which sites appear in the top three" bars."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.style import (
    FONT_SIZE,
    MARKER_COLOUR,
    MARKER_DOMAIN,
    MARKER_LABELS,
    MARKER_NAMES,
    MARKER_SHAPES,
    RANK_DOMAIN,
    TEXT_COLOUR,
    rank_colour,
    readable,
)
from charts.theme import LIGHT, RANK_KEY

CELL_SELECTION = "cell"
HEATMAP_TOOLTIP = [
    alt.Tooltip("cancer:N", title="Cancer"), alt.Tooltip("site_label:N", title="Spreads to"),
    alt.Tooltip("rank_label:N", title="NCI rank"), alt.Tooltip("evidence:N", title="Evidence"),
    alt.Tooltip("sources:N", title="Sources"), alt.Tooltip("n_quotes:Q", title="Quotes"),
]


def heatmap_frame(cells: pd.DataFrame) -> pd.DataFrame:
    """The columns the heatmap draws: unranked cells get the rank label ``Not ranked``."""
    frame = cells[["primary", "site", "cancer", "site_label", "rank_label", "marker",
                   "evidence", "sources", "n_quotes"]].copy()
    frame["rank_label"] = frame["rank_label"].replace("", "Not ranked")
    frame["marker_label"] = frame["marker"].map(MARKER_LABELS).fillna("")
    # What a screen reader says for a cell (Vega's default lists every field by its name).
    frame["aria"] = (frame["cancer"] + " → " + frame["site_label"] + ": NCI rank "
                     + frame["rank_label"].str.lower() + "; " + frame["evidence"] + "; "
                     + frame["sources"])
    return frame


def spread_heatmap(cells: pd.DataFrame, cancer_order: list[str],
                   site_order: list[str]) -> alt.LayerChart:
    """Cancers (rows) by sites (columns): colour is the NCI rank; a marker shows a sentence.

    Click a cell to select it (selection parameter ``cell`` over ``primary`` and ``site``).
    Both layers share one set of encodings, so their axes match (a selectable layered chart
    with different axis settings per layer fails to draw in the browser).
    """
    frame = heatmap_frame(cells)
    pick = alt.selection_point(name=CELL_SELECTION, fields=["primary", "site"], on="click")
    base = alt.Chart(frame).encode(
        x=alt.X("site_label:N", sort=site_order, title="Spreads to",
                axis=alt.Axis(orient="top", labelAngle=-50, labelOverlap=False)),  # 50°: the
                # slanted names of 25 px columns (a 1024 px screen) stay a line apart
        y=alt.Y("cancer:N", sort=cancer_order, title="Primary cancer",
                axis=alt.Axis(labelOverlap=False)),
        tooltip=HEATMAP_TOOLTIP,
    )
    chosen = alt.when(pick, empty=False)
    cells_layer = base.mark_rect().encode(
        color=rank_colour(orient="bottom"), description="aria:N",
        stroke=chosen.then(alt.value(LIGHT.chosen)).otherwise(alt.value(LIGHT.page)),
        strokeWidth=chosen.then(alt.value(4)).otherwise(alt.value(2)),
    ).add_params(pick)
    markers = base.transform_filter(alt.datum.marker != "").mark_point(
        filled=True, size=150, color=MARKER_COLOUR, stroke=LIGHT.marker_outline, strokeWidth=1,
    ).encode(shape=alt.Shape("marker:N", title="Named without a rank",
                             scale=alt.Scale(domain=MARKER_DOMAIN, range=MARKER_SHAPES),
                             legend=alt.Legend(orient="bottom", direction="vertical",
                                               labelExpr=MARKER_NAMES)))
    chart = alt.layer(cells_layer, markers).properties(
        width=alt.Step(46), height=alt.Step(30),
        title=alt.Title("Where each cancer spreads, by source",
                        subtitle=[RANK_KEY["light"], "A marker = a sentence names the pair. "
                                                     "Blank = no source names it."]),
        description="Heatmap of primary cancers against the sites they spread to. Colour is "
                    "the rank in the NCI table; markers show pairs named in sentences.",
    )
    return readable(chart.resolve_scale(color="independent", shape="independent"))


def top_sites_bars(counts: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how many cancers list each site in their NCI top three, split by rank."""
    chart = alt.Chart(counts).mark_bar(stroke=LIGHT.page, strokeWidth=1).encode(
        y=alt.Y("site_label:N", sort="-x", title=None),
        x=alt.X("sum(n_cancers):Q", title="Number of cancers that list the site in their top "
                "three", axis=alt.Axis(tickMinStep=1, format="d")),
        color=rank_colour(unranked=False),
        order=alt.Order("rank:O", sort="ascending"),
        tooltip=[alt.Tooltip("site_label:N", title="Site"),
                 alt.Tooltip("rank_label:N", title="Rank"),
                 alt.Tooltip("n_cancers:Q", title="Cancers"),
                 alt.Tooltip("cancers:N", title="Which")],
    ).properties(
        width="container", height=alt.Step(34),
        title=alt.Title("Which sites appear most in the cancers' top three",
                        subtitle="A count of entries in the NCI table, not of patients; "
                                 "the table leaves out lymph nodes."),
        description="Bar chart counting, for each site, how many cancers list it first, "
                    "second or third in the NCI table.",
    )
    return readable(chart)


def _row_words(rank_label: str, marker_label: str) -> list[str]:
    """What a strip's row rests on, as short lines (the sources are in its tooltip).

    >>> _row_words("1st (most common)", "Stated in a sentence")
    ['1st in the NCI table', 'and stated in a sentence']
    >>> _row_words("Not ranked", "Used as an example")
    ['Used as an example']
    """
    if rank_label == "Not ranked":
        return [marker_label]
    ranked = rank_label.replace(" (most common)", "") + " in the NCI table"
    return [ranked, f"and {marker_label.lower()}"] if marker_label else [ranked]


def strip_frame(cells: pd.DataFrame, rows: str = "site_label") -> pd.DataFrame:
    """Cells as rows for :func:`pair_strip` (one per ``rows`` label): 1st-ranked first, and
    two lines of words saying what each row rests on."""
    frame = heatmap_frame(cells)
    frame["says"] = [_row_words(rank, marker) for rank, marker in
                     zip(frame["rank_label"], frame["marker_label"], strict=True)]
    frame["order"] = frame["rank_label"].map(
        {label: place for place, label in enumerate(RANK_DOMAIN)}).fillna(len(RANK_DOMAIN))
    frame = frame.sort_values(["order", rows]).reset_index(drop=True)
    return frame.assign(x0=0.0, x1=1.0, mid=0.5, tx=1.25)


def pair_strip(cells: pd.DataFrame, rows: str, title: str, subject: str) -> alt.LayerChart:
    """One row of the heatmap turned on its side: a row per ``rows`` label (``site_label``
    for one cancer, ``cancer`` for one site), 1st-ranked first, each with the rank's colour,
    the marker for a sentence, and in words what the row rests on. ``subject`` completes the
    accessible description ("where Lung cancer spreads").

    Tap a row to select it (the same ``cell`` selection over ``primary`` and ``site`` as the
    full heatmap, so a page reads both alike).
    """
    frame = strip_frame(cells, rows)
    pick = alt.selection_point(name=CELL_SELECTION, fields=["primary", "site"], on="click")
    x = alt.X("x0:Q", axis=None, scale=alt.Scale(domain=[0, 8], nice=False))
    y = alt.Y(f"{rows}:N", sort=list(frame[rows]), title=None,
              axis=alt.Axis(labelLimit=150, labelFontSize=FONT_SIZE))
    chosen = alt.when(pick, empty=False)
    cells_layer = alt.Chart(frame).mark_rect(cornerRadius=3).encode(
        x=x, x2="x1:Q", y=y, color=rank_colour(legend=False), description="aria:N",
        stroke=chosen.then(alt.value(LIGHT.chosen)).otherwise(alt.value(LIGHT.page)),
        strokeWidth=chosen.then(alt.value(4)).otherwise(alt.value(2)),
        tooltip=HEATMAP_TOOLTIP).add_params(pick)
    markers = alt.Chart(frame).transform_filter(alt.datum.marker != "").mark_point(
        filled=True, size=110, color=MARKER_COLOUR, stroke=LIGHT.marker_outline, strokeWidth=1
    ).encode(
        x=alt.X("mid:Q", axis=None, scale=alt.Scale(domain=[0, 8], nice=False)), y=y,
        shape=alt.Shape("marker:N", scale=alt.Scale(domain=MARKER_DOMAIN, range=MARKER_SHAPES),
                        legend=None))
    words = alt.Chart(frame).mark_text(align="left", fontSize=FONT_SIZE - 1,
                                       color=TEXT_COLOUR, lineHeight=16).encode(
        x=alt.X("tx:Q", axis=None, scale=alt.Scale(domain=[0, 8], nice=False)), y=y,
        text="says:N")
    chart = alt.layer(cells_layer, markers, words).properties(
        width="container", height=alt.Step(44),
        title=alt.Title(title, subtitle=[RANK_KEY["light"],
                                          "A marker = a sentence names it. Tap a row."]),
        description=f"{subject}: each row with its rank in the NCI table (an order, not a "
                    "percentage) and the kind of evidence, 1st-ranked first.")
    return readable(chart.resolve_scale(color="independent", shape="independent"))


def mark_pair(spec: dict, row: dict) -> dict:
    """The heatmap ``spec`` with one more layer outlining the cell of ``row`` (a pair chosen
    by a link, which a chart's own click selection cannot be told). The new layer repeats
    the cells layer's encodings, so the axes stay shared."""
    first = spec["layer"][0]
    outline = {"data": {"values": [row]},
               "mark": {"type": "rect", "fill": None, "stroke": LIGHT.chosen, "strokeWidth": 4},
               "encoding": {channel: first["encoding"][channel] for channel in ("x", "x2", "y")
                            if channel in first["encoding"]}}
    return {**spec, "layer": [*spec["layer"], outline]}
