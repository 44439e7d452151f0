"""What the views of an uploaded table draw: at most a few dozen cancers and sites, and
names shortened for display. The table under each chart, and its download, keep every pair
and every full name. No Streamlit here.

Altair refuses to embed more than 5,000 rows in a chart (MaxRowsError), and a network draws
two rows per link; besides, a heatmap of a thousand rows is not readable. So each view
draws the cancers and sites with the most patients (or pairs), and the person can narrow it
further (:class:`Filters`); every sentence saying what was left out is on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

NAME_CHARS = 60  # a longer name is cut, with "…", wherever it is drawn or offered to choose
HEATMAP_MAX = (50, 60)  # cancers x sites: at most 3,000 cells
NETWORK_MAX = (30, 40)  # at most 1,200 links: 2,400 rows of line ends, and 70 nodes
MIN_N = 5  # by default a cancer with fewer patients than this is hidden from the charts


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
class Filters:
    """What the person asked a view to draw: the top cancers and sites (by patients, or by
    pairs for a ranked table), the fewest patients a cancer needs (cancers with a smaller n
    are hidden: one patient of one would read as 100%), and a search for part of a name."""

    cancers: int = 20
    sites: int = 25
    min_n: int = MIN_N
    search: str = ""


@dataclass(frozen=True)
class Drawn:
    """The pairs a view draws, and sentences saying what was left out ("" if nothing)."""

    pairs: pd.DataFrame
    note: str


def drawn(pairs: pd.DataFrame, most: tuple[int, int], filters: Filters | None = None) -> Drawn:
    """The pairs a view draws: cancers with fewer than ``filters.min_n`` patients hidden,
    names containing ``filters.search`` kept, then the top cancers and sites (at most
    ``most`` = (cancers, sites)), names shortened for display; ``note`` says what was left out.

    >>> pairs = pd.DataFrame({"cancer": ["A", "A", "B"], "site_label": ["x", "y", "x"]})
    >>> view = drawn(pairs, (1, 1))
    >>> view.pairs.values.tolist(), view.note[:44]
    ([['A', 'x']], 'Your table has 2 cancers and 2 sites: this c')
    >>> counts = pairs.assign(count=[3, 1, 1], total=[9, 9, 1])
    >>> drawn(counts, (5, 5)).note[:70]
    'Hidden: 1 cancer with fewer than 5 patients in your file (B; n = 1), s'
    """
    filters = filters or Filters(*most, min_n=MIN_N)
    notes = []
    if filters.min_n > 1 and "total" in pairs.columns and pairs["total"].notna().all():
        small = pairs["total"] < filters.min_n
        if small.any():
            hidden = pairs[small].drop_duplicates("cancer")
            listed = "; ".join(f"{short(c, 30)}; n = {int(n):,}" if len(hidden) == 1 else
                               short(c, 30) for c, n in zip(hidden["cancer"][:10],
                                                            hidden["total"][:10], strict=True))
            more = f" and {len(hidden) - 10:,} more" if len(hidden) > 10 else ""
            notes.append(f"Hidden: {len(hidden):,} cancer{'s' * (len(hidden) > 1)} with fewer "
                         f"than {filters.min_n:,} patients in your file ({listed}{more}), since "
                         "a share of so few patients says little.")
            pairs = pairs[~small]
    if filters.search.strip():
        word = filters.search.strip().casefold()
        found = (pairs["cancer"].str.casefold().str.contains(word, regex=False)
                 | pairs["site_label"].str.casefold().str.contains(word, regex=False))
        notes.append(f"Showing only names that contain “{short(filters.search.strip(), 40)}”"
                     f" ({int(found.sum()):,} of {len(pairs):,} pairs).")
        pairs = pairs[found]
    limit = (min(filters.cancers, most[0]), min(filters.sites, most[1]))
    weight = pairs["count"] if "count" in pairs.columns else pd.Series(1, index=pairs.index)
    cancers = _most(pairs["cancer"], weight, limit[0])
    sites = _most(pairs["site_label"], weight, limit[1])
    kept = pairs[pairs["cancer"].isin(cancers) & pairs["site_label"].isin(sites)].copy()
    n_cancers, n_sites = pairs["cancer"].nunique(), pairs["site_label"].nunique()
    if len(kept) < len(pairs):
        by = "patients" if "count" in pairs.columns else "pairs"
        notes.insert(0, f"Your table has {n_cancers:,} cancers and {n_sites:,} sites: this chart "
                        f"draws the {len(cancers):,} cancers and {len(sites):,} sites with the "
                        f"most {by} ({len(kept):,} of {len(pairs):,} pairs). The table below "
                        "has every pair.")
    kept["cancer"] = short_names(kept["cancer"])
    kept["site_label"] = short_names(kept["site_label"])
    return Drawn(kept, " ".join(notes))


def _most(names: pd.Series, weight: pd.Series, limit: int) -> list[str]:
    """The ``limit`` names with the largest total ``weight``, ties by name."""
    totals = weight.astype("float64").groupby(names.to_numpy()).sum()
    return sorted(totals.index, key=lambda n: (-totals[n], n))[:limit]
