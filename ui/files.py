"""Download files made from the five sources: bounded, process-wide caches of their bytes.

Pages give a download button these bytes during the run (never a function to call on
click), so each file lives as long as the page that offered it. None of these hold anything
a person uploaded: an upload's files are memoised on the session's own object instead.

Memo: a file made from the tables is a :func:`ui.data.cached` function; a file made from an
object a cached view handed out (its CSV, its slide) is found by identity in a
:class:`ByIdentity`, which skips hashing the object on every rerun.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

from charts.export import png_bytes, svg_text
from classroom.quiz import QUIZ_LENGTH
from data.columns import on_screen
from data.export import package_zip, safe_csv_bytes
from data.load import TABLES_DIR, Published, read_descriptor
from graph.export import gexf_bytes, graphml_bytes
from ui.data import (
    cached,
    cascade_shown,
    claim_summary,
    dictionary,
    lesson,
    lesson_picture,
    network_view,
    quiz,
    sources_table,
    symptoms_summary,
)
from views.lesson import PICTURES

SHARED_FILES = 128  # distinct files kept in the process, at most (each a few hundred KB)
Ids = tuple[str, ...]
T = TypeVar("T")


class ByIdentity:
    """Files made once per object that a cached view hands out, kept for at most ``size``
    objects (least recently used first out).

    The tables and chart specs on a page come from bounded caches that return the *same*
    object on every rerun, so their files are found by identity in microseconds; hashing
    their content on every rerun, as ``st.cache_data`` does, cost 5-15 ms a page. Each entry
    holds its object, so an id is never reused while its entry lives.
    """

    def __init__(self, size: int):
        self.size, self._items, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, obj: object, detail: tuple, make: Callable[[], T]) -> T:
        """The file for ``obj`` and ``detail``, made by ``make()`` the first time."""
        key = (id(obj), detail)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] is obj:
                self._items.move_to_end(key)
                return hit[1]
        value = make()
        with self._lock:
            self._items[key] = (obj, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


_CSV = ByIdentity(SHARED_FILES)
_SLIDES = ByIdentity(SHARED_FILES)


def shared_csv(frame: pd.DataFrame) -> bytes:
    """Spreadsheet-safe CSV of a table of the five sources."""
    return _CSV.get(frame, (), lambda: safe_csv_bytes(frame))


def slide_png(spec: dict, source_line: str, caption: str | None = None) -> bytes:
    """A chart of the five sources as a 1920x1080 PNG slide; ``caption`` (e.g. from
    :func:`charts.export.filters_caption`) replaces the chart's on-screen subtitle."""
    return _SLIDES.get(spec, ("png", source_line, caption),
                       lambda: png_bytes(spec, source_line, caption))


def slide_svg(spec: dict, source_line: str, caption: str | None = None) -> str:
    """A chart of the five sources as a 16:9 SVG slide (``caption`` as for the PNG)."""
    return _SLIDES.get(spec, ("svg", source_line, caption),
                       lambda: svg_text(spec, source_line, caption))


@cached(max_entries=32)
def graph_file(t: Published, kind: str, evidence: Ids, sources: Ids) -> bytes:
    """The network for the filters as ``"graphml"`` or ``"gexf"`` bytes."""
    maker = {"graphml": graphml_bytes, "gexf": gexf_bytes}[kind]
    return maker(network_view(t, evidence, sources).graph)


@cached(max_entries=1)
def data_package_zip(t: Published) -> bytes:
    """Every published table, the data dictionary, the source list and a citation note, as
    one ZIP: every file the Sources and data page offers, in one download."""
    return package_zip(TABLES_DIR, read_descriptor(), t["sources"],
                       {"source_list.csv": sources_table(t),
                        "data_dictionary.csv": dictionary()})


@cached(max_entries=2, spinner="Making the lesson handout…")
def lesson_handout(t: Published, paper: str) -> bytes:
    """The lesson as a PDF handout, one page per step, on ``paper`` (A4 or Letter)."""
    from charts.print_figure import print_svg
    from classroom.handouts import lesson_pdf

    # The very pictures the lesson projects (views/lesson.py defines them once).
    drawn = {view: lesson_picture(t, view) for view in PICTURES}
    # As vector SVG at print size (charts.print_figure): figure text prints at 8 pt or more.
    pictures = {view: print_svg(picture.spec, picture.credit).encode()
                for view, picture in drawn.items()}
    shown = {"cascade": on_screen(cascade_shown(t)), "symptoms": on_screen(symptoms_summary(t)),
             "sources": on_screen(claim_summary(t))}
    return lesson_pdf(lesson(t), pictures, shown, paper)


@cached(max_entries=64)
def quiz_handout(t: Published, number: int, paper: str, part: str) -> bytes:
    """Quiz ``number`` (the questions the Quiz page shows for it) on paper: ``part`` is
    "worksheet" (for the class) or "key" (the answer key, a file of its own)."""
    from classroom.handouts import key_pdf, worksheet_pdf

    maker = {"worksheet": worksheet_pdf, "key": key_pdf}[part]
    return maker(quiz(t, number, QUIZ_LENGTH), number, paper)
