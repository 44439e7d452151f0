"""Live class (the teacher's projector): start a class, put a prompt to the room, watch the
answers come in, lock, reveal the answer with its quote, download the class summary."""

from datetime import timedelta

import streamlit as st

from classroom.live_class import (
    LiveError,
    PromptRecord,
    end_class,
    lock,
    reveal,
    room,
    set_prompt,
    start_class,
    summary,
)
from classroom.live_prompts import choice_label
from ui import live, state
from ui.frame import within_app
from ui.links import QUIZ
from ui.show import caution, chart, download_csv, escape_markdown, plain_table
from views.live import (
    PHASE_WORDS,
    answers_table,
    round_totals,
    share_right,
    summary_csv,
    tally_spec,
)

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

st.title("Live class")
link = live.link_values("live", "host")
state.show_notices()
t, store = live.tables(), live.store()


def act(action, *args) -> None:
    """Run a teacher's action on the class; a refusal is kept to show as a plain message."""
    try:
        action(store, link["live"], link["host"], *args, live.now())
    except LiveError as error:
        st.session_state["live_refusal"] = str(error)


def start() -> None:
    code, host = start_class(store, live.now())
    live.keep_in_link(live=code, host=host)


def leave() -> None:
    live.keep_in_link(live="", host="")


def ask(prompts: dict) -> None:
    p = prompts[st.session_state["live_prompt"]]
    act(set_prompt, PromptRecord(p.pid, p.text, p.options, p.answer, p.answer_by))


def finish() -> None:
    act(end_class)
    leave()
    st.session_state["live_ended"] = True


if not (link["live"] and link["host"]):
    st.markdown("Ask the room a question made from the published tables. Students answer on "
                "their phones (or any device) with the class code; this screen shows how "
                "many joined and answered, then the real answer with its source's words. "
                "Nobody needs an account; a nickname is optional and is deleted with the class.")
    if st.session_state.pop("live_ended", False):
        st.success("The class has ended and everything about it is deleted.",
                   icon=":material/check_circle:")
    st.button("Start a class", on_click=start, type="primary", icon=":material/play_arrow:",
              key="start_class")
    caution()
    st.stop()

if refused := st.session_state.pop("live_refusal", None):
    st.error(escape_markdown(refused), icon=":material/block:")
try:
    current = room(store, link["live"], live.now())
except LiveError as error:
    live.refusal(error)
    st.button("Start a new class", on_click=leave, key="new_class")
    st.stop()

picker, quiz_number = st.columns([5, 1], vertical_alignment="bottom")
number = quiz_number.number_input("Quiz number", QUIZ.low, QUIZ.high, QUIZ.default,
                                  key="live_quiz", help="Quiz questions come from this quiz.")
prompts = {p.pid: p for p in live.bank(t, int(number))}
picker.selectbox("Question to ask", list(prompts), key="live_prompt",
                 format_func=lambda pid: choice_label(prompts[pid]))
with st.container(horizontal=True, gap="small"):
    st.button("Ask this question" if current.round == 0 else "Ask as the next question",
              on_click=ask, args=(prompts,), type="primary", key="ask",
              icon=":material/campaign:")
    st.button("Lock answers", on_click=act, args=(lock,), key="lock",
              disabled=current.phase != "open", icon=":material/lock:")
    st.button("Reveal the answer", on_click=act, args=(reveal,), key="reveal",
              disabled=current.phase not in ("open", "locked"), icon=":material/visibility:")
    st.button("End class", on_click=finish, key="end_class", icon=":material/stop:")


@st.fragment(run_every=timedelta(seconds=1))
def projector() -> None:
    """The room as it is now: joined, answered, the prompt, the answers' spread, the reveal."""
    try:
        now = room(store, link["live"], live.now())
    except LiveError as error:
        live.refusal(error)
        return
    room_column, code_column = st.columns([5, 2], gap="large")
    with code_column:
        st.markdown("**Class code**: open *Join a class* and type it")
        if now.prompt is not None:
            live.join_box(now.code)
        joined, answered = st.columns(2)
        joined.metric("Joined", now.joined)
        answered.metric("Answered", now.answered if now.prompt else 0)
    with room_column:
        words = escape_markdown(PHASE_WORDS.get(now.phase, now.phase))
        st.markdown(f"**Question {now.round}.** {words}" if now.round else f"**{words}**")
        if now.prompt is None:
            live.join_box(now.code, big=True)
            return
        st.markdown(f"### {escape_markdown(now.prompt.text)}")
        revealed = now.phase == "revealed"
        chart(tally_spec(now.prompt.options, now.tally, now.prompt.answer, revealed),
              private=True, width="stretch")
        if revealed:
            live.reveal_block(live.prompt_of(t, now.prompt.pid), now.prompt.answer,
                              share_right(now.tally, now.prompt.answer))


projector()

st.subheader("Class summary")
st.caption("One row per student and question. Download it before you end the class: ending "
           "deletes everything about it.")
names = st.checkbox("Keep names (nicknames students typed)", key="keep_names")
try:
    frame = summary(store, link["live"], link["host"], names)
except LiveError as error:  # ended or expired since the room was read
    live.refusal(error)
    st.stop()
totals = round_totals(frame)
if st.toggle("Printable view", key="printable"):
    st.markdown("Print this page with your browser (Ctrl+P). The shares are worked out by "
                "this app from the answers given in this class.")
    plain_table(totals)
    if not frame.empty:
        st.markdown("**Every answer**" + (" (with the names students typed)" if names else ""))
        plain_table(answers_table(frame))
download_csv(frame, f"live_class_{current.code}.csv", "Download the class summary (CSV)",
             "live_summary", data=summary_csv(frame))
