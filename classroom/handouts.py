"""Printable handouts, made offline on the server: the lesson (one page per step, with its
picture and quotes) and a quiz as a worksheet with a separate answer key.

fpdf2 writes the PDF; pictures are the slide images of ``charts.export`` (vl-convert).
Quotes are printed in the source's words with the source under them; a sentence the app
worked out says what it was worked out from, as on screen.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from fpdf import FPDF

from classroom.lesson import Step

PAPERS = {"A4": "A4", "Letter": "Letter"}
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

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.cell(0, 5, self.text_of(f"{self.footer_text} · page {self.page_no()}"),
                  align="C")


def _table(pdf: _Handout, frame: pd.DataFrame) -> None:
    """A small table as one paragraph per row (wide text columns wrap)."""
    for row in frame.astype(str).itertuples(index=False):
        pdf.write_block(" · ".join(f"{col}: {value}" for col, value in
                                   zip(frame.columns, row, strict=True) if value), 10, gap=1)


def lesson_pdf(steps: Sequence[Step], pictures: Mapping[str, bytes],
               tables: Mapping[str, pd.DataFrame], paper: str = "A4") -> bytes:
    """The lesson as a handout: one page per step (its title, takeaways and picture or table).

    ``pictures`` maps a step's view to a PNG; ``tables`` maps it to the table shown instead.
    """
    pdf = _Handout(paper, f"Where cancers spread: lesson handout. {CAUTION}")
    for number, step in enumerate(steps, 1):
        pdf.add_page()
        pdf.write_block(f"Step {number} of {len(steps)}", 9)
        pdf.write_block(step.title, 18, "B", 3)
        for item in step.takeaways:
            if item.is_quote:
                pdf.write_block(f"“{item.text}”", 11.5, "B", 0.5)
                pdf.write_block(f"— {item.basis}", 9.5, gap=2.5)
            else:
                pdf.write_block(item.text, 11.5, "B", 0.5)
                pdf.write_block(f"Worked out by this app from {item.basis}; not a quote.", 9.5,
                                gap=2.5)
        if step.view in pictures:
            width = pdf.epw
            height = width * 9 / 16
            room = pdf.h - pdf.get_y() - 18
            if height > room:
                width, height = room * 16 / 9, room
            pdf.image(io.BytesIO(pictures[step.view]), x=pdf.l_margin, w=width, h=height)
        elif step.view in tables:
            _table(pdf, tables[step.view])
    return bytes(pdf.output())


def quiz_pdf(questions: Sequence, number: int, paper: str = "A4") -> bytes:
    """Quiz ``number`` as a worksheet, then (from a new page) its answer key: each answer
    with the quote that proves it and its source."""
    pdf = _Handout(paper, f"Where cancers spread: quiz {number}. {CAUTION}")
    pdf.add_page()
    pdf.write_block(f"Quiz {number}: where cancers spread", 18, "B", 1)
    pdf.write_block("Name: ______________________    Choose one answer for each question.", 10,
                    gap=4)
    letters = "ABCDEFGH"
    for index, question in enumerate(questions, 1):
        if pdf.get_y() > pdf.h - 70:  # keep a question and its options on one page
            pdf.add_page()
        pdf.write_block(f"{index}. {question.prompt}", 11.5, "B", 1)
        for letter, option in zip(letters, question.options, strict=False):
            pdf.write_block(f"   [ ]  {letter}. {option}", 11, gap=0.5)
        pdf.ln(3)
    pdf.add_page()
    pdf.write_block(f"Answer key: quiz {number}", 18, "B", 3)
    for index, question in enumerate(questions, 1):
        letter = letters[list(question.options).index(question.answer)]
        pdf.write_block(f"{index}. {letter}. {question.answer}", 11.5, "B", 0.5)
        pdf.write_block(f"“{question.explanation}”", 10.5, gap=0.5)
        pdf.write_block(f"— {question.credit}", 9.5, gap=0.5)
        worked_out = " ".join(part for part in (question.detail, question.caveat) if part)
        if worked_out:
            pdf.write_block(f"{worked_out} (Worked out by this app from "
                            f"{question.basis}; not a quote.)", 9.5, gap=3)
    return bytes(pdf.output())
