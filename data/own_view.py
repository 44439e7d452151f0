"""What the views of an uploaded table draw: at most a few dozen cancers and sites, and
names shortened for display. The table under each chart, and its download, keep every pair
and every full name. No Streamlit here.

Altair refuses to embed more than 5,000 rows in a chart (MaxRowsError), and a network draws
two rows per link; besides, a heatmap of a thousand rows is not readable. So each view
draws the cancers and sites with the most pairs, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

NAME_CHARS = 60  # a longer name is cut, with "…", wherever it is drawn or offered to choose
HEATMAP_MAX = (50, 60)  # cancers x sites: at most 3,000 cells
NETWORK_MAX = (30, 40)  # at most 1,200 links: 2,400 rows of line ends, and 70 nodes


def short(name: str, limit: int = NAME_CHARS) -> str:
    """``name`` cut to ``limit`` characters, ending in "…" when cut.

    >>> short("Lung"), short("x" * 100, 10)
    ('Lung', 'xxxxxxxxx…')
    """
    return name if len(name) <= limit else name[:limit - 1] + "…"


def short_names(names: pd.Series, limit: int = NAME_CHARS) -> pd.Series:
    """Each name shortened for display, still telling different names apart: two long
    names that shorten alike get " (2)", " (3)" after the first.

    >>> short_names(pd.Series(["a" * 20 + "x", "a" * 20 + "y", "b"]), 10).tolist()
    ['aaaaaaaaa…', 'aaaaaaaaa… (2)', 'b']
    """
    shown: dict[str, str] = {}
    taken: dict[str, int] = {}
    for name in dict.fromkeys(names):
        cut = short(name, limit)
        taken[cut] = taken.get(cut, 0) + 1
        shown[name] = cut if taken[cut] == 1 else f"{cut} ({taken[cut]})"
    return names.map(shown)


@dataclass(frozen=True)
class Drawn:
    """The pairs a view draws, and a sentence saying what was left out ("" if nothing)."""

    pairs: pd.DataFrame
    note: str


def drawn(pairs: pd.DataFrame, most: tuple[int, int]) -> Drawn:
    """The pairs of the ``most`` = (cancers, sites) with the most pairs (ties by name), with
    names shortened for display; ``note`` says what was left out.

    >>> pairs = pd.DataFrame({"cancer": ["A", "A", "B"], "site_label": ["x", "y", "x"]})
    >>> view = drawn(pairs, (1, 1))
    >>> view.pairs.values.tolist(), view.note[:44]
    ([['A', 'x']], 'Your table has 2 cancers and 2 sites: this c')
    """
    cancers, sites = _most(pairs["cancer"], most[0]), _most(pairs["site_label"], most[1])
    kept = pairs[pairs["cancer"].isin(cancers) & pairs["site_label"].isin(sites)].copy()
    n_cancers, n_sites = pairs["cancer"].nunique(), pairs["site_label"].nunique()
    note = ""
    if len(kept) < len(pairs):
        note = (f"Your table has {n_cancers:,} cancers and {n_sites:,} sites: this chart draws "
                f"the {len(cancers):,} cancers and {len(sites):,} sites with the most pairs "
                f"({len(kept):,} of {len(pairs):,} pairs). The table below has every pair.")
    kept["cancer"] = short_names(kept["cancer"])
    kept["site_label"] = short_names(kept["site_label"])
    return Drawn(kept, note)


def _most(names: pd.Series, limit: int) -> list[str]:
    """The ``limit`` names that appear on the most rows, ties by name."""
    counts = names.value_counts()
    return sorted(counts.index, key=lambda n: (-counts[n], n))[:limit]
