"""A simple body figure, drawn offline from Altair marks, with arrows of spread on it.

Coordinates are a 100 x 200 drawing space (y grows downwards). Positions are approximate and
only for orientation; where a cancer starts and where it spreads can be the same organ (lung
to the other lung, bone to the spine), so start and landing spots are kept apart.

Names sit in the margins beside the figure, joined to their spot by a thin line, never over
the body where the arrows run: cancers that start in one organ share one label (a line
each), and labels on each side are kept a line apart (:func:`label_spots`).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from charts.style import (
    EVIDENCE_DASHES,
    EVIDENCE_DOMAIN,
    FONT_SIZE,
    KIND_COLOURS,
    TEXT_COLOUR,
    readable,
)
from charts.theme import LIGHT
from data.vocabulary import EVIDENCE_LABELS, ORDINALS, label_expression

ARROW_NAMES = label_expression({**EVIDENCE_LABELS,
                                "ranked_table": "NCI ranked table (thicker = higher rank)"})

# Where each primary cancer's organ sits (the start of an arrow).
START = {
    "breast": (30, 55), "lung": (42, 64), "colon": (36, 95), "rectum": (46, 117),
    "large_bowel": (40, 102), "kidney": (62, 93), "skin": (22, 80), "ovary": (36, 109),
    "pancreas": (54, 86), "prostate": (54, 117), "stomach": (60, 76), "thyroid": (50, 33),
    "uterus": (54, 106), "bone_marrow": (60, 140), "lymph_nodes": (31, 47), "bone": (42, 160),
    "blood": (20, 95),
}
# Where metastases land (the head of an arrow).
LAND = {
    "lung": (62, 62), "liver": (40, 80), "bone": (64, 124), "brain": (50, 14),
    "adrenal_gland": (62, 84), "peritoneum": (48, 100), "skin_muscle": (62, 160),
    "lymph_nodes": (42, 31), "heart": (54, 66), "central_nervous_system": (45, 22),
    "bone_marrow": (58, 150), "chest_wall": (66, 54),
}
SILHOUETTE = pd.DataFrame([  # x, x2, y, y2 of rounded boxes: neck, torso, arms, legs
    (45, 55, 26, 36), (28, 72, 34, 118), (16, 27, 38, 108), (73, 84, 38, 108),
    (31, 49, 116, 194), (51, 69, 116, 194),
], columns=["x", "x2", "y", "y2"])
RANK_WIDTH = {1: 7.0, 2: 4.5, 3: 2.5}
X_DOMAIN = (-50.0, 150.0)  # the body (x 16-84) and a margin for names on each side
Y_DOMAIN = (0.0, 200.0)
LABEL_X = {"left": 12.0, "right": 88.0}  # where the margins' names end (left) or start (right)
NAME_GAP = 4  # px between a name and the end of its leader line
CHAR_EM = 0.56  # a bold name's mean character width, in ems: Source Sans (the browser) is
# about 0.46 and the export's sans-serif about 0.51, so names sized by it stay inside
NAME_FONT = FONT_SIZE - 1  # px: the names' size on the page (a slide or present mode raises it)
NAME_LINE = 18  # px from one line of a name to the next at that size
NAME_BOX_EM = 1.45  # a line of text's box on screen, in ems: Source Sans reaches 1.42 em from
# its ascender to its descender, so two names a line apart may still touch; they are kept this
# far apart
NAME_LAYERS = ("body_leaders", "body_names_left", "body_names_right")
"""The layers that draw the names: :func:`fit_names` lays them out again for a drawn size."""
FIGURE_HEIGHT = 540  # px: the figure and its margins fit the page's column on a 1024 px screen
FIGURE_SIZE = (round(FIGURE_HEIGHT * (X_DOMAIN[1] - X_DOMAIN[0]) / (Y_DOMAIN[1] - Y_DOMAIN[0])),
               FIGURE_HEIGHT)
SUBTITLE_CHARACTERS = 70  # a subtitle's line at 14 px across the figure


def arrows(rows: pd.DataFrame, cancers: pd.DataFrame, sites: pd.DataFrame) -> pd.DataFrame:
    """One arrow per (cancer, site) pair in ``rows``: positions, strongest evidence, rank.

    Columns: primary, site, cancer, site_label, x, y (start), x2, y2 (landing), rank,
    evidence, angle, tip_x, tip_y (arrow head, just short of the landing), rank_label, width.
    Pairs whose organ or site has no place on the figure are left out.
    """
    organ = dict(zip(cancers["cancer_id"], cancers["organ_site_id"], strict=True))
    names = dict(zip(cancers["cancer_id"], cancers["label"], strict=True))
    site_names = dict(zip(sites["site_id"], sites["label"], strict=True))
    order = {kind: i for i, kind in enumerate(EVIDENCE_DOMAIN)}
    best = (rows.assign(_order=rows["evidence"].map(order))
            .sort_values(["_order", "rank"]).drop_duplicates(["primary", "site"]))
    best = best[best["primary"].map(organ).isin(START.keys()) & best["site"].isin(LAND.keys())]
    out = pd.DataFrame({
        "primary": best["primary"], "site": best["site"],
        "cancer": best["primary"].map(names), "site_label": best["site"].map(site_names),
        "x": best["primary"].map(lambda c: START[organ[c]][0]),
        "y": best["primary"].map(lambda c: START[organ[c]][1]),
        "x2": best["site"].map(lambda s: LAND[s][0]), "y2": best["site"].map(lambda s: LAND[s][1]),
        "rank": best["rank"], "evidence": best["evidence"],
    })
    out = with_heads(out)
    out["rank_label"] = out["rank"].map(ORDINALS).fillna("not ranked")
    out["width"] = out["rank"].map(RANK_WIDTH).astype("Float64").fillna(1.8)
    return out.reset_index(drop=True)


def _as_list(text: str | list[str]) -> list[str]:
    """A subtitle given as one string or as lines, as lines."""
    return [text] if isinstance(text, str) else list(text)


def with_heads(arrow_rows: pd.DataFrame) -> pd.DataFrame:
    """Add each arrow's head: ``angle`` and ``tip_x``/``tip_y``, from x, y to x2, y2."""
    out = arrow_rows.copy()
    out["angle"] = [_heading(r.x, r.y, r.x2, r.y2) for r in out.itertuples()]
    ends = [_short_of(r.x, r.y, r.x2, r.y2) for r in out.itertuples()]
    out["tip_x"], out["tip_y"] = [e[0] for e in ends], [e[1] for e in ends]
    return out


def _short_of(x: float, y: float, x2: float, y2: float, gap: float = 4.0) -> tuple[float, float]:
    """The point ``gap`` units before (x2, y2) on the way from (x, y), where the head sits."""
    length = math.hypot(x2 - x, y2 - y) or 1.0
    return x2 - (x2 - x) * gap / length, y2 - (y2 - y) * gap / length


def _heading(x: float, y: float, x2: float, y2: float) -> float:
    """Rotation (degrees, clockwise from up) of a triangle pointing from (x, y) to (x2, y2)."""
    return (math.degrees(math.atan2(x2 - x, -(y2 - y)))) % 360


def places(arrow_rows: pd.DataFrame) -> pd.DataFrame:
    """Labelled dots: the starting organ(s) and every landing site of the arrows."""
    starts = arrow_rows.drop_duplicates("cancer").assign(
        label=lambda f: f["cancer"], role="starts here")[["x", "y", "label", "role"]]
    lands = arrow_rows.drop_duplicates("site").assign(
        label=lambda f: f["site_label"], role="spreads to",
        x=lambda f: f["x2"], y=lambda f: f["y2"])[["x", "y", "label", "role"]]
    return pd.concat([starts, lands], ignore_index=True)


@dataclass(frozen=True)
class NameLayout:
    """How the margins' names fit a figure drawn at some size: ``line`` is the drawing units
    from one line of a name to the next (a line of text in px, over the px per unit),
    ``gap`` the units from the last line of one name to the first of the next (a whole box
    of text, so names never touch), and ``chars`` the characters a line of a name may hold on
    each side."""

    line: float
    gap: float
    chars: dict[str, int]


def name_layout(plot_px: tuple[float, float], x_domain: Sequence[float] = X_DOMAIN,
                font_px: float = NAME_FONT, line_px: float = NAME_LINE) -> NameLayout:
    """The layout for names ``font_px`` tall, ``line_px`` apart, on a figure whose data
    rectangle is ``plot_px`` (width, height) px showing ``x_domain`` across.

    >>> page = name_layout((720, 720))  # the page's figure: 3.6 px a unit
    >>> page.line, round(page.gap, 2), page.chars
    (5.0, 5.24, {'left': 30, 'right': 30})
    >>> name_layout((340, 340), font_px=14, line_px=18).chars  # a phone's: 1.7 px a unit
    {'left': 12, 'right': 12}
    """
    across = plot_px[0] / (x_domain[1] - x_domain[0])
    down = plot_px[1] / (Y_DOMAIN[1] - Y_DOMAIN[0])
    room = {"left": (LABEL_X["left"] - x_domain[0]) * across - NAME_GAP,
            "right": (x_domain[1] - LABEL_X["right"]) * across - NAME_GAP}
    return NameLayout(line=line_px / down, gap=max(line_px, NAME_BOX_EM * font_px) / down,
                      chars={side: max(6, int(px / (font_px * CHAR_EM)))
                             for side, px in room.items()})


PAGE_LAYOUT = name_layout(FIGURE_SIZE)


def _side_spots(names: pd.DataFrame, layout: NameLayout) -> list[float]:
    """The y of each name's first line on one side (``names`` sorted by y): as near its spot
    as it can be while ``layout.gap`` clear of the name above it, and inside the figure."""
    line, gap = layout.line, layout.gap
    ys, bottom = [], Y_DOMAIN[0] + gap / 2 - gap
    for y, lines in zip(names["y"], names["lines"], strict=True):
        ys.append(max(float(y), bottom + gap))
        bottom = ys[-1] + (lines - 1) * line
    limit = Y_DOMAIN[1] - gap / 2  # pushed off the bottom: move names up, a gap apart
    for i in range(len(ys) - 1, -1, -1):
        last = ys[i] + (int(names["lines"].iloc[i]) - 1) * line
        ys[i] -= max(0.0, last - limit)
        limit = ys[i] - gap
    return ys


def _wrapped(names: Sequence[str], chars: int) -> str:
    """The names sharing a spot, a name a line (or more, each at most ``chars`` long)."""
    return "\n".join(line for name in names
                     for line in textwrap.wrap(name, chars, break_long_words=False))


def _placed(spots: pd.DataFrame, layout: NameLayout) -> pd.DataFrame:
    """``spots`` (x, y, names, side) with each name wrapped and stacked by ``layout``: label
    (lines joined by newlines), lines, label_x and label_y (the first line's middle)."""
    spots = spots.sort_values(["side", "y", "x"], kind="stable").reset_index(drop=True)
    spots["label"] = [_wrapped(names, layout.chars[side])
                      for names, side in zip(spots["names"], spots["side"], strict=True)]
    spots["lines"] = spots["label"].str.count("\n") + 1
    spots["label_x"] = spots["side"].map(LABEL_X)
    spots["label_y"] = 0.0
    for side in ("left", "right"):
        mine = spots["side"] == side
        spots.loc[mine, "label_y"] = _side_spots(spots[mine], layout)
    return spots


def label_spots(dots: pd.DataFrame, layout: NameLayout = PAGE_LAYOUT) -> pd.DataFrame:
    """One name per spot of ``dots`` (x, y, label, role), placed in the margin on its side.

    Cancers that start in one organ share a spot, so their names make one label; a long
    name takes more lines where the margin is narrow (``layout``). Columns: x, y (the spot),
    names, side, label (lines joined by newlines), lines, label_x, label_y (the first line's
    middle), in drawing units.

    >>> dots = pd.DataFrame({"x": [60, 60, 62], "y": [93, 93, 95],
    ...                      "label": ["Kidney cancer", "Sarcoma of the kidney", "Bone"],
    ...                      "role": ["starts here", "starts here", "spreads to"]})
    >>> phone = name_layout((340, 340), font_px=14, line_px=18)
    >>> placed = label_spots(dots, phone)  # Bone's name waits four lines below its spot
    >>> [(label, round(y, 1)) for label, y in zip(placed["label"], placed["label_y"])]
    [('Kidney\\ncancer\\nSarcoma of\\nthe kidney', 93.0), ('Bone', 136.7)]
    """
    spots = (dots.groupby(["x", "y"], as_index=False, sort=False)
             .agg(names=("label", lambda names: list(dict.fromkeys(names)))))
    spots["side"] = ["left" if x < 50 else "right" for x in spots["x"]]
    return _placed(spots, layout)


def fit_names(spec: dict, plot_px: tuple[float, float]) -> dict:
    """Lay the names of a body map ``spec`` out again for its data rectangle drawn at
    ``plot_px`` (width, height) px, with the size its name layers now draw text at: a
    phone, a slide or present mode draws the figure at another size than the page, so the
    px a line needs is another number of drawing units. Any other chart is left alone.
    Changes ``spec`` in place and returns it."""
    layers = [layer for layer in spec.get("layer", []) if layer.get("name") in NAME_LAYERS]
    text = next((layer for layer in layers if layer["name"] != "body_leaders"), None)
    if text is None or not all(plot_px):
        return spec
    mark = text["mark"]
    font = mark.get("fontSize", NAME_FONT)
    layout = name_layout(plot_px, text["encoding"]["x"]["scale"]["domain"], font,
                         mark.get("lineHeight", round(1.25 * font)))
    datasets = spec.get("datasets", {})
    rows = text["data"].get("values") or datasets[text["data"]["name"]]
    placed = _placed(pd.DataFrame(rows), layout).to_dict("records")
    for layer in layers:
        layer["data"] = {"values": placed}
    return spec


def silhouette(x_low: float = X_DOMAIN[0], head_size: int = 5200
               ) -> tuple[alt.X, alt.Y, alt.Chart, alt.Chart]:
    """The body figure on the map's own axes: ``(x, y, head, body)``, the two encodings for
    the layers drawn on it and the head and body layers. ``x_low`` moves the left edge (a
    narrower picture); ``head_size`` is the head's area in square pixels."""
    x_scale = alt.Scale(domain=[x_low, X_DOMAIN[1]], nice=False)
    y_scale = alt.Scale(domain=[Y_DOMAIN[1], Y_DOMAIN[0]], nice=False)
    x, y = alt.X("x:Q", axis=None, scale=x_scale), alt.Y("y:Q", axis=None, scale=y_scale)
    fill = {"fill": LIGHT.body_fill, "stroke": LIGHT.body_outline, "strokeWidth": 1.5}
    head = alt.Chart(pd.DataFrame({"x": [50], "y": [16]})).mark_point(
        shape="circle", size=head_size, filled=True, **{**fill, "color": LIGHT.body_fill}
    ).encode(x=x, y=y)
    body = alt.Chart(SILHOUETTE).mark_rect(cornerRadius=10, **fill).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q")
    return x, y, head, body


def body_map(arrow_rows: pd.DataFrame, dots: pd.DataFrame, title: str, subtitle: str | list[str],
             strength_title: str = "NCI rank", evidence: bool = True) -> alt.LayerChart:
    """The figure, arrows (width = NCI rank, dash = evidence) and labelled places.

    For a person's own data, ``strength_title`` names what ``rank_label`` holds (a rank or a
    share) and ``evidence=False`` drops the dash and its legend (every arrow is one kind).
    """
    x, y, head, body = silhouette()
    x_scale, y_scale = x["scale"], y["scale"]  # the arrows and labels share the figure's axes
    tooltip = [alt.Tooltip("cancer:N", title="Cancer"),
               alt.Tooltip("site_label:N", title="Spreads to"),
               alt.Tooltip("rank_label:N", title=strength_title)]
    tooltip += [alt.Tooltip("evidence:N", title="Evidence")] if evidence else []
    dash = {} if not evidence else {"strokeDash": alt.StrokeDash("evidence:N", title="Evidence",
                                  scale=alt.Scale(domain=EVIDENCE_DOMAIN, range=EVIDENCE_DASHES),
                                  legend=alt.Legend(orient="bottom", labelExpr=ARROW_NAMES,
                                      symbolStrokeWidth=3, labelLimit=400, columns=2))}
    lines = alt.Chart(arrow_rows).mark_rule(color=LIGHT.arrow, strokeCap="round").encode(
        x=x, y=y, x2="tip_x:Q", y2="tip_y:Q", tooltip=tooltip,
        strokeWidth=alt.StrokeWidth("width:Q", scale=None), **dash)
    heads = alt.Chart(arrow_rows).mark_point(shape="triangle-up", filled=True, size=170,
                                             color=LIGHT.arrow, opacity=1).encode(
        x=alt.X("tip_x:Q", axis=None, scale=x_scale),
        y=alt.Y("tip_y:Q", axis=None, scale=y_scale),
        angle=alt.Angle("angle:Q", scale=None), tooltip=tooltip)
    dots_layer = alt.Chart(dots).mark_point(filled=True, size=90, stroke=LIGHT.page).encode(
        x=x, y=y, color=alt.Color("role:N", title=None, scale=alt.Scale(
            domain=["starts here", "spreads to"], range=KIND_COLOURS),
            legend=alt.Legend(orient="bottom")))
    spots = label_spots(dots)
    leaders = alt.Chart(spots, name="body_leaders").mark_rule(
        color=LIGHT.body_outline, strokeWidth=1).encode(x=x, y=y, x2="label_x:Q", y2="label_y:Q")
    text = {"fontSize": NAME_FONT, "fontWeight": "bold", "color": TEXT_COLOUR,
            "baseline": "middle", "lineBreak": "\n", "lineHeight": NAME_LINE}
    at = {"x": alt.X("label_x:Q", axis=None, scale=x_scale),
          "y": alt.Y("label_y:Q", axis=None, scale=y_scale), "text": "label:N"}
    left = alt.Chart(spots, name="body_names_left").transform_filter(
        alt.datum.side == "left").mark_text(align="right", dx=-NAME_GAP, **text).encode(**at)
    right = alt.Chart(spots, name="body_names_right").transform_filter(
        alt.datum.side == "right").mark_text(align="left", dx=NAME_GAP, **text).encode(**at)
    chart = alt.layer(head, body, leaders, lines, heads, dots_layer, left, right).properties(
        width=FIGURE_SIZE[0], height=FIGURE_SIZE[1], title=alt.Title(title, subtitle=[
            part for line in _as_list(subtitle)
            for part in textwrap.wrap(line, SUBTITLE_CHARACTERS) or [""]]),
        description=f"{title}. {' '.join(_as_list(subtitle))} A simplified body figure with "
                    "arrows from where the cancer starts to where it spreads; positions are "
                    "approximate.")
    # "pad": the figure keeps its size and its legends are added below it; fitting the whole
    # chart into its size would squash the figure to make room for the stacked legends.
    return readable(chart.properties(autosize=alt.AutoSizeParams(type="pad")))
