"""The guided lesson: its steps, each with two or three takeaways and the view to show.

The content is data (``data/curation/lesson.yaml``); this module turns it into steps.

Every takeaway is either a source's own words (``is_quote``: shown in quotation marks with the
source's name under it) or a sentence this app works out from the tables (shown apart, saying
what it was worked out from, never credited as a source's words). Nothing here is typed in as
a fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from data.claims import claim_checks
from data.load import CURATION_DIR, Published
from data.query import labels, top_three_counts

LESSON_FILE = CURATION_DIR / "lesson.yaml"


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
    trust = labels(tables["sources"], "source_id", "confidence")[row["source_id"]]
    # A projected step names a source's confidence when it is below high, so that a source
    # of low confidence is never quoted without saying so (high needs no warning on a slide).
    label = "" if trust == "high" else f" (confidence: {trust})"
    return Takeaway(row["quote"], f"{short[row['source_id']]}{label}", True)


def _top_site_counts(tables: dict[str, pd.DataFrame]) -> tuple[Takeaway, ...]:
    """Counts from the NCI table: the sites most often ranked first, and in the top three."""
    counts = top_three_counts(tables["spread"], tables["cancers"], tables["sites"])
    n_cancers = tables["spread"].loc[tables["spread"]["evidence"] == "ranked_table",
                                     "primary"].nunique()
    first = counts[counts["rank"] == 1].sort_values(["n_cancers", "site_label"],
                                                    ascending=[False, True]).iloc[0]
    total = counts.groupby("site_label")["n_cancers"].sum().sort_values(ascending=False)
    tied = [site for site, n in total.items() if n == total.iloc[0]]
    basis = f"the {labels(tables['sources'], 'source_id', 'short_name')['nci']}'s table"
    return (
        Takeaway(f"{first['site_label']} is ranked first for {first['n_cancers']} of the "
                 f"{n_cancers} cancers in the NCI table.", basis, False),
        Takeaway(f"{' and '.join(tied)} appear in the top three of {total.iloc[0]} of the "
                 f"{n_cancers} cancers.", basis, False),
        Takeaway("Counts of table entries, not of patients: an order, lymph nodes left out.",
                 basis, False),
    )


def _disagreements(tables: dict[str, pd.DataFrame]) -> tuple[Takeaway, ...]:
    """How many questions the sources disagree on, and which source contradicts itself."""
    checks = claim_checks(tables["claims"], tables["sources"])
    sources = tables["sources"]
    low = sources[sources["confidence"] == "low"]["short_name"].tolist()
    selfish = sorted({name for cell in checks["contradicts_itself"] if cell
                      for name in cell.split("; ")})
    claims_basis = "the claims on the Source check page"
    return (
        Takeaway(f"The sources disagree on {int(checks['sources_disagree'].sum())} of the "
                 f"{len(checks)} questions on the Source check page.", claims_basis, False),
        Takeaway(f"Gives answers that cannot both be true: {', '.join(selfish) or 'no source'}.",
                 claims_basis, False),
        Takeaway(f"Lowest confidence: {', '.join(low)} (no publisher, no date).",
                 "each source's confidence on the Sources page", False),
    )


def _survival_caveat(tables: dict[str, pd.DataFrame]) -> tuple[Takeaway, ...]:
    """What the quoted survival rates cannot tell: no source gives their years or place."""
    short = labels(tables["sources"], "source_id", "short_name")
    quoted_by = " and ".join(short[s] for s in dict.fromkeys(tables["survival"]["source_id"]))
    return (Takeaway(f"The {quoted_by} gives no years, place or group size.",
                     "the quoted survival rates", False),)


ID_COLUMNS = {"key_facts": "fact_id", "cascade": "step", "symptoms": "symptom",
              "survival": "cancer"}
"""The column that names a row, for each table a lesson quote may come from."""

WORKED_OUT = {"top_site_counts": _top_site_counts, "disagreements": _disagreements,
              "survival_caveat": _survival_caveat}
"""The sentences a lesson step may work out from the tables, by the name the YAML uses."""

VIEWS = ("facts", "cascade", "heatmap", "top_sites", "network", "symptoms", "survival",
         "sources")
"""The views the lesson page knows how to draw under a step."""


def _takeaways(tables: dict[str, pd.DataFrame], title: str, items: list[dict]) -> tuple:
    """The takeaways of one step, from its YAML items; an unknown reference is a ValueError."""
    out: list[Takeaway] = []
    for item in items:
        if "quote" in item:
            table, row_id = item["quote"]["table"], item["quote"]["id"]
            if table not in ID_COLUMNS:
                raise ValueError(f"lesson step {title!r}: no quotes from table {table!r}")
            if not (tables[table][ID_COLUMNS[table]] == row_id).any():
                raise ValueError(f"lesson step {title!r}: {table} has no row {row_id!r}")
            out.append(_quote(tables, table, ID_COLUMNS[table], row_id))
        elif item.get("worked_out") in WORKED_OUT:
            out.extend(WORKED_OUT[item["worked_out"]](tables))
        else:
            raise ValueError(f"lesson step {title!r}: unknown takeaway {item!r}")
    return tuple(out)


def read_lesson(path: Path = LESSON_FILE) -> list[dict]:
    """The lesson's steps as written in the curation YAML."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def lesson_steps(tables: Published, content: list[dict] | None = None) -> list[Step]:
    """The lesson's steps, in teaching order, from ``content`` (default: lesson.yaml).

    Raises
    ------
    ValueError
        If a step names a view, table, row or worked-out sentence that does not exist.
    """
    steps = []
    for raw in read_lesson() if content is None else content:
        if raw["view"] not in VIEWS:
            raise ValueError(f"lesson step {raw['title']!r}: unknown view {raw['view']!r}")
        steps.append(Step(raw["title"], _takeaways(tables, raw["title"], raw["takeaways"]),
                          raw["view"]))
    return steps


def step_from_link(given: list[str], n_steps: int) -> tuple[int, str | None]:
    """The step a link's ``?step=`` names, and the value it could not use (or None).

    The link is the one source of truth for the step, so Back and Forward in the browser
    move between steps. A missing value is step 1; an odd one is step 1 and is reported.

    >>> step_from_link(["3"], 8), step_from_link([], 8), step_from_link(["99"], 8)
    ((3, None), (1, None), (1, '99'))
    >>> step_from_link(["9" * 5000], 8)[0], step_from_link(["0003"], 8)
    (1, (3, None))
    """
    if not given:
        return 1, None
    text = given[0].strip()
    # Compare digits as text first: int() of thousands of digits raises (and costs time).
    if (text.isascii() and text.isdigit() and len(text.lstrip("0")) <= len(str(n_steps))
            and 1 <= int(text) <= n_steps):
        return int(text), None
    return 1, given[0]
