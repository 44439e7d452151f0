"""Sources and data: the five sources and their confidence, the data dictionary, every download."""

import streamlit as st

from data.glossary import TERMS
from ui.data import descriptor, dictionary, known_errors, sources_table, tables
from ui.files import data_package_zip, shared_csv
from ui.frame import within_app
from ui.show import computed_credit, escape_markdown, glossary, quote, table_with_download
from views.source_check import KNOWN_ERROR_BASIS

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

t = tables()
package = descriptor()
errors = known_errors(t)

st.title("Sources and data")
st.markdown("Every fact in this dashboard comes from one of these five documents, and every "
            "row of every table carries the source's own words. Not every source deserves the "
            "same trust: here is how far we trust each, and why.")
st.download_button("Download everything on this page (ZIP)",
                   data=data_package_zip(t), on_click="ignore",
                   file_name="where-cancers-spread-data-package.zip", mime="application/zip",
                   icon=":material/folder_zip:", type="primary", key="zip",
                   help="Every table, the source list, the data dictionary and how to cite "
                        "them, in one file: one download, so no browser limit can drop one.")
confidence_icon = {"high": ":material/verified:", "medium": ":material/info:",
                   "low": ":material/warning:"}
for row in t["sources"].fillna("").itertuples():
    with st.container(border=True):
        st.markdown(f"**{row.publisher}**" + (f" — *{row.title}*" if row.title else ""))
        st.markdown(f"{confidence_icon[row.confidence]} {row.kind.capitalize()} · "
                    f"{'reviewed ' + row.reviewed if row.reviewed else 'no date in the text'} · "
                    f"confidence: **{row.confidence}**")
        st.markdown(row.confidence_note)
        st.markdown(f"*Reuse:* {row.reuse}")
        wrong = errors[errors["source_id"] == row.source_id]
        if len(wrong):
            st.markdown(f"**Where this source is wrong** ({len(wrong)}, in this app's reading):")
        for error in wrong.itertuples():
            quote(error.quote, f"{row.short_name} (confidence: {row.confidence})",
                  f"on: {error.question}")
            st.warning(escape_markdown(error.why_wrong), icon=":material/report:")
            st.caption(computed_credit(escape_markdown(KNOWN_ERROR_BASIS)))
table_with_download(sources_table(t), "source_list.csv", "Download the source list (CSV)",
                    "sources_table")

st.header("Words used in this dashboard")
st.markdown("Every technical word the pages use, in plain words. Each page has the ones it "
            "uses in its own *What these words mean* box.")
glossary(tuple(TERMS), "Open the glossary")

st.header("Data dictionary")
st.markdown(f"**{package['title']}** (version {package['version']}). {package['description']}")
for resource in package["resources"]:
    key = resource["schema"]["primaryKey"]
    key = [key] if isinstance(key, str) else key
    st.markdown(f"- **{resource['title']}** (`{resource['path']}`): {resource['description']} "
                f"Each row is identified by: {', '.join(key)}.")
st.markdown("Every column of every table, with its type, meaning and allowed values:")
table_with_download(dictionary(), "data_dictionary.csv", "Download the data dictionary (CSV)",
                    "dictionary")

st.header("Download the data")
st.markdown("Each table as CSV (safe to open in a spreadsheet); the ZIP at the top of this "
            "page holds them all.")
columns = st.columns(3)
for index, resource in enumerate(package["resources"]):
    columns[index % 3].download_button(
        f"{resource['title']} ({len(t[resource['name']])} rows)",
        data=shared_csv(t[resource["name"]]), file_name=f"{resource['name']}.csv",
        on_click="ignore",
        mime="text/csv", icon=":material/download:", key=f"dl_{resource['name']}")
