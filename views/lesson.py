"""The lesson's pictures, defined once: the projected step and the printed handout draw the
same chart from here (a step's ``view`` names it).

The heatmap and the network draw the NCI ranked table's pairs only (12 cancers fit one
projected screen; the Where cancers spread and Network pages draw every source's).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.lesson_network import lesson_network
from charts.style import plain_spec
from data import query
from data.load import Published
from views.body_map import body_map_choices, body_map_view
from views.reference import filter_options
from views.spread import spread_view
from views.survival import survival_view

PICTURES = ("facts", "heatmap", "top_sites", "network", "survival")
"""The steps' views drawn as a chart (the others show a table)."""
NCI_TABLE_ONLY = ("ranked_table",)


def nci_pairs(t: Published) -> pd.DataFrame:
    """The NCI ranked table's pairs that travel: cancer and site labels, and the rank."""
    rows = query.filter_spread(query.travelling(t["spread"]), evidence=NCI_TABLE_ONLY)
    return pd.DataFrame({
        "cancer": rows["primary"].map(query.labels(t["cancers"], "cancer_id")),
        "site_label": rows["site"].map(query.labels(t["sites"], "site_id")),
        "rank": rows["rank"]}).reset_index(drop=True)


@dataclass(frozen=True)
class Picture:
    """A lesson step's chart (a Vega-Lite spec) and the line naming its sources."""

    spec: dict
    credit: str


def lesson_picture(t: Published, view: str) -> Picture:
    """The chart for a step's ``view`` (one of :data:`PICTURES`).

    Raises
    ------
    ValueError
        If ``view`` is not a picture of the lesson.
    """
    every = {key: tuple(ids) for key, ids in filter_options(t).items()}
    if view == "facts":
        return Picture(body_map_view(t, "cancer", "breast", False).spec,
                       body_map_choices(t).credit)
    if view in ("heatmap", "top_sites"):
        evidence = NCI_TABLE_ONLY if view == "heatmap" else every["evidence"]
        shown = spread_view(t, every["cancer"], every["site"], evidence, every["source"])
        return Picture(shown.heatmap if view == "heatmap" else shown.bars, shown.credit)
    if view == "network":
        return Picture(plain_spec(lesson_network(nci_pairs(t))),
                       spread_view(t, every["cancer"], every["site"], NCI_TABLE_ONLY,
                                   every["source"]).credit)
    if view == "survival":
        shown = survival_view(t)
        return Picture(shown.spec, shown.credit)
    raise ValueError(f"the lesson has no picture called {view!r}; it has {', '.join(PICTURES)}")
