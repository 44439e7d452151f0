"""The page registry: one place that names every page, its title, icon and short URL.

``app.py`` builds ``st.navigation`` from it and the tests parametrize over it, so a page
added here is opened by every test layer without further wiring.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: its file under ``pages/``, title, icon and short URL path."""

    file: str
    title: str
    icon: str
    url_path: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "Overview", ":material/home:", "overview"),
    PageSpec("pages/spread.py", "Where cancers spread", ":material/grid_on:", "spread"),
    PageSpec("pages/network.py", "Network", ":material/hub:", "network"),
    PageSpec("pages/survival.py", "Survival", ":material/monitoring:", "survival"),
    PageSpec("pages/sources.py", "Sources and data", ":material/menu_book:", "sources"),
)
