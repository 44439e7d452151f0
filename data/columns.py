"""One set of column names for every table a page shows and lets you download.

A page's table is kept in its *download* shape: snake_case names that are the same in every
download of the app, and for each coded column both ``<thing>_id`` (the code the data files
use, e.g. ``nci``) and ``<thing>_label`` (what a person reads, e.g. ``NCI fact sheet``).
:func:`on_screen` turns that into the table a person sees: the labels under plain headings,
no codes, missing values blank. Headings and their tooltips come from here and the glossary.
"""

from __future__ import annotations

import pandas as pd

from data.glossary import explain

HEADINGS: dict[str, tuple[str, str | None]] = {
    # column: (heading on screen, glossary term for its tooltip, or None)
    "cancer_label": ("Cancer", "primary cancer"),
    "cancer_a_label": ("Cancer", "primary cancer"),
    "cancer_b_label": ("Shares sites with", "primary cancer"),
    "site_label": ("Site", "site"),
    "shared_site_labels": ("Sites they share", "site"),
    "n_shared_sites": ("Number of shared sites", None),
    "similarity": ("Similarity", "similarity"),
    "rank_label": ("NCI rank", "NCI rank"),
    "best_rank_label": ("Best NCI rank", "NCI rank"),
    "evidence_label": ("Kind of evidence", "kind of evidence"),
    "strongest_evidence_label": ("Strongest evidence", "kind of evidence"),
    "sentence_evidence_label": ("Also named in a sentence as", "kind of evidence"),
    "evidence_labels": ("Kinds of evidence", "kind of evidence"),
    "source_label": ("Source", None),
    "source_labels": ("Sources", None),
    "confidence": ("Trust in the source", "confidence"),
    "quote": ("The source's words", None),
    "note": ("Note (this app's)", None),
    "n_sources": ("How many sources", None),
    "n_quotes": ("How many quotes", None),
    "n_cancers": ("How many cancers", None),
    "cancer_labels": ("Cancers", None),
    "starts_in_site": ("Starts in that site?", None),
    "node_label": ("Name", None),
    "node_kind": ("Cancer or site", None),
    "links": ("Links", "links"),
    "ranked_links": ("Ranked links", "ranked links"),
    "rank_points": ("Rank points", "rank points"),
    "go_between_score": ("Go-between score", "go-between score"),
    "symptom": ("Symptom", None),
    "symptoms": ("Symptoms the sources name", None),
    "n_symptoms": ("How many symptoms", None),
    "treatment": ("Treatment", None),
    "treatment_kind": ("Kind of treatment", None),
    "group": ("Group", None),
    "population": ("People", None),
    "value_pct": ("Five-year survival (%)", "five-year survival rate"),
    "reviewed": ("Source reviewed", None),
    "measure": ("What is measured", None),
    "value_as_stated": ("As the source says it", None),
    "value": ("Number", None),
    "unit": ("Unit", None),
    "context": ("What it is about", None),
    "question": ("Question", None),
    "position": ("What the source says, in short", None),
    "answer": ("Answer", "answer"),
    "clashes_with": ("Cannot be true alongside", None),
    "known_error": ("Wrong, in this app's reading", None),
    "verdict": ("Verdict", "verdict"),
    "contradicts_itself": ("A source contradicts itself", None),
    "step": ("Step", None),
    "name": ("Name", None),
    "what_happens": ("What happens (NCI fact sheet)", None),
    "in_plain_words": ("In plain words (this app's)", None),
    "publisher": ("Publisher", None),
    "title": ("Title", None),
    "kind": ("Kind of document", None),
    "confidence_note": ("Why we trust it this much", None),
    "reuse": ("Reuse", None),
    "citation": ("How to cite it", None),
    "table": ("Table", None),
    "column": ("Column", None),
    "type": ("Type", None),
    "meaning": ("Meaning", None),
    "allowed_values": ("Allowed values", None),
    "required": ("Required", None),
}
"""Every column a page's table may have, with its heading on screen and tooltip term.
A published column not listed here is declared in :data:`SHOWN_AS` below."""

# Every published column (data/datapackage.json, as "table.column") that no page's table shows
# under its own name in HEADINGS: the on-screen column that shows it instead (a code shown by
# its label, a stance as an answer), or None when it has no column of its own on any page (it
# is in every download). With HEADINGS this declares every published column: a new one that
# is in neither makes tests/test_published_columns.py name it and what else must follow.
SHOWN_AS: dict[str, str | None] = {
    "sources.source_id": "source_label", "sources.short_name": "source_label",
    "sources.sha256": None,
    "sites.site_id": "site_label", "sites.label": "site_label", "sites.aliases": None,
    "sites.receives_spread": None,
    "cancers.cancer_id": "cancer_label", "cancers.label": "cancer_label",
    "cancers.organ_site_id": None,
    "spread.spread_id": None, "spread.primary": "cancer_label", "spread.site": "site_label",
    "spread.rank": "rank_label", "spread.evidence": "evidence_label",
    "spread.source_id": "source_label", "spread.quote_form": None,
    "survival.cancer": None, "survival.stage": None, "survival.source_id": "source_label",
    "figures.figure_id": None, "figures.qualifier": None, "figures.source_id": "source_label",
    "symptoms.site": "site_label", "symptoms.source_id": "source_label",
    "treatments.scope": None, "treatments.source_id": "source_label",
    "cascade.source_id": "source_label",
    "key_facts.fact_id": None, "key_facts.topic": None, "key_facts.source_id": "source_label",
    "claims.topic": "question", "claims.stance": "answer", "claims.conflicts_with": "clashes_with",
    "claims.source_id": "source_label",
}


def screen_columns(frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` a person sees: those with a heading, in the frame's order.

    Columns named after a source (the Source check grid) are kept as they are.

    Examples
    --------
    >>> screen_columns(pd.DataFrame(columns=["site_id", "site_label", "NCI fact sheet"]))
    ['site_label', 'NCI fact sheet']
    """
    return [c for c in frame.columns
            if c in HEADINGS or not (c.islower() or c.endswith(("_id", "_ids")))]


def on_screen(frame: pd.DataFrame) -> pd.DataFrame:
    """The table a person sees for a download-shaped ``frame``: codes left out, plain
    headings, a missing value blank (never ``None``/``nan``), yes/no for true/false.

    Examples
    --------
    >>> f = pd.DataFrame({"site_id": ["lung"], "site_label": ["Lung"],
    ...                   "rank": pd.array([pd.NA], dtype="Int64"), "rank_label": [""]})
    >>> on_screen(f).columns.tolist(), on_screen(f).iloc[0].tolist()
    (['Site', 'NCI rank'], ['Lung', ''])
    """
    shown = frame[screen_columns(frame)].copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values):
            shown[column] = values.map({True: "yes", False: "no"})
        elif not pd.api.types.is_numeric_dtype(values) or values.isna().any():
            shown[column] = values.astype(object).where(values.notna(), "").map(
                lambda v: v if isinstance(v, str) else f"{v:g}" if isinstance(v, float) else
                str(v))
    return shown.rename(columns={c: HEADINGS[c][0] for c in shown.columns if c in HEADINGS})


def column_help(frame: pd.DataFrame) -> dict[str, str]:
    """Heading on screen -> tooltip, for the columns of ``frame`` that have a glossary term.

    Examples
    --------
    >>> list(column_help(pd.DataFrame(columns=["rank_label", "quote"])))
    ['NCI rank']
    """
    return {HEADINGS[c][0]: explain(HEADINGS[c][1]) for c in frame.columns
            if c in HEADINGS and HEADINGS[c][1]}


def cards(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Each row of a download-shaped ``frame`` with a ``quote`` as ``(words, who, detail)``
    for a quote card: the source (and its trust), then the row's other cells as
    ``Heading: value``, blanks left out, and a column that is the same on every one of
    several rows (the site of a site's profile) said once by the page, not on each card.

    Examples
    --------
    >>> f = pd.DataFrame({"cancer_id": ["lung"], "cancer_label": ["Lung cancer"],
    ...                   "source_label": ["NCI fact sheet"], "confidence": ["high"],
    ...                   "quote": ["Lungs — Adrenal gland"], "note": [""]})
    >>> cards(f)
    [('Lungs — Adrenal gland', 'NCI fact sheet (confidence: high)', 'Cancer: Lung cancer')]
    """
    shown = on_screen(frame)
    words, who = HEADINGS["quote"][0], HEADINGS["source_label"][0]
    trust = HEADINGS["confidence"][0]
    rest = [c for c in shown.columns if c not in (words, who, trust)
            and (len(shown) == 1 or shown[c].nunique() > 1)]
    out = []
    for _, row in shown.iterrows():
        source = row[who] + (f" (confidence: {row[trust]})" if trust in row else "")
        detail = " · ".join(f"{c}: {row[c]}" for c in rest if str(row[c]))
        out.append((row[words], source, detail))
    return out
