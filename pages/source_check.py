"""Source check: which source names which sites, and where sources disagree or contradict."""

import streamlit as st

from ui import state
from ui.data import check_options, claim_summary_shown, claim_texts, source_grid, tables
from ui.show import quote, table_with_download

t = tables()
options = check_options()
state.init_single("check_cancer", options, "breast")

st.title("Source check")
st.markdown("Five sources, five voices. They do not all say the same thing, and they do not "
            "all deserve the same trust. This page puts them side by side so you can practise "
            "weighing them: who says it, how sure they are, and whether they agree with the "
            "others, or even with themselves.")
state.show_notices()

st.header("Who names which sites")
st.selectbox("Cancer", list(options), format_func=options.get, key="check_cancer")
state.sync("check_cancer", "breast")
cancer = st.session_state["check_cancer"]
st.markdown("Each column is a source. **rank 1–3** is the NCI ranked table (it leaves out lymph "
            "nodes); **stated** means a sentence says the cancer spreads there; **example** "
            "means a sentence uses the pair to make another point. An empty cell means that "
            "source does not mention the pair; it does not mean the source disagrees.")
table_with_download(source_grid(cancer),
                    f"who_names_which_sites_{cancer}.csv", "Download this table (CSV)",
                    "source_matrix")

st.header("Where the sources disagree")
st.markdown("For each question: how many different answers (stances) the sources give, and "
            "whether one source gives two answers that do not fit together.")
table_with_download(claim_summary_shown(), "source_disagreements.csv",
                    "Download this summary (CSV)", "claim_checks")
for topic, contradicts_itself, claims in claim_texts():
    st.subheader(topic)
    if contradicts_itself:
        st.warning(f"{contradicts_itself}: gives answers that do not fit together.",
                   icon=":material/sync_problem:")
    for words, source, detail in claims:
        quote(words, source, detail)
st.subheader("Every claim above, as a table")
table_with_download(t["claims"], "claims.csv",
                    "Download every claim (CSV)", "claims_table")
