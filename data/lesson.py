"""The guided lesson: eight steps, each with two or three takeaways and the view to show.

Every takeaway is either a source's own words (``is_quote``: shown in quotation marks with the
source's name under it) or a sentence this app works out from the tables (shown apart, saying
what it was worked out from, never credited as a source's words). Nothing here is typed in as
a fact.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data.claims import claim_checks
from data.query import labels, top_three_counts


@dataclass(frozen=True)
class Takeaway:
    """One line for the projector and what it stands on.

    ``basis`` is the quoted source's short name when ``is_quote``; otherwise it says what the
    app worked the sentence out from (e.g. "the NCI fact sheet's table").
    """

    text: str
    basis: str
    is_quote: bool


@dataclass(frozen=True)
class Step:
    """One lesson step: a title, its takeaways, and which view the page draws under them."""

    title: str
    takeaways: tuple[Takeaway, ...]
    view: str


def _quote(tables: dict[str, pd.DataFrame], table: str, column: str, value: str) -> Takeaway:
    """A takeaway in a source's own words, from the row of ``table`` where column == value."""
    row = tables[table][tables[table][column] == value].iloc[0]
    short = labels(tables["sources"], "source_id", "short_name")
    return Takeaway(row["quote"], short[row["source_id"]], True)


def _top_site_counts(tables: dict[str, pd.DataFrame]) -> tuple[Takeaway, ...]:
    """Counts from the NCI table: the sites most often ranked first, and in the top three."""
    counts = top_three_counts(tables["spread"], tables["cancers"], tables["sites"])
    n_cancers = tables["spread"].loc[tables["spread"]["evidence"] == "ranked_table",
                                     "primary"].nunique()
    first = counts[counts["rank"] == 1].sort_values(["n_cancers", "site_label"],
                                                    ascending=[False, True]).iloc[0]
    total = counts.groupby("site_label")["n_cancers"].sum().sort_values(ascending=False)
    tied = [site for site, n in total.items() if n == total.iloc[0]]
    basis = f"the table in the {labels(tables['sources'], 'source_id', 'short_name')['nci']}"
    return (
        Takeaway(f"{first['site_label']} is ranked first for {first['n_cancers']} of the "
                 f"{n_cancers} cancers in the NCI table.", basis, False),
        Takeaway(f"{' and '.join(tied)} appear in the top three of {total.iloc[0]} of the "
                 f"{n_cancers} cancers.", basis, False),
        Takeaway("These are counts of table entries, not of patients: the table is an order.",
                 basis, False),
    )


def _disagreements(tables: dict[str, pd.DataFrame]) -> tuple[Takeaway, ...]:
    """How many questions the sources disagree on, and which source contradicts itself."""
    checks = claim_checks(tables["claims"], tables["sources"])
    sources = tables["sources"]
    low = sources[sources["confidence"] == "low"]["short_name"].tolist()
    selfish = sorted({name for cell in checks["contradicts_itself"] if cell
                      for name in cell.split("; ")})
    claims_basis = "the claims compared on the Source check page"
    return (
        Takeaway(f"The sources disagree on {int(checks['sources_disagree'].sum())} of the "
                 f"{len(checks)} questions compared on the Source check page.", claims_basis,
                 False),
        Takeaway(f"Gives answers that cannot both be true: {', '.join(selfish) or 'no source'}.",
                 claims_basis, False),
        Takeaway(f"Lowest confidence: {', '.join(low)} (no publisher, no date).",
                 "the confidence given to each source on the Sources and data page", False),
    )


def lesson_steps(tables: dict[str, pd.DataFrame]) -> list[Step]:
    """The eight steps of the lesson, in teaching order."""
    q = lambda table, column, value: _quote(tables, table, column, value)  # noqa: E731
    return [
        Step("What is metastasis?", (q("key_facts", "fact_id", "what_is_metastasis"),
                                     q("key_facts", "fact_id", "same_name")), "facts"),
        Step("How cancer cells spread", (q("cascade", "step", 1), q("cascade", "step", 3),
                                         q("cascade", "step", 5)), "cascade"),
        Step("Where each cancer spreads", (q("key_facts", "fact_id", "one_site_more_often"),
                                           q("key_facts", "fact_id", "most_common_sites")),
             "heatmap"),
        Step("Which sites receive most", _top_site_counts(tables), "top_sites"),
        Step("Cancers share destinations", (q("key_facts", "fact_id", "most_common_sites"),
                                            q("key_facts", "fact_id",
                                              "lymph_nodes_most_common")), "network"),
        Step("What spread does to each site", (q("key_facts", "fact_id", "no_symptoms"),
                                               q("symptoms", "symptom", "jaundice")),
             "symptoms"),
        Step("Survival after spread", (q("survival", "cancer", "lung"),
                                       q("key_facts", "fact_id", "survival_estimates")),
             "survival"),
        Step("Can we trust every source?", _disagreements(tables), "sources"),
    ]
