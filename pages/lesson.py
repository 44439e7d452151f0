"""Lesson: a guided sequence a teacher clicks through on a projector, one view per step."""

import streamlit as st

from ui import state
from ui.data import (
    body_map_view,
    cascade_shown,
    claim_summary,
    filter_options,
    lesson,
    network_picture,
    spread_view,
    survival_view,
    symptoms_summary,
    tables,
)
from ui.show import chart, computed, escape_markdown, table_with_download

st.set_page_config(initial_sidebar_state="collapsed")
t = tables()
steps = lesson(t)
state.init_int("step", 1, len(steps), 1)


def move(by: int) -> None:
    """Go ``by`` steps forward or back, staying inside the lesson."""
    st.session_state["step"] = min(max(st.session_state["step"] + by, 1), len(steps))


state.show_notices()
number = st.session_state["step"]
step = steps[number - 1]
back, where, forward = st.columns([1, 3, 1])
back.button("← Back", on_click=move, args=(-1,), disabled=number == 1, width="stretch",
            key="back")
where.markdown(f"**Step {number} of {len(steps)}** · lesson: where cancers spread")
forward.button("Next →", on_click=move, args=(1,), disabled=number == len(steps),
               width="stretch", key="next", type="primary")
state.sync("step", 1)

st.title(step.title)
for item in step.takeaways:
    if item.is_quote:
        st.markdown(f"### “{escape_markdown(item.text)}”")
        st.markdown(f"— {escape_markdown(item.basis)}")
    else:
        computed(item.text, item.basis, heading=True)

everything = tuple(tuple(filter_options(t)[key])
                   for key in ("cancer", "site", "evidence", "source"))
if step.view == "facts":
    chart(body_map_view(t, "cancer", "breast", False).spec)
elif step.view == "cascade":
    table_with_download(cascade_shown(t), "steps_of_spread.csv", "Download these steps (CSV)",
                        "lesson_table")
elif step.view == "heatmap":
    chart(spread_view(t, *everything).heatmap)
elif step.view == "top_sites":
    chart(spread_view(t, *everything).bars)
elif step.view == "network":
    chart(network_picture(t, everything[2], everything[3], "two_columns", 7, None)[0])
elif step.view == "symptoms":
    table_with_download(symptoms_summary(t), "symptoms_by_site.csv",
                        "Download this table (CSV)", "lesson_table")
elif step.view == "survival":
    chart(survival_view(t).spec)
else:
    table_with_download(claim_summary(t), "source_disagreements.csv",
                        "Download this table (CSV)", "lesson_table")
st.markdown("*For learning only: not for decisions about anyone's care.*")
