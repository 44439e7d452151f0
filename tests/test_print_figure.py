"""The lesson handout's figures: vector SVG (real text, no bitmap), built from the pictures
the lesson projects, every figure label printed at 8 pt or more (read back with pypdf)."""

from __future__ import annotations

import io

import pypdf
import pytest

from charts.print_figure import MIN_PRINT_PT, print_svg
from classroom.handouts import lesson_pdf
from classroom.lesson import lesson_steps
from data.load import load_tables
from views.lesson import PICTURES, lesson_picture


@pytest.fixture(scope="module")
def handout() -> bytes:
    t = load_tables()
    pictures = {view: print_svg(lesson_picture(t, view).spec, lesson_picture(t, view).credit)
                .encode() for view in PICTURES}
    return lesson_pdf(lesson_steps(t), pictures, {}, "A4")


def _printed(page: pypdf.PageObject) -> list[tuple[float, str]]:
    """Each text run on ``page`` with its printed size in points (font size times the text
    and drawing matrices' vertical scale)."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            b = tm[0] * cm[1] + tm[1] * cm[3]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            found.append((round(size * (b * b + d * d) ** 0.5, 2), text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def test_figures_are_vectors_with_real_text(handout):
    reader = pypdf.PdfReader(io.BytesIO(handout))
    text = " ".join(page.extract_text() for page in reader.pages)
    for label in ("Peritoneum (belly lining)", "Still alive five years after diagnosis (%)"):
        assert label in " ".join(text.split())  # a chart's own words, as text
    for page in reader.pages:
        objects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert not any(obj.get_object().get("/Subtype") == "/Image"
                       for obj in objects.values()), "a figure printed as a bitmap"


def test_figure_text_prints_at_8_pt_or_more(handout):
    sizes = [run for page in pypdf.PdfReader(io.BytesIO(handout)).pages for run in
             _printed(page)]
    assert sizes
    smallest = min(sizes)
    assert smallest[0] >= MIN_PRINT_PT, smallest
