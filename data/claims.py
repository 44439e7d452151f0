"""Where the sources agree, disagree, or contradict themselves: read from claims.csv.

One rule for every verdict: two answers clash only where they cannot both be true as worded.
A disagreement is never guessed from two stances differing: the curation writes down, per
stance, the stances it cannot be true alongside (``conflicts_with``; the build makes every
claim of a stance name the same ones, both ways). Two claims conflict when either names the
other's stance; from different sources that is a disagreement, from one source a
contradiction. Different answers that do not clash (one counts what another leaves out) are
said to differ, not to disagree. Pure pandas, no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from data.query import labels

VERDICT_DISAGREE = "Sources disagree"
VERDICT_AGREE = "Sources agree"
VERDICT_ALONE = "Only one source says"
VERDICT_SELF = "Only a source contradicting itself"
VERDICT_DIFFER = "Different answers, no clash"
VERDICT_WRONG = "Only one source says, wrongly"

CONFLICT_COLUMNS = ["topic", "source_a", "stance_a", "quote_a", "source_b", "stance_b",
                    "quote_b", "same_source"]


def _conflicts_with(row) -> set[str]:
    """The stances a claim row names as conflicting with it."""
    cell = row["conflicts_with"]
    return set(cell.split("|")) if isinstance(cell, str) and cell else set()


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Every pair of conflicting claims on the same topic, once each (file order).

    Columns: topic, source_a, stance_a, quote_a, source_b, stance_b, quote_b (ids and
    verbatim quotes), same_source (True: one source contradicting itself).

    Examples
    --------
    >>> c = pd.DataFrame({"topic": ["t"] * 3, "stance": ["yes", "no", "yes"],
    ...                   "conflicts_with": ["", "yes", ""], "source_id": ["a", "b", "b"],
    ...                   "quote": ["A says yes", "B says no", "B says yes"]})
    >>> conflicts(c)[["source_a", "source_b", "same_source"]].values.tolist()
    [['a', 'b', False], ['b', 'b', True]]
    """
    records = claims.to_dict("records")
    pairs = []
    for i, first in enumerate(records):
        for second in records[i + 1:]:
            if first["topic"] != second["topic"]:
                continue
            if (second["stance"] in _conflicts_with(first)
                    or first["stance"] in _conflicts_with(second)):
                pairs.append([first["topic"], first["source_id"], first["stance"],
                              first["quote"], second["source_id"], second["stance"],
                              second["quote"], first["source_id"] == second["source_id"]])
    return pd.DataFrame(pairs, columns=CONFLICT_COLUMNS)


def _verdict(n_sources: int, between: int, within: int, n_stances: int = 1,
             all_wrong: bool = False) -> str:
    """The one-phrase verdict for a topic from its source, conflict and stance counts.

    >>> _verdict(2, 1, 0), _verdict(2, 0, 0, 2), _verdict(3, 0, 0), _verdict(1, 0, 0, 1, True)
    ('Sources disagree', 'Different answers, no clash', 'Sources agree', \
'Only one source says, wrongly')
    """
    if between:
        return VERDICT_DISAGREE
    if n_sources == 1:
        return VERDICT_SELF if within else VERDICT_WRONG if all_wrong else VERDICT_ALONE
    return VERDICT_DIFFER if n_stances > 1 else VERDICT_AGREE


def claim_checks(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per topic (file order): how many sources, the verdict, and who contradicts itself.

    Columns: topic, n_sources, verdict, sources_disagree (bool), contradicts_itself (short
    names joined by ``; ``, empty when none).
    """
    short = labels(sources, "source_id", "short_name")
    pairs = conflicts(claims)
    rows = []
    for topic, group in claims.groupby("topic", sort=False):
        mine = pairs[pairs["topic"] == topic]
        within = mine[mine["same_source"]]
        selfish = "; ".join(short[s] for s in dict.fromkeys(within["source_a"]))
        between = int((~mine["same_source"]).sum())
        n_sources = group["source_id"].nunique()
        wrong = (group["known_error"].fillna("").astype(str) != "" if "known_error" in group
                 else pd.Series(False, index=group.index))
        rows.append({"topic": topic, "n_sources": n_sources,
                     "verdict": _verdict(n_sources, between, len(within),
                                         group["stance"].nunique(), bool(wrong.all())),
                     "sources_disagree": between > 0, "contradicts_itself": selfish})
    return pd.DataFrame(rows, columns=["topic", "n_sources", "verdict", "sources_disagree",
                                       "contradicts_itself"])
