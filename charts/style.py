"""Colours, scales and legends shared by every chart.

The palettes are colour-blind safe (ColorBrewer Blues for the ordinal ranks; Okabe-Ito
orange, blue and vermillion for categories) and keep enough contrast on light and dark themes.
"""

from __future__ import annotations

import altair as alt

from charts.theme import LIGHT
from data.vocabulary import EVIDENCE_LABELS, EVIDENCE_ORDER, SENTENCE_EVIDENCE, label_expression

RANK_DOMAIN = ["1st (most common)", "2nd", "3rd", "Not ranked"]
RANK_RANGE = [LIGHT.rank_1st, LIGHT.rank_2nd, LIGHT.rank_3rd, LIGHT.unranked]
RANK_LEGEND_TITLE = "Rank in the NCI table (an order, not a percentage)"

MARKER_DOMAIN = list(SENTENCE_EVIDENCE)
MARKER_LABELS = {kind: EVIDENCE_LABELS[kind] for kind in MARKER_DOMAIN}
MARKER_NAMES = label_expression(MARKER_LABELS)
MARKER_SHAPES = ["circle", "triangle-up", "diamond"]
MARKER_COLOUR = LIGHT.marker

KIND_DOMAIN = ["cancer", "site"]
KIND_COLOURS = [LIGHT.chosen, LIGHT.site]
KIND_SHAPES = ["circle", "square"]

EVIDENCE_DOMAIN = list(EVIDENCE_ORDER)
EVIDENCE_NAMES = label_expression(EVIDENCE_LABELS)
EVIDENCE_DASHES = [[1, 0], [6, 3], [2, 3], [1, 6]]

FONT_SIZE = 14
TEXT_COLOUR = LIGHT.text  # text the charts draw on the page (DARK.text in dark)


def rank_colour(field: str = "rank_label", legend: bool = True, unranked: bool = True,
                orient: str = "bottom") -> alt.Color:
    """Ordinal rank colour: rank 1 darkest; the legend says it is an order, not a frequency.

    ``unranked`` adds the grey "Not ranked" entry for pairs named only in sentences.
    """
    keep = len(RANK_DOMAIN) if unranked else len(RANK_DOMAIN) - 1
    return alt.Color(f"{field}:O", title=RANK_LEGEND_TITLE,
                     scale=alt.Scale(domain=RANK_DOMAIN[:keep], range=RANK_RANGE[:keep]),
                     legend=alt.Legend(orient=orient, titleLimit=400,
                                       # under a chart, two a row: beside a grid's names,
                                       # four in one row run past a tablet's column
                                       **({"direction": "horizontal", "columns": 2}
                                          if orient == "bottom" else {"direction": "vertical"}))
                     if legend else None)


# Legends under a chart stack one above another, at its left: side by side they run off a
# tablet's or a phone's edge (Vega's legend layout, set through an expression).
LEGENDS_STACKED = {"expr": "{bottom: {anchor: 'start', direction: 'vertical', margin: 10}}"}


def readable(chart: alt.Chart) -> alt.Chart:
    """Large, projector-friendly text on every chart, in full-contrast colours (Streamlit's
    own axis and legend grey is under 4.5:1 on white; in dark, charts/theme.py draws the
    dark palette's text colour)."""
    text = {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR}
    return (chart.configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE,
                                 labelLimit=320, **text)
            .configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE,
                              labelLimit=320, symbolSize=180, layout=LEGENDS_STACKED, **text)
            .configure_title(fontSize=FONT_SIZE + 4, anchor="start", subtitleFontSize=FONT_SIZE,
                             subtitleColor=TEXT_COLOUR)
            .configure_view(stroke=None)
            # Room above the title: a browser's box for a line of text starts a fifth of an
            # em above the line itself, which no padding would put outside the picture.
            .properties(padding={"top": 8, "left": 5, "right": 5, "bottom": 5}))


def plain_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec with each layer's data inline as ``values``.

    Altair puts data in top-level named ``datasets``; Streamlit converts every named dataset,
    and top-level ``data.values``, to Arrow on each run (about 5 ms a chart). Values inside
    layers travel as plain JSON instead, so a cached layered spec costs little to draw again.
    """
    spec = chart.to_dict()
    datasets = spec.pop("datasets", {})

    def inline(node: dict) -> None:
        data = node.get("data")
        if isinstance(data, dict) and data.get("name") in datasets:
            node["data"] = {"values": datasets[data["name"]]}
        for layer in node.get("layer", []):
            inline(layer)

    inline(spec)
    if "layer" in spec and "data" in spec:  # top-level values would be converted too
        shared = spec.pop("data")
        for layer in spec["layer"]:
            layer.setdefault("data", shared)
    return spec
