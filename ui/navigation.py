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


# URL paths deliberately differ from the file names: when a link's first path matches a file
# in pages/, Streamlit 1.67 shows its old folder-based sidebar (raw file names) instead of
# these titles. tests/e2e checks a deep link keeps the titled navigation.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "Overview", ":material/home:", "home"),
    PageSpec("pages/lesson.py", "Lesson", ":material/co_present:", "class-lesson"),
    PageSpec("pages/spread.py", "Where cancers spread", ":material/grid_on:", "heatmap"),
    PageSpec("pages/network.py", "Network", ":material/hub:", "graph"),
    PageSpec("pages/body_map.py", "Body map", ":material/accessibility_new:", "body"),
    PageSpec("pages/site_profiles.py", "Site profiles", ":material/location_on:", "site"),
    PageSpec("pages/survival.py", "Survival", ":material/monitoring:", "survival-rates"),
    PageSpec("pages/source_check.py", "Source check", ":material/fact_check:", "check"),
    PageSpec("pages/quiz.py", "Quiz", ":material/quiz:", "test-yourself"),
    PageSpec("pages/own_data.py", "Your own data", ":material/upload_file:", "your-data"),
    PageSpec("pages/sources.py", "Sources and data", ":material/menu_book:", "data"),
)
