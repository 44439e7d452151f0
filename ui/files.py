"""Download files made from the five sources: bounded, process-wide caches of their bytes.

Pages give a download button these bytes during the run (never a function to call on
click), so each file lives as long as the page that offered it. None of these hold anything
a person uploaded: an upload's files are memoised on the session's own object instead.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.export import png_bytes, svg_text
from data.build import TABLES_DIR
from data.export import package_zip, safe_csv_bytes
from graph.export import gexf_bytes, graphml_bytes
from ui.data import descriptor, graph, tables

QUIZ_LENGTH = 8  # questions per quiz, as the Quiz page asks them (pages/quiz.py)
SHARED_FILES = 128  # distinct files kept in the process, at most (each a few hundred KB)
Ids = tuple[str, ...]


@st.cache_data(max_entries=SHARED_FILES, show_spinner=False)
def shared_csv(frame: pd.DataFrame) -> bytes:
    """Spreadsheet-safe CSV of a table of the five sources."""
    return safe_csv_bytes(frame)


@st.cache_data(max_entries=SHARED_FILES, show_spinner=False)
def slide_png(spec: dict, source_line: str, caption: str | None = None) -> bytes:
    """A chart of the five sources as a 1920x1080 PNG slide; ``caption`` (e.g. from
    :func:`charts.export.filters_caption`) replaces the chart's on-screen subtitle."""
    return png_bytes(spec, source_line, caption)


@st.cache_data(max_entries=SHARED_FILES, show_spinner=False)
def slide_svg(spec: dict, source_line: str, caption: str | None = None) -> str:
    """A chart of the five sources as a 16:9 SVG slide (``caption`` as for the PNG)."""
    return svg_text(spec, source_line, caption)


@st.cache_data(max_entries=32, show_spinner=False)
def graph_file(kind: str, evidence: Ids, sources: Ids) -> bytes:
    """The network for the filters as ``"graphml"`` or ``"gexf"`` bytes."""
    maker = {"graphml": graphml_bytes, "gexf": gexf_bytes}[kind]
    return maker(graph(evidence, sources))


@st.cache_data(max_entries=1, show_spinner=False)
def data_package_zip() -> bytes:
    """Every published table, the data dictionary and a citation note, as one ZIP."""
    return package_zip(TABLES_DIR, descriptor(), tables()["sources"])


@st.cache_data(max_entries=2, show_spinner="Making the lesson handout…")
def lesson_handout(paper: str) -> bytes:
    """The lesson as a PDF handout, one page per step, on ``paper`` (A4 or Letter)."""
    from classroom.handouts import lesson_pdf
    from ui.data import (
        body_map_choices,
        body_map_view,
        cascade_shown,
        claim_summary_shown,
        heatmap_spec,
        lesson,
        network_spec,
        options,
        spread_credit,
        survival_spec,
        survival_texts,
        symptoms_summary,
        top_three,
    )

    every = tuple(tuple(options()[key]) for key in ("cancer", "site", "evidence", "source"))
    credit = spread_credit(*every)
    pictures = {
        "facts": slide_png(body_map_view("cancer", "breast", False)[1],
                           body_map_choices()["credit"]),
        "heatmap": slide_png(heatmap_spec(*every), credit),
        "top_sites": slide_png(top_three(*every)[1], credit),
        "network": slide_png(network_spec(every[2], every[3], "two_columns", 7, None)[0],
                             credit),
        "survival": slide_png(survival_spec()[1], survival_texts()["credit"]),
    }
    shown = {"cascade": cascade_shown(), "symptoms": symptoms_summary(),
             "sources": claim_summary_shown()}
    return lesson_pdf(lesson(), pictures, shown, paper)


@st.cache_data(max_entries=64, show_spinner=False)
def quiz_handout(number: int, paper: str) -> bytes:
    """Quiz ``number`` (the questions the Quiz page shows for it) as a worksheet and key."""
    from classroom.handouts import quiz_pdf
    from ui.data import quiz

    return quiz_pdf(quiz(number, QUIZ_LENGTH), number, paper)
