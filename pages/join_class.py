"""Join a class (a student's phone): type the class code, answer the teacher's question by
tapping, see the answer and its quote when the teacher reveals it."""

from datetime import timedelta
from functools import partial

import streamlit as st

from classroom.live_class import LiveError, answer, join, my_answer, room
from ui import live, state
from ui.frame import within_app
from ui.show import chart, escape_markdown
from views.live import STUDENT_WORDS, body_options, body_spec, row_site, row_spec

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

TAP = "tap"
st.title("Join a class")
link = live.link_values("live", "seat")
state.show_notices()
t, store = live.tables(), live.store()


def enter() -> None:
    """Join the class whose code was typed; a refusal is kept to show plainly."""
    code = st.session_state["join_code"].strip()
    try:
        seat = join(store, code, None, st.session_state["join_name"], live.device(), live.now())
    except LiveError as error:
        st.session_state["join_refusal"] = str(error)
        return
    live.keep_in_link(live=code, seat=seat)


def leave() -> None:
    live.keep_in_link(live="", seat="")


if not (link["live"] and link["seat"]):
    st.markdown("Type the code your teacher shows. A nickname is optional: it is kept only "
                "while the class lasts.")
    st.text_input("Class code", value=link["live"], max_chars=24, key="join_code")
    st.text_input("Nickname (optional)", max_chars=24, key="join_name")
    st.button("Join", on_click=enter, type="primary", width="stretch", key="join",
              icon=":material/login:")
    if refused := st.session_state.pop("join_refusal", None):
        st.error(escape_markdown(refused), icon=":material/block:")
    st.stop()

if not st.session_state.get("rejoined"):  # a reload or a new tab: back into the same seat
    try:
        join(store, link["live"], link["seat"], "", live.device(), live.now())
        st.session_state["rejoined"] = True
    except LiveError as error:
        live.refusal(error)
        st.button("Join another class", on_click=leave, key="join_other")
        st.stop()


def pick(option: str) -> None:
    """Send this student's answer (changeable until the teacher locks)."""
    try:
        answer(store, link["live"], link["seat"], st.session_state["live_round"], option,
               link["seat"], live.now())  # limited per seat: a class may share one address
    except LiveError as error:
        st.session_state["answer_refusal"] = str(error)


def tapped(current_round: int) -> None:
    """An answer tapped on the body figure or the row (sent once per tap, not per refresh)."""
    event = st.session_state.get(f"{TAP}_{current_round}") or {}
    chosen = [p.get("label") for p in event.get("selection", {}).get(TAP, [])]
    if chosen and chosen[0]:
        pick(chosen[0])


@st.fragment(run_every=timedelta(seconds=2))
def phone() -> None:
    """The class as this phone sees it now."""
    try:
        now = room(store, link["live"], live.now())
    except LiveError as error:
        live.refusal(error)
        return
    if now.phase in STUDENT_WORDS or now.prompt is None:
        st.info(STUDENT_WORDS.get(now.phase, STUDENT_WORDS["lobby"]), icon=":material/info:")
        if now.phase != "locked" or now.prompt is None:
            return
    st.session_state["live_round"] = now.round
    prompt = now.prompt
    st.markdown(f"### {escape_markdown(prompt.text)}")
    mine = my_answer(store, link["live"], link["seat"], now.round)
    if refused := st.session_state.pop("answer_refusal", None):
        st.error(escape_markdown(refused), icon=":material/block:")
    if now.phase == "revealed":
        if mine == prompt.answer:
            st.success(f"Right: {escape_markdown(prompt.answer)}.", icon=":material/check_circle:")
        else:
            said = f"You said {escape_markdown(mine)}; " if mine else "You did not answer; "
            st.error(f"{said}the answer is {escape_markdown(prompt.answer)}.",
                     icon=":material/cancel:")
        live.reveal_block(live.prompt_of(t, prompt.pid), prompt.answer)
        return
    is_open = now.phase == "open"
    if mine:
        st.markdown(f"**Your answer: {escape_markdown(mine)}**"
                    + (" – you can change it until the teacher locks." if is_open else "."))
    spots = body_options(t["sites"], prompt.options) if prompt.answer_by == "body_map" else {}
    if spots and is_open:
        st.caption("Tap a dot on the body, or a button below.")
        chart(body_spec(spots), private=True, key=f"{TAP}_{now.round}",
              on_select=partial(tapped, now.round), selection_mode=TAP, width="stretch")
    site = row_site(t["sites"], prompt.pid) if prompt.answer_by == "heatmap_row" else ""
    if site and is_open:
        st.caption("Tap the cancer you think is right, in the row or a button below.")
        chart(row_spec(prompt.options, site), private=True, key=f"{TAP}_{now.round}",
              on_select=partial(tapped, now.round), selection_mode=TAP, width="stretch")
    live.option_buttons(prompt.options, mine, pick, f"option_{now.round}", disabled=not is_open)


phone()
st.button("Leave this class", on_click=leave, key="leave", icon=":material/logout:")
