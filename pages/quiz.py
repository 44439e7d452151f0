"""Quiz: questions generated from the tables, instant feedback with the quote, a score."""

import random

import streamlit as st

from data.quiz import score
from ui import state
from ui.data import quiz
from ui.show import quote

QUESTIONS = 8
state.init_int("quiz", 0, 9999, 1)


def new_quiz() -> None:
    """Draw another quiz number (the page and its link then show that quiz)."""
    st.session_state["quiz"] = random.randint(0, 9999)


st.title("Test yourself")
st.markdown("Every question is made from the tables in this dashboard, and every answer comes "
            "with the source's own words. The **quiz number** picks the questions: give your "
            "class the same number (or this page's link) and everyone gets the same quiz.")
state.show_notices()
left, right = st.columns([2, 1])
left.number_input("Quiz number", 0, 9999, key="quiz",
                  help="The same number always gives the same questions.")
right.button("Another quiz", on_click=new_quiz, icon=":material/casino:", key="another")
state.sync("quiz", 1)

questions = quiz(st.session_state["quiz"], QUESTIONS)
answers = {}
for index, question in enumerate(questions, start=1):
    with st.container(border=True):
        key = f"answer_{st.session_state['quiz']}_{question.qid}"
        chosen = st.radio(f"**{index}.** {question.prompt}", question.options, index=None,
                          key=key)
        answers[question.qid] = chosen
        if chosen is None:
            continue
        if chosen == question.answer:
            st.success(f"Right: {question.answer}.", icon=":material/check_circle:")
        else:
            st.error(f"Not quite: the answer is {question.answer}.", icon=":material/cancel:")
        if question.detail:
            st.markdown(question.detail)
        quote(question.explanation, question.source)

correct, answered = score(questions, answers)
st.metric("Your score", f"{correct} of {answered} answered",
          help=f"{len(questions)} questions in this quiz.")
if answered == len(questions):
    st.markdown(f"You answered all {len(questions)}. Try **Another quiz**, or look up any "
                "answer you missed on the Where cancers spread or Site profiles pages.")
