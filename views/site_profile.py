"""The Site profiles page: for one site, the cancers that reach it, its symptoms, treatments."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import query
from data.vocabulary import EVIDENCE_LABELS


@dataclass(frozen=True)
class SiteProfile:
    """Everything the sources say about one site, and the counts the page leads with."""

    site: str
    name: str
    cancers: pd.DataFrame
    symptoms: pd.DataFrame
    treatments: pd.DataFrame
    n_cancers: int
    n_ranked_first: int


def site_options(t: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Every site a source says some cancer reaches, id -> label, by label."""
    names = query.labels(t["sites"], "site_id")
    return {s: names[s] for s in sorted(set(t["spread"]["site"]), key=names.get)}


def site_profile(t: dict[str, pd.DataFrame], site: str) -> SiteProfile:
    """The profile of ``site`` (a site id)."""
    parts = query.site_profile(site, t)
    ranked = parts["cancers"][parts["cancers"]["evidence"] == EVIDENCE_LABELS["ranked_table"]]
    return SiteProfile(site, query.labels(t["sites"], "site_id")[site], parts["cancers"],
                       parts["symptoms"], parts["treatments"],
                       int(parts["cancers"]["cancer"].nunique()),
                       int((ranked["NCI rank"] == 1).sum()))
