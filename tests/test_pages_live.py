"""AppTest for the live class: a teacher's projector and students' phones, each its own
session (as in a classroom), sharing the store of this process."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.apptest_helpers import chart_rows, ok, open_page
from views.live import Share, round_totals, share_right, summary_csv, tally_frame

TEACHER, STUDENT = "pages/live_class.py", "pages/join_class.py"


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    """Every test's classes in a store of its own (SQLite file in a temporary folder)."""
    monkeypatch.setenv("LIVE_CLASS_STORE", f"sqlite:///{tmp_path / 'live.sqlite3'}")
    from ui import live

    live.store.clear()
    yield
    live.store.clear()


def _one(value):
    return value[0] if isinstance(value, list) else value


def start_class():
    """A teacher who has started a class: (their AppTest, the class code)."""
    teacher = open_page(TEACHER)
    ok(teacher.button(key="start_class").click().run())
    return teacher, _one(teacher.query_params["live"])


def join_as(code: str, nickname: str = ""):
    """A student who typed ``code`` (and a nickname) and pressed Join."""
    student = open_page(STUDENT)
    student.text_input(key="join_code").input(code)
    student.text_input(key="join_name").input(nickname)
    return ok(student.button(key="join").click().run())


def texts(at) -> str:
    return " ".join(m.value for m in at.markdown)


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_teacher_starts_a_class_and_the_link_keeps_its_place():
    """As a teacher, Start a class shows a code; my link holds it, so a reload keeps it."""
    teacher, code = start_class()
    assert code and _one(teacher.query_params["host"])
    assert any(f"{code[:4]}-{code[4:]}" in h.proto.body for h in teacher.get("html"))
    again = open_page(TEACHER, live=code, host=_one(teacher.query_params["host"]))
    assert metric(again, "Joined") == "0"
    assert again.button(key="ask").label == "Ask this question"


def test_a_whole_round_from_join_to_reveal():
    """Students join and answer, the projector counts them, locks, reveals; each phone then
    sees right or wrong with the quote, and the summary counts the right answers."""
    teacher, code = start_class()
    ana, ben = join_as(code, "Ana"), join_as(code)
    assert _one(ana.query_params["seat"]) != _one(ben.query_params["seat"])
    ok(teacher.selectbox(key="live_prompt").set_value("top:nci:colon").run())
    ok(teacher.button(key="ask").click().run())
    assert metric(teacher, "Joined") == "2"
    ok(ana.run())
    ok(ben.run())
    assert "colon cancer" in texts(ana)
    labels = [b.label for b in ana.button if b.key.startswith("option_")]
    assert "Liver" in labels and "Lung" not in labels  # lung is 3rd in the colon row
    ok(ana.button(key=f"option_1_{labels.index('Liver')}").click().run())
    ok(ben.button(key=f"option_1_{labels.index('Adrenal gland')}").click().run())
    assert "Your answer: Liver" in texts(ana)
    ok(teacher.run())
    assert metric(teacher, "Answered") == "2"
    rows = {r["option"]: r["count"] for r in chart_rows(teacher, 0, "option")}
    assert rows["Liver"] == 1 and rows["Adrenal gland"] == 1 and set(rows) == set(labels)
    ok(teacher.button(key="lock").click().run())
    ok(ben.run())
    assert all(b.disabled for b in ben.button if b.key.startswith("option_"))
    ok(teacher.button(key="reveal").click().run())
    shown = texts(teacher)
    assert "The answer: Liver" in shown and "National Cancer Institute" in shown
    assert "1 of 2 answers \\(50%\\) were right" in shown
    ok(ana.run())
    ok(ben.run())
    assert ana.success and "Right" in ana.success[0].value
    assert ben.error and "the answer is Liver" in ben.error[0].value
    assert "Colon — Liver, peritoneum, lungs" in texts(ben)
    ok(teacher.toggle(key="printable").set_value(True).run())
    totals, every = (t.value for t in teacher.table)
    assert totals.iloc[0].to_dict() == {"Round": 1, "Question": colon_text(teacher),
                                        "Answers": 2, "Right": 1, "Share right": "50%"}
    assert list(every["Student"]) == ["Student 1", "Student 2"]  # no names unless kept
    ok(teacher.checkbox(key="keep_names").check().run())
    assert "Ana" in list(teacher.table[1].value["Student"])


def test_which_cancer_prompts_show_a_row_of_cancers_to_tap():
    """A "which cancer ranks the liver first?" prompt draws the cancers as one heatmap row
    (a cell each, under the site's name) and as buttons."""
    teacher, code = start_class()
    ana = join_as(code)
    ok(teacher.selectbox(key="live_prompt").set_value("first:nci:liver:colon").run())
    ok(teacher.button(key="ask").click().run())
    ok(ana.run())
    cells = [r["label"] for r in chart_rows(ana, 0, "label")]
    buttons = [b.label for b in ana.button if b.key.startswith("option_")]
    assert "Colon cancer" in cells and sorted(set(cells)) == sorted(buttons)
    assert {r["column"] for r in chart_rows(ana, 0, "column")} == {"Liver"}


def test_the_lesson_links_to_the_live_class():
    """As a teacher presenting the lesson, I can start a live class from it."""
    lesson = open_page("pages/lesson.py")
    links = [link.proto for link in lesson.get("page_link")]
    assert any(p.label.startswith("Run a live class") and p.page == "live_class"
               for p in links), links


def colon_text(at) -> str:
    """The colon prompt's words as the projector shows them (Markdown escapes removed)."""
    return next(m.value for m in at.markdown if m.value.startswith("### Where does colon")
                )[4:].replace("\\", "")


def test_a_bad_code_gets_a_plain_message():
    """As a student who mistyped the code, I am told so in a sentence, and stay on the form."""
    student = join_as("NOPE1234")
    assert student.error and "Traceback" not in student.error[0].value
    assert "seat" not in student.query_params
    odd = open_page(STUDENT, live="<b>x</b>", seat="also<bad>")
    assert any("live" in w.value and "\\<b\\>" in w.value for w in odd.warning)


def test_a_student_who_reloads_keeps_their_answer():
    """A phone that reloads its link comes back into the class with its answer."""
    teacher, code = start_class()
    ana = join_as(code)
    ok(teacher.button(key="ask").click().run())
    ok(ana.run())
    ok(ana.button(key="option_1_0").click().run())
    chosen = ana.button(key="option_1_0").label
    again = open_page(STUDENT, live=code, seat=_one(ana.query_params["seat"]))
    assert f"Your answer: {chosen}" in texts(again)


def test_a_nickname_is_shown_as_text_and_only_when_kept():
    """A nickname with markup is escaped; the summary leaves names out unless kept."""
    teacher, code = start_class()
    join_as(code, "<img src=x>")
    ok(teacher.button(key="ask").click().run())
    assert "<img" not in " ".join(h.proto.body for h in teacher.get("html"))


def test_the_room_as_numbers_and_the_summary_csv():
    """The spread keeps every option (0s too); the share and the totals are worked out."""
    frame = tally_frame(("A", "B", "C"), {"B": 2}, "B")
    assert frame.to_dict("list") == {"option": ["A", "B", "C"], "count": [0, 2, 0],
                                     "right": [False, True, False]}
    assert share_right({"A": 1, "B": 3}, "B") == Share(3, 4)
    assert Share(3, 4).words == "3 of 4 answers (75%) were right."
    assert Share(0, 0).words == "Nobody answered this question."
    summary = pd.DataFrame({"round": [1, 1, 2], "prompt": ["P1", "P1", "P2"],
                            "student": ["Student 1", "=HYPERLINK(1)", "Student 1"],
                            "answer": ["x", "y", "z"], "right": [True, False, True]})
    totals = round_totals(summary)
    assert totals.to_dict("records")[0] == {"Round": 1, "Question": "P1", "Answers": 2,
                                            "Right": 1, "Share right": "50%"}
    assert b"'=HYPERLINK" in summary_csv(summary)
