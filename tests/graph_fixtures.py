"""Tiny hand-made tables and graphs for the graph tests.

The base spread graph is a path of five nodes (cancer and site ``lung`` are both in it)::

    site:lung --- cancer:breast --- site:bone --- cancer:lung --- site:liver
      statement+example    rank 2          rank 1+statement   example

``colon`` (cancer) and ``brain`` / ``adrenal_gland`` (sites) are in the lookup tables but
not in the base spread rows, so tests can add rows that name them.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.build import spread_graph

SPREAD_FIELDS = ["spread_id", "primary", "site", "rank", "evidence", "source_id"]

BASE_ROWS = [
    ("r1", "lung", "bone", 1, "ranked_table", "nci"),
    ("r2", "lung", "bone", None, "statement", "acs"),
    ("r3", "breast", "bone", 2, "ranked_table", "nci"),
    ("r4", "breast", "lung", None, "statement", "acs"),
    ("r5", "breast", "lung", None, "example", "nci"),
    ("r6", "lung", "liver", None, "example", "acs"),
]
"""(spread_id, primary, site, rank, evidence, source_id); r1/r2 and r4/r5 share a pair."""

PATH_ORDER = ["site:lung", "cancer:breast", "site:bone", "cancer:lung", "site:liver"]
"""The base graph's nodes in path order, for building the same graph by hand."""


def cancers() -> pd.DataFrame:
    """Return the cancers lookup table (``colon`` is unused by the base rows)."""
    return pd.DataFrame(
        {
            "cancer_id": ["lung", "breast", "colon"],
            "label": ["Lung cancer", "Breast cancer", "Colon cancer"],
            "organ_site_id": ["lung", "breast", "colon"],
            "group": ["carcinoma", "carcinoma", "carcinoma"],
        }
    )


def sites() -> pd.DataFrame:
    """Return the sites lookup table (``brain``, ``adrenal_gland`` unused by the base rows)."""
    return pd.DataFrame(
        {
            "site_id": ["lung", "bone", "liver", "brain", "adrenal_gland"],
            "label": ["Lung", "Bone", "Liver", "Brain", "Adrenal gland"],
            "aliases": ["lungs|pulmonary", "bones|skeleton", "hepatic", "", "adrenal"],
        }
    )


def spread(extra: list[tuple] | None = None) -> pd.DataFrame:
    """Return ``BASE_ROWS`` plus ``extra`` rows, typed as the data layer types them."""
    frame = pd.DataFrame(BASE_ROWS + (extra or []), columns=SPREAD_FIELDS)
    frame["rank"] = frame["rank"].astype("Int64")
    frame["quote"] = "Quote for " + frame["spread_id"]
    return frame


def graph(extra: list[tuple] | None = None) -> nx.Graph:
    """Return the spread graph of :func:`spread` (with ``extra`` rows) and the lookup tables."""
    return spread_graph(spread(extra), cancers(), sites())
