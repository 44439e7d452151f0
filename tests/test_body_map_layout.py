"""The body map's names: one label per spot, a line apart, in the margins clear of the arrows,
and each place where it belongs (charts/body_map.py)."""

from __future__ import annotations

import math

import pytest

from charts.body_map import (
    CHAR_EM,
    FIGURE_SIZE,
    LABEL_X,
    LAND,
    NAME_GAP,
    X_DOMAIN,
    Y_DOMAIN,
    label_spots,
    name_layout,
)
from views.body_map import body_map_view

HEAD = (50, 16)  # the centre of the head's circle
HEAD_RADIUS = 10  # drawing units (a 5,200 px² circle on the 720 px tall figure)


def _every_view(tables):
    """Every body map the page can draw: each cancer, each site, with and without sentences."""
    for mode, column, ids in (("cancer", "cancer_id", tables["cancers"]),
                              ("site", "site_id", tables["sites"])):
        for chosen in ids[column]:
            for sentences in (True, False):
                view = body_map_view(tables, mode, chosen, sentences)
                if len(view.arrows):
                    yield f"{mode}={chosen}, sentences={sentences}", view


@pytest.fixture(scope="module")
def views(tables):
    return dict(_every_view(tables))


# The sizes the figure is drawn at: (data rectangle px, names' font px, line px).
DRAWN = {"page": ((720, 720), 13, 18), "phone": ((340, 340), 13, 18),
         "present on a phone": ((340, 340), 14, 18),
         "present at 1024x768": ((976, 430), 20, 25),
         "present at 1280x720": ((1232, 380), 20, 25)}


def _spots(view, layout=None):
    from charts.body_map import places
    return label_spots(places(view.arrows), *([layout] if layout else []))


def test_cancers_that_start_in_one_organ_share_one_label(views):
    """Bone: kidney cancer and sarcoma of the kidney start in the kidney: one label (the
    longer name on two lines); no two labels anywhere sit on one spot."""
    spots = _spots(views["site=bone, sentences=True"])
    kidney = spots[spots["label"].str.contains("Kidney cancer")]
    assert kidney["label"].tolist() == ["Kidney cancer\nSarcoma of the kidney"]
    for name, view in views.items():
        placed = _spots(view)
        assert not placed.duplicated(["label_x", "label_y"]).any(), name


@pytest.mark.parametrize("drawn", list(DRAWN))
def test_labels_are_a_line_apart_and_inside_the_figure_at_every_size(views, drawn):
    """Over every view, at each size the figure is drawn at: each name starts at least a
    box of its text (1.45 em) below the last line of the name above it on its side, no
    name leaves the figure, and every line of a name fits its margin."""
    plot, font, line_px = DRAWN[drawn]
    domain = X_DOMAIN if plot[0] == plot[1] else (50 - 100 * plot[0] / plot[1],
                                                  50 + 100 * plot[0] / plot[1])
    layout = name_layout(plot, domain, font, line_px)
    across = plot[0] / (domain[1] - domain[0])
    room = {"left": (LABEL_X["left"] - domain[0]) * across - NAME_GAP,
            "right": (domain[1] - LABEL_X["right"]) * across - NAME_GAP}
    for name, view in views.items():
        spots = _spots(view, layout)
        assert layout.gap * plot[1] / (Y_DOMAIN[1] - Y_DOMAIN[0]) >= 1.45 * font - 1e-9
        assert spots["label_y"].min() >= Y_DOMAIN[0], name
        last = spots["label_y"] + (spots["lines"] - 1) * layout.line
        assert last.max() <= Y_DOMAIN[1], name
        for side_name, side in spots.groupby("side"):
            side = side.sort_values("label_y")
            tops = side["label_y"].tolist()[1:]
            bottoms = (side["label_y"] + (side["lines"] - 1) * layout.line).tolist()[:-1]
            assert all(top - bottom >= layout.gap - 1e-9
                       for top, bottom in zip(tops, bottoms, strict=True)), name
            widest = max(len(line) for label in side["label"] for line in label.split("\n"))
            assert widest * font * CHAR_EM <= room[side_name], (name, drawn)


def test_the_lesson_figure_spaces_its_names_by_their_projected_size(tables):
    """The lesson draws breast cancer's figure with 18 px names: each label's last line is
    at least a box of its text (1.45 em) above the next label's first on that side, in the
    drawn px."""
    import vl_convert as vlc

    from charts.export import plot_area
    from charts.lesson import lesson_spec
    from views.lesson import lesson_picture

    spec = lesson_spec(lesson_picture(tables, "facts").spec, 410)
    _, plot_h = plot_area(vlc.vegalite_to_svg(spec))
    names = next(layer for layer in spec["layer"] if layer.get("name") == "body_names_left")
    font = names["mark"]["fontSize"]
    assert font >= 18
    line_px = names["mark"]["lineHeight"]
    down = plot_h / (Y_DOMAIN[1] - Y_DOMAIN[0])
    rows = sorted(names["data"]["values"], key=lambda row: (row["side"], row["label_y"]))
    for above, below in zip(rows, rows[1:], strict=False):
        if above["side"] == below["side"]:
            gap_px = (below["label_y"] - above["label_y"]) * down
            needed = (above["lines"] - 1) * line_px + 1.45 * font
            assert gap_px >= needed - 0.01, (above["label"], below["label"])


def test_a_phone_wraps_names_the_page_keeps_whole(views):
    """The page's figure has room for "Sarcoma of the kidney" on one line; a phone's 340 px
    figure gives it two, and its names step down more drawing units per line."""
    page = _spots(views["site=bone, sentences=True"])
    plot, font, line_px = DRAWN["phone"]
    phone_layout = name_layout(plot, X_DOMAIN, font, line_px)
    phone = _spots(views["site=bone, sentences=True"], phone_layout)
    assert "Sarcoma of the kidney" in page["label"].str.cat(sep="\n").split("\n")
    assert "Sarcoma of the kidney" not in phone["label"].str.cat(sep="\n").split("\n")
    assert phone_layout.line > name_layout(FIGURE_SIZE).line


def test_no_name_sits_on_an_arrow(views):
    """Names are in the margins, and every arrow (the thickest too) runs between them."""
    for name, view in views.items():
        arrows = view.arrows
        xs = [*arrows["x"], *arrows["tip_x"], *arrows["x2"]]
        assert LABEL_X["left"] < min(xs) and max(xs) < LABEL_X["right"], name
    assert X_DOMAIN[0] < LABEL_X["left"] - 40 and LABEL_X["right"] + 40 < X_DOMAIN[1]


def test_the_central_nervous_system_is_in_the_head():
    """The brain and spinal cord are drawn at the head, not on the chest."""
    for site in ("central_nervous_system", "brain"):
        assert math.dist(LAND[site], HEAD) <= HEAD_RADIUS, site


def test_the_figure_keeps_its_proportions():
    """One drawing unit is as wide as it is tall, so the body is not stretched."""
    across = FIGURE_SIZE[0] / (X_DOMAIN[1] - X_DOMAIN[0])
    down = FIGURE_SIZE[1] / (Y_DOMAIN[1] - Y_DOMAIN[0])
    assert abs(across - down) < 0.01 * down
