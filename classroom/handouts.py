"""Printable handouts, made offline on the server: the lesson (one page per step, with its
picture and quotes) and a quiz as a worksheet and, in a file of its own, its answer key.

Print sizes: body text at least ``BODY_PT`` (10 pt), tables as tables, and no question
split over two pages (``tests/test_handouts_join.py`` reads the sizes back with pypdf).

fpdf2 writes the PDF; pictures are the slide images of ``charts.export`` (vl-convert), given
as SVG (``charts.print_figure``), which fpdf2 draws as vectors with real text.
Quotes are printed in the source's words with the source under them; a sentence the app
worked out says what it was worked out from, as on screen.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace

from classroom.lesson import Step

PAPERS = {"A4": "A4", "Letter": "Letter"}
BODY_PT = 10  # the smallest text a handout prints
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
CAUTION = "For learning only: not for decisions about anyone's care."
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-",
                        "…": "...", "→": "->", "←": "<-", "·": "-"})


class _Handout(FPDF):
    """A page with a footer line; Unicode text when DejaVu is installed, else Latin-1."""

    def __init__(self, paper: str, footer: str) -> None:
        super().__init__(format=PAPERS[paper])
        self.footer_text = footer
        self.set_auto_page_break(True, margin=16)
        self.set_margins(16, 14, 16)
        regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
        self.unicode = regular.is_file() and bold.is_file()
        if self.unicode:
            self.add_font("body", "", str(regular))
            self.add_font("body", "B", str(bold))
        self.family = "body" if self.unicode else "helvetica"

    def text_of(self, text: str) -> str:
        """``text`` as the font can draw it."""
        if self.unicode:
            return text
        return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")

    def write_block(self, text: str, size: float = 11, style: str = "", gap: float = 1.5
                    ) -> None:
        self.set_font(self.family, style, size)
        self.multi_cell(0, size * 0.5, self.text_of(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def block_height(self, blocks: Sequence[tuple[str, float, str, float]]) -> float:
        """The height ``blocks`` (text, size, style, gap) take, written with write_block."""
        total = 0.0
        for text, size, style, gap in blocks:
            self.set_font(self.family, style, size)
            total += self.multi_cell(0, size * 0.5, self.text_of(text), dry_run=True,
                                     output="HEIGHT") + gap
        return total

    def write_whole(self, blocks: Sequence[tuple[str, float, str, float]]) -> None:
        """Write ``blocks`` on one page: a new page first when they would not fit."""
        if self.get_y() + self.block_height(blocks) > self.page_break_trigger:
            self.add_page()
        for text, size, style, gap in blocks:
            self.write_block(text, size, style, gap)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", BODY_PT)
        self.cell(0, 5, self.text_of(f"{self.footer_text} · page {self.page_no()}"),
                  align="C")


def _table(pdf: _Handout, frame: pd.DataFrame) -> None:
    """A table as a table: a bold header row, then a row per line, text wrapped in its cell."""
    pdf.set_font(pdf.family, "", BODY_PT)
    bold = FontFace(emphasis="BOLD", fill_color=(235, 238, 242))
    with pdf.table(text_align="LEFT", line_height=BODY_PT * 0.5, headings_style=bold,
                   first_row_as_headings=True) as table:
        for values in [list(frame.columns), *frame.astype(str).values.tolist()]:
            row = table.row()
            for value in values:
                row.cell(pdf.text_of(value))


def lesson_pdf(steps: Sequence[Step], pictures: Mapping[str, bytes],
               tables: Mapping[str, pd.DataFrame], paper: str = "A4") -> bytes:
    """The lesson as a handout: one page per step (its title, takeaways and picture or table).

    ``pictures`` maps a step's view to its figure (SVG, or PNG); ``tables`` maps it to the
    table shown instead.
    """
    pdf = _Handout(paper, f"Where cancers spread: lesson handout. {CAUTION}")
    for number, step in enumerate(steps, 1):
        pdf.add_page()
        pdf.write_block(f"Step {number} of {len(steps)}", BODY_PT)
        pdf.write_block(step.title, 18, "B", 3)
        for item in step.takeaways:
            if item.is_quote:
                pdf.write_block(f"“{item.text}”", 11.5, "B", 0.5)
                pdf.write_block(f"— {item.basis}", BODY_PT, gap=2.5)
            else:
                pdf.write_block(item.text, 11.5, "B", 0.5)
                pdf.write_block(f"Worked out by this app from {item.basis}; not a quote.",
                                BODY_PT, gap=2.5)
        if step.view in pictures:
            aspect = _aspect(pictures[step.view])
            width = pdf.epw
            height = width * aspect
            room = pdf.h - pdf.get_y() - 18
            if height > room:  # smaller, in its own proportions (never squashed)
                width, height = room / aspect, room
            pdf.image(io.BytesIO(pictures[step.view]), x=pdf.l_margin, w=width, h=height)
        elif step.view in tables:
            _table(pdf, tables[step.view])
    return bytes(pdf.output())


def _aspect(picture: bytes) -> float:
    """Height over width of an SVG figure (its ``viewBox``), or 9/16 for a slide PNG.

    >>> _aspect(b'<svg width="880" height="700" viewBox="0 0 880 700">'), _aspect(b"PNG")
    (0.7954545454545454, 0.5625)
    """
    found = re.search(rb'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', picture[:400])
    return float(found.group(2)) / float(found.group(1)) if found else 9 / 16


LETTERS = "ABCDEFGH"


def worksheet_pdf(questions: Sequence, number: int, paper: str = "A4") -> bytes:
    """Quiz ``number`` as a worksheet for the class: each question kept whole on one page."""
    pdf = _Handout(paper, f"Where cancers spread: quiz {number}. {CAUTION}")
    pdf.add_page()
    pdf.write_block(f"Quiz {number}: where cancers spread", 18, "B", 1)
    pdf.write_block("Name: ______________________    Choose one answer for each question.",
                    BODY_PT, gap=4)
    for index, question in enumerate(questions, 1):  # one that would not fit: a new page
        pdf.write_whole([(f"{index}. {question.prompt}", 11.5, "B", 1.0)]
                        + [(f"   [ ]  {letter}. {option}", 11, "", 0.5) for letter, option
                           in zip(LETTERS, question.options, strict=False)]
                        + [("", 1, "", 3.0)])
    return bytes(pdf.output())


def key_pdf(questions: Sequence, number: int, paper: str = "A4") -> bytes:
    """Quiz ``number``'s answer key, a file of its own for the teacher: each answer with the
    quote that proves it and its source, each kept whole on one page."""
    pdf = _Handout(paper, f"Where cancers spread: answer key, quiz {number}. {CAUTION}")
    pdf.add_page()
    pdf.write_block(f"Answer key: quiz {number}", 18, "B", 3)
    for index, question in enumerate(questions, 1):
        letter = LETTERS[list(question.options).index(question.answer)]
        worked_out = " ".join(part for part in (question.detail, question.caveat) if part)
        detail = ([(f"{worked_out} (Worked out by this app from {question.basis}; not "
                    "a quote.)", BODY_PT, "", 3.0)] if worked_out else [])
        pdf.write_whole([(f"{index}. {letter}. {question.answer}", 11.5, "B", 0.5),
                         (f"“{question.explanation}”", 10.5, "", 0.5),
                         (f"— {question.credit}", BODY_PT, "", 0.5 if detail else 3.0),
                         *detail])
    return bytes(pdf.output())
