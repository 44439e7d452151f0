"""The upload page's steps: which file, reading it once, problems, and matching names.

Everything the person uploads stays in ``st.session_state`` (this session's memory). Nothing
here uses Streamlit's process-wide caches for their data, which would outlive the session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from data.export import safe_csv_bytes
from data.own_data import resolve, shown_table
from data.own_view import short
from data.upload import UploadError, match_names, patient_rows, read_table, tidy, vocabulary
from data.upload_limits import release_memory
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


def chosen_file(upload) -> tuple[str, str, Callable[[], bytes]] | None:
    """The file to read: an upload wins over the practice file. (key, name, a function that
    gives its bytes) or None: the bytes are only fetched when the file is read."""
    if upload is not None:
        st.session_state.pop("own_practice", None)
        return f"upload:{upload.file_id}", upload.name, upload.getvalue
    practice = st.session_state.get("own_practice")
    if practice in EXAMPLES:
        return f"practice:{practice}", practice, (EXAMPLES_DIR / practice).read_bytes
    return None


def session_memo(name: str, key: tuple, build: Callable[[], object]) -> object:
    """``build()`` once per ``key`` in this session, keeping only the latest key per
    ``name`` (so an old file's steps are dropped). An UploadError is kept and raised again,
    so a click on a page with a broken file does not redo the work."""
    slot = f"own_memo_{name}"
    kept = st.session_state.get(slot)
    if kept is None or kept[0] != key:
        st.session_state.pop(slot, None)  # let the old value go before building the new
        try:
            kept = (key, build())
        except UploadError as problem:
            kept = (key, problem)
        st.session_state[slot] = kept
    if isinstance(kept[1], UploadError):
        raise kept[1]
    return kept[1]


def parsed_table(file_key: str, read: Callable[[], bytes], file_name: str) -> pd.DataFrame:
    """The file read as a table, once per file in this session; the memory the reading
    used is handed back to the system at once."""
    def parse() -> pd.DataFrame:
        try:
            return read_table(read(), file_name)
        finally:
            release_memory()
    return session_memo("parsed", (file_key,), parse)


def tidy_steps(file_key: str, frame: pd.DataFrame, shape: str,
               chosen: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The tidy pairs and, for a patient file, its patients (to count again after names
    merge), once per file, kind and columns in this session."""
    def build() -> tuple[pd.DataFrame, pd.DataFrame | None]:
        pairs = tidy(frame, shape, chosen)
        return pairs, patient_rows(frame, chosen) if shape == "patients" else None
    return session_memo("tidy", (file_key, shape, tuple(sorted(chosen.items()))), build)


def checked_table(step: tuple, pairs: pd.DataFrame, patients: pd.DataFrame | None,
                  primary_ids: dict, site_ids: dict, matches: dict
                  ) -> tuple[pd.DataFrame, pd.DataFrame, bytes]:
    """The pairs resolved with the names chosen, the table shown and its CSV, once per
    choice in this session. Raises UploadError when a merge would count patients twice."""
    def build() -> tuple[pd.DataFrame, pd.DataFrame, bytes]:
        resolved = resolve(pairs, primary_ids, site_ids, matches["cancer_labels"],
                           matches["site_labels"], patients)
        shown = shown_table(resolved)
        return resolved, shown, safe_csv_bytes(shown)
    key = (step, tuple(sorted(primary_ids.items())), tuple(sorted(site_ids.items())))
    return session_memo("checked", key, build)


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
            f"“{escape_markdown(short(name))}” is", options,
            format_func=lambda o: labels.get(o, "a new name (keep it)"),
            key=f"name_{file_key}_{kind}_{index}") or None
    if len(unmatched) > MAX_NAME_CHOICES:
        st.caption(f"{len(unmatched) - MAX_NAME_CHOICES} more unmatched {kind} names are kept "
                   "as new names.")
    return chosen
