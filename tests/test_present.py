"""Present mode: the chart alone at the window's size, its text large, keys stepping through
the chart's choices (pure parts here; the page runs in AppTest; the keys in the browser)."""

from __future__ import annotations

import pytest

from charts.export import slide_spec
from charts.present import DEFAULT_SIZE, PHONE_MIN, chart_area, present_spec, step, window_size
from tests.apptest_helpers import chart_spec, ok, open_page
from ui.data import body_map_view, site_options, site_picture, tables


def _font_sizes(node: object) -> list[float]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k.lower().endswith("fontsize")
                and isinstance(v, int | float)] + [s for v in node.values()
                                                   for s in _font_sizes(v)]
    if isinstance(node, list):
        return [s for item in node for s in _font_sizes(item)]
    return []


def test_window_size_reads_a_report_and_refuses_nonsense():
    assert window_size("1920x1080") == (1920, 1080)
    assert window_size("390x844") == (390, 844)
    assert window_size("12x12") == DEFAULT_SIZE
    assert window_size("1280x720; drop") == DEFAULT_SIZE
    assert window_size(None) == DEFAULT_SIZE


def test_step_goes_round_both_ways():
    sites = ["bone", "brain", "liver"]
    assert step(sites, "liver", 1) == "bone"
    assert step(sites, "bone", -1) == "liver"
    assert step(sites, "brain", 1) == "liver"
    assert step(sites, "gone", 1) == "bone"  # a choice the filters removed: start again


@pytest.mark.parametrize("window", [(1024, 768), (1280, 720), (1920, 1080)])
def test_projected_text_is_at_least_18_px_and_fills_the_window(window):
    spec = present_spec(site_picture(tables(), "liver"), "Which cancers spread to the liver",
                        window)
    assert min(_font_sizes(spec)) >= 18
    assert (spec["width"], spec["height"]) == chart_area(window)
    assert spec["title"]["text"] == "Which cancers spread to the liver"


def test_phone_text_is_at_least_14_px():
    spec = present_spec(body_map_view(tables(), "cancer", "prostate", True).spec, "Prostate",
                        (390, 844), "dark")
    assert min(_font_sizes(spec)) >= PHONE_MIN >= 14


def test_present_and_slide_image_are_one_definition():
    """The projected chart is the slide image's spec, laid out at another size."""
    chart = site_picture(tables(), "bone")
    projected = present_spec(chart, "t", (1920, 1080))
    slide = slide_spec(chart, None, *chart_area((1920, 1080)))
    assert projected.get("data") == slide.get("data")  # the same rows drawn

    def drawn(spec: dict) -> list:
        return [(str(layer.get("mark")), sorted(layer.get("encoding", {})))
                for layer in spec.get("layer", [spec])]
    assert drawn(projected) == drawn(slide)


def test_present_link_shows_the_chart_alone_and_keys_step_through_sites():
    names = site_options(tables())
    order = list(names)
    at = ok(open_page("pages/site_profiles.py", present="1", profile=order[1]))
    assert not at.title  # the page's own heading and widgets are not drawn
    title = chart_spec(at)["title"]["text"]
    assert title == f"Which cancers spread to the {names[order[1]].lower()}"
    at.button(key="present_next").click().run()
    assert at.session_state["profile"] == order[2]
    assert at.query_params["profile"] in (order[2], [order[2]])  # the link follows each step
    for _ in range(3):
        at.button(key="present_previous").click().run()
    assert at.session_state["profile"] == order[-1]  # round from the first to the last
    at.button(key="present_exit").click().run()
    ok(at)
    assert at.title[0].value == "Site profiles"
    assert "present" not in at.query_params
    assert at.session_state["profile"] == order[-1]


@pytest.mark.parametrize("page, params, title", [
    ("pages/spread.py", {"focus": "prostate"}, "Where prostate cancer spreads"),
    ("pages/network.py", {}, "The network of spread: cancers and the sites they reach"),
    ("pages/body_map.py", {}, "Where prostate cancer spreads in the body"),
    ("pages/survival.py", {}, "Five-year survival rates the Cleveland Clinic quotes"),
])
def test_every_chart_page_has_a_present_mode(page, params, title):
    at = ok(open_page(page, present="1", **params))
    shown = chart_spec(at)["title"]["text"]  # a long title is wrapped, never cut short
    assert (" ".join(shown) if isinstance(shown, list) else shown) == title
    assert len(at.button) == 4  # next, previous, exit (hidden) and "Back to the page"
    footer = next(m.value for m in at.markdown if m.value.startswith("**Present mode**"))
    assert footer.endswith("Esc: back")
    assert ("next" in footer) == (page != "pages/survival.py")  # one chart: no stepping
