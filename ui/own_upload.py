"""The upload page's steps: which file, reading it once, problems, and matching names.

Everything the person uploads stays in ``st.session_state`` (this session's memory). Nothing
here uses Streamlit's process-wide caches for their data, which would outlive the session.

Memo: :func:`session_memo` for an upload's steps (the latest file's only);
:meth:`ui.own_data.OwnData.memo` for its drawings; :func:`ui.data.cached` for what comes from
the five sources alone (the vocabularies).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from data.export import safe_csv_bytes
from data.extracts import own_pairs
from data.load import Published
from ui.data import cached, tables
from ui.show import escape_markdown
from ui.st_internals import DeletedFile  # Streamlit internal: see its upgrade note
from upload.cells import Tidied
from upload.limits import release_memory
from upload.names import Match, automatic_ids, load_synonyms, match_all, vocabulary
from upload.problems import UploadError
from upload.read import DECIMALS, DELIMITERS, ReadOptions, read_table
from upload.resolve import resolve, shown_table, totals
from upload.tidy import tidy_report
from upload.view import short
from upload.workbook import is_workbook, sheet_names

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "examples"
EXAMPLES = {"practice_spread_counts.csv": "counts with totals",
            "practice_ranked.csv": "a ranked table",
            "practice_patients.csv": "one row per patient"}
ROLE_NAMES = {"primary": "Primary cancer", "site": "Site it spread to",
              "rank": "Rank (1 = most common)", "count": "Number of patients",
              "total": "Total with that primary (optional)", "patient": "Patient id"}
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


UPLOAD_LOST = ("**Please upload your file again.** The app was restarted, or your connection "
               "moved to another of the app's servers, and your file was kept only in the "
               "memory of the one before (uploads are never saved to disk). Upload it again "
               "above, or try the practice data.")


def upload_lost(key: str = "own_file") -> bool:
    """True when the browser still shows a file in the uploader ``key`` that this server
    does not hold: after a restart or a move to another replica, the tab reconnects to a new
    session and sends the old file's id, which Streamlit reads as a deleted file (the widget
    then returns None)."""
    return isinstance(st.session_state.get(key), DeletedFile)


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


def read_options(file_key: str, file_name: str, read: Callable[[], bytes]) -> ReadOptions:
    """How to read the file, chosen on the page: a workbook's sheet (when it has more than
    one), or a text file's delimiter and decimal mark (detected unless chosen)."""
    raw = read()
    if is_workbook(raw, file_name):
        try:
            sheets = session_memo("sheets", (file_key,), lambda: sheet_names(raw))
        except UploadError:
            return ReadOptions()  # read_table says what is wrong
        if len(sheets) < 2:
            return ReadOptions()
        sheet = st.selectbox("Sheet", sheets, format_func=short, key=f"sheet_{file_key}",
                             help="The workbook has more than one sheet: choose the one to read.")
        return ReadOptions(sheet=sheet)
    with st.expander("How the file is read (separator and decimal mark)"):
        left, right = st.columns(2)
        delimiter = left.selectbox("Columns are separated by", [None, *DELIMITERS],
                                   format_func=lambda d: DELIMITERS.get(d, "detect it for me"),
                                   key=f"delimiter_{file_key}")
        decimal = right.selectbox("Decimal mark", [None, *DECIMALS],
                                  format_func=lambda d: DECIMALS.get(
                                      d, "detect it for me (comma if separated by ;)"),
                                  key=f"decimal_{file_key}")
    return ReadOptions(delimiter=delimiter, decimal=decimal)


def parsed_table(file_key: str, read: Callable[[], bytes], file_name: str,
                 options: ReadOptions | None = None) -> pd.DataFrame:
    """The file read as a table, once per file and way of reading in this session; the
    memory the reading used is handed back to the system at once."""
    def parse() -> pd.DataFrame:
        try:
            return read_table(read(), file_name, options or ReadOptions())
        finally:
            release_memory()
    return session_memo("parsed", (file_key, options), parse)


def read_note(frame: pd.DataFrame) -> str:
    """How the file was read, in words, with a hint when only one column came out."""
    how = frame.attrs
    if how.get("sheet") is not None:
        said = f"Read the sheet “{escape_markdown(short(how['sheet']))}”."
    else:
        said = (f"Columns separated by {DELIMITERS.get(how.get('delimiter'), 'comma (,)')}, "
                f"decimal mark {DECIMALS.get(how.get('decimal'), 'point (3.5)')}.")
    if len(frame.columns) == 1:
        said += (" Only one column was read: if your file uses another separator, choose it "
                 "under “How the file is read”.")
    return f"{len(frame):,} rows read. {said}"


def tidy_steps(file_key: str, frame: pd.DataFrame, shape: str, chosen: dict[str, str]
               ) -> Tidied:
    """The tidy pairs, a patient file's patients (to count again after names merge) and
    notes on the rows handled, once per file, kind and columns in this session."""
    return session_memo("tidy", (file_key, shape, tuple(sorted(chosen.items()))),
                        lambda: tidy_report(frame, shape, chosen))


def checked_table(step: tuple, pairs: pd.DataFrame, patients: pd.DataFrame | None,
                  primary_ids: dict, site_ids: dict, matches: dict
                  ) -> tuple[pd.DataFrame, pd.DataFrame, bytes]:
    """The pairs resolved with the names chosen, the table shown and its CSV, once per
    choice in this session. Raises UploadError when a merge would count patients twice."""
    def build() -> tuple[pd.DataFrame, pd.DataFrame, bytes]:
        resolved = resolve(pairs, primary_ids, site_ids, matches["cancer_labels"],
                           matches["site_labels"], patients)
        shown = shown_table(resolved)
        return resolved, shown, safe_csv_bytes(own_pairs(resolved))
    key = (step, tuple(sorted(primary_ids.items())), tuple(sorted(site_ids.items())))
    return session_memo("checked", key, build)


def show_problems(problem: UploadError, heading: str) -> None:
    """Every problem found, in plain words, and what happens next (nothing is lost)."""
    lines = "\n".join(f"- {escape_markdown(p)}" for p in problem.problems)
    st.error(f"**{heading}.**\n\n{lines}\n\nFix the file and upload it again. The five "
             "sources' data is unchanged" + (", and so is the table you uploaded before."
                                            if st.session_state.get("own_data") else "."),
             icon=":material/error:")


@cached(max_entries=1)
def vocabularies(t: Published) -> dict[str, dict]:
    """The names the dashboard knows, for matching (shared; read-only; no user data)."""
    synonyms = load_synonyms()
    return {"cancer": vocabulary(t["cancers"], "cancer_id"),
            "cancer_synonyms": synonyms["cancers"], "site_synonyms": synonyms["sites"],
            "site": vocabulary(t["sites"], "site_id", aliases="aliases"),
            "cancer_labels": dict(zip(t["cancers"]["cancer_id"], t["cancers"]["label"],
                                      strict=True)),
            "site_labels": dict(zip(t["sites"]["site_id"], t["sites"]["label"], strict=True))}


def name_matching(primaries: tuple[str, ...], sites: tuple[str, ...]) -> dict:
    """Each name in the file matched to the vocabularies: name -> :class:`Match`, per kind."""
    known = vocabularies(tables())
    return {"cancer": match_all(primaries, known["cancer"], known["cancer_synonyms"]),
            "site": match_all(sites, known["site"], known["site_synonyms"]),
            "cancer_labels": known["cancer_labels"], "site_labels": known["site_labels"]}


def matching_sentence(matches: dict) -> str:
    """How many names matched automatically, and how, in one paragraph."""
    found = list(matches["cancer"].values()) + list(matches["site"].values())
    count = {how: sum(m.how == how for m in found) for how in
             ("same", "synonym", "group", "suggested", "new")}
    auto = count["same"] + count["synonym"] + count["group"]
    parts = [f"**{auto} of {len(found)}** names in your file matched names this dashboard "
             f"knows: {count['same']} by the same name (ignoring capitals, plurals and words "
             f"like “cancer”), {count['synonym']} by another name for it (like NSCLC or LN)",
             f" and {count['group']} grouped into a broader cancer or site (listed below, "
             "so you can undo it)."]
    if count["suggested"]:
        parts.append(f" {count['suggested']} look like a near spelling: see “Did you mean …?”.")
    if count["new"]:
        parts.append(f" {count['new']} are kept as new names: they still appear in the heatmap "
                     "and the network, and you can match them below.")
    return "".join(parts)


def name_choices(found: dict[str, Match], kind: str, file_key: str) -> dict[str, str | None]:
    """Name -> id for every name: automatic matches as found; groupings, suggestions and
    new names offered to change (a suggestion counts once the person confirms it)."""
    labels = vocabularies(tables())[f"{kind}_labels"]
    options = [""] + sorted(labels, key=labels.get)
    chosen = automatic_ids(found)
    plural = {"cancer": "cancers", "site": "sites"}[kind]

    def boxes(names: list[str], group: str, label: Callable[[str], str]) -> dict:
        picked, columns = {}, st.columns(3)
        for index, name in enumerate(names[:MAX_NAME_CHOICES]):
            default = found[name].id or ""
            picked[name] = columns[index % 3].selectbox(
                label(name), options, index=options.index(default),
                format_func=lambda o: labels.get(o, "a new name (keep it)"),
                key=f"name_{file_key}_{kind}_{group}_{index}") or None
        if len(names) > MAX_NAME_CHOICES:
            st.caption(f"{len(names) - MAX_NAME_CHOICES} more {kind} names here are left as "
                       "they are.")
        return picked

    grouped = [n for n, m in found.items() if m.how == "group"]
    if grouped:
        st.markdown(f"**Grouped into the dashboard's {plural} ({len(grouped)})**: finer names "
                    "counted under a broader one. Choose “a new name” to keep one apart.")
        chosen |= boxes(grouped, "group", lambda n: f"“{escape_markdown(short(n))}” → "
                        f"({escape_markdown(found[n].why)})")
    suggested = [n for n, m in found.items() if m.how == "suggested"]
    if suggested:
        confirmed = f"own_confirmed_{file_key}_{kind}"
        st.markdown(f"**Did you mean …? ({len(suggested)} {kind} "
                    f"name{'s' * (len(suggested) > 1)})** Each is set to the closest name "
                    "this dashboard knows. Change any that are wrong, then confirm.")
        picked = boxes(suggested, "suggested",
                       lambda n: f"“{escape_markdown(short(n))}”: did you mean …?")
        if st.session_state.get(confirmed):
            chosen |= picked
            st.caption("Suggestions confirmed: the names above are matched as shown.")
        else:
            st.button(f"Yes, use {'these' if len(suggested) > 1 else 'this'} "
                      f"suggestion{'s' * (len(suggested) > 1)}", key=f"confirm_{file_key}_{kind}",
                      on_click=st.session_state.update, args=({confirmed: True},),
                      icon=":material/done_all:")
            st.caption("Until you confirm, these names are kept as they are written.")
    new = [n for n, m in found.items() if m.how == "new"]
    if new:
        st.markdown(f"**{kind.capitalize()} names with no match ({len(new)})**")
        chosen |= boxes(new, "new", lambda n: f"“{escape_markdown(short(n))}” is")
    return chosen


def n_table(resolved: pd.DataFrame) -> pd.DataFrame | None:
    """Patients per cancer, most first, or None when the table has no totals."""
    per_cancer = totals(resolved)
    if per_cancer.empty or per_cancer["total"].isna().all():
        return None
    return (per_cancer[["cancer", "total"]]
            .sort_values(["total", "cancer"], ascending=[False, True])
            .rename(columns={"cancer": "Primary cancer", "total": "Patients (n)"}))
