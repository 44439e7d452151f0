"""A quiz: ``n`` questions drawn by a seed from every kind, and its score.

The same seed and tables give the whole class the same quiz. See ``classroom.base`` for how
questions are made and ``tests/test_quiz_proof.py`` for the proof that every one of the 10,000
quizzes has exactly one true option by every table.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping

from classroom.base import Prepared, Question, Tables, in_sentence, prepare
from classroom.fact_questions import cascade_order, related_symptoms, survival, symptom_site
from classroom.ranked_questions import not_in_top_three, top_site, which_cancer_ranks_first

__all__ = ["KINDS", "QUIZ_LENGTH", "Prepared", "Question", "cascade_order", "in_sentence",
           "make_quiz", "not_in_top_three", "prepare", "related_symptoms", "score", "survival",
           "symptom_site", "top_site", "which_cancer_ranks_first"]

KINDS: dict[str, Callable[..., Question | None]] = {
    "top_site": top_site,
    "which_cancer_ranks_first": which_cancer_ranks_first,
    "not_in_top_three": not_in_top_three,
    "symptom_site": symptom_site,
    "survival": survival,
    "cascade_order": cascade_order,
}
"""Every kind of question, in the order a quiz cycles through them."""


# ---------------------------------------------------------------------------------------------
# A quiz and its score


QUIZ_LENGTH = 8
"""Questions in a quiz: the Quiz page, its worksheet and the tests ask this many."""


def make_quiz(tables: Tables, seed: int, n: int = QUIZ_LENGTH) -> list[Question]:
    """``n`` distinct questions, the same for the same tables and seed.

    Kinds take turns (a kind that has run out is skipped), so a quiz mixes kinds.

    Raises
    ------
    ValueError
        If ``n`` is below 1, or the tables cannot supply ``n`` distinct questions.
    """
    if n < 1:
        raise ValueError(f"a quiz needs at least one question; n={n} was asked for")
    tables = prepare(tables)
    rng, questions = random.Random(seed), []
    active = list(KINDS.values())
    while len(questions) < n and active:
        for kind in list(active):
            question = kind(tables, rng, {q.qid for q in questions})
            if question is None:
                active.remove(kind)
            else:
                questions.append(question)
            if len(questions) == n:
                break
    if len(questions) < n:
        raise ValueError(f"the tables can supply only {len(questions)} distinct questions; "
                         f"n={n} were asked for")
    return questions


def score(questions: Iterable[Question], answers: Mapping[str, str | None]) -> tuple[int, int]:
    """``(correct, answered)`` for answers given as ``{qid: chosen option}``.

    Answers to qids not in ``questions`` are ignored; an answer of ``None`` counts as not
    answered (an untouched radio button).

    Examples
    --------
    >>> q = Question("q1", "survival", "?", ("9%", "30%"), "9%", "quote", "S", "s")
    >>> score([q], {"q1": "9%", "elsewhere": "x"}), score([q], {"q1": "30%"}), score([q], {})
    ((1, 1), (0, 1), (0, 0))
    """
    given = [(q, answers[q.qid]) for q in questions if answers.get(q.qid) is not None]
    return sum(choice == q.answer for q, choice in given), len(given)
