"""AppTest for the classroom pages: lesson, body map, site profiles, source check, quiz."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from classroom.quiz import QUIZ_LENGTH, make_quiz
from data.claims import claim_checks
from data.load import load_published
from tests.apptest_helpers import chart_rows, open_page
from tests.conftest import LESSON_LENGTH


@pytest.fixture(scope="module")
def tables():
    return load_published()


def test_lesson_opens_the_step_in_the_link():
    """A teacher's link with ?step=5 opens step 5 of the lesson."""
    at = open_page("pages/lesson.py", step="5")
    assert at.title[0].value == "Cancers share destinations"
    assert any(f"Step 5 of {LESSON_LENGTH}" in m.value for m in at.caption)


def test_lesson_next_and_back_move_and_update_the_link():
    """Next goes to step 2 and the link says so; Back returns; Back is off on step 1."""
    at = open_page("pages/lesson.py")
    assert at.button(key="back").disabled
    at.button(key="next").click().run()
    assert at.title[0].value == "How cancer cells spread"
    assert at.query_params["step"] == "2"
    at.button(key="back").click().run()
    assert at.title[0].value == "What is metastasis?"
    assert "step" not in at.query_params


def test_lesson_last_step_has_no_next_and_every_step_has_takeaways_with_sources():
    """Each of the 8 steps shows 2-3 takeaways in large type: a quote followed by its source,
    or a sentence the app worked out followed by what it was worked out from."""
    for number in range(1, 9):
        at = open_page("pages/lesson.py", step=str(number))
        big = [m.value for m in at.markdown if m.value.startswith("### ")]
        assert 2 <= len(big) <= 3, number
        quotes = [b for b in big if b.startswith("### “")]
        worked_out = [c.value for c in at.caption if "Worked out by this app from" in c.value]
        assert sum(m.value.startswith("— ") for m in at.markdown) == len(quotes), number
        assert len(worked_out) == len(big) - len(quotes), number
    assert at.button(key="next").disabled


def test_lesson_counts_are_not_credited_to_a_source(tables):
    """Step 4's counts and step 8's verdicts are the app's sentences: no quotation marks and
    no source line under them, but what they were worked out from. The count follows the
    verdicts: 4 of 8 questions, each clash as worded between two sources."""
    at = open_page("pages/lesson.py", step="4")
    assert [m.value for m in at.markdown if m.value.startswith("### “")] == []
    assert not any(m.value.startswith("— ") for m in at.markdown)
    assert all("the NCI fact sheet's table" in c.value for c in at.caption
               if "Worked out" in c.value)
    at = open_page("pages/lesson.py", step="8")
    big = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("### ")]
    disagree = int(claim_checks(tables["claims"], tables["sources"])["sources_disagree"].sum())
    assert disagree == 4
    assert big[0] == (f"### The sources disagree on {disagree} of the 8 questions on the "
                      "Source check page.")
    assert not any(m.value.startswith("— ") for m in at.markdown)


def test_lesson_bad_step_gives_a_notice_and_step_one():
    """?step=99 is out of range: a notice, and the lesson starts at step 1."""
    at = open_page("pages/lesson.py", step="99")
    assert "step (99) is not a step of this lesson" in at.warning[0].value
    assert at.title[0].value == "What is metastasis?"


def test_body_map_draws_an_arrow_per_site_the_cancer_reaches(tables):
    """Prostate cancer: one arrow for each site the sources name, rank 1 the widest."""
    at = open_page("pages/body_map.py", mode="cancer", body_cancer="prostate")
    arrows = {r["site"]: r for r in chart_rows(at, 0, "tip_x")}
    spread = tables["spread"]
    assert set(arrows) == set(spread.loc[spread["primary"] == "prostate", "site"])
    assert arrows["bone"]["rank"] == 1 and arrows["bone"]["width"] == max(
        a["width"] for a in arrows.values())
    assert arrows["lymph_nodes"]["evidence"] == "statement"


def test_body_map_ranked_only_and_site_mode(tables):
    """Ranked only: prostate's three NCI sites; site mode: every cancer ranked to the liver."""
    at = open_page("pages/body_map.py", mode="cancer", body_cancer="prostate", sentences="no")
    assert {r["site"] for r in chart_rows(at, 0, "tip_x")} == {"bone", "lung", "liver"}
    at.radio(key="mode").set_value("site").run()
    at.selectbox(key="body_site").set_value("liver").run()
    ranked = tables["spread"][(tables["spread"]["evidence"] == "ranked_table")
                              & (tables["spread"]["site"] == "liver")]
    assert {r["primary"] for r in chart_rows(at, 0, "tip_x")} == set(ranked["primary"])


def test_site_profile_counts_follow_the_tables(tables):
    """Brain: the cancers that reach it and the symptoms tied to it, counted from the tables."""
    at = open_page("pages/site_profiles.py", profile="brain")
    metrics = {m.label: m.value for m in at.metric}
    spread, symptoms = tables["spread"], tables["symptoms"]
    assert metrics["Cancers that reach it"] == str(
        spread.loc[spread["site"] == "brain", "primary"].nunique())
    assert metrics["Symptoms the sources name"] == str(
        symptoms.loc[symptoms["site"] == "brain", "symptom"].nunique())


def test_source_check_lists_who_names_which_site():
    """For melanoma, the grid has a row for brain with MSK's and the NIH article's words."""
    at = open_page("pages/source_check.py", check_cancer="melanoma")
    grid = at.dataframe[0].value.set_index("Site")
    assert grid.loc["Brain", "Memorial Sloan Kettering"] == "stated, used as an example"
    assert grid.loc["Lung", "NCI fact sheet"] == "rank 1"
    verdicts = [m.value for m in at.markdown if m.value.startswith(
        ("**Sources", "**Only", "**Different"))]
    assert len(verdicts) == 8
    cured, where, deaths, blood, treated, galleri, cells, ways = verdicts
    assert cured.startswith("**Sources disagree.**")
    assert "Unattributed web article gives answers that cannot both be true" in cured
    # One rule: NCI's sentence says what the US government article says, so both clash with
    # MSK's lymph nodes; Cleveland Clinic's "some of the most common sites" clashes with none.
    assert where.startswith("**Sources disagree.**")
    assert ("*lungs, bones and liver* (NCI fact sheet, US government health article, "
            "Unattributed web article) cannot be true alongside *nearby lymph nodes* "
            "(Memorial Sloan Kettering)" in where.replace("\\", ""))
    assert "Cleveland Clinic" not in where
    # Counting another group (deaths of people whose cancer spread) is not a clash.
    assert deaths == "**Different answers, no clash.**"
    assert blood == "**Different answers, no clash.**"
    assert treated == "**Sources agree.**"
    assert galleri == "**Only one source says, wrongly.**"
    wrong = [w.value for w in at.warning]
    assert any("Galleri" in w and "many kinds of cancer" in w and "Shield" in w for w in wrong)
    assert ("*the cells have not changed* (Cleveland Clinic, Unattributed web article) cannot be "
            "true alongside *the cells become very different* (US government health article)"
            in cells)
    assert ways.startswith("**Sources disagree.**")


def _answer_all(at: AppTest, choose) -> AppTest:
    """Answer every quiz question with ``choose(question_radio)``."""
    for radio in list(at.radio):
        radio.set_value(choose(radio))
    return at.run()


def test_quiz_from_a_fixed_seed_scores_as_expected(tables):
    """Quiz 0 answered right everywhere scores full marks; answered wrong everywhere, none."""
    expected = {q.prompt: q.answer for q in make_quiz(tables, 0)}
    at = open_page("pages/quiz.py", quiz="0")
    assert len(at.radio) == QUIZ_LENGTH
    right = _answer_all(at, lambda r: expected[r.label.split("** ", 1)[1]])
    assert right.metric[0].value == f"{QUIZ_LENGTH} right out of {QUIZ_LENGTH}"
    assert f"All {QUIZ_LENGTH} answered." in [c.value for c in right.caption]
    at = open_page("pages/quiz.py", quiz="0")
    wrong = _answer_all(at, lambda r: next(o for o in r.options
                                           if o != expected[r.label.split("** ", 1)[1]]))
    assert wrong.metric[0].value == f"0 right out of {QUIZ_LENGTH}"
    assert len(wrong.error) == QUIZ_LENGTH


def test_quiz_number_in_the_link_gives_the_same_questions(tables):
    """Two students opening ?quiz=42 see the same questions in the same order."""
    first = [r.label for r in open_page("pages/quiz.py", quiz="42").radio]
    second = [r.label for r in open_page("pages/quiz.py", quiz="42").radio]
    assert first == second
    assert [q.prompt for q in make_quiz(tables, 42)] == [
        label.split("** ", 1)[1] for label in first]


def test_quiz_feedback_quotes_the_source(tables):
    """Answering shows right or wrong at once, with the quote behind the answer."""
    question = make_quiz(tables, 0)[0]
    at = open_page("pages/quiz.py", quiz="0")
    at.radio[0].set_value(at.radio[0].options[0]).run()
    assert len(at.success) + len(at.error) == 1
    shown = [m.value for m in at.markdown if m.value.startswith("“")]
    assert [s.replace("\\", "") for s in shown] == [f"“{question.explanation}”"]


def test_quiz_scores_the_first_answer_and_locks_the_question(tables):
    """Answer wrong, see the answer, change it: the score stays 0 right out of 8 (7 not
    answered) and the question is locked; Try again clears every answer so the whole quiz can
    be taken again."""
    question = make_quiz(tables, 5, 8)[0]
    wrong = next(o for o in question.options if o != question.answer)
    at = open_page("pages/quiz.py", quiz="5")
    at.radio[0].set_value(wrong).run()
    assert at.metric[0].value == "0 right out of 8"
    assert "7 not answered yet: each counts as not right until it is." in [
        c.value for c in at.caption]
    assert at.radio[0].disabled
    assert f"Not quite: the answer is {question.answer}." in at.error[0].value
    with pytest.raises(AppTestError, match="disabled"):  # as in a browser: it cannot change
        at.radio[0].set_value(question.answer)
    at.run()
    assert at.metric[0].value == "0 right out of 8"
    assert at.radio[0].value == wrong and len(at.success) == 0
    at.button(key="try_again").click().run()
    assert at.metric[0].value == "0 right out of 8"
    assert "8 not answered yet: each counts as not right until it is." in [
        c.value for c in at.caption]
    assert not at.radio[0].disabled and at.radio[0].value is None
    at.radio[0].set_value(question.answer).run()
    assert at.metric[0].value == "1 right out of 8"


def test_a_reload_keeps_the_first_answers_locked(tables):
    """A student answers, then reloads the page (the same link, a new session): the answer is
    still there, locked, and still scored; the link's answers are for that quiz only."""
    question = make_quiz(tables, 5, 8)[0]
    wrong = next(o for o in question.options if o != question.answer)
    at = open_page("pages/quiz.py", quiz="5")
    at.radio[0].set_value(wrong).run()
    link = at.query_params["answers"]
    assert link == f"5.{question.options.index(wrong)}-------"
    again = open_page("pages/quiz.py", quiz="5", answers=link)
    assert again.radio[0].disabled and again.radio[0].value == wrong
    assert again.metric[0].value == "0 right out of 8"
    assert f"Not quite: the answer is {question.answer}." in again.error[0].value
    other = open_page("pages/quiz.py", quiz="6", answers=link)
    assert not other.radio[0].disabled and other.metric[0].value == "0 right out of 8"
    assert "answers" not in other.query_params, "another quiz's answers are dropped"
