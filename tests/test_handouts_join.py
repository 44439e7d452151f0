"""Handouts (PDF) and the join panel: the key matches the quiz, the QR code decodes."""

from __future__ import annotations

import io
import re

import pandas as pd
import pypdf
import pytest
import zxingcpp
from PIL import Image
from streamlit.testing.v1 import AppTest

from classroom.handouts import BODY_PT, key_pdf, lesson_pdf, worksheet_pdf
from classroom.join import join_url, qr_png
from classroom.lesson import lesson_steps
from classroom.quiz import make_quiz, prepare
from data.columns import on_screen
from data.load import load_published
from tests.conftest import ROOT
from ui.join import SERVE_ON_NETWORK, START_COMMAND, join_hint
from ui.navigation import LESSON
from ui.st_internals import config
from views.reference import symptoms_summary


@pytest.fixture(scope="module")
def tables():
    return load_published()


def _pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_lesson_handout_has_one_page_per_step(tables, paper, size):
    """Eight steps, eight pages, each with its title and its first takeaway's words."""
    steps = lesson_steps(tables)
    picture = qr_png("x")  # any PNG stands in for a slide image here
    data = lesson_pdf(steps, {"heatmap": picture}, {}, paper)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(steps)
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == size
    for text, step in zip(_pages(data), steps, strict=True):
        flat = " ".join(text.split())
        assert step.title in flat and " ".join(step.takeaways[0].text.split())[:40] in flat


def test_quiz_key_matches_the_quiz_for_the_same_number(tables):
    """Quiz 3's worksheet asks the quiz's questions and holds no answer; its key, a file of
    its own, gives each answer with its quote."""
    questions = make_quiz(prepare(tables), 3, 8)
    worksheet = " ".join(" ".join(p.split()) for p in _pages(worksheet_pdf(questions, 3)))
    key = " ".join(" ".join(p.split()) for p in _pages(key_pdf(questions, 3)))
    assert "Answer key" not in worksheet and key.startswith("Answer key: quiz 3")
    for index, question in enumerate(questions, 1):
        assert " ".join(question.prompt.split()) in worksheet
        assert " ".join(question.explanation.split())[:50] not in worksheet
        assert f"{index}. " in key and " ".join(question.answer.split()) in key
        assert " ".join(question.explanation.split())[:50] in key


def test_handouts_carry_each_caveat_and_the_sources_confidence(tables):
    """The answer key credits each quote with its source's confidence and repeats the
    question's caveat (lymph nodes left out, a rate with no years or country); the lesson
    handout's survival page says what the rates cannot tell, and its symptom table marks
    what only the low-confidence source says."""
    bank = prepare(tables)
    quizzes = [make_quiz(bank, n, 8) for n in range(40)]
    questions = {q.qid: q for quiz in quizzes for q in quiz}
    kinds = {q.kind for q in questions.values()}
    assert {"top_site", "survival", "symptom_site"} <= kinds
    for number in (3, 7):
        key = " ".join(" ".join(_pages(key_pdf(quizzes[number], number))).split())
        for question in quizzes[number]:
            assert " ".join(question.credit.split()) in key, question.qid
            if question.caveat:
                assert " ".join(question.caveat.split())[:60] in key, question.qid
    steps = lesson_steps(tables)
    text = " ".join(" ".join(_pages(lesson_pdf(
        steps, {}, {"symptoms": on_screen(symptoms_summary(tables))}))).split())
    # A step's text runs from its "Step n of N" to the next (a table may take two pages).
    by_step = re.split(r"Step \d+ of \d+", text)[1:]
    survival = next(p for p, s in zip(by_step, steps, strict=True) if s.view == "survival")
    assert "no years, place or group size" in survival
    symptoms = next(p for p, s in zip(by_step, steps, strict=True) if s.view == "symptoms")
    assert "(low-confidence source only)" in symptoms and "general signs of spread" in symptoms


def _sizes(data: bytes) -> list[float]:
    """The size in points of every piece of text the PDF prints (pypdf, text matrix applied)."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(round(size * (tm[3] or 1) * (cm[3] or 1), 1))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_text_is_at_least_ten_points(tables, paper):
    """Every line of the worksheet, the key and the lesson prints at 10 pt or more."""
    questions = make_quiz(prepare(tables), 3, 8)
    steps = lesson_steps(tables)
    shown = {"symptoms": pd.DataFrame({"Site": ["Bone"], "Symptoms": ["pain"]})}
    for data in (worksheet_pdf(questions, 3, paper), key_pdf(questions, 3, paper),
                 lesson_pdf(steps, {}, shown, paper)):
        sizes = _sizes(data)
        assert sizes and min(sizes) >= BODY_PT, sorted(set(sizes))[:5]


@pytest.mark.parametrize("number", [0, 3, 17, 9999])
def test_no_question_is_split_over_two_pages(tables, number):
    """Each question's prompt and all its options are on one page of the worksheet, and each
    answer with its quote on one page of the key."""
    questions = make_quiz(prepare(tables), number, 8)
    pages = [" ".join(p.split()) for p in _pages(worksheet_pdf(questions, number))]
    for index, question in enumerate(questions, 1):
        holding = [p for p in pages if f"{index}. {' '.join(question.prompt.split())}" in p]
        assert len(holding) == 1, f"question {index} not whole on one page"
        assert all(f"{letter}. {' '.join(option.split())}" in holding[0]
                   for letter, option in zip("ABCDEFGH", question.options, strict=False))
    key_pages = [" ".join(p.split()) for p in _pages(key_pdf(questions, number))]
    for question in questions:
        quote = " ".join(question.explanation.split())
        assert sum(quote[:60] in p and quote[-30:] in p for p in key_pages) == 1


def test_a_lesson_table_prints_as_a_table(tables):
    """A step's table prints its column names once, as a header, and its cells as cells
    (not "Column: value" run-on text)."""
    steps = lesson_steps(tables)
    frame = pd.DataFrame({"Site": ["Bone", "Brain"], "Symptoms": ["pain", "headache"]})
    view = next(step.view for step in steps if step.view not in ("facts", "heatmap",
                                                                 "top_sites", "network",
                                                                 "survival"))
    text = " ".join(" ".join(p.split()) for p in _pages(lesson_pdf(steps, {}, {view: frame})))
    assert "Site: Bone" not in text and text.count("Symptoms") >= 1
    assert "Bone pain" in text and "Brain headache" in text


def test_join_qr_code_decodes_to_the_address():
    """The QR code made offline reads back as exactly the join address."""
    url = join_url("192.168.1.20", 8501, LESSON.url_path, step=4)
    assert url == "http://192.168.1.20:8501/lesson?step=4"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(url))))
    assert [code.text for code in found] == [url]


def test_the_join_hint_names_the_readme_start_command():
    """The lesson's join panel tells a teacher the command the README gives (read from one
    constant), never one the README says not to use."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START_COMMAND in readme and SERVE_ON_NETWORK in readme, (
        "the README starts the app another way: change ui.join.START_COMMAND to match")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/lesson.py").run()
    hints = [c.value for c in at.caption if "classroom network" in c.value]
    assert hints == [join_hint()] and f"`{SERVE_ON_NETWORK}`" in hints[0]


def test_join_panel_only_when_served_on_the_network():
    """Off by default; with server.address set to a LAN address, the overview shows it."""
    def overview():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        return at
    assert not any("Join from your device" in m.value for m in overview().markdown)
    config.set_option("server.address", "192.168.1.20")
    try:
        at = overview()
        shown = [m.value for m in at.markdown if "Join from your device" in m.value]
        assert shown and "http://192.168.1.20:" in shown[0]
    finally:
        config.set_option("server.address", None)
