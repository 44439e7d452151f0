"""One vocabulary for the words the tables use as codes: evidence kinds and rank ordinals.

Frames carry the codes (``ranked_table``, ``1``); display labels come from here, at the moment
a page, chart or download shows them, so the same kind is never spelled two ways.
"""

from __future__ import annotations

import json

EVIDENCE_ORDER = ("ranked_table", "statement", "example", "rare_reported")
"""Evidence kinds from strongest to weakest for saying where a cancer *commonly* spreads:
a place in a ranked table, a sentence saying so, a pair used to make another point, and a
sentence that calls the spread rare."""

EVIDENCE_LABELS = {
    "ranked_table": "Ranked in the NCI table",
    "statement": "Stated in a sentence",
    "example": "Used as an example",
    "rare_reported": "Rare, but reported",
}
"""How each evidence kind reads in legends, tables and downloads."""

EVIDENCE_WORDS = {"statement": "stated", "example": "used as an example",
                  "rare_reported": "rare but reported"}
"""How an unranked kind reads in one short cell (the Source check grid)."""

GENERAL = "general"
"""The ``site`` (symptoms) or ``scope`` (treatments) of what a source ties to no site."""

GENERAL_LABEL = "Anywhere (general signs of spread)"
"""How :data:`GENERAL` reads where a site's name would stand."""

SENTENCE_EVIDENCE = EVIDENCE_ORDER[1:]
"""The kinds a sentence gives, as opposed to a ranked table."""

EVIDENCE_STRENGTH = {kind: len(EVIDENCE_ORDER) - i for i, kind in enumerate(EVIDENCE_ORDER)}
"""A number per kind, higher = stronger (for picking a pair's strongest evidence)."""

RANK_LABELS = {1: "1st (most common)", 2: "2nd", 3: "3rd"}
"""How a rank in the NCI table reads: an order, never a share."""

ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def ordinal(rank: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th`` ... for a rank.

    Examples
    --------
    >>> ordinal(1), ordinal(3), ordinal(4)
    ('1st', '3rd', '4th')
    """
    return ORDINALS.get(rank, f"{rank}th")


def label_expression(names: dict[str, str], field: str = "datum.value") -> str:
    """A Vega expression that turns a code into its label (for a legend's ``labelExpr``).

    A chain of ternaries (every Vega version parses those); an unknown code shows as itself.

    Examples
    --------
    >>> label_expression({"a": "Apple", "b": "Bean"})
    'datum.value === "a" ? "Apple" : datum.value === "b" ? "Bean" : datum.value'
    """
    chain = "".join(f"{field} === {json.dumps(code)} ? {json.dumps(label)} : "
                    for code, label in names.items())
    return chain + field
