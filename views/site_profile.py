"""The Site profiles page: for one site, the cancers that reach it, its symptoms, treatments."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.spread import pair_strip
from charts.style import plain_spec
from data import extracts, query
from data.load import Published


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
    symptom_quotes: pd.DataFrame | None = None


def profile_tables(site: str, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Everything the sources say about one metastasis site.

    Returns ``cancers`` (who spreads there: cancer, NCI rank, evidence, source, quote),
    ``symptoms`` (symptom, sources naming it, how many, a quote) and ``treatments``
    (treatment, kind, source, quote; those tied to this site), as the page's tables (ids
    and labels, see :mod:`data.columns`).
    """
    spread = query.quotes_for(tables["spread"], tables["sources"], site=site)
    symptoms = tables["symptoms"][tables["symptoms"]["site"] == site]
    treatments = tables["treatments"][tables["treatments"]["scope"] == site]
    return {"cancers": extracts.quotes(spread, tables),
            "symptoms": extracts.symptoms(symptoms, tables),
            "symptom_quotes": extracts.symptom_quotes(symptoms, tables),
            "treatments": extracts.treatments(treatments, tables)}


def site_options(t: Published) -> dict[str, str]:
    """Every site a source says some cancer reaches, id -> label, by label."""
    names = query.labels(t["sites"], "site_id")
    return {s: names[s] for s in sorted(set(t["spread"]["site"]), key=names.get)}


def site_profile(t: Published, site: str) -> SiteProfile:
    """The profile of ``site`` (a site id)."""
    parts = profile_tables(site, t)
    rows = t["spread"][t["spread"]["site"] == site]
    ranked_first = rows[(rows["evidence"] == "ranked_table") & (rows["rank"] == 1)]
    return SiteProfile(site, query.labels(t["sites"], "site_id")[site], parts["cancers"],
                       parts["symptoms"], parts["treatments"], int(rows["primary"].nunique()),
                       int(ranked_first["primary"].nunique()), parts["symptom_quotes"])


def site_picture(t: Published, site: str) -> dict:
    """The chart of the cancers that reach ``site``: one row each, 1st-ranked first, coloured
    by the NCI rank and marked where a sentence names the pair ({} if none does)."""
    rows = t["spread"][t["spread"]["site"] == site]
    cells = query.pair_cells(rows, t["cancers"], t["sites"], t["sources"])
    if cells.empty:
        return {}
    name = query.labels(t["sites"], "site_id")[site]
    return plain_spec(pair_strip(cells, "cancer", f"Which cancers reach the {name.lower()}",
                                 f"The cancers that the sources say reach the {name.lower()}"))
