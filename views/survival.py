"""The Survival page: the quoted five-year rates, what they mean, and the other figures."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.style import plain_spec
from charts.survival import survival_bars
from data import extracts, query
from data.load import Published

Quote = tuple[str, str, str]
"""A quote as a page shows it: the words, who said them, a detail line."""

CAUTIONS = ("survival_meaning", "survival_estimates", "survival_depends")
"""The key facts, in the sources' words, on what a survival rate cannot tell you."""


@dataclass(frozen=True)
class SurvivalView:
    """The rates (a row each), their chart and quotes, the cautions, and the other figures
    grouped by measure as ``(measure, [(as stated, context, quote, source), ...])``.
    ``rates_shown`` and ``figures`` are the page's tables (ids and labels)."""

    rates: pd.DataFrame
    spec: dict
    rate_quotes: list[Quote]
    cautions: list[Quote]
    figures: pd.DataFrame
    figure_groups: list[tuple[str, list[tuple[str, str, str, str]]]]
    credit: str
    rates_shown: pd.DataFrame | None = None


def survival_view(t: Published) -> SurvivalView:
    """The page's view, from survival.csv, key_facts.csv and figures.csv."""
    rates = query.survival_view(t["survival"], t["cancers"], t["sources"])
    facts = t["key_facts"].set_index("fact_id")
    short = query.labels(t["sources"], "source_id", "short_name")
    rate_quotes = [(words, group["source"].iloc[0], f"reviewed {group['reviewed'].iloc[0]} · "
                    + "; ".join(f"{g}: {v:.0f}%" for g, v in
                                zip(group["group"], group["value_pct"], strict=True)))
                   for words, group in rates.groupby("quote", sort=False)]
    cautions = [(facts.at[f, "quote"], short[facts.at[f, "source_id"]], "") for f in CAUTIONS]
    figures = query.figures_view(t["figures"], t["sources"])
    groups = [(measure, [(r.value_as_stated, r.context, r.quote, r.source)
                         for r in group.itertuples()])
              for measure, group in figures.groupby("measure", sort=True)]
    return SurvivalView(rates, plain_spec(survival_bars(rates)), rate_quotes, cautions,
                        extracts.figures(t["figures"], t), groups,
                        query.source_line(t["survival"]["source_id"], t["sources"]),
                        extracts.survival(t["survival"], t))
