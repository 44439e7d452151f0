"""The quoted five-year survival rates, on a 0-100% axis of their own."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.style import FONT_SIZE, KIND_COLOURS, TEXT_COLOUR, readable


def survival_bars(view: pd.DataFrame) -> alt.LayerChart:
    """One bar per quoted rate, labelled with its value; the axis always runs 0 to 100%."""
    base = alt.Chart(view).encode(
        y=alt.Y("group:N", title=None, sort=None),
        x=alt.X("value_pct:Q", title="Still alive five years after diagnosis (%)",
                scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=list(range(0, 101, 10)))),
        tooltip=[alt.Tooltip("group:N", title="Who"),
                 alt.Tooltip("value_pct:Q", title="Five-year survival (%)"),
                 alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("reviewed:N", title="Source reviewed"),
                 alt.Tooltip("quote:N", title="Quote")],
    )
    bars = base.mark_bar(color=KIND_COLOURS[1], height=34)
    values = base.transform_calculate(
        shown=alt.expr.format(alt.datum.value_pct, ".0f") + "%").mark_text(
        align="left", dx=6, fontSize=FONT_SIZE + 2, fontWeight="bold", color=TEXT_COLOUR,
    ).encode(text="shown:N")
    chart = alt.layer(bars, values).properties(
        width="container", height=alt.Step(54),
        title=alt.Title("Five-year survival after cancer has spread, as quoted",
                        subtitle="Only the rates the sources quote, with no years or country "
                                 "given. Estimates for groups, not predictions for a person."),
        description="Bar chart of the five-year survival rates the Cleveland Clinic quotes for "
                    "metastatic lung cancer and for metastatic breast cancer in women and men.",
    )
    return readable(chart)
