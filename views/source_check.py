"""The Source check page: who names which site, and where the sources agree or disagree."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import extracts, query
from data.claims import claim_checks, conflicts
from data.load import Published
from data.vocabulary import EVIDENCE_WORDS

Quote = tuple[str, str, str]
"""A quote as a page shows it: the words, who said them (with confidence), a note."""

SUMMARY_COLUMNS = {"topic": "question", "n_sources": "n_sources", "verdict": "verdict",
                   "contradicts_itself": "contradicts_itself"}


@dataclass(frozen=True)
class Topic:
    """One question: its verdict, who contradicts itself, the answers that clash as
    ``(answer, answer, who holds the first, who the second)``, each answer's quotes, and
    this app's note on each answer that is wrong (``wrong``: answer -> note)."""

    topic: str
    verdict: str
    contradicts_itself: str
    clashes: list[tuple[str, str, str, str]]
    answers: list[tuple[str, list[Quote]]]
    wrong: dict[str, str]


KNOWN_ERROR_BASIS = "medical knowledge, as this app's curators read it"
"""What a known-error note is worked out from (it is never a source's words)."""


def known_errors(t: Published) -> pd.DataFrame:
    """Every claim this app marks as wrong: source_id, source (short name), question, what the
    source says (its words) and why it is wrong (this app's words), in file order."""
    claims = t["claims"].fillna("")
    wrong = claims[claims.get("known_error", pd.Series("", claims.index)) != ""]
    short = query.labels(t["sources"], "source_id", "short_name")
    return pd.DataFrame({"source_id": wrong["source_id"],
                         "source": wrong["source_id"].map(short),
                         "question": wrong["topic"], "quote": wrong["quote"],
                         "why_wrong": wrong["known_error"]}).reset_index(drop=True)


def check_options(t: Published) -> dict[str, str]:
    """The cancers any source names, id -> label, by label."""
    names = query.labels(t["cancers"], "cancer_id")
    return {c: names[c] for c in sorted(set(t["spread"]["primary"]), key=names.get)}


def source_matrix(spread: pd.DataFrame, primary: str, sources: pd.DataFrame,
                  sites: pd.DataFrame) -> pd.DataFrame:
    """For one cancer: one row per site, one column per source saying how it names the site.

    A cell reads ``rank 1``..``rank 3`` (NCI table), ``stated``, ``used as an example`` or
    ``rare but reported``; empty when that source does not name the pair. Sites named by more
    sources come first.
    """
    rows = spread[spread["primary"] == primary]
    short = query.labels(sources, "source_id", "short_name")
    word = rows["evidence"].map(EVIDENCE_WORDS)
    rows = rows.assign(how=word.where(rows["rank"].isna(), "rank " + rows["rank"].astype(str)))
    grid = rows.pivot_table(index="site", columns="source_id", values="how",
                            aggfunc=lambda h: ", ".join(sorted(set(h))))
    grid = grid.reindex(columns=[s for s in sources["source_id"] if s in grid.columns])
    order = grid.notna().sum(axis=1).sort_values(ascending=False, kind="stable").index
    grid = grid.loc[order].fillna("").rename(columns=short)
    grid = grid.rename_axis(index="site_id", columns=None).reset_index()
    grid.insert(1, "site_label", grid["site_id"].map(query.labels(sites, "site_id")))
    return grid


def source_grid(t: Published, cancer: str) -> pd.DataFrame:
    """For one cancer: which source names which site, and how."""
    return source_matrix(t["spread"], cancer, t["sources"], t["sites"])


def claim_summary(t: Published) -> pd.DataFrame:
    """Per question, as the table on screen shows it: sources answering, verdict, who
    contradicts itself."""
    checks = claim_checks(t["claims"], t["sources"])
    return checks[list(SUMMARY_COLUMNS)].rename(columns=SUMMARY_COLUMNS)


def claims_table(t: Published) -> pd.DataFrame:
    """Every claim, as the page's table (ids and labels, see :mod:`data.columns`)."""
    return extracts.claim_rows(t["claims"], t)


def _clashes(pairs: pd.DataFrame, holders: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Each unordered pair of clashing answers once, in the order the claims first meet."""
    seen: dict[frozenset, tuple[str, str]] = {}
    for pair in pairs[["stance_a", "stance_b"]].itertuples(index=False):
        seen.setdefault(frozenset(pair), tuple(pair))
    return [(a, b, holders[a], holders[b]) for a, b in seen.values()]


def topics(t: Published) -> list[Topic]:
    """Every question with its verdict, clashes and answers in the sources' words."""
    short = query.labels(t["sources"], "source_id", "short_name")
    confidence = query.labels(t["sources"], "source_id", "confidence")
    claims = t["claims"].fillna("")
    pairs = conflicts(claims)
    out = []
    for row in claim_checks(t["claims"], t["sources"]).itertuples():
        mine = claims[claims["topic"] == row.topic]
        holders = {stance: ", ".join(dict.fromkeys(short[s] for s in group["source_id"]))
                   for stance, group in mine.groupby("stance", sort=False)}
        answers = [(stance, [(c.quote, f"{short[c.source_id]} (confidence: "
                              f"{confidence[c.source_id]})",
                              f"our note: {c.note}" if c.note else "")
                             for c in group.itertuples()])
                   for stance, group in mine.groupby("stance", sort=False)]
        wrong = {c.stance: c.known_error for c in mine.itertuples()
                 if getattr(c, "known_error", "")}
        out.append(Topic(row.topic, row.verdict, row.contradicts_itself,
                         _clashes(pairs[pairs["topic"] == row.topic], holders), answers, wrong))
    return out
