"""Pure filters and aggregations the pages need. DataFrames in, DataFrames out; no Streamlit.

Ranks are ordinal: they are kept as integers 1-3 and labelled, never averaged or summed as if
they were frequencies. Counting *how many cancers* list a site is a count of table entries,
and is labelled as such.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from data.vocabulary import EVIDENCE_LABELS, EVIDENCE_ORDER, GENERAL, GENERAL_LABEL, RANK_LABELS

__all__ = ["EVIDENCE_LABELS", "EVIDENCE_ORDER", "RANK_LABELS"]  # re-exported for the pages
CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}


def labels(frame: pd.DataFrame, id_column: str, label_column: str = "label") -> dict[str, str]:
    """Map ids to display labels, e.g. ``labels(cancers, "cancer_id")``.

    Examples
    --------
    >>> labels(pd.DataFrame({"site_id": ["lung"], "label": ["Lung"]}), "site_id")
    {'lung': 'Lung'}
    """
    return dict(zip(frame[id_column], frame[label_column], strict=True))


def filter_spread(spread: pd.DataFrame, primaries: Iterable[str] | None = None,
                  sites: Iterable[str] | None = None, evidence: Iterable[str] | None = None,
                  sources: Iterable[str] | None = None) -> pd.DataFrame:
    """Rows of ``spread`` matching every filter given; ``None`` means no filter on that column.

    Examples
    --------
    >>> s = pd.DataFrame({"primary": ["a", "b"], "site": ["x", "y"],
    ...                   "evidence": ["statement", "example"], "source_id": ["s", "t"]})
    >>> filter_spread(s, evidence=["example"])["primary"].tolist()
    ['b']
    """
    mask = pd.Series(True, index=spread.index)
    for column, wanted in (("primary", primaries), ("site", sites),
                           ("evidence", evidence), ("source_id", sources)):
        if wanted is not None:
            mask &= spread[column].isin(list(wanted))
    return spread[mask]


def travelling(spread: pd.DataFrame) -> pd.DataFrame:
    """Rows that show spread from one place to another, for the network and the body map.

    Leaves out a row whose site is the organ its cancer starts in (``starts_in_site``), such
    as osteosarcoma, a bone cancer, listed among cancers that reach the bones; a ranked
    table's row stays (the NCI table lists the lungs for lung cancer). Frames without the
    column (uploads) are returned unchanged.

    Examples
    --------
    >>> s = pd.DataFrame({"primary": ["osteo", "lung"], "site": ["bone", "lung"],
    ...                   "evidence": ["statement", "ranked_table"],
    ...                   "starts_in_site": [True, True]})
    >>> travelling(s)["primary"].tolist()
    ['lung']
    """
    if "starts_in_site" not in spread.columns:
        return spread
    return spread[~spread["starts_in_site"].astype(bool) | (spread["evidence"] == "ranked_table")]


def left_out_of_travel(spread: pd.DataFrame, cancers: pd.DataFrame,
                       sites: pd.DataFrame) -> list[str]:
    """The pairs :func:`travelling` leaves out, as ``"Osteosarcoma → Bone"``, sorted.

    Examples
    --------
    >>> s = pd.DataFrame({"primary": ["osteo"], "site": ["bone"], "evidence": ["statement"],
    ...                   "starts_in_site": [True]})
    >>> left_out_of_travel(s, pd.DataFrame({"cancer_id": ["osteo"], "label": ["Osteosarcoma"]}),
    ...                    pd.DataFrame({"site_id": ["bone"], "label": ["Bone"]}))
    ['Osteosarcoma → Bone']
    """
    kept = travelling(spread)
    gone = spread.drop(index=kept.index)[["primary", "site"]].drop_duplicates()
    cancer, site = labels(cancers, "cancer_id"), labels(sites, "site_id")
    return sorted(f"{cancer[p]} → {site[s]}" for p, s in zip(gone["primary"], gone["site"],
                                                              strict=True))


def _strongest_evidence(kinds: pd.Series) -> str:
    """The strongest evidence kind present (ranked table > statement > example)."""
    present = set(kinds)
    return next(kind for kind in EVIDENCE_ORDER if kind in present)


def pair_cells(spread: pd.DataFrame, cancers: pd.DataFrame, sites: pd.DataFrame,
               sources: pd.DataFrame) -> pd.DataFrame:
    """One row per (primary, site) pair in ``spread``, for the heatmap and its table.

    Columns: primary, site, cancer, site_label, rank (Int64, NA when unranked), rank_label,
    strongest, marker (``statement``/``example`` when the pair has unranked evidence, else
    ``""``), evidence (labels joined), sources (short names joined), n_sources, n_quotes.
    """
    columns = ["primary", "site", "cancer", "site_label", "rank", "rank_label", "strongest",
               "marker", "evidence", "sources", "n_sources", "n_quotes"]
    if spread.empty:
        return pd.DataFrame(columns=columns)
    short = labels(sources, "source_id", "short_name")
    grouped = spread.groupby(["primary", "site"], sort=False)
    cells = grouped.agg(rank=("rank", "min"), strongest=("evidence", _strongest_evidence),
                        n_quotes=("quote", "size"),
                        n_sources=("source_id", "nunique")).reset_index()
    unranked = spread[spread["evidence"] != "ranked_table"].groupby(["primary", "site"])
    marker = unranked["evidence"].agg(_strongest_evidence).rename("marker")
    cells = cells.merge(marker, on=["primary", "site"], how="left").fillna({"marker": ""})
    cells["evidence"] = grouped["evidence"].agg(
        lambda e: "; ".join(EVIDENCE_LABELS[k] for k in EVIDENCE_ORDER if k in set(e))).values
    cells["sources"] = grouped["source_id"].agg(
        lambda s: "; ".join(sorted({short[i] for i in s}))).values
    cells["cancer"] = cells["primary"].map(labels(cancers, "cancer_id"))
    cells["site_label"] = cells["site"].map(labels(sites, "site_id"))
    cells["rank"] = cells["rank"].astype("Int64")
    cells["rank_label"] = cells["rank"].map(RANK_LABELS).fillna("")
    return cells[columns].sort_values(["cancer", "rank", "site_label"],
                                      na_position="last").reset_index(drop=True)


def site_order(cells: pd.DataFrame) -> list[str]:
    """Site labels ordered for an axis: most cancers reaching them first, then by label."""
    counts = cells.groupby("site_label")["primary"].nunique()
    return sorted(counts.index, key=lambda label: (-counts[label], label))


def top_three_counts(spread: pd.DataFrame, cancers: pd.DataFrame,
                     sites: pd.DataFrame) -> pd.DataFrame:
    """How many cancers list each site in their NCI top three, split by rank.

    Columns: site, site_label, rank, rank_label, n_cancers, cancers (labels joined).
    A count of table entries, not of patients.
    """
    ranked = spread[spread["evidence"] == "ranked_table"]
    ranked = ranked.assign(primary=ranked["primary"].map(labels(cancers, "cancer_id")))
    counts = (ranked.groupby(["site", "rank"])["primary"]
              .agg(n_cancers="nunique", cancers=lambda p: ", ".join(sorted(set(p))))
              .reset_index())
    counts["site_label"] = counts["site"].map(labels(sites, "site_id"))
    counts["rank"] = counts["rank"].astype("Int64")
    counts["rank_label"] = counts["rank"].map(RANK_LABELS)
    counts["n_cancers"] = counts["n_cancers"].astype("int64")
    return counts[["site", "site_label", "rank", "rank_label", "n_cancers", "cancers"]]


def quotes_for(spread: pd.DataFrame, sources: pd.DataFrame, primary: str | None = None,
               site: str | None = None) -> pd.DataFrame:
    """The quotes behind a cancer, a site or one pair, strongest evidence first.

    Columns: primary, site, evidence (its label), rank, source (short name), confidence,
    quote, note, evidence_id, source_id.
    """
    rows = filter_spread(spread, primaries=[primary] if primary else None,
                         sites=[site] if site else None)
    meta = sources.set_index("source_id")
    out = pd.DataFrame({
        "primary": rows["primary"], "site": rows["site"],
        "evidence": rows["evidence"].map(EVIDENCE_LABELS), "rank": rows["rank"],
        "source": rows["source_id"].map(meta["short_name"]),
        "confidence": rows["source_id"].map(meta["confidence"]),
        "quote": rows["quote"], "note": rows["note"].fillna(""),
        "evidence_id": rows["evidence"], "source_id": rows["source_id"],
        "_e": rows["evidence"].map({k: i for i, k in enumerate(EVIDENCE_ORDER)}),
        "_c": rows["source_id"].map(meta["confidence"]).map(CONFIDENCE_ORDER),
    })
    return (out.sort_values(["_e", "rank", "_c", "site", "primary"], na_position="last")
            .drop(columns=["_e", "_c"]).reset_index(drop=True))


def survival_view(survival: pd.DataFrame, cancers: pd.DataFrame,
                  sources: pd.DataFrame) -> pd.DataFrame:
    """Survival rates with display labels and their source's name and review date.

    Columns: group (e.g. "Breast cancer, women"), cancer, population, value_pct, source,
    reviewed, quote.
    """
    meta = sources.set_index("source_id")
    cancer = survival["cancer"].map(labels(cancers, "cancer_id"))
    return pd.DataFrame({
        "group": cancer + ", " + survival["population"],
        "cancer": cancer, "population": survival["population"],
        "value_pct": survival["value_pct"],
        "source": survival["source_id"].map(meta["short_name"]),
        "reviewed": survival["source_id"].map(meta["reviewed"]).fillna("no date given"),
        "quote": survival["quote"],
    }).reset_index(drop=True)


def figures_view(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Other quoted figures, grouped by the kind of number, with their source's name."""
    meta = sources.set_index("source_id")
    out = figures.assign(source=figures["source_id"].map(meta["short_name"]))
    return out[["measure", "value_as_stated", "value", "unit", "context", "source",
                "quote"]].sort_values(["measure", "value"], ascending=[True, False]).reset_index(
                    drop=True)


def data_dictionary(descriptor: dict) -> pd.DataFrame:
    """Every column of every table in the package: what it means, its type and allowed values
    (a code the app shows under a label reads ``code (label)``), required as yes/no."""
    rows = [{"table": resource["name"], "column": field["name"], "type": field["type"],
             "meaning": field.get("description", ""),
             "allowed_values": ", ".join(
                 f"{v} ({EVIDENCE_LABELS[v]})" if v in EVIDENCE_LABELS else str(v)
                 for v in field.get("constraints", {}).get("enum", [])),
             "required": "yes" if field.get("constraints", {}).get("required") else "no"}
            for resource in descriptor["resources"] for field in resource["schema"]["fields"]]
    return pd.DataFrame(rows)


def source_line(source_ids, sources: pd.DataFrame) -> str:
    """A one-line credit naming each source used, by publisher, with its review date.

    Examples
    --------
    >>> s = pd.DataFrame({"source_id": ["a"], "publisher": ["NCI"],
    ...                   "reviewed": ["2011-05-23"]})
    >>> source_line(["a"], s)
    'Source: NCI (reviewed 2011-05-23).'
    """
    used = sources[sources["source_id"].isin(set(source_ids))]
    parts = [f"{row.publisher} (reviewed {row.reviewed})" if isinstance(row.reviewed, str)
             else f"{row.publisher} (no date given)" for row in used.itertuples()]
    return ("Sources: " if len(parts) > 1 else "Source: ") + "; ".join(parts) + "."


def symptoms_by_site(symptoms: pd.DataFrame, sites: pd.DataFrame,
                     low: frozenset[str] = frozenset(), drop_low: bool = False) -> pd.DataFrame:
    """Per site: its symptoms, those named by more sources first, and how many sources.

    A symptom that only sources in ``low`` (the low-confidence ones) name is marked
    ``(low-confidence source only)``, so the label travels with it. The general signs of
    spread (site ``general``) come last, as :data:`GENERAL_LABEL`. With ``drop_low``, those
    symptoms are left out instead (a projected table with room for the better-sourced ones).

    Columns: site_id, site_label, symptoms (joined), n_symptoms, n_sources.

    Examples
    --------
    >>> s = pd.DataFrame({"site": ["lung", "lung", "general"],
    ...                   "symptom": ["coughing", "shortness of breath", "fatigue"],
    ...                   "source_id": ["weak", "nci", "nci"]})
    >>> sites = pd.DataFrame({"site_id": ["lung"], "label": ["Lung"]})
    >>> symptoms_by_site(s, sites, frozenset({"weak"}))[["site_label", "symptoms"]].values.tolist()
    [['Lung', 'coughing (low-confidence source only), shortness of breath'], \
['Anywhere (general signs of spread)', 'fatigue']]
    """
    counts = symptoms.groupby(["site", "symptom"]).agg(
        n=("source_id", "nunique"), only_low=("source_id", lambda s: set(s) <= low))
    counts = counts.reset_index().sort_values(["site", "n", "symptom"],
                                              ascending=[True, False, True])
    if drop_low:
        counts = counts[~counts["only_low"]]
        symptoms = symptoms[symptoms["site"].isin(counts["site"])]
    counts["shown"] = counts["symptom"].where(~counts["only_low"], counts["symptom"]
                                              + " (low-confidence source only)")
    out = counts.groupby("site", sort=False).agg(
        symptoms=("shown", ", ".join), n_symptoms=("symptom", "size")).reset_index()
    out["n_sources"] = out["site"].map(symptoms.groupby("site")["source_id"].nunique())
    out.insert(1, "site_label", out["site"].map({**labels(sites, "site_id"),
                                                 GENERAL: GENERAL_LABEL}))
    out = out.rename(columns={"site": "site_id"})
    out["_general"] = out["site_id"] == GENERAL
    out = out.sort_values(["_general", "n_sources", "n_symptoms"],
                          ascending=[True, False, False])
    return out.drop(columns="_general").reset_index(drop=True)


def filter_options(t: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """Choices for each filter, id -> label, ordered by label (evidence: strongest first)."""
    cancer_names = labels(t["cancers"], "cancer_id")
    site_names = labels(t["sites"], "site_id")
    return {
        "cancer": {c: cancer_names[c] for c in sorted(t["spread"]["primary"].unique(),
                                                       key=cancer_names.get)},
        "site": {s: site_names[s] for s in sorted(t["spread"]["site"].unique(),
                                                   key=site_names.get)},
        "evidence": dict(EVIDENCE_LABELS),
        "source": labels(t["sources"], "source_id", "short_name"),
    }
