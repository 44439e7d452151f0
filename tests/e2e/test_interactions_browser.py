"""What a person does in the browser: click a network node, download what they see."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page

from data.columns import on_screen
from data.load import load_tables
from tools.app_server import (
    CHARTS_SETTLED,
    wait_until_finished,
)

from .browser import (
    download_bytes,
    open_page,
)

pytestmark = pytest.mark.browser

MARKS = "[data-testid=stVegaLiteChart] [aria-roledescription]"


def _rows(data: bytes) -> list[list[str]]:
    """CSV bytes (with or without a byte-order mark) as a list of rows."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _as_shown(data: bytes) -> list[list[str]]:
    """A page download as the table on screen shows it: its label columns under their
    headings (the download also carries each label's id, see data/columns.py)."""
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    return _rows(on_screen(frame).to_csv(index=False).encode())


def _mark_labels(page: Page, containing: str) -> list[str]:
    """The ARIA labels of the drawn chart marks whose label contains ``containing``."""
    return page.evaluate(
        "([sel, text]) => Array.from(document.querySelectorAll(sel))"
        ".map(e => e.getAttribute('aria-label') || '').filter(l => l.includes(text))",
        [MARKS, containing])


def test_clicking_a_network_node_lights_it_up(e2e_page: Page, e2e_base_url: str):
    """A student clicks "Breast cancer": its links are listed and the link records the focus."""
    open_page(e2e_page, f"{e2e_base_url}/network")
    e2e_page.locator(f"{MARKS}[aria-label*='Name: Breast cancer;']").first.click(force=True)
    e2e_page.get_by_text("Breast cancer: its links and the quotes behind them").wait_for(
        timeout=30_000)
    wait_until_finished(e2e_page)
    assert "focus_node=cancer%3Abreast" in e2e_page.url
    assert e2e_page.get_by_text("Linked to 6:").count() == 1


def test_downloaded_claims_equal_the_table_on_screen(e2e_page: Page, e2e_base_url: str):
    """The claims CSV holds what the table shows (the grid's own export of its rows), row
    for row, with the ids beside the labels."""
    # Without the File System Access API the grid's export falls back to a plain download.
    e2e_page.add_init_script("delete window.showSaveFilePicker")
    open_page(e2e_page, f"{e2e_base_url}/spread?cancer=prostate")
    ours = _as_shown(download_bytes(e2e_page, "Download these claims (CSV)"))
    grid = e2e_page.locator("[data-testid=stDataFrame]").last
    grid.scroll_into_view_if_needed()
    grid.hover()
    with e2e_page.expect_download(timeout=15_000) as info:
        e2e_page.locator("[data-testid=stElementToolbar]").last.get_by_role(
            "button", name="Download as CSV").click()
    shown = _rows(Path(info.value.path()).read_bytes())
    assert ours == shown
    spread = load_tables()["spread"]
    assert {row[0] for row in ours[1:]} == {"Prostate cancer"}
    assert len(ours) - 1 == (spread["primary"] == "prostate").sum()


def test_downloaded_heatmap_cells_equal_the_cells_drawn(e2e_page: Page, e2e_base_url: str):
    """The heatmap's data download has one row per cell drawn in the chart, no more."""
    open_page(e2e_page, f"{e2e_base_url}/spread?cancer=prostate&cancer=melanoma")
    # Each cell's accessible description starts "<cancer> → <site>: NCI rank …".
    drawn = {label.split(":")[0].replace(" → ", " -> ")
             for label in _mark_labels(e2e_page, ": NCI rank ")}
    e2e_page.get_by_text("Show the data behind this chart").first.click()
    rows = _rows(download_bytes(e2e_page, "Download this data (CSV)"))
    header = rows[0]
    cells = {f"{r[header.index('cancer_label')]} -> {r[header.index('site_label')]}"
             for r in rows[1:]}
    assert cells == drawn
    assert len(rows) - 1 == len(drawn) == 9


def test_uploaded_example_file_redraws_every_view(e2e_page: Page, e2e_base_url: str):
    """A teacher uploads the practice counts: the heatmap, network and body map each show a
    banner naming the file and draw it (Breast → Bone is 96 of 240 patients: 40%)."""
    errors: list[str] = []
    e2e_page.on("pageerror", lambda error: errors.append(str(error)))
    open_page(e2e_page, f"{e2e_base_url}/own_data")
    example = Path(__file__).resolve().parents[2] / "data/examples/practice_spread_counts.csv"
    e2e_page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(example)
    show = e2e_page.get_by_role("button", name="Show this data in the heatmap, network and "
                                                "body map")
    show.wait_for(timeout=30_000)
    show.click()
    e2e_page.get_by_text("The views now show").wait_for(timeout=30_000)
    seen = {}
    for title, expected, path in (("Where cancers spread", "Cancer: Breast cancer", "spread"),
                                  ("Network", "Name: Breast cancer", "network"),
                                  ("Body map", "Cancer: Breast cancer", "body_map")):
        e2e_page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=title).click()
        # The previous page's banner is still there until the new page replaces it.
        e2e_page.wait_for_url(f"**/{path}", timeout=30_000)
        e2e_page.get_by_text("Showing your data, not the five sources").wait_for(timeout=30_000)
        wait_until_finished(e2e_page)
        e2e_page.wait_for_function(CHARTS_SETTLED, timeout=30_000)
        seen[title] = _mark_labels(e2e_page, expected)
        assert e2e_page.get_by_text("practice_spread_counts.csv").count() >= 1, title
    assert any("40%" in label for label in seen["Where cancers spread"]), seen
    assert all(seen.values()), seen
    assert e2e_page.locator("[data-testid=stException]").count() == 0
    assert not errors
