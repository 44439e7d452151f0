"""The quiz's first answers kept in the link, so a reload cannot answer a question again, and
the score in words.

The page's link carries ``answers=<quiz number>.<one character per question>``: the chosen
option's position (``0``–``9``) or ``-`` for a question not answered yet, e.g.
``answers=42.20-1----``. Nothing is kept on the server: a reload of that link (in that
browser) shows the same answers, locked. The quiz number inside the value means a link's
answers never land on another quiz's questions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import streamlit as st

from classroom.quiz import Question
from ui import state
from ui.links import LINKS

KEY = LINKS["answers"].key  # declared in ui/links.py, so the link tests cover it
_UNANSWERED = "-"
_VALUE = re.compile(LINKS["answers"].pattern)  # "<quiz number>.<marks>", declared once


def encode(number: int, questions: Sequence[Question], given: Mapping[str, str]) -> str:
    """The link's value for quiz ``number``'s first answers ("" when none is answered).

    >>> from dataclasses import replace
    >>> q = Question("q1", "survival", "?", ("9%", "30%"), "9%", "quote", "S", "s")
    >>> encode(42, [q, replace(q, qid="q2")], {"q2": "30%"})
    '42.-1'
    >>> encode(42, [q], {})
    ''
    """
    marks = [str(q.options.index(given[q.qid])) if given.get(q.qid) in q.options
             else _UNANSWERED for q in questions]
    return f"{number}.{''.join(marks)}" if set(marks) != {_UNANSWERED} else ""


def decode(value: str | None, number: int, questions: Sequence[Question]) -> dict[str, str]:
    """First answers ``{qid: option}`` a link's value holds for quiz ``number``; {} when the
    value is for another quiz, or does not fit its questions (a hand-edited link).

    >>> q = Question("q1", "survival", "?", ("9%", "30%"), "9%", "quote", "S", "s")
    >>> decode("42.1", 42, [q]), decode("41.1", 42, [q]), decode("42.7", 42, [q])
    ({'q1': '30%'}, {}, {})
    """
    found = _VALUE.fullmatch(value or "")
    if not found or int(found.group(1)) != number or len(found.group(2)) != len(questions):
        return {}
    answers = {}
    for question, mark in zip(questions, found.group(2), strict=True):
        if mark == _UNANSWERED:
            continue
        if int(mark) >= len(question.options):
            return {}
        answers[question.qid] = question.options[int(mark)]
    return answers


def score_words(correct: int, answered: int, total: int) -> tuple[str, str]:
    """The score as the page shows it, and the line under it (unanswered ones named).

    >>> score_words(1, 1, 8)
    ('1 right out of 8', '7 not answered yet: each counts as not right until it is.')
    >>> score_words(6, 8, 8)
    ('6 right out of 8', 'All 8 answered.')
    """
    left = total - answered
    note = (f"All {total} answered." if left == 0 else
            f"{left} not answered yet: each counts as not right until it is.")
    return f"{correct} right out of {total}", note


def check_link() -> None:
    """Name, in the page's link notice, an answers value that is not of the form
    ``<quiz number>.<marks>`` (one of the right form for another quiz is dropped quietly)."""
    state.init_text(KEY, seed=False)


def linked(number: int, questions: Sequence[Question]) -> dict[str, str]:
    """The first answers the page's link holds for quiz ``number`` ({} if none fit); a
    session's own come first (:func:`views.clicks.with_link_answers`)."""
    return decode(st.query_params.get(KEY), number, questions)


def remember(number: int, questions: Sequence[Question], given: Mapping[str, str]) -> None:
    """Write quiz ``number``'s first answers into the link (or take them out when none)."""
    value = encode(number, questions, given)
    if value:
        if st.query_params.get(KEY) != value:
            st.query_params[KEY] = value
    else:
        st.query_params.pop(KEY, None)


def forget() -> None:
    """Take the answers out of the link (the quiz is being taken again)."""
    st.query_params.pop(KEY, None)
