"""The body map's names: one label per spot, a line apart, in the margins clear of the arrows,
and each place where it belongs (charts/body_map.py)."""

from __future__ import annotations

import math

import pytest

from charts.body_map import FIGURE_SIZE, LABEL_X, LAND, LINE, X_DOMAIN, Y_DOMAIN, label_spots
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


def _spots(view):
    from charts.body_map import places
    return label_spots(places(view.arrows))


def test_cancers_that_start_in_one_organ_share_one_label(views):
    """Bone: kidney cancer and sarcoma of the kidney start in the kidney: one label (the
    longer name on two lines); no two labels anywhere sit on one spot."""
    spots = _spots(views["site=bone, sentences=True"])
    kidney = spots[spots["label"].str.contains("Kidney cancer")]
    assert kidney["label"].tolist() == ["Kidney cancer\nSarcoma of the\nkidney"]
    for name, view in views.items():
        placed = _spots(view)
        assert not placed.duplicated(["label_x", "label_y"]).any(), name


def test_labels_on_each_side_are_a_line_apart_and_inside_the_figure(views):
    """Over every view: each name starts at least a line below the last line of the name above
    it on its side, and no name leaves the figure."""
    for name, view in views.items():
        spots = _spots(view)
        assert spots["label_y"].min() >= Y_DOMAIN[0], name
        last = spots["label_y"] + (spots["lines"] - 1) * LINE
        assert last.max() <= Y_DOMAIN[1], name
        for _, side in spots.groupby("side"):
            side = side.sort_values("label_y")
            tops = side["label_y"].tolist()[1:]
            bottoms = (side["label_y"] + (side["lines"] - 1) * LINE).tolist()[:-1]
            assert all(top - bottom >= LINE - 1e-9 for top, bottom in zip(tops, bottoms,
                                                                          strict=True)), name


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
