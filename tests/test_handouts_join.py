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
from ui.join import SERVE_ON_NETWORK, START_COMMAND, join_hint


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


def test_join_qr_code_decodes_to_the_address():
    """The QR code made offline reads back as exactly the join address."""
    url = join_url("192.168.1.20", 8501, step=4)
    assert url == "http://192.168.1.20:8501/class-lesson?step=4"
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
