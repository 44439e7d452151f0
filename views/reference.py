"""Small reference views several pages share: filter choices, the steps of spread, symptoms
by site, the data dictionary and the overview's facts."""

from __future__ import annotations

import pandas as pd

from data import extracts, query
from data.load import Published
from views.source_check import claim_summary


def filter_options(t: Published) -> dict[str, dict[str, str]]:
    """Choices for the spread filters: {"cancer"|"site"|"evidence"|"source": {id: label}}."""
    return query.filter_options(t)


def cascade_shown(t: Published) -> pd.DataFrame:
    """The steps of spread, in order: the NCI's names and words, and plain words for each."""
    return extracts.steps(t["cascade"])


def symptoms_summary(t: Published) -> pd.DataFrame:
    """Per site: its symptoms and how many sources name them (those only a low-confidence
    source names are marked), then the general signs of spread."""
    return query.symptoms_by_site(t["symptoms"], t["sites"], _low(t))


LESSON_COLUMNS = {"cascade": ["step", "name"],  # plain words: the step's Words box
                  "symptoms": ["site_id", "site_label", "symptoms"],
                  "sources": ["question", "verdict"]}
"""The short columns a lesson step's table keeps (the takeaways beside it quote the rest)."""


def _low(t: Published) -> frozenset[str]:
    """The ids of the low-confidence sources."""
    return frozenset(t["sources"].loc[t["sources"]["confidence"] == "low", "source_id"])


def _lesson_symptoms(t: Published) -> pd.DataFrame:
    """Symptoms by site as a projected step shows them: only those a source above low
    confidence names (the rest are counted in :func:`lesson_table_note`)."""
    return query.symptoms_by_site(t["symptoms"], t["sites"], _low(t), drop_low=True)


def lesson_table(t: Published, view: str) -> pd.DataFrame:
    """The table a lesson step shows for ``view`` ("cascade", "symptoms" or "sources")."""
    full = {"cascade": cascade_shown, "symptoms": _lesson_symptoms,
            "sources": claim_summary}[view](t)  # the Source check page's own summary
    return full[LESSON_COLUMNS[view]]


def lesson_table_note(t: Published, view: str) -> str:
    """What a lesson step's table leaves out, in a sentence ("" when nothing): the symptoms
    that only a low-confidence source names."""
    if view != "symptoms":
        return ""
    rows = t["symptoms"]
    by = rows.groupby(["site", "symptom"])["source_id"].agg(lambda s: set(s) <= _low(t))
    n_low = int(by.sum())
    if not n_low:
        return ""
    names = ", ".join(t["sources"].loc[t["sources"]["source_id"].isin(_low(t)), "short_name"])
    return (f"Not in this table: {n_low} more entries, each named only by the {names} "
            "(confidence: low). Site profiles shows those tied to a site, labelled; the "
            "symptoms table on Sources and data has every one.")


def dictionary(descriptor: dict) -> pd.DataFrame:
    """Every column of every table: meaning, type, allowed values."""
    return query.data_dictionary(descriptor)


def sources_table(t: Published) -> pd.DataFrame:
    """The five sources as the Sources page's table (ids and labels)."""
    return extracts.sources(t["sources"])


def overview_texts(t: Published) -> dict:
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
