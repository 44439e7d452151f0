"""The Where cancers spread page: claims for the filters, the heatmap, the top-three bars."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.export import filters_caption
from charts.spread import mark_pair, pair_strip, spread_heatmap, top_sites_bars
from charts.style import plain_spec
from data import extracts, query
from data.load import Published

Ids = tuple[str, ...]


@dataclass(frozen=True)
class SpreadView:
    """Everything the page draws for one combination of filters.

    ``rows`` are the matching claims with ids; ``rows_shown`` the same as the page's table
    (ids and labels, see :mod:`data.columns`); ``cells`` one row per pair (the heatmap's
    data); ``counts`` how often each site is ranked 1st, 2nd, 3rd (table entries, not
    patients); ``bars`` their chart, None when no ranked row matches; ``cells_shown`` and
    ``counts_shown`` those two as the page's tables.
    """

    rows: pd.DataFrame
    rows_shown: pd.DataFrame
    cells: pd.DataFrame
    heatmap: dict
    credit: str
    counts: pd.DataFrame
    bars: dict | None
    cells_shown: pd.DataFrame | None = None
    counts_shown: pd.DataFrame | None = None

    @property
    def empty(self) -> bool:
        """True when no claim matches the filters."""
        return self.rows.empty


def spread_view(t: Published, cancers: Ids, sites: Ids, evidence: Ids,
                sources: Ids) -> SpreadView:
    """The page's view for the filters (each a tuple of ids; every id = no filter)."""
    rows = query.filter_spread(t["spread"], cancers, sites, evidence, sources)
    cells = query.pair_cells(rows, t["cancers"], t["sites"], t["sources"])
    counts = query.top_three_counts(rows, t["cancers"], t["sites"])
    heatmap = (plain_spec(spread_heatmap(cells, sorted(cells["cancer"].unique()),
                                         query.site_order(cells))) if len(cells) else {})
    return SpreadView(rows, extracts.claims(rows, t), cells, heatmap,
                      query.source_line(rows["source_id"], t["sources"]), counts,
                      plain_spec(top_sites_bars(counts)) if len(counts) else None,
                      extracts.cells(cells, rows, t), extracts.top_three(counts, rows, t))


FILTER_NAMES = {"cancer": "Cancers", "site": "Sites", "evidence": "Kinds of evidence",
                "source": "Sources"}


def slide_caption(options: dict[str, dict[str, str]], chosen: dict[str, list[str]]) -> str:
    """The slide image's caption naming each filter that leaves something out ("" if none).

    ``options`` are the filters' choices (id -> label), ``chosen`` the ids each keeps.

    Examples
    --------
    >>> slide_caption({"cancer": {"lung": "Lung cancer", "breast": "Breast cancer"}},
    ...               {"cancer": ["lung"]})
    'Filtered to cancers: Lung cancer. Blank = left out by the filter or named by no source shown.'
    """
    return filters_caption(
        {FILTER_NAMES[key]: [options[key][i] for i in ids] for key, ids in chosen.items()},
        {FILTER_NAMES[key]: len(options[key]) for key in chosen})


def quotes(t: Published, primary: str | None, site: str | None, evidence: Ids,
           sources: Ids) -> pd.DataFrame:
    """The quotes behind a cancer, a site or one pair, under the evidence and source filters."""
    rows = query.filter_spread(t["spread"], evidence=evidence, sources=sources)
    return query.quotes_for(rows, t["sources"], primary=primary, site=site)


PAIR_JOIN = "."  # a pair in a link: "<cancer id>.<site id>" (ids are snake_case words)


def pair_key(primary: str, site: str) -> str:
    """The link's value for a pair.

    >>> pair_key("lung", "adrenal_gland")
    'lung.adrenal_gland'
    """
    return f"{primary}{PAIR_JOIN}{site}"


def split_pair(key: str) -> tuple[str, str]:
    """The cancer and site ids of a pair's link value (see :func:`pair_key`)."""
    primary, _, site = key.partition(PAIR_JOIN)
    return primary, site


def pair_options(t: Published) -> frozenset[str]:
    """Every pair some source names, as link values: the pairs a link may choose."""
    return frozenset(pair_key(p, s) for p, s in zip(t["spread"]["primary"], t["spread"]["site"],
                                                    strict=True))


def pair_cell(cells: pd.DataFrame, pair: str) -> pd.Series | None:
    """The heatmap cell (a row of ``cells``) of a pair's link value; None if not drawn."""
    primary, site = split_pair(pair)
    found = cells[(cells["primary"] == primary) & (cells["site"] == site)]
    return None if found.empty else found.iloc[0]


def outline_row(cell: pd.Series, **more: float) -> dict:
    """The data row :func:`charts.spread.mark_pair` outlines for ``cell``."""
    return {"primary": cell["primary"], "site": cell["site"], "cancer": cell["cancer"],
            "site_label": cell["site_label"], **more}


def marked_heatmap(view: SpreadView, pair: str) -> dict:
    """The view's heatmap with ``pair``'s cell outlined (the heatmap unchanged when the
    filters hide that pair). Takes the built view: a new pair never rebuilds it."""
    cell = pair_cell(view.cells, pair)
    return view.heatmap if cell is None else mark_pair(view.heatmap, outline_row(cell))


def cancer_strip(view: SpreadView, cancer: str) -> dict:
    """A phone's heatmap: one cancer's row of the view's heatmap, as rows of sites ({} when
    the filters leave that cancer nothing)."""
    mine = view.cells[view.cells["primary"] == cancer]
    if mine.empty:
        return {}
    name = mine["cancer"].iloc[0]
    return plain_spec(pair_strip(mine, "site_label", f"Where {name} spreads",
                                 f"Where {name} spreads"))


def marked_strip(view: SpreadView, strip: dict, cancer: str, pair: str) -> dict:
    """``cancer``'s strip (:func:`cancer_strip`) with ``pair``'s row outlined when ``pair``
    is that cancer's (the strip unchanged otherwise). Outlining copies the spec, so a new
    pair never redraws the strip."""
    if not strip or split_pair(pair)[0] != cancer:
        return strip
    cell = pair_cell(view.cells, pair)
    return strip if cell is None else mark_pair(strip, outline_row(cell, x0=0.0, x1=1.0))


def cancer_picture(view: SpreadView, cancer: str, pair: str = "") -> dict:
    """:func:`cancer_strip` with ``pair``'s row outlined when it is ``cancer``'s. Takes the
    built view: a new cancer or pair never rebuilds it."""
    return marked_strip(view, cancer_strip(view, cancer), cancer, pair)
