"""Source check: which source names which sites, and where sources disagree or contradict."""

import streamlit as st

from data.glossary import PAGE_TERMS
from ui import state
from ui.data import (
    check_options,
    claim_summary,
    claim_topics,
    claims_table,
    source_grid,
    tables,
)
from ui.frame import within_app
from ui.show import (
    computed,
    computed_credit,
    escape_markdown,
    glossary,
    quote,
    table_with_download,
)
from views.source_check import KNOWN_ERROR_BASIS

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

t = tables()
options = check_options(t)
state.init_single("check_cancer", options)

st.title("Source check")
st.markdown("Five sources, five voices. They do not all say the same thing, and they do not "
            "all deserve the same trust. This page puts them side by side so you can practise "
            "weighing them: who says it, how sure they are, and whether they agree with the "
            "others, or even with themselves.")
glossary(PAGE_TERMS["source_check"])
state.show_notices()

st.header("Who names which sites")
st.selectbox("Cancer", list(options), format_func=options.get, key="check_cancer")
state.sync("check_cancer")
cancer = st.session_state["check_cancer"]
st.markdown("Each column is a source. **rank 1–3** is the NCI ranked table (it leaves out lymph "
            "nodes); **stated** means a sentence says the cancer spreads there; **used as an "
            "example** means a sentence uses the pair to make another point; **rare but "
            "reported** means a sentence calls that spread rare. An empty cell means that "
            "source does not mention the pair; it does not mean the source disagrees.")
table_with_download(source_grid(t, cancer),
                    f"who_names_which_sites_{cancer}.csv", "Download this table (CSV)",
                    "source_matrix")

st.header("Where the sources disagree")
st.markdown("For each question: the answers the sources give, each in their own words. One rule "
            "for every verdict: **Sources disagree** only where two answers cannot both be "
            "true as worded, with the answers that clash named. Answers that group things "
            "differently, or count something another leaves out, are marked **Different "
            "answers, no clash**. Where an answer is wrong by medical knowledge, this "
            "app says so under it, in its own words.")
table_with_download(claim_summary(t), "source_disagreements.csv",
                    "Download this summary (CSV)", "claim_checks")
for topic in claim_topics(t):
    st.subheader(topic.topic)
    verdict = f"**{topic.verdict}.**"
    if topic.clashes:
        clashes = "; ".join(f"*{escape_markdown(a)}* ({escape_markdown(who_a)}) cannot be true "
                            f"alongside *{escape_markdown(b)}* ({escape_markdown(who_b)})"
                            for a, b, who_a, who_b in topic.clashes)
        verdict += f" The answers that clash: {clashes}."
    if topic.contradicts_itself:
        verdict += (f" {escape_markdown(topic.contradicts_itself)} gives answers that cannot "
                    "both be true.")
    computed(verdict, "the answers below, as the curation pairs them", escape=False)
    for answer, claims in topic.answers:
        wrong = topic.wrong.get(answer)
        st.markdown(f"**Answer: {escape_markdown(answer)}**" + (" (wrong)" if wrong else ""))
        for words, source, detail in claims:
            quote(words, source, detail)
        if wrong:
            st.warning(escape_markdown(wrong), icon=":material/report:")
            st.caption(computed_credit(escape_markdown(KNOWN_ERROR_BASIS)))
st.subheader("Every claim above, as a table")
table_with_download(claims_table(t), "source_check_claims.csv",
                    "Download every claim (CSV)", "claims_table")
