"""Lesson: a guided sequence a teacher presents on a projector, one screen per step.

The link (``?step=N``) is the one source of truth for the step, so the browser's Back and
Forward move between steps and a copied link opens the same step. The arrow keys,
PageUp/PageDown and Space (what a presenter's clicker sends) move too; Home/End go to the
first and last step.
"""

import streamlit as st

from charts.lesson import GRID_KEY, RANK_KEY_LINE
from charts.lesson_network import KEY as NETWORK_KEY
from charts.theme import STRONGEST
from classroom.lesson import step_from_link
from data.glossary import PAGE_TERMS
from ui.data import lesson, lesson_picture, lesson_table, lesson_table_note, tables
from ui.files import lesson_handout, quiz_handout
from ui.frame import within_app
from ui.join import join_panel
from ui.lesson_stage import STAGE_CSS, keys_script, projected
from ui.links import QUIZ
from ui.screen import current
from ui.show import chart, computed, download_csv, escape_markdown, glossary_lines, plain_table
from ui.state import plain
from views.lesson import PICTURES

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

VISUAL_HEIGHT = 450  # px: with the controls and title, one 720 px screen
FIGURE_HEIGHT = 410  # px: the body figure, as tall as wide, fits a 768 px tablet's column

t = tables()
steps = lesson(t)
number, odd = step_from_link(st.query_params.get_all("step"), len(steps))
step = steps[number - 1]


def go(to: int) -> None:
    """Show step ``to``: the link changes (a history entry), and the page follows it."""
    if to == 1:
        st.query_params.pop("step", None)
    else:
        st.query_params["step"] = str(to)


def handouts() -> None:
    """Printable PDFs for the class, made on this computer when asked for."""
    paper = st.radio("Paper", ["A4", "Letter"], horizontal=True, key="paper")
    number = st.number_input("Quiz number (as on the Quiz page)", QUIZ.low, QUIZ.high, QUIZ.default,
                             key="handout_quiz")
    if st.toggle("Make the handouts", key="make_handouts"):
        st.download_button("Lesson handout (PDF)", lesson_handout(t, paper),
                           f"lesson_handout_{paper}.pdf", "application/pdf", key="lesson_pdf",
                           icon=":material/download:", on_click="ignore")
        st.download_button(f"Quiz {number} worksheet (PDF)",
                           quiz_handout(t, int(number), paper, "worksheet"),
                           f"quiz_{number}_worksheet_{paper}.pdf", "application/pdf",
                           key="quiz_pdf", icon=":material/download:", on_click="ignore")
        st.download_button(f"Quiz {number} answer key, for you (PDF)",
                           quiz_handout(t, int(number), paper, "key"),
                           f"quiz_{number}_answer_key_{paper}.pdf", "application/pdf",
                           key="quiz_key_pdf", icon=":material/download:", on_click="ignore")


st.html(STAGE_CSS)
st.html(keys_script(), unsafe_allow_javascript=True)
if odd is not None:
    st.warning(f"This link's step ({plain(odd)}) is not a step of this lesson, so it starts "
               f"at step 1 of {len(steps)}.", icon=":material/link_off:")

back, where, forward = st.columns([1, 4, 1], vertical_alignment="center")
back.button("← Back", on_click=go, args=(number - 1,), disabled=number == 1, width="stretch",
            key="back")
forward.button("Next →", on_click=go, args=(number + 1,), disabled=number == len(steps),
               width="stretch", key="next", type="primary")
with where:  # each control as wide as its words; a row that does not fit wraps, never cuts
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        with st.popover("Join", icon=":material/qr_code_2:", help="Join from your device"):
            st.page_link("pages/live_class.py", label="Run a live class: the class answers "
                         "on their phones", icon=":material/co_present:")
            join_panel(number, key="lesson_join", hint=True)
        with st.popover("Handouts", icon=":material/print:", help="Printable PDFs"):
            handouts()
        with st.popover("Words", icon=":material/menu_book:", help="What the words mean"):
            glossary_lines(PAGE_TERMS["lesson"])
    st.caption(f"**Step {number} of {len(steps)}** · For learning only, not for care "
               "decisions. Keys: → / Space next, ← back, Home / End; F11 full screen.")
st.button("First step", on_click=go, args=(1,), key="first")
st.button("Last step", on_click=go, args=(len(steps),), key="last")

# A step's table (a cached view, so its CSV is made once, not on every rerun) and its file.
lesson_files = {"cascade": ("steps_of_spread.csv", "Download these steps (CSV)"),
                "symptoms": ("symptoms_by_site.csv", "Download this table (CSV)"),
                "sources": ("source_disagreements.csv", "Download this table (CSV)")}
# Words beside the picture: narrow tables (steps, verdicts) share the width evenly.
SPLITS = {"cascade": [1, 1], "sources": [4, 5], "symptoms": [4, 8], "heatmap": [5, 7],
          "network": [4, 8], "facts": [4, 8]}
words, visual = st.columns(SPLITS.get(step.view, [5, 7]), gap="medium")
with words:
    st.title(step.title)
    for item in step.takeaways:
        if item.is_quote:
            st.markdown(f"### “{escape_markdown(item.text)}”")
            st.markdown(f"— {escape_markdown(item.basis)}")
        else:
            computed(item.text, item.basis, heading=True)

with visual:
    if step.view in PICTURES:  # the same picture the handout prints (views/lesson.py)
        height = FIGURE_HEIGHT if step.view == "facts" else VISUAL_HEIGHT
        spec = projected(lesson_picture(t, step.view).spec, height)
        chart(spec, width="stretch" if spec["width"] == "container" else "content")
        strongest = STRONGEST[current().theme]
        if step.view == "heatmap":
            st.caption(GRID_KEY.format(strongest=strongest.capitalize()))
        if step.view == "top_sites":
            st.caption(RANK_KEY_LINE.format(strongest=strongest.capitalize()))
        if step.view == "network":
            st.caption(NETWORK_KEY.format(strongest=strongest))
    else:
        file_name, label = lesson_files[step.view]
        frame = lesson_table(t, step.view)
        plain_table(frame)
        if note := lesson_table_note(t, step.view):
            st.caption(note)
        with st.popover(label, icon=":material/download:"):
            download_csv(frame, file_name, label, "lesson_table")

