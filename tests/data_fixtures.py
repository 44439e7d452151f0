"""Tiny hand-made tables for unit tests of the pure layers (two cancers, three sites)."""

from __future__ import annotations

import pandas as pd


def spread() -> pd.DataFrame:
    """Four claims: breast ranks lung 1st and liver 2nd; a statement adds breast->brain;
    an example repeats breast->lung; colon ranks liver 1st."""
    return pd.DataFrame({
        "spread_id": ["a:1", "a:2", "b:1", "c:1", "a:3"],
        "primary": ["breast", "breast", "breast", "breast", "colon"],
        "site": ["lung", "liver", "brain", "lung", "liver"],
        "rank": pd.array([1, 2, pd.NA, pd.NA, 1], dtype="Int64"),
        "evidence": ["ranked_table", "ranked_table", "statement", "example", "ranked_table"],
        "source_id": ["nci", "nci", "msk", "msk", "nci"],
        "quote": ["q1", "q2", "q3", "q4", "q5"],
        "note": ["", "", "", "", ""],
    })


def cancers() -> pd.DataFrame:
    """Two cancers."""
    return pd.DataFrame({"cancer_id": ["breast", "colon"],
                         "label": ["Breast cancer", "Colon cancer"],
                         "organ_site_id": ["breast", "colon"], "group": ["breast", "colorectal"]})


def sites() -> pd.DataFrame:
    """Three sites."""
    return pd.DataFrame({"site_id": ["lung", "liver", "brain"],
                         "label": ["Lung", "Liver", "Brain"],
                         "aliases": ["lungs", "liver", "brain"]})


def sources() -> pd.DataFrame:
    """Two sources of different confidence."""
    return pd.DataFrame({"source_id": ["nci", "msk"], "short_name": ["NCI", "MSK"],
                         "confidence": ["high", "medium"], "reviewed": ["2011-05-23", pd.NA]})
