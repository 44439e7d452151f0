"""The page registry: one place that names every page, its title, icon and short URL.

``app.py`` builds ``st.navigation`` from it and the tests parametrize over it, so a page
added here is opened by every test layer without further wiring.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: its file under ``pages/``, title and icon."""

    file: str
    title: str
    icon: str

    @property
    def url_path(self) -> str:
        """The page's address, ``/<file name>``: the name Streamlit's pages/-folder guess
        serves a fresh server's first visitor by (see ui/frame.py), so both agree.

        >>> PageSpec("pages/body_map.py", "Body map", "").url_path
        'body_map'
        """
        return PurePosixPath(self.file).stem


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "Overview", ":material/home:"),
    PageSpec("pages/lesson.py", "Lesson", ":material/co_present:"),
    PageSpec("pages/spread.py", "Where cancers spread", ":material/grid_on:"),
    PageSpec("pages/network.py", "Network", ":material/hub:"),
    PageSpec("pages/body_map.py", "Body map", ":material/accessibility_new:"),
    PageSpec("pages/site_profiles.py", "Site profiles", ":material/location_on:"),
    PageSpec("pages/survival.py", "Survival", ":material/monitoring:"),
    PageSpec("pages/source_check.py", "Source check", ":material/fact_check:"),
    PageSpec("pages/quiz.py", "Quiz", ":material/quiz:"),
    PageSpec("pages/live_class.py", "Live class", ":material/co_present:"),
    PageSpec("pages/join_class.py", "Join a class", ":material/phone_iphone:"),
    PageSpec("pages/own_data.py", "Your own data", ":material/upload_file:"),
    PageSpec("pages/sources.py", "Sources and data", ":material/menu_book:"),
)

LESSON = next(spec for spec in PAGES if spec.file == "pages/lesson.py")
"""The lesson: its link is what the join panel's QR codes open (``/lesson?step=N``)."""
