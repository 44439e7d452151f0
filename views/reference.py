"""Small reference views several pages share: filter choices, the steps of spread, symptoms
by site, the data dictionary and the overview's facts."""

from __future__ import annotations

import pandas as pd

from data import extracts, query
from views.source_check import claim_summary


def filter_options(t: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """Choices for the spread filters: {"cancer"|"site"|"evidence"|"source": {id: label}}."""
    return query.filter_options(t)


def cascade_shown(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The steps of spread, in order: the NCI's names and words, and plain words for each."""
    return extracts.steps(t["cascade"])


def symptoms_summary(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per site: its symptoms and how many sources name them (those only a low-confidence
    source names are marked), then the general signs of spread."""
    sources = t["sources"]
    low = frozenset(sources.loc[sources["confidence"] == "low", "source_id"])
    return query.symptoms_by_site(t["symptoms"], t["sites"], low)


LESSON_COLUMNS = {"cascade": ["step", "name"],  # plain words: the step's Words box
                  "symptoms": ["site_id", "site_label", "symptoms"],
                  "sources": ["question", "verdict"]}
"""The short columns a lesson step's table keeps (the takeaways beside it quote the rest)."""


def lesson_table(t: dict[str, pd.DataFrame], view: str) -> pd.DataFrame:
    """The table a lesson step shows for ``view`` ("cascade", "symptoms" or "sources")."""
    full = {"cascade": cascade_shown, "symptoms": symptoms_summary,
            "sources": claim_summary}[view](t)  # the Source check page's own summary
    return full[LESSON_COLUMNS[view]]


def dictionary(descriptor: dict) -> pd.DataFrame:
    """Every column of every table: meaning, type, allowed values."""
    return query.data_dictionary(descriptor)


def sources_table(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The five sources as the Sources page's table (ids and labels)."""
    return extracts.sources(t["sources"])


def overview_texts(t: dict[str, pd.DataFrame]) -> dict:
    """The overview's headline counts and its facts grouped by topic."""
    short = query.labels(t["sources"], "source_id", "short_name")
    confidence = query.labels(t["sources"], "source_id", "confidence")
    facts = t["key_facts"]
    ranked = t["spread"][t["spread"]["evidence"] == "ranked_table"]
    return {"ranked_cancers": int(ranked["primary"].nunique()), "claims": len(t["spread"]),
            "sources": len(t["sources"]),
            "topics": [(topic, [(r.quote, short[r.source_id],
                                 f"confidence: {confidence[r.source_id]}")
                                for r in facts[facts["topic"] == topic].itertuples()])
                       for topic in facts["topic"].drop_duplicates()]}
