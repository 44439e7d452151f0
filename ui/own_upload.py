"""The upload page's steps: which file, reading it once, problems, and matching names.

Everything the person uploads stays in ``st.session_state`` (this session's memory). Nothing
here uses Streamlit's process-wide caches for their data, which would outlive the session.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from data.upload import UploadError, match_names, read_table, vocabulary
from ui.data import tables
from ui.show import escape_markdown

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "examples"
EXAMPLES = {"practice_spread_counts.csv": "counts with totals",
            "practice_ranked.csv": "a ranked table",
            "practice_patients.csv": "one row per patient"}
ROLE_NAMES = {"primary": "Primary cancer", "site": "Site it spread to",
              "rank": "Rank (1 = most common)", "count": "Number of patients",
              "total": "Total with that primary (optional)", "patient": "Patient id"}
PARSED_KEY = "own_parsed"
MAX_NAME_CHOICES = 40  # more unmatched names than this are kept as new names, and said so


def chosen_file(upload) -> tuple[str, str, bytes] | None:
    """The file to read: an upload wins over the practice file. (key, name, bytes) or None."""
    if upload is not None:
        st.session_state.pop("own_practice", None)
        return f"upload:{upload.file_id}", upload.name, upload.getvalue()
    practice = st.session_state.get("own_practice")
    if practice in EXAMPLES:
        return f"practice:{practice}", practice, (EXAMPLES_DIR / practice).read_bytes()
    return None


def parsed_table(file_key: str, raw: bytes, file_name: str) -> pd.DataFrame:
    """The file read as a table, once per file in this session (a big file takes a second)."""
    kept = st.session_state.get(PARSED_KEY)
    if kept is None or kept[0] != file_key:
        try:
            kept = (file_key, read_table(raw, file_name))
        except UploadError as problem:
            kept = (file_key, problem)
        st.session_state[PARSED_KEY] = kept
    if isinstance(kept[1], UploadError):
        raise kept[1]
    return kept[1]


def show_problems(problem: UploadError, heading: str) -> None:
    """Every problem found, in plain words, and what happens next (nothing is lost)."""
    lines = "\n".join(f"- {escape_markdown(p)}" for p in problem.problems)
    st.error(f"**{heading}.**\n\n{lines}\n\nFix the file and upload it again. The five "
             "sources' data is unchanged" + (", and so is the table you uploaded before."
                                            if st.session_state.get("own_data") else "."),
             icon=":material/error:")


@st.cache_resource(show_spinner=False)
def vocabularies() -> dict[str, dict]:
    """The names the dashboard knows, for matching (shared; read-only; no user data)."""
    t = tables()
    return {"cancer": vocabulary(t["cancers"], "cancer_id"),
            "site": vocabulary(t["sites"], "site_id", aliases="aliases"),
            "cancer_labels": dict(zip(t["cancers"]["cancer_id"], t["cancers"]["label"],
                                      strict=True)),
            "site_labels": dict(zip(t["sites"]["site_id"], t["sites"]["label"], strict=True))}


def name_matching(primaries: tuple[str, ...], sites: tuple[str, ...]) -> dict:
    """Each name in the file matched to the vocabularies (None = no match), with counts."""
    known = vocabularies()
    primary_ids = match_names(primaries, known["cancer"])
    site_ids = match_names(sites, known["site"])
    return {"primary_ids": primary_ids, "site_ids": site_ids,
            "cancers": len(primary_ids), "sites": len(site_ids),
            "cancers_matched": sum(v is not None for v in primary_ids.values()),
            "sites_matched": sum(v is not None for v in site_ids.values()),
            "cancer_labels": known["cancer_labels"], "site_labels": known["site_labels"]}


def unmatched_choices(ids: dict[str, str | None], kind: str, file_key: str) -> dict:
    """Let the person match each unmatched name or keep it as new; return name -> id/None."""
    unmatched = [name for name, found in ids.items() if found is None]
    if not unmatched:
        return dict(ids)
    labels = vocabularies()[f"{kind}_labels"]
    options = [""] + sorted(labels, key=labels.get)
    chosen = dict(ids)
    st.markdown(f"**{kind.capitalize()} names with no match ({len(unmatched)})**")
    columns = st.columns(3)
    for index, name in enumerate(unmatched[:MAX_NAME_CHOICES]):
        chosen[name] = columns[index % 3].selectbox(
            f"“{escape_markdown(name)}” is", options,
            format_func=lambda o: labels.get(o, "a new name (keep it)"),
            key=f"name_{file_key}_{kind}_{index}") or None
    if len(unmatched) > MAX_NAME_CHOICES:
        st.caption(f"{len(unmatched) - MAX_NAME_CHOICES} more unmatched {kind} names are kept "
                   "as new names.")
    return chosen
