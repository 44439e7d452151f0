"""The spread heatmap (cancer x site) and the "which sites appear in the top three" bars."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.style import (
    MARKER_COLOUR,
    MARKER_DOMAIN,
    MARKER_LABELS,
    MARKER_NAMES,
    MARKER_SHAPES,
    rank_colour,
    readable,
)

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
                axis=alt.Axis(orient="top", labelAngle=-40, labelOverlap=False)),
        y=alt.Y("cancer:N", sort=cancer_order, title="Primary cancer",
                axis=alt.Axis(labelOverlap=False)),
        tooltip=HEATMAP_TOOLTIP,
    )
    chosen = alt.when(pick, empty=False)
    cells_layer = base.mark_rect().encode(
        color=rank_colour(orient="bottom"),
        stroke=chosen.then(alt.value("#d55e00")).otherwise(alt.value("#ffffff")),
        strokeWidth=chosen.then(alt.value(4)).otherwise(alt.value(2)),
    ).add_params(pick)
    markers = base.transform_filter(alt.datum.marker != "").mark_point(
        filled=True, size=150, color=MARKER_COLOUR, stroke="#1b1f24", strokeWidth=1,
    ).encode(shape=alt.Shape("marker:N", title="Named without a rank",
                             scale=alt.Scale(domain=MARKER_DOMAIN, range=MARKER_SHAPES),
                             legend=alt.Legend(orient="bottom", direction="vertical",
                                               labelExpr=MARKER_NAMES)))
    chart = alt.layer(cells_layer, markers).properties(
        width=alt.Step(46), height=alt.Step(30),
        title=alt.Title("Where each cancer spreads, by source",
                        subtitle="Dark blue = first in the NCI top three. A marker = a sentence "
                                 "names the pair. Blank = no source names it."),
        description="Heatmap of primary cancers against the sites they spread to. Colour is "
                    "the rank in the NCI table; markers show pairs named in sentences.",
    )
    return readable(chart.resolve_scale(color="independent", shape="independent"))


def top_sites_bars(counts: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how many cancers list each site in their NCI top three, split by rank."""
    chart = alt.Chart(counts).mark_bar(stroke="#ffffff", strokeWidth=1).encode(
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
                        subtitle="A count of entries in the NCI table, not of patients."),
        description="Bar chart counting, for each site, how many cancers list it first, "
                    "second or third in the NCI table.",
    )
    return readable(chart)
