"""Make the README's screenshots again: ``python -m tools.screenshots``.

Starts the app on a free port on 127.0.0.1, opens each view below in headless Chromium (at
1280x800 in the light theme unless the view says otherwise), waits until the page has
finished and its charts are drawn, and saves ``docs/screenshots/<name>.png``. Needs
Debian's Chromium (``/usr/bin/chromium`` or ``$CHROMIUM_PATH``), as the browser tests do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.app_server import (
    CHARTS_SETTLED,
    CHROMIUM_ARGS,
    REPO_ROOT,
    chromium_path,
    start_server,
    stop_server,
    wait_until_finished,
)

OUT = REPO_ROOT / "docs" / "screenshots"
VIEWS = {
    "heatmap": "spread?cancer=breast&cancer=lung&cancer=prostate&cancer=melanoma"
               "&cancer=colon&focus=prostate",
    "network": "network?focus_node=site%3Abone",
    "lesson": "lesson?step=4",
    "source_check": "source_check",
}
"""README image name -> the link it shows (a page's url_path and its query)."""
ON_A_PHONE = {"heatmap_phone_dark": "spread?focus=lung&pair=lung.bone"}
"""The same, shown on a 390x844 phone in the dark theme."""


def shoot(base_url: str, out: Path, views: dict[str, str] = VIEWS,
          size: tuple[int, int] = (1280, 800), theme: str = "light") -> list[Path]:
    """Save one PNG per view under ``out`` at ``size`` in ``theme``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]},
                                color_scheme=theme, is_mobile=size[0] < 640)
        page.goto(base_url)
        wait_until_finished(page, 60_000)
        for name, link in views.items():
            page.goto(f"{base_url}/{link}")
            wait_until_finished(page, 60_000)
            page.wait_for_function(CHARTS_SETTLED, timeout=30_000)
            if size[0] < 640:  # a phone shows the chart, not the filters above it
                page.locator("[data-testid=stVegaLiteChart]").first.evaluate(
                    "chart => chart.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(800)  # let the charts' transitions end
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            saved.append(path)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    """Start the app, take the screenshots, stop the app."""
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    server = start_server(REPO_ROOT)
    try:
        saved = shoot(server.base_url, args.out)
        saved += shoot(server.base_url, args.out, ON_A_PHONE, (390, 844), "dark")
        for path in saved:
            print(f"wrote {path.relative_to(REPO_ROOT)}")
    finally:
        stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
