"""The lesson's pictures are defined once (views/lesson.py): the projected step and the
printed handout draw the same chart."""

from __future__ import annotations

import json

import pytest

from charts.lesson import lesson_spec
from classroom.lesson import lesson_steps
from tests.apptest_helpers import chart_rows, chart_spec, open_page
from views.lesson import PICTURES, lesson_picture

PROJECTED_HEIGHT = 450  # pages/lesson.py's VISUAL_HEIGHT
FIGURE_HEIGHT = 410  # and its FIGURE_HEIGHT, for the body figure


def _cancers(spec: dict) -> set[str]:
    """The cancers a heatmap spec draws a cell for."""
    rows = [row for layer in spec.get("layer", [spec])
            for row in (layer.get("data") or {}).get("values", [])]
    return {row["cancer"] for row in rows if "cancer" in row}


def test_the_projected_heatmap_and_the_handouts_are_the_nci_tables_twelve(tables):
    """The heatmap step draws the NCI ranked table's 12 cancers, on screen and on paper."""
    assert len(_cancers(lesson_picture(tables, "heatmap").spec)) == 12


@pytest.mark.parametrize("view", PICTURES)
def test_each_picture_step_projects_the_one_definition(tables, view):
    """The lesson page's chart for the step is the shared picture, projected."""
    number = next(i for i, step in enumerate(lesson_steps(tables), start=1)
                  if step.view == view)
    at = open_page("pages/lesson.py", step=str(number))
    height = FIGURE_HEIGHT if view == "facts" else PROJECTED_HEIGHT
    expected = json.loads(json.dumps(lesson_spec(lesson_picture(tables, view).spec, height)))
    rows = [row for layer in expected.get("layer", [expected])
            for row in (layer.get("data") or {}).get("values", [])]
    key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
    assert sorted(map(key, chart_rows(at))) == sorted(map(key, rows))
    shown = chart_spec(at)
    assert (shown.get("width"), shown.get("height")) == (expected.get("width"),
                                                          expected.get("height"))


def test_the_handout_prints_the_same_pictures(tables, monkeypatch):
    """Every picture the handout prints is the lesson's own definition, with its credit."""
    import ui.files as files

    printed = {}

    def record(spec, credit):
        printed[json.dumps(spec, sort_keys=True)] = credit
        return "<svg/>"

    monkeypatch.setattr("charts.print_figure.print_svg", record)
    monkeypatch.setattr("classroom.handouts.lesson_pdf", lambda steps, pictures, shown, paper:
                        json.dumps(sorted(pictures)).encode())
    out = files.lesson_handout(tables, "A4")
    assert json.loads(out) == sorted(PICTURES)
    for view in PICTURES:
        picture = lesson_picture(tables, view)
        assert printed[json.dumps(picture.spec, sort_keys=True)] == picture.credit
