"""Your own data: upload a primary -> site table and explore it with the same views."""

import streamlit as st

from ui import own_data
from ui.frame import within_app
from ui.own_upload import (
    EXAMPLES,
    ROLE_NAMES,
    UPLOAD_LOST,
    checked_table,
    chosen_file,
    matching_sentence,
    n_table,
    name_choices,
    name_matching,
    parsed_table,
    read_note,
    read_options,
    session_memo,
    show_problems,
    tidy_steps,
    upload_lost,
)
from ui.rechoose import always_upload_again
from ui.show import escape_markdown, table_with_download
from upload.columns import ROLES, SHAPE_LABELS, SHAPES, guess_shape, missing_roles
from upload.limits import MAX_BYTES, MAX_ROWS, limits_sentence
from upload.problems import UploadError
from upload.view import short

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

st.title("Explore your own data")
st.markdown("Have another table of where cancers spread: from a textbook, a paper, a registry "
            "or a class exercise? Upload it here and the **heatmap**, **network** and **body "
            "map** draw it instead of the five sources. Three kinds of table work:\n"
            "- **Ranked**: columns for the primary cancer, the site and a rank (1 = most "
            "common).\n"
            "- **Counts**: the primary cancer, the site, a number of patients, and if you have "
            "it, the total number of patients with that primary (then shares can be shown).\n"
            "- **One row per patient or sample**: a patient id, the primary cancer and the site "
            "(a registry or sample-level export works: repeated rows are counted once, and rows "
            "with no site count as patients with no spread recorded); the app counts them for "
            "you.\n\n"
            "A CSV or TSV file saved as UTF-8 text (separated by commas, semicolons, tabs or "
            "vertical bars; decimal commas are fine), or an Excel or OpenDocument workbook "
            f"(.xlsx, .xls, .ods). {limits_sentence(MAX_BYTES, MAX_ROWS)} "
            "**Your file stays in this app's memory for this browser session only**: it is "
            "not saved to disk, and it is gone when you close the tab.")

with st.expander("No file to hand? Try the practice data", icon=":material/science:",
                 expanded=own_data.stored() is None):
    st.markdown("These small tables are **invented practice data**: the numbers are made up "
                "for trying this page. They are not real statistics and come from no source.")
    columns = st.columns(len(EXAMPLES))
    for column, (file_name, title) in zip(columns, EXAMPLES.items(), strict=True):
        column.button(f"Try: {title}", key=f"try_{file_name}", on_click=st.session_state.update,
                      args=({"own_practice": file_name},), width="stretch")

always_upload_again()  # choosing the fixed file again must read it again
upload = st.file_uploader("Upload a CSV, TSV or spreadsheet file",
                          type=["csv", "tsv", "tab", "txt", "xlsx", "xlsm", "xls", "ods"],
                          key="own_file", help="UTF-8 text or a workbook, up to 25 MB.")
picked = chosen_file(upload)
if picked is None:
    if upload_lost():  # reconnected to a server that never had the file: say so, no error
        st.warning(UPLOAD_LOST, icon=":material/upload_file:")
    else:
        st.info("Upload a file, or try the practice data, to begin.",
                icon=":material/upload_file:")
    st.stop()
file_key, file_name, read = picked
st.markdown(f"**File:** {escape_markdown(short(file_name))}")

options = read_options(file_key, file_name, read)
try:
    frame = parsed_table(file_key, read, file_name, options)
except UploadError as problem:
    show_problems(problem, "This file could not be read")
    st.stop()

st.header("1. What does each row hold?")
guessed, mapping = guess_shape(list(frame.columns))
st.caption(read_note(frame) + " " + (
    "The kind of table and the columns were guessed from the column names: check them."
    if guessed else "The column names did not say what kind of table this is: choose it, "
                    "and the column for each role."))
shape = st.radio("Kind of table", SHAPES, format_func=SHAPE_LABELS.get,
                 index=SHAPES.index(guessed) if guessed else None, key=f"shape_{file_key}")
if shape is None:
    st.info("Which kind of table is this? Choose one above, then the column for each role.",
            icon=":material/table_view:")
    st.stop()
chosen = {}
role_columns = st.columns(len(ROLES[shape]))
for column, role in zip(role_columns, ROLES[shape], strict=True):
    options = [""] + list(frame.columns)
    default = mapping.get(role, "")
    picked_column = column.selectbox(ROLE_NAMES[role], options,
                                     index=options.index(default) if default in options else 0,
                                     format_func=lambda c: c or "(none)",
                                     key=f"map_{file_key}_{shape}_{role}")
    if picked_column:
        chosen[role] = picked_column

if missing := missing_roles(shape, chosen):
    st.info("Choose the column that holds " + " and ".join(
        f"**{ROLE_NAMES[role].lower()}**" for role in missing) + " in the boxes above.",
            icon=":material/view_column:")
    st.stop()

try:
    tidied = tidy_steps(file_key, frame, shape, chosen)
except UploadError as problem:
    show_problems(problem, "Some rows need fixing before they can be drawn")
    st.stop()
pairs, patients = tidied.pairs, tidied.patients
if tidied.notes:
    st.info("**What was done with the rows:**\n\n" + "\n".join(
        f"- {escape_markdown(note)}" for note in tidied.notes), icon=":material/rule:")

st.header("2. Match the names")
step = (file_key, shape, tuple(sorted(chosen.items())))
matches = session_memo("matches", step, lambda: name_matching(
    tuple(pairs["primary"].unique()), tuple(pairs["site"].unique())))
st.markdown(matching_sentence(matches) + " Matched names can be drawn on the body map.")
primary_ids = name_choices(matches["cancer"], "cancer", file_key)
site_ids = name_choices(matches["site"], "site", file_key)

st.header("3. Check it and explore it")
try:
    resolved, shown, csv = checked_table(step, pairs, patients, primary_ids, site_ids, matches)
except UploadError as problem:
    show_problems(problem, "Some names cannot be merged as matched")
    st.stop()
table_with_download(shown, "your_data_checked.csv", "Download the checked table (CSV)",
                    "own_checked", csv)
if (per_cancer := n_table(resolved)) is not None:
    st.markdown("**Patients per cancer (n)**: the denominator of every share for that cancer.")
    st.dataframe(per_cancer, hide_index=True, key="own_n")
st.button("Show this data in the heatmap, network and body map", type="primary",
          icon=":material/play_arrow:", on_click=own_data.use, args=(own_data.OwnData(
              file_name=file_name, shape=shape, pairs=resolved, rows_read=len(frame)),))
if (current := own_data.current()) is not None:
    st.success(f"The views now show **{escape_markdown(current.file_name)}**. Open one:",
               icon=":material/check_circle:")
    links = st.columns(3)
    links[0].page_link("pages/spread.py", label="Heatmap", icon=":material/grid_on:")
    links[1].page_link("pages/network.py", label="Network", icon=":material/hub:")
    links[2].page_link("pages/body_map.py", label="Body map",
                       icon=":material/accessibility_new:")
    st.button("Back to the five sources", on_click=own_data.set_active, args=(False,),
              key="own_back_upload", icon=":material/undo:")
