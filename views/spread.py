"""The Where cancers spread page: claims for the filters, the heatmap, the top-three bars."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.spread import spread_heatmap, top_sites_bars
from charts.style import plain_spec
from data import query

Ids = tuple[str, ...]


@dataclass(frozen=True)
class SpreadView:
    """Everything the page draws for one combination of filters.

    ``rows`` are the matching claims with ids; ``rows_shown`` the same with cancer and site
    names (the table on screen and its CSV); ``cells`` one row per pair (the heatmap's data);
    ``counts`` how often each site is ranked 1st, 2nd, 3rd (table entries, not patients);
    ``bars`` their chart, None when no ranked row matches.
    """

    rows: pd.DataFrame
    rows_shown: pd.DataFrame
    cells: pd.DataFrame
    heatmap: dict
    credit: str
    counts: pd.DataFrame
    bars: dict | None

    @property
    def empty(self) -> bool:
        """True when no claim matches the filters."""
        return self.rows.empty


def spread_view(t: dict[str, pd.DataFrame], cancers: Ids, sites: Ids, evidence: Ids,
                sources: Ids) -> SpreadView:
    """The page's view for the filters (each a tuple of ids; every id = no filter)."""
    rows = query.filter_spread(t["spread"], cancers, sites, evidence, sources)
    cells = query.pair_cells(rows, t["cancers"], t["sites"], t["sources"])
    counts = query.top_three_counts(rows, t["cancers"], t["sites"])
    heatmap = (plain_spec(spread_heatmap(cells, sorted(cells["cancer"].unique()),
                                         query.site_order(cells))) if len(cells) else {})
    return SpreadView(rows, query.with_labels(rows, t["cancers"], t["sites"]), cells, heatmap,
                      query.source_line(rows["source_id"], t["sources"]), counts,
                      plain_spec(top_sites_bars(counts)) if len(counts) else None)


def quotes(t: dict[str, pd.DataFrame], primary: str | None, site: str | None, evidence: Ids,
           sources: Ids) -> pd.DataFrame:
    """The quotes behind a cancer, a site or one pair, under the evidence and source filters."""
    rows = query.filter_spread(t["spread"], evidence=evidence, sources=sources)
    return query.quotes_for(rows, t["sources"], primary=primary, site=site)
