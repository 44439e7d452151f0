"""The tables pages show and offer as CSV, in one shape (see :mod:`data.columns`).

Each builder takes a frame the views already have and returns it with the app's column
names: every coded column as a ``<thing>_id`` / ``<thing>_label`` pair (lists joined by
``"; "`` as ``<thing>_ids`` / ``<thing>_labels``), a rank as ``rank`` (blank when missing)
beside ``rank_label``. No Streamlit; the published data package is left as it is.
"""

from __future__ import annotations

import pandas as pd

from data.glossary import TERMS
from data.vocabulary import EVIDENCE_LABELS, EVIDENCE_ORDER, GENERAL, GENERAL_LABEL, ordinal

Tables = dict[str, pd.DataFrame]
JOIN = "; "


def names(t: Tables, kind: str) -> dict[str, str]:
    """id -> label for ``"cancer"``, ``"site"``, ``"source"`` (short name) or ``"evidence"``.

    Examples
    --------
    >>> names({}, "evidence")["statement"]
    'Stated in a sentence'
    """
    if kind == "evidence":
        return dict(EVIDENCE_LABELS)
    table, label = {"cancer": ("cancers", "label"), "site": ("sites", "label"),
                    "source": ("sources", "short_name")}[kind]
    out = dict(zip(t[table][f"{kind}_id"], t[table][label], strict=True))
    return {**out, GENERAL: GENERAL_LABEL} if kind == "site" else out


def sourced(ids: pd.Series, t: Tables) -> dict[str, pd.Series]:
    """``source_id``, ``source_label`` and ``confidence`` for a column of source ids, so a
    quote is never shown without how far its source can be trusted."""
    trust = dict(zip(t["sources"]["source_id"], t["sources"]["confidence"], strict=True))
    return {**pair(ids, names(t, "source"), "source"), "confidence": ids.map(trust)}


def rank_labels(ranks: pd.Series) -> pd.Series:
    """``1st``/``2nd``/``3rd`` for each rank; blank where there is none.

    Examples
    --------
    >>> rank_labels(pd.Series([1, None, 3], dtype="Int64")).tolist()
    ['1st', '', '3rd']
    """
    ranks = ranks.astype("Int64")
    return pd.Series(["" if pd.isna(r) else ordinal(int(r)) for r in ranks], index=ranks.index,
                     dtype=object)


def pair(ids: pd.Series, labels: dict[str, str], thing: str) -> dict[str, pd.Series]:
    """``{thing_id: ids, thing_label: their labels}``; an unknown or blank id reads blank."""
    ids = ids.astype(object).where(ids.notna(), "")
    return {f"{thing}_id": ids, f"{thing}_label": ids.map(labels).fillna("")}


def pair_joined(lists: pd.Series, labels: dict[str, str], thing: str) -> dict[str, pd.Series]:
    """``{thing_ids, thing_labels}`` for a column holding lists (or ``|``-joined ids)."""
    lists = lists.map(lambda v: sorted(v.split("|")) if isinstance(v, str) else sorted(v))
    return {f"{thing}_ids": lists.map(JOIN.join),
            f"{thing}_labels": lists.map(lambda ids: JOIN.join(labels.get(i, i) for i in ids))}


def ranked(ranks: pd.Series, thing: str = "rank") -> dict[str, pd.Series]:
    """``{thing: rank (Int64, blank when missing), thing_label: 1st/2nd/3rd or blank}``."""
    ranks = ranks.astype("Int64")
    return {thing: ranks, f"{thing}_label": rank_labels(ranks)}


def frame(parts: list[dict[str, pd.Series]], index: pd.Index) -> pd.DataFrame:
    """A frame from column dicts, in order, on ``index``, re-indexed from 0."""
    columns = {name: series for part in parts for name, series in part.items()}
    return pd.DataFrame(columns, index=index).reset_index(drop=True)


def yes_no(values: pd.Series) -> pd.Series:
    """``True``/``False`` as ``yes``/``no`` (the same on screen and in the CSV)."""
    return values.astype(bool).map({True: "yes", False: "no"})


def claims(rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """Spread rows (published ``spread`` columns) as the claims table."""
    out = frame([{"spread_id": rows["spread_id"]}, pair(rows["primary"], names(t, "cancer"),
                 "cancer"), pair(rows["site"], names(t, "site"), "site"), ranked(rows["rank"]),
                 pair(rows["evidence"], names(t, "evidence"), "evidence"),
                 pair(rows["source_id"], names(t, "source"), "source"),
                 {"quote": rows["quote"]}], rows.index)
    if "starts_in_site" in rows:
        out["starts_in_site"] = yes_no(rows["starts_in_site"]).to_numpy()
    out["note"] = rows["note"].fillna("").to_numpy()
    return out


def quotes(found: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The rows of :func:`data.query.quotes_for` with ids and labels."""
    return frame([pair(found["primary"], names(t, "cancer"), "cancer"),
                  pair(found["site"], names(t, "site"), "site"), ranked(found["rank"]),
                  pair(found["evidence_id"], names(t, "evidence"), "evidence"),
                  pair(found["source_id"], names(t, "source"), "source"),
                  {"confidence": found["confidence"], "quote": found["quote"],
                   "note": found["note"].fillna("")}], found.index)


def _pair_lists(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per (primary, site) in ``rows``: the sorted distinct values of ``column``."""
    return rows.groupby(["primary", "site"])[column].agg(lambda v: sorted(set(v))).rename(column)


def cells(cells: pd.DataFrame, rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The heatmap's pairs (:func:`data.query.pair_cells`) with the ids of their evidence
    and sources (from the claims ``rows`` they were made of)."""
    keys = pd.MultiIndex.from_frame(cells[["primary", "site"]])
    kinds = _pair_lists(rows, "evidence").reindex(keys).map(
        lambda ks: [k for k in EVIDENCE_ORDER if k in ks])
    who = _pair_lists(rows, "source_id").reindex(keys)
    kinds.index = who.index = cells.index
    return frame([pair(cells["primary"], names(t, "cancer"), "cancer"),
                  pair(cells["site"], names(t, "site"), "site"), ranked(cells["rank"]),
                  pair(cells["strongest"], names(t, "evidence"), "strongest_evidence"),
                  pair(cells["marker"].replace("", pd.NA), names(t, "evidence"),
                       "sentence_evidence"),
                  pair_joined(kinds, names(t, "evidence"), "evidence"),
                  pair_joined(who, names(t, "source"), "source"),
                  {"n_sources": cells["n_sources"], "n_quotes": cells["n_quotes"]}],
                 cells.index)


def top_three(counts: pd.DataFrame, rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """How many cancers rank each site 1st, 2nd, 3rd (:func:`data.query.top_three_counts`)."""
    ranked_rows = rows[rows["evidence"] == "ranked_table"]
    lists = ranked_rows.groupby(["site", "rank"])["primary"].agg(lambda v: sorted(set(v)))
    keys = pd.MultiIndex.from_arrays([counts["site"], counts["rank"].astype("int64")])
    cancer_lists = lists.reindex(keys)
    cancer_lists.index = counts.index
    return frame([pair(counts["site"], names(t, "site"), "site"), ranked(counts["rank"]),
                  {"n_cancers": counts["n_cancers"]},
                  pair_joined(cancer_lists, names(t, "cancer"), "cancer")], counts.index)


def edges(edges: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The network's edge list (:func:`graph.build.edge_table`) in the app's names."""
    return frame([pair(edges["primary"], names(t, "cancer"), "cancer"),
                  pair(edges["site"], names(t, "site"), "site"),
                  ranked(edges["best_rank"], "best_rank"), {"rank_points": edges["rank_points"]},
                  pair(edges["evidence"], names(t, "evidence"), "strongest_evidence"),
                  pair_joined(edges["evidence_kinds"], names(t, "evidence"), "evidence"),
                  pair_joined(edges["sources"], names(t, "source"), "source"),
                  {"n_quotes": edges["n_quotes"]}], edges.index)


def measures(measures: pd.DataFrame) -> pd.DataFrame:
    """Per node (:func:`graph.metrics.node_measures`): links, rank points, go-between score."""
    return pd.DataFrame({
        "node_id": measures["node"], "node_label": measures["label"],
        "node_kind": measures["kind"], "links": measures["degree"],
        "ranked_links": measures["ranked_degree"], "rank_points": measures["rank_points"],
        "go_between_score": measures["betweenness"].round(3)}).reset_index(drop=True)


def shared(shared: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """Pairs of cancers sharing sites (:func:`graph.metrics.shared_sites`)."""
    site_id = {label: i for i, label in names(t, "site").items()}
    lists = shared["shared_sites"].map(lambda s: [site_id.get(x, x) for x in s.split(JOIN)])
    return frame([pair(shared["cancer_a_id"], names(t, "cancer"), "cancer_a"),
                  pair(shared["cancer_b_id"], names(t, "cancer"), "cancer_b"),
                  {"n_shared_sites": shared["shared"]},
                  pair_joined(lists, names(t, "site"), "shared_site"),
                  {"similarity": shared["jaccard"]}], shared.index)


def arrows(arrows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The body map's arrows (:func:`charts.body_map.arrows`) as a table."""
    return frame([pair(arrows["primary"], names(t, "cancer"), "cancer"),
                  pair(arrows["site"], names(t, "site"), "site"), ranked(arrows["rank"]),
                  pair(arrows["evidence"], names(t, "evidence"), "evidence")], arrows.index)


def symptoms(rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """One site's symptoms (published ``symptoms`` rows) and the sources naming each, those
    named by more sources first."""
    out = rows.groupby("symptom", sort=False).agg(
        source_id=("source_id", lambda s: sorted(set(s))), n_sources=("source_id", "nunique"))
    out = out.reset_index().sort_values(["n_sources", "symptom"], ascending=[False, True])
    return frame([{"symptom": out["symptom"]}, pair_joined(out["source_id"], names(t, "source"),
                  "source"), {"n_sources": out["n_sources"]}], out.index)


def symptom_quotes(rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The words behind one site's symptoms: one row per quote, with the symptoms it names."""
    out = rows.groupby(["source_id", "quote"], sort=False)["symptom"].agg(", ".join)
    out = out.rename("symptoms").reset_index()
    return frame([{"symptoms": out["symptoms"]}, sourced(out["source_id"], t),
                  {"quote": out["quote"]}], out.index)


def treatments(rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """Treatments (published ``treatments`` rows) with their source."""
    return frame([{"treatment": rows["treatment"], "treatment_kind": rows["kind"]},
                  sourced(rows["source_id"], t), {"quote": rows["quote"]}], rows.index)


def survival(rates: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The quoted survival rates (published ``survival`` rows), labelled and dated."""
    reviewed = dict(zip(t["sources"]["source_id"], t["sources"]["reviewed"], strict=True))
    cancer = pair(rates["cancer"], names(t, "cancer"), "cancer")
    return frame([cancer, {"population": rates["population"],
                           "group": cancer["cancer_label"] + ", " + rates["population"],
                           "value_pct": rates["value_pct"]},
                  pair(rates["source_id"], names(t, "source"), "source"),
                  {"reviewed": rates["source_id"].map(reviewed).fillna("no date given"),
                   "quote": rates["quote"]}], rates.index)


def figures(rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The other quoted figures (published ``figures`` rows), by measure, largest first."""
    rows = rows.sort_values(["measure", "value"], ascending=[True, False])
    return frame([{c: rows[c] for c in ("measure", "value_as_stated", "value", "unit",
                                        "context")},
                  sourced(rows["source_id"], t), {"quote": rows["quote"]}], rows.index)


def claim_rows(rows: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """The published ``claims`` rows: each question, a source's answer and its words."""
    return frame([{"question": rows["topic"], "position": rows["position"],
                   "answer": rows["stance"], "clashes_with": rows["conflicts_with"].fillna("")},
                  sourced(rows["source_id"], t),
                  {"note": rows["note"].fillna(""),
                   "known_error": rows.get("known_error", pd.Series("", rows.index)).fillna(""),
                   "quote": rows["quote"]}], rows.index)


def sources(rows: pd.DataFrame) -> pd.DataFrame:
    """The published ``sources`` rows, the short name as ``source_label``."""
    out = rows.rename(columns={"short_name": "source_label"}).fillna("")
    return out.reset_index(drop=True)


def steps(cascade: pd.DataFrame) -> pd.DataFrame:
    """The steps of spread: the NCI's name and words, and this app's plain words for each."""
    return pd.DataFrame({"step": cascade["step"], "name": cascade["name"],
                         "in_plain_words": cascade["name"].str.lower().map(TERMS).fillna(""),
                         "what_happens": cascade["what_happens"]}).reset_index(drop=True)


OWN_MEASURES = {"rank": "rank", "count": "n_patients", "total": "n_patients_with_primary",
                "share": "share"}


def own_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """A person's resolved pairs (:func:`upload.resolve.resolve`) as a download in the app's
    names: ``cancer_id``/``site_id`` are the dashboard's id for a matched name, or the app's
    key for a new one; the labels are what the views show."""
    out = {"cancer_id": pairs["primary_key"], "cancer_label": pairs["cancer"],
           "site_id": pairs["site_key"], "site_label": pairs["site_label"]}
    if "rank" in pairs:
        out |= ranked(pairs["rank"])
    out |= {new: pairs[old] for old, new in OWN_MEASURES.items() if old in pairs and old != "rank"}
    out["names_in_file"] = pairs["names"]
    return pd.DataFrame(out).reset_index(drop=True)
