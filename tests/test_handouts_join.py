"""Handouts (PDF) and the join panel: the key matches the quiz, the QR code decodes."""

from __future__ import annotations

import io

import pypdf
import pytest
import zxingcpp
from PIL import Image
from streamlit import config
from streamlit.testing.v1 import AppTest

from classroom.handouts import lesson_pdf, quiz_pdf
from classroom.join import join_url, qr_png
from classroom.lesson import lesson_steps
from classroom.quiz import make_quiz, prepare
from data.load import load_tables
from tests.conftest import ROOT
from ui.navigation import LESSON
from views.reference import symptoms_summary


@pytest.fixture(scope="module")
def tables():
    return load_tables()


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
    """Quiz 3's worksheet asks the quiz's questions; its key, on its own pages, gives each
    answer with its quote."""
    questions = make_quiz(prepare(tables), 3, 8)
    pages = [" ".join(p.split()) for p in _pages(quiz_pdf(questions, 3))]
    key_start = next(i for i, p in enumerate(pages) if p.startswith("Answer key: quiz 3"))
    worksheet, key = " ".join(pages[:key_start]), " ".join(pages[key_start:])
    assert key_start >= 1 and "Answer key" not in worksheet
    for index, question in enumerate(questions, 1):
        assert " ".join(question.prompt.split()) in worksheet
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
        key = " ".join(" ".join(_pages(quiz_pdf(quizzes[number], number))).split())
        for question in quizzes[number]:
            assert " ".join(question.credit.split()) in key, question.qid
            if question.caveat:
                assert " ".join(question.caveat.split())[:60] in key, question.qid
    steps = lesson_steps(tables)
    pages = [" ".join(p.split()) for p in _pages(lesson_pdf(
        steps, {}, {"symptoms": symptoms_summary(tables)}))]
    survival = next(p for p, s in zip(pages, steps, strict=True) if s.view == "survival")
    assert "no years, place or group size" in survival
    symptoms = next(p for p, s in zip(pages, steps, strict=True) if s.view == "symptoms")
    assert "(low-confidence source only)" in symptoms and "general signs of spread" in symptoms


def test_join_qr_code_decodes_to_the_address():
    """The QR code made offline reads back as exactly the join address."""
    url = join_url("192.168.1.20", 8501, LESSON.url_path, step=4)
    assert url == "http://192.168.1.20:8501/lesson?step=4"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(url))))
    assert [code.text for code in found] == [url]


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
