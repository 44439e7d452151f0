"""Handout figures and slide images, read back in Chromium: the SVG a handout prints (at
print size) and the slide a teacher downloads (1920x1080) for every lesson picture and the
explore pages' own charts. No text overlaps other text or leaves the figure, and none is
under the slide's smallest size (20 units: 8 pt or more on paper).

The figures are drawn in Liberation Sans (Arial's measures, as fpdf2's Helvetica and the
renderer's own sans-serif), so the boxes are those the paper and the image show."""

from __future__ import annotations

from playwright.sync_api import Browser

from charts.export import MIN_TEXT, svg_text
from charts.print_figure import print_svg
from views.body_map import body_map_choices, body_map_view
from views.lesson import PICTURES, lesson_picture
from views.network import network_picture_for
from views.survival import survival_view

from .chart_text import problems, read_charts

PAGE = """<!doctype html><html><head><style>
body {{ margin: 0; }} svg text {{ font-family: 'Liberation Sans', Arial, Helvetica !important; }}
</style></head><body><div data-testid="stVegaLiteChart">{svg}</div></body></html>"""


def _figures(tables) -> dict[str, str]:
    """Every figure a handout prints and every slide image the pages offer, as SVG."""
    found = {}
    for view in PICTURES:
        picture = lesson_picture(tables, view)
        found[f"handout {view}"] = print_svg(picture.spec, picture.credit)
        found[f"slide {view}"] = svg_text(picture.spec, picture.credit)
    credit = body_map_choices(tables).credit
    for mode, chosen in (("site", "lung"), ("site", "liver"), ("cancer", "lung")):
        found[f"slide body map {mode}={chosen}"] = svg_text(
            body_map_view(tables, mode, chosen, True).spec, credit)
    survival = survival_view(tables)
    found["slide survival"] = svg_text(survival.spec, survival.credit)
    sources = tuple(tables["sources"]["source_id"])
    evidence = tuple(sorted(tables["spread"]["evidence"].unique()))
    network, _ = network_picture_for(tables, evidence, sources, "two_columns", 7, None)
    found["slide network"] = svg_text(network, "Sources: as the page says.")
    return found


def test_printed_and_slide_figures_are_clear(e2e_browser: Browser, tables):
    """Each figure's text, as Chromium lays it out: clear of other text and of the figure's
    edges, and at least 20 units (the slide's smallest size)."""
    page = e2e_browser.new_page(viewport={"width": 2000, "height": 1200})
    found = []
    try:
        for name, svg in _figures(tables).items():
            page.set_content(PAGE.format(svg=svg.replace("<svg ", '<svg class="marks" ', 1)))
            charts = read_charts(page)
            assert len(charts) == 1, name
            found += [f"{name}: {p}" for p in problems(charts, MIN_TEXT)]
    finally:
        page.close()
    assert found == [], '\n'.join(found)
