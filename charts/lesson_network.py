"""The lesson's network: the NCI ranked table's cancers (left) linked to the sites they
spread to (right), drawn for a class to read from the back of the room.

Fewer, larger labels and a clear structure: each name once, in 18 px text, inside the
picture (short names, wrapped); sites ordered by how many cancers reach them, and cancers by
their 1st site, so lines cross little; a line's width *and* strength give the rank (1st the
widest and strongest, drawn on top). Nothing runs past the picture's edges: the names sit
inside the x range, whatever the picture's width.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from charts.style import KIND_COLOURS, RANK_RANGE, TEXT_COLOUR, readable
from data.vocabulary import ORDINALS

NAME_TEXT = 18  # px
NAME_WIDTH = 10  # characters a line of a name
X_DOMAIN = [-1.05, 2.05]  # cancers at 0, sites at 1: the rest is room for their names
LINE_WIDTH = {1: 7.0, 2: 3.5, 3: 1.5}
HEADERS = {"Cancer": 0.0, "Spreads to": 1.0}
ORDINALS_SHOWN = [ORDINALS[rank] for rank in sorted(LINE_WIDTH)]


def short_name(label: str) -> str:
    """A cancer's or site's name as the picture prints it: without "cancer" (the column
    says so) and without a bracketed gloss, on lines of at most ``NAME_WIDTH`` characters.

    >>> short_name("Pancreatic cancer"), short_name("Peritoneum (belly lining)")
    ('Pancreatic', 'Peritoneum')
    >>> short_name("Skin or muscle")
    'Skin or\\nmuscle'
    """
    name = label.removesuffix(" cancer").split(" (")[0]
    return "\n".join(textwrap.wrap(name, NAME_WIDTH))


def lesson_layout(pairs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (name, kind, x, y) and links (x, y, x2, y2, rank, rank_label, width) for
    ``pairs`` (cancer, site_label, rank), y from 0 (top) to 1."""
    reach = pairs.groupby("site_label")["cancer"].nunique()
    sites = sorted(reach.index, key=lambda s: (-reach[s], s))
    first = pairs.sort_values("rank").drop_duplicates("cancer").set_index("cancer")["site_label"]
    cancers = sorted(first.index, key=lambda c: (sites.index(first[c]), c))
    spot = lambda names: {n: (i + 0.5) / len(names) for i, n in enumerate(names)}  # noqa: E731
    cancer_y, site_y = spot(cancers), spot(sites)
    nodes = pd.DataFrame(
        [{"name": short_name(c), "kind": "cancer", "x": 0.0, "y": cancer_y[c]} for c in cancers]
        + [{"name": short_name(s), "kind": "site", "x": 1.0, "y": site_y[s]} for s in sites])
    links = pd.DataFrame({
        "x": 0.0, "y": pairs["cancer"].map(cancer_y), "x2": 1.0,
        "y2": pairs["site_label"].map(site_y), "rank": pairs["rank"].astype(int),
        "cancer": pairs["cancer"], "site_label": pairs["site_label"]})
    links["rank_label"] = links["rank"].map(ORDINALS)
    links["width"] = links["rank"].map(LINE_WIDTH)
    return nodes, links.sort_values("rank", ascending=False).reset_index(drop=True)


def lesson_network(pairs: pd.DataFrame) -> alt.LayerChart:
    """The picture (see the module's docstring) for ``pairs`` of the NCI ranked table."""
    nodes, links = lesson_layout(pairs)
    x_scale = alt.Scale(domain=X_DOMAIN, nice=False)
    y_scale = alt.Scale(domain=[1.08, -0.1], nice=False)
    x, y = alt.X("x:Q", axis=None, scale=x_scale), alt.Y("y:Q", axis=None, scale=y_scale)
    lines = alt.Chart(links).mark_rule(strokeCap="round").encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", strokeWidth=alt.StrokeWidth("width:Q", scale=None),
        color=alt.Color("rank_label:N", scale=alt.Scale(domain=ORDINALS_SHOWN,
                                                        range=RANK_RANGE[:3]), legend=None),
        order=alt.Order("rank:Q", sort="descending"),
        tooltip=[alt.Tooltip("cancer:N", title="Cancer"),
                 alt.Tooltip("site_label:N", title="Spreads to"),
                 alt.Tooltip("rank_label:N", title="NCI rank")])
    dots = alt.Chart(nodes).mark_point(filled=True, size=260, opacity=1).encode(
        x=x, y=y, shape=alt.Shape("kind:N", scale=alt.Scale(domain=["cancer", "site"],
                                                             range=["circle", "square"]),
                                  legend=None),
        color=alt.Color("kind:N", scale=alt.Scale(domain=["cancer", "site"],
                                                  range=KIND_COLOURS), legend=None))
    text = {"fontSize": NAME_TEXT, "color": TEXT_COLOUR, "baseline": "middle",
            "lineBreak": "\n"}
    left = alt.Chart(nodes).transform_filter(alt.datum.kind == "cancer").mark_text(
        align="right", dx=-14, **text).encode(x=x, y=y, text="name:N")
    right = alt.Chart(nodes).transform_filter(alt.datum.kind == "site").mark_text(
        align="left", dx=14, **text).encode(x=x, y=y, text="name:N")
    heads = alt.Chart(pd.DataFrame({"name": list(HEADERS), "x": list(HEADERS.values()),
                                    "y": [-0.06, -0.06]})).mark_text(
        fontSize=NAME_TEXT, fontWeight="bold", color=TEXT_COLOUR, baseline="middle").encode(
        x=x, y=y, text="name:N")
    chart = alt.layer(lines, dots, left, right, heads).properties(
        width="container", height=450,
        title=alt.Title("Cancers share destinations",
                        subtitle="Wider, stronger line = ranked higher in the NCI table "
                                 "(1st, 2nd, 3rd: an order, not a percentage)."),
        description="Network of the 12 cancers in the NCI ranked table, each linked to its "
                    "three most common sites; a wider line is a higher rank.")
    return readable(chart.resolve_scale(color="independent", shape="independent"))


KEY = ("Wider, {strongest} line: the site the NCI table lists 1st for that cancer, then 2nd, "
       "then 3rd (an order, not a percentage). Orange circles: cancers; blue squares: sites.")
"""What the projected picture's lines mean, said under it (the lesson drops its title)."""

