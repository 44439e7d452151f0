"""Quiz: questions generated from the tables, feedback with the quote, a score that counts
each question's first answer only."""

import random

import streamlit as st

from classroom.quiz import QUIZ_LENGTH, score
from ui import quiz_memory, state
from ui.data import quiz, tables
from ui.frame import within_app
from ui.links import QUIZ
from ui.show import computed, quote
from views import clicks

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

state.init_int("quiz")


def first_answers(number: int) -> dict[str, str]:
    """The first answer given to each question of quiz ``number`` in this session."""
    return st.session_state.setdefault(f"first_answers_{number}", {})


def keep_first(number: int, qid: str, key: str) -> None:
    """Record a question's first answer; later changes are not scored (the radio locks)."""
    st.session_state[f"first_answers_{number}"] = clicks.first_answers(
        first_answers(number), qid, st.session_state[key])


def start_again(number: int) -> None:
    """Forget every answer to quiz ``number``, so the whole quiz can be taken again."""
    st.session_state.pop(f"first_answers_{number}", None)
    quiz_memory.forget()
    for key in [k for k in st.session_state if str(k).startswith(f"answer_{number}_")]:
        del st.session_state[key]


def new_quiz() -> None:
    """Draw another quiz number (the page and its link then show that quiz)."""
    st.session_state["quiz"] = random.randint(QUIZ.low, QUIZ.high)


st.title("Test yourself")
st.markdown("Every question is made from the tables in this dashboard, and every answer comes "
            "with the source's own words. The **quiz number** picks the questions: give your "
            "class the same number (or this page's link) and everyone gets the same quiz. "
            "Your **first** answer to each question is the one that counts, even if you "
            "reload the page.")
quiz_memory.check_link()
state.show_notices()
left, right = st.columns([2, 1])
left.number_input("Quiz number", QUIZ.low, QUIZ.high, key="quiz",
                  help="The same number always gives the same questions.")
right.button("Another quiz", on_click=new_quiz, icon=":material/casino:", key="another")
state.sync("quiz")

number = st.session_state["quiz"]
questions = quiz(tables(), number, QUIZ_LENGTH)
given = clicks.with_link_answers(first_answers(number),  # a reloaded link stays locked
                                 quiz_memory.linked(number, questions))
st.session_state[f"first_answers_{number}"] = given
for index, question in enumerate(questions, start=1):
    with st.container(border=True):
        key = f"answer_{number}_{question.qid}"
        if question.qid in given:  # a locked question shows the answer it was given
            st.session_state[key] = given[question.qid]
        st.radio(f"**{index}.** {question.prompt}", question.options, index=None, key=key,
                 disabled=question.qid in given, on_change=keep_first,
                 args=(number, question.qid, key))
        chosen = given.get(question.qid)
        if chosen is None:
            continue
        if chosen == question.answer:
            st.success(f"Right: {question.answer}.", icon=":material/check_circle:")
        else:
            st.error(f"Not quite: the answer is {question.answer}.", icon=":material/cancel:")
        if question.detail:
            computed(question.detail, question.basis)
        quote(question.explanation, question.credit, question.explanation_note)
        if question.caveat:
            computed(question.caveat, question.basis)

quiz_memory.remember(number, questions, given)
correct, answered = score(questions, given)
shown, unanswered = quiz_memory.score_words(correct, answered, len(questions))
st.metric("Your score", shown, help="Only your first answer to each question counts.")
st.caption(unanswered)
st.button("Try again (clears every answer)", on_click=start_again, args=(number,),
          icon=":material/restart_alt:", key="try_again", disabled=not given)
if answered == len(questions):
    st.markdown(f"You answered all {len(questions)}. Try **Another quiz**, or look up any "
                "answer you missed on the Where cancers spread or Site profiles pages.")
