"""Questions on a ranked table: where a cancer spreads most, which cancer reaches a site
first, which site is NOT in a cancer's three.

A wrong option must be false by every table: a site no source links to that cancer (nor the
same place under another name), and one the ranked table could have listed (it uses that site
for another cancer), so the NCI table, which leaves lymph nodes out, never gets them offered.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pandas as pd

from classroom.base import (
    Question,
    Tables,
    capitalised,
    confidence_of,
    draw_options,
    has_tables,
    in_sentence,
    memo,
    pick,
    short_name,
    table_labels,
)
from data.vocabulary import ordinal


def _site_names(sites: pd.DataFrame) -> dict[str, set[str]]:
    """Each site's label and aliases, lower-case."""
    names = {}
    for row in sites.to_dict("records"):
        aliases = row.get("aliases")
        extra = set(str(aliases).lower().split("|")) if isinstance(aliases, str) else set()
        names[str(row["site_id"])] = {str(row["label"]).lower()} | extra
    return names


def _contains(outer: set[str], inner: set[str]) -> bool:
    """True when a name in ``inner`` appears as whole words inside a name in ``outer``."""
    return any(re.search(rf"\b{re.escape(word)}\b", name) for word in inner for name in outer)


def close_sites(sites: pd.DataFrame, site_ids: Iterable[str]) -> set[str]:
    """``site_ids`` and every site whose name contains one of theirs, or is contained in one.

    Examples
    --------
    >>> s = pd.DataFrame({"site_id": ["bone", "bone_marrow", "liver"],
    ...                   "label": ["Bone", "Bone marrow", "Liver"],
    ...                   "aliases": ["bone|bones", "bone marrow", "liver"]})
    >>> sorted(close_sites(s, ["bone"]))
    ['bone', 'bone_marrow']
    """
    names, ids = _site_names(sites), set(site_ids)
    close = {other for other, words in names.items() for site in ids if site in names
             and (_contains(words, names[site]) or _contains(names[site], words))}
    return ids | close


def site_and_cancer_labels(tables: Tables) -> tuple[dict[str, str], dict[str, str]]:
    """Site and cancer display labels by id."""
    return table_labels(tables, "sites", "site_id"), table_labels(tables, "cancers", "cancer_id")


def _ranked(spread: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """``(source_id, primary) -> [(rank, site, quote), ...]`` from the ranked-table rows.

    Only lists that start at rank 1 are kept, each in rank order.
    """
    rows = spread[(spread["evidence"] == "ranked_table") & spread["rank"].notna()]
    lists: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for row in rows.sort_values(["source_id", "primary", "rank", "site"]).to_dict("records"):
        key = (str(row["source_id"]), str(row["primary"]))
        lists.setdefault(key, []).append((int(row["rank"]), str(row["site"]), str(row["quote"])))
    return {key: ranks for key, ranks in lists.items() if ranks[0][0] == 1}


def _ranked_labelled(tables: Tables) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """:func:`_ranked`, keeping only cancers and sites that have a display label."""
    def compute() -> dict:
        cancer = table_labels(tables, "cancers", "cancer_id")
        site = table_labels(tables, "sites", "site_id")
        return {key: ranks for key, ranks in _ranked(tables["spread"]).items()
                if key[1] in cancer and all(s in site for _, s, _ in ranks)}
    return memo(tables, "ranked_labelled", compute)


def _table_sites(spread: pd.DataFrame, source_id: str) -> set[str]:
    """The sites a source's ranked table uses anywhere: the only ones it could have listed.

    The NCI table leaves lymph nodes out on purpose, so "not in its top three" says nothing
    about them; a site the table never uses is never offered on a question about the table.
    """
    ranked = spread[(spread["evidence"] == "ranked_table") & (spread["source_id"] == source_id)]
    return set(ranked["site"])


def _unrelated_sites(tables: Tables, primary: str, source_id: str) -> list[str]:
    """Sites of ``source_id``'s ranked table that no row of any source links to ``primary``
    (nor a site close to one that does).

    These are the wrong options for a cancer: no table ties them to it, and the ranked table
    could have listed them, so none is right by another source or by the table's silence.
    """
    def compute() -> list[str]:
        spread, sites = tables["spread"], tables["sites"]
        linked = close_sites(sites, spread.loc[spread["primary"] == primary, "site"])
        usable = _table_sites(spread, source_id) & set(sites["site_id"])
        return sorted(usable - linked)
    return memo(tables, ("unrelated", primary, source_id), compute)


def _left_out(tables: Tables, source_id: str) -> str:
    """What a source's ranked table leaves out, as its rows' note says (e.g. ``"lymph
    nodes"``), or "" when it says nothing is left out."""
    def compute() -> str:
        spread = tables["spread"]
        if "note" not in spread.columns:
            return ""
        notes = spread.loc[(spread["evidence"] == "ranked_table")
                           & (spread["source_id"] == source_id), "note"].dropna()
        found = [m.group(1) for n in notes if (m := re.search(r"leaves out ([a-z ]+)", n))]
        return found[0] if found else ""
    return memo(tables, ("left_out", source_id), compute)


def _excluding(tables: Tables, source_id: str) -> str:
    """The words a ranked question carries so that its caveat is in the question itself,
    e.g. ``", excluding lymph nodes"``."""
    left_out = _left_out(tables, source_id)
    return f", excluding {left_out}" if left_out else ""


def _table_in(tables: Tables, source_id: str) -> str:
    """How a prompt names a source's ranked table, e.g. ``"the table in the NCI fact sheet"``."""
    return f"the table in the {short_name(tables, source_id)}"


def _row_note(tables: Tables, quote: str) -> str:
    """The curator's note on the spread rows quoting ``quote`` (a table row says its table)."""
    def compute() -> str:
        spread = tables["spread"]
        if "note" not in spread.columns:
            return ""
        notes = spread.loc[spread["quote"] == quote, "note"].dropna()
        return str(notes.iloc[0]) if len(notes) else ""
    return memo(tables, ("row_note", quote), compute)


def _ranked_question(tables: Tables, qid: str, kind: str, prompt: str, options: tuple,
                     answer: str, quote: str, src: str, detail: str) -> Question:
    """A question about a ranked table, explained by the table row and what it says."""
    left_out = _left_out(tables, src)
    caveat = (f"The table leaves out {left_out} on purpose, so it says nothing about them."
              if left_out else "")
    return Question(qid, kind, prompt, options, answer, quote, short_name(tables, src), src,
                    detail, _table_in(tables, src), _row_note(tables, quote),
                    confidence_of(tables, src), caveat)


def _ranking(tables: Tables, source_id: str, primary: str,
             ranks: list[tuple[int, str, str]]) -> str:
    """A sentence listing a cancer's ranked sites, e.g. ``"... 1st Bone, 2nd Lung."``."""
    site, cancer = site_and_cancer_labels(tables)
    listed = ", ".join(f"{ordinal(r)} {site[s]}" for r, s, _ in ranks)
    return (f"{capitalised(_table_in(tables, source_id))} lists, for "
            f"{in_sentence(cancer[primary])}: {listed}.")


# ---------------------------------------------------------------------------------------------
# The kinds of question: (tables, rng, used qids) -> Question, or None when the tables cannot


def top_site(tables: Tables, rng: random.Random, used: Iterable[str] = ()) -> Question | None:
    """Where does a cancer most often spread, according to a ranked table?

    The answer is the site ranked 1st; wrong options are sites that receive spread in
    spread.csv but that no row (ranked or not) links to that cancer.

    Examples
    --------
    >>> spread = pd.DataFrame({
    ...     "primary": ["prostate", "breast", "breast", "breast"],
    ...     "site": ["bone", "liver", "brain", "bone"],
    ...     "rank": pd.array([1, 1, pd.NA, pd.NA], dtype="Int64"),
    ...     "evidence": ["ranked_table", "ranked_table", "statement", "statement"],
    ...     "source_id": ["nci", "nci", "msk", "msk"],
    ...     "quote": ["Prostate — Bones", "Breast — Liver", "b", "l"]})
    >>> tables = {"spread": spread,
    ...     "cancers": pd.DataFrame({"cancer_id": ["prostate", "breast"],
    ...                              "label": ["Prostate cancer", "Breast cancer"]}),
    ...     "sites": pd.DataFrame({"site_id": ["bone", "brain", "liver"],
    ...                            "label": ["Bone", "Brain", "Liver"]}),
    ...     "sources": pd.DataFrame({"source_id": ["nci", "msk"],
    ...                              "short_name": ["NCI fact sheet", "MSK"]})}
    >>> q = top_site(tables, random.Random(0))
    >>> q.prompt
    'Where does prostate cancer most often spread, according to the table in the NCI fact sheet?'

    Brain is never offered: the table uses only bone and liver, so it could not have said.

    >>> q.answer, sorted(q.options), q.explanation
    ('Bone', ['Bone', 'Liver'], 'Prostate — Bones')
    """
    if not has_tables(tables, "spread", "cancers", "sites"):
        return None
    candidates = memo(tables, "top_site", lambda: {
        f"top_site:{src}:{primary}": (src, primary, ranks)
        for (src, primary), ranks in _ranked_labelled(tables).items()
        if _unrelated_sites(tables, primary, src)})
    picked = pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (src, primary, ranks) = picked
    site, cancer = site_and_cancer_labels(tables)
    answer = site[ranks[0][1]]
    wrong = [site[s] for s in _unrelated_sites(tables, primary, src)]
    prompt = (f"Where does {in_sentence(cancer[primary])} most often spread"
              f"{_excluding(tables, src)}, according to {_table_in(tables, src)}?")
    return _ranked_question(tables, qid, "top_site", prompt, draw_options(answer, wrong, rng),
                            answer, ranks[0][2], src, _ranking(tables, src, primary, ranks))


def which_cancer_ranks_first(tables: Tables, rng: random.Random,
                             used: Iterable[str] = ()) -> Question | None:
    """Which of these cancers has a given site ranked 1st in a ranked table?

    Wrong options are cancers ranked by the same table whose 1st site is a different one,
    never one that starts in the site asked about ("does lung cancer spread to the lung?"
    is no question to put to a learner as plainly wrong).
    """
    if not has_tables(tables, "spread", "cancers", "sites"):
        return None
    firsts = {key: ranks[0][1] for key, ranks in _ranked_labelled(tables).items()}
    organ = ({} if "organ_site_id" not in tables["cancers"] else
             table_labels(tables, "cancers", "cancer_id", "organ_site_id"))
    candidates = {}
    for src, site_id in sorted(set((src, s) for (src, _), s in firsts.items())):
        right = sorted(p for (s, p), first in firsts.items() if s == src and first == site_id)
        wrong = sorted(p for (s, p), first in firsts.items() if s == src and first != site_id
                       and organ.get(p) != site_id)
        if wrong:
            candidates[f"which_cancer_ranks_first:{src}:{site_id}"] = (src, site_id, right, wrong)
    picked = pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (src, site_id, right, wrong) = picked
    site, cancer = site_and_cancer_labels(tables)
    primary = rng.choice(right)
    options = draw_options(cancer[primary], [cancer[p] for p in wrong], rng)
    by_label = {cancer[p]: p for p in wrong}
    others = "; ".join(f"{in_sentence(o)}: {in_sentence(site[firsts[(src, by_label[o])]])}"
                       for o in options if o in by_label)
    detail = (f"{capitalised(_table_in(tables, src))} ranks the {in_sentence(site[site_id])} 1st "
              f"for {in_sentence(cancer[primary])}. The other options rank another site 1st "
              f"({others}).")
    prompt = (f"According to {_table_in(tables, src)}, which of these cancers spreads to the "
              f"{in_sentence(site[site_id])} more often than anywhere else"
              f"{_excluding(tables, src)}?")
    ranked = memo(tables, "ranked", lambda: _ranked(tables["spread"]))
    return _ranked_question(tables, qid, "which_cancer_ranks_first", prompt, options,
                            cancer[primary], ranked[(src, primary)][0][2], src, detail)


def not_in_top_three(tables: Tables, rng: random.Random,
                     used: Iterable[str] = ()) -> Question | None:
    """Which of these is NOT one of a cancer's three ranked sites?

    The wrong options are its three ranked sites; the answer is a site that receives spread in
    spread.csv but that no row links to that cancer.
    """
    if not has_tables(tables, "spread", "cancers", "sites"):
        return None
    candidates = memo(tables, "not_in_top_three", lambda: {
        f"not_in_top_three:{src}:{primary}": (src, primary, ranks)
        for (src, primary), ranks in _ranked_labelled(tables).items()
        if [r for r, _, _ in ranks] == [1, 2, 3] and _unrelated_sites(tables, primary, src)})
    picked = pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (src, primary, ranks) = picked
    site, cancer = site_and_cancer_labels(tables)
    answer = site[rng.choice(_unrelated_sites(tables, primary, src))]
    prompt = (f"Which of these is NOT one of the three places {in_sentence(cancer[primary])} "
              f"most often spreads to{_excluding(tables, src)}, according to "
              f"{_table_in(tables, src)}?")
    return _ranked_question(tables, qid, "not_in_top_three", prompt,
                            draw_options(answer, [site[s] for _, s, _ in ranks], rng), answer,
                            ranks[0][2], src, _ranking(tables, src, primary, ranks))
