"""The live class's two charts: the spread of answers the projector shows (counts of
students, never ranks), and the body figure a phone taps to answer where a cancer spreads."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.body_map import LAND, X_DOMAIN, silhouette
from charts.style import FONT_SIZE, TEXT_COLOUR, readable
from charts.theme import LIGHT

TAP = "tap"  # the body figure's selection: the tapped site's label
PROJECTOR_FONT = 24  # px: the answers' names read from the back of a classroom


def tally_chart(tally: pd.DataFrame, title: str, revealed: bool = False) -> alt.Chart:
    """Bars of how many students chose each option (``option``, ``count``, ``right``), in
    the options' order; after the reveal the right option's bar is marked apart.

    The axis counts students (whole numbers from 0): an answer's bar is never a rank.
    """
    rows = tally.assign(shown=[("Right answer" if right and revealed else "Chosen")
                               for right in tally["right"]])
    height = 56 * len(rows)
    bars = alt.Chart(rows).mark_bar(cornerRadiusEnd=4).encode(
        y=alt.Y("option:N", sort=list(rows["option"]), title=None,
                axis=alt.Axis(labelFontSize=PROJECTOR_FONT, labelLimit=520)),
        x=alt.X("count:Q", title="Students who chose it",
                axis=alt.Axis(tickMinStep=1, format="d", labelFontSize=FONT_SIZE + 4,
                              titleFontSize=FONT_SIZE + 4),
                scale=alt.Scale(domainMin=0, nice=True)),
        color=alt.Color("shown:N", title=None, legend=alt.Legend(orient="bottom")
                        if revealed else None,
                        scale=alt.Scale(domain=["Chosen", "Right answer"],
                                        range=[LIGHT.site, LIGHT.chosen])),
        tooltip=[alt.Tooltip("option:N", title="Answer"),
                 alt.Tooltip("count:Q", title="Students")])
    labels = alt.Chart(rows).mark_text(align="left", dx=8, fontSize=PROJECTOR_FONT,
                                       fontWeight="bold", color=TEXT_COLOUR).encode(
        y=alt.Y("option:N", sort=list(rows["option"])), x="count:Q", text="count:Q")
    chart = alt.layer(bars, labels).properties(
        width="container", height=height, title=title,
        description=f"{title}: how many students chose each answer (counts of students).")
    # "fit-x": as wide as its column, labels included; the bars keep their height and the
    # title, axis and legend are added above and below them.
    return readable(chart.properties(autosize=alt.AutoSizeParams(type="fit-x",
                                                                 contains="padding")))


def tap_body(options: dict[str, str]) -> alt.LayerChart:
    """A body figure with one big dot per option (``label -> site id``, each in
    :data:`charts.body_map.LAND`), named beside it; tapping a dot selects its ``label``."""
    spots = pd.DataFrame([{"label": label, "x": LAND[site][0], "y": LAND[site][1]}
                          for label, site in options.items()])
    x, y, head, body = silhouette(x_low=X_DOMAIN[0] + 58, head_size=2600)  # names at right
    pick = alt.selection_point(name=TAP, fields=["label"], on="click")
    dots = alt.Chart(spots).mark_point(filled=True, size=900, stroke=LIGHT.page,
                                       strokeWidth=2, cursor="pointer").encode(
        x=x, y=y, color=alt.value(LIGHT.site),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
        tooltip=[alt.Tooltip("label:N", title="Site")]).add_params(pick)
    text = {"fontSize": FONT_SIZE + 2, "fontWeight": "bold", "color": TEXT_COLOUR,
            "baseline": "middle"}
    names = alt.Chart(spots).mark_text(align="left", dx=18, **text).encode(
        x=x, y=y, text="label:N")
    chart = alt.layer(head, body, dots, names).properties(
        width="container", height=460,
        description="A simplified body figure with one dot per answer: tap the place you "
                    "think is right. The same answers are listed as buttons below it.")
    return readable(chart)


def tap_row(options: tuple[str, ...], site: str) -> alt.LayerChart:
    """The cancers of a prompt as one row of the heatmap, turned on its side to fit a phone:
    a cell per cancer (no rank colour: the rank is the question); tapping one outlines it and
    selects its ``label``."""
    cells = pd.DataFrame({"label": list(options), "column": site})
    pick = alt.selection_point(name=TAP, fields=["label"], on="click")
    y = alt.Y("label:N", sort=list(options), title=None, axis=None)
    x = alt.X("column:N", title=None, axis=alt.Axis(orient="top", labelAngle=0))
    boxes = alt.Chart(cells).mark_rect(fill=LIGHT.body_fill, cornerRadius=4,
                                       cursor="pointer").encode(
        x=x, y=y,
        stroke=alt.condition(pick, alt.value(LIGHT.chosen), alt.value(LIGHT.body_outline),
                             empty=False),
        strokeWidth=alt.condition(pick, alt.value(5), alt.value(1.5), empty=False),
        tooltip=[alt.Tooltip("label:N", title="Cancer")]).add_params(pick)
    names = alt.Chart(cells).mark_text(fontSize=FONT_SIZE + 2, fontWeight="bold",
                                       color=TEXT_COLOUR).encode(x=x, y=y, text="label:N")
    chart = alt.layer(boxes, names).properties(
        width="container", height={"step": 52},
        description=f"One row of the heatmap: a cell per cancer, for the {site.lower()}. Tap "
                    "the cancer you think is right. The same cancers are buttons below it.")
    return readable(chart)
