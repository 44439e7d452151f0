"""The cancer-site network drawn with Altair: edges, nodes and labels on one set of axes.

Every layer uses the same x/y encodings (``axis=None`` everywhere): a selectable layered
chart whose layers differ in axis settings fails to draw in the browser.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from charts.style import (
    EVIDENCE_DASHES,
    EVIDENCE_DOMAIN,
    EVIDENCE_NAMES,
    FONT_SIZE,
    KIND_COLOURS,
    KIND_DOMAIN,
    KIND_SHAPES,
    TEXT_COLOUR,
    readable,
)
from charts.theme import LIGHT

NODE_SELECTION = "node"
RANK_WIDTH_NAMES = ("datum.value == 3 ? '1st' : datum.value == 2 ? '2nd' : "
                    "datum.value == 1 ? '3rd' : 'not ranked'")


def focus_set(nodes: pd.DataFrame, edges: pd.DataFrame, focus: str | None) -> set[str]:
    """The focused node and its neighbours (empty when nothing is focused)."""
    if not focus:
        return set()
    touching = edges[(edges["source"] == focus) | (edges["target"] == focus)]
    return {focus} | set(touching["source"]) | set(touching["target"])


def node_frame(measures: pd.DataFrame, positions: pd.DataFrame, lit: set[str],
               focus: str | None) -> pd.DataFrame:
    """Nodes with positions and a ``state``: focus, neighbour, other, or all (no focus)."""
    frame = measures.merge(positions, on="node", how="inner")
    frame["state"] = "all"
    if lit:
        frame["state"] = frame["node"].map(
            lambda n: "focus" if n == focus else "neighbour" if n in lit else "other")
    return frame


def edge_frame(edges: pd.DataFrame, positions: pd.DataFrame, focus: str | None) -> pd.DataFrame:
    """Edges as two rows each (one per end) with positions, for a line mark with ``detail``."""
    ends = []
    xy = positions.set_index("node")
    for end in ("source", "target"):
        part = edges.copy()
        part["end"] = end
        part["x"] = part[end].map(xy["x"])
        part["y"] = part[end].map(xy["y"])
        ends.append(part)
    frame = pd.concat(ends, ignore_index=True)
    frame["lit"] = ((frame["source"] == focus) | (frame["target"] == focus)) if focus else True
    return frame


def network_edges(edge_table: pd.DataFrame) -> pd.DataFrame:
    """The edge list with node ids (``source`` = cancer node, ``target`` = site node)."""
    out = edge_table.copy()
    out["source"] = "cancer:" + out["primary"]
    out["target"] = "site:" + out["site"]
    out["edge_id"] = out["source"] + "--" + out["target"]
    out["rank_shown"] = out["best_rank"].astype("string").fillna("not ranked")
    return out


def shared_xy(domain_x: list[float], domain_y: list[float], x_padding: int | None = None) -> dict:
    """The one x/y encoding every layer shares; ``x_padding`` keeps that many pixels free
    beside the outermost nodes (for their labels)."""
    x_scale = alt.Scale(domain=domain_x, nice=False, padding=alt.Undefined if x_padding is None
                        else x_padding)
    return {"x": alt.X("x:Q", axis=None, scale=x_scale),
            "y": alt.Y("y:Q", axis=None, scale=alt.Scale(domain=domain_y, nice=False))}


def padded_domain(values: pd.Series, share: float) -> list[float]:
    """A domain around ``values`` with ``share`` of its span added on each side for labels."""
    low, high = float(values.min()), float(values.max())
    pad = max(high - low, 1.0) * share
    return [low - pad, high + pad]


LABEL_ROOM, LABEL_ROOM_NARROW = 200, 105  # px beside the outermost nodes for their labels
NARROW_LABEL_CHARACTERS = 13  # a phone's column holds about this many per label line


def label_lines(label: str, narrow: bool) -> list[str]:
    """A node's name as the lines it is drawn in: one line, or short lines on a phone.

    >>> label_lines("Peritoneum (belly lining)", narrow=True)
    ['Peritoneum', '(belly', 'lining)']
    >>> label_lines("Peritoneum (belly lining)", narrow=False)
    ['Peritoneum (belly lining)']
    """
    return textwrap.wrap(label, NARROW_LABEL_CHARACTERS) if narrow else [label]


def _legend(narrow: bool, **options) -> alt.Legend:
    """A legend under the chart (side by side on a wide screen, stacked on a phone)."""
    return alt.Legend(orient="bottom", direction="vertical" if narrow else "horizontal",
                      titleLimit=320, **options)


def network_chart(nodes: pd.DataFrame, edges: pd.DataFrame, focused: bool,
                  narrow: bool = False) -> alt.LayerChart:
    """Edges (width = NCI rank, dash = kind of evidence), nodes (cancer or site), labels.

    Click a node to select it (selection parameter ``node`` over the ``node`` field). The
    legends sit under the picture; on a ``narrow`` (phone) screen the labels are smaller and
    broken into short lines, and more room is left beside the two columns for them.
    """
    nodes = nodes.assign(lines=[label_lines(name, narrow) for name in nodes["label"]])
    # Room for the labels in pixels, whatever the chart's width (a share of it would be too
    # little on a tablet and too much on a projector).
    enc = shared_xy(padded_domain(nodes["x"], 0.0), padded_domain(nodes["y"], 0.06),
                    LABEL_ROOM_NARROW if narrow else LABEL_ROOM)
    font = FONT_SIZE - 1  # 13 px: the least a page draws, on a phone too
    dim = 0.12 if focused else 0.75
    pick = alt.selection_point(name=NODE_SELECTION, fields=["node"], on="click")
    lines = alt.Chart(edges).mark_line(color=LIGHT.network_line).encode(
        **enc, detail="edge_id:N",
        strokeWidth=alt.StrokeWidth("rank_points:Q", title="NCI rank (thicker = higher)",
                                    scale=alt.Scale(domain=[0, 3], range=[1.2, 7]),
                                    legend=_legend(narrow, values=[3, 2, 1, 0],
                                                   labelExpr=RANK_WIDTH_NAMES)),
        strokeDash=alt.StrokeDash("evidence:N", title="Strongest evidence",
                                  scale=alt.Scale(domain=EVIDENCE_DOMAIN, range=EVIDENCE_DASHES),
                                  legend=_legend(narrow, labelExpr=EVIDENCE_NAMES,
                                                 symbolSize=400,
                                                 # four long names: two a row fit 540 px
                                                 **({} if narrow else {"columns": 2}))),
        opacity=alt.condition(alt.datum.lit, alt.value(0.95), alt.value(dim)),
        tooltip=[alt.Tooltip("primary_label:N", title="Cancer"),
                 alt.Tooltip("site_label:N", title="Spreads to"),
                 alt.Tooltip("rank_shown:N", title="NCI rank"),
                 alt.Tooltip("n_quotes:Q", title="Quotes")])
    points = alt.Chart(nodes).mark_point(filled=True, stroke=LIGHT.page, strokeWidth=1.5).encode(
        **enc,
        color=alt.Color("kind:N", title="Node", scale=alt.Scale(domain=KIND_DOMAIN,
                                                                 range=KIND_COLOURS),
                        legend=_legend(narrow)),
        shape=alt.Shape("kind:N", title="Node", scale=alt.Scale(domain=KIND_DOMAIN,
                                                                 range=KIND_SHAPES),
                        legend=_legend(narrow)),
        size=alt.Size("degree:Q", title="Links", scale=alt.Scale(range=[120, 900]), legend=None),
        opacity=alt.condition(alt.datum.state == "other", alt.value(0.25), alt.value(1)),
        tooltip=[alt.Tooltip("label:N", title="Name"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("degree:Q", title="Links")],
    ).add_params(pick)
    text = alt.Chart(nodes).mark_text(fontSize=font, color=TEXT_COLOUR).encode(
        **enc, text="lines:N",
        opacity=alt.condition(alt.datum.state == "other", alt.value(0.3), alt.value(1)))
    # Labels point away from the middle, so none lies across the picture (in two columns:
    # cancers' to the left, sites' to the right).
    middle = (float(nodes["x"].min()) + float(nodes["x"].max())) / 2
    labels_left = text.transform_filter(alt.datum.x < middle).mark_text(
        align="right", dx=-14, fontSize=font, color=TEXT_COLOUR)
    labels_right = text.transform_filter(alt.datum.x >= middle).mark_text(
        align="left", dx=14, fontSize=font, color=TEXT_COLOUR)
    chart = alt.layer(lines, points, labels_left, labels_right).properties(
        width="container", height=760 if narrow else 640,
        # On a phone the stacked legends are added below the picture ("fit-x"), not squeezed
        # into its height, so the two columns keep room for two-line labels.
        autosize=alt.AutoSizeParams(type="fit-x" if narrow else "fit", contains="padding"),
        title=alt.Title("Cancers and the sites they spread to",
                        subtitle=(["Thicker line = higher in the NCI top three.",
                                   "Dashed = named only in a sentence.", "Tap a node."]
                                  if narrow else
                                  "Thicker line = higher in the NCI top three. Dashed = named "
                                  "only in a sentence. Click a node to light up its links.")),
        description="Network of primary cancers (orange circles) linked to the sites they "
                    "spread to (blue squares).")
    return readable(chart.resolve_scale(color="independent", shape="independent"))
