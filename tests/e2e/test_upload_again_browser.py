"""Choosing a file again always uploads it again, in real Chromium.

A student uploads a table, sees a problem, fixes the file in place and chooses it again. A
browser fires no ``change`` for a file input whose chosen path is unchanged, so without
``ui/rechoose.py`` the page kept the old file. Playwright's ``set_input_files`` with a path
goes through Chromium's own file-input code (``DOM.setFileInputFiles``), which compares the
paths just as a real file chooser does, so this test sees what a student sees.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tools.app_server import EXCEPTION

from .browser import open_page

pytestmark = pytest.mark.browser

FIRST = b"primary,site,rank\nLung,Bone,1\nLung,Liver,2\n"
FIXED = b"primary,site,rank\nLung,Bone,1\nLung,Liver,2\nBreast,Bone,1\nBreast,Lung,2\n"
OTHER = b"primary,site,rank\nProstate,Bone,1\n"


def choose(page: Page, path) -> None:
    """Choose ``path`` in the page's file uploader, as the file chooser would."""
    page.locator("input[type=file]").set_input_files(str(path))


def test_the_same_file_chosen_again_is_read_again(e2e_page: Page, e2e_base_url: str, tmp_path):
    """Same path with new content -> the new rows; the same file unchanged -> read again (no
    error, still shown); then another file -> its rows."""
    result = open_page(e2e_page, f"{e2e_base_url}/own_data")
    path = tmp_path / "my_table.csv"
    path.write_bytes(FIRST)
    choose(e2e_page, path)
    e2e_page.get_by_text("2 rows read.").wait_for(timeout=30_000)

    path.write_bytes(FIXED)  # fixed in place: same name, same folder
    choose(e2e_page, path)
    e2e_page.get_by_text("4 rows read.").wait_for(timeout=30_000)

    choose(e2e_page, path)  # unchanged: still read, still one file listed
    e2e_page.get_by_text("4 rows read.").wait_for(timeout=30_000)
    assert e2e_page.locator("[data-testid=stFileChip]").count() == 1

    other = tmp_path / "other.csv"
    other.write_bytes(OTHER)
    choose(e2e_page, other)
    e2e_page.get_by_text("1 rows read.").or_(e2e_page.get_by_text("1 row read.")).wait_for(
        timeout=30_000)
    assert e2e_page.locator(EXCEPTION).count() == 0
    assert result.page_errors == []
