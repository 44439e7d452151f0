"""A chart as present mode shows it: alone, filling the screen, its text large.

Present mode and the slide image are one definition: both are :func:`charts.export.slide_spec`
of the page's own chart (the slide at 1920x1080, present mode at the window's size), so the
projected picture and the downloaded image say and show the same. Only the title differs: in
present mode it names the choice being shown (a cancer, a site).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from charts.export import CAPTION_TEXT, MARGIN, resize_fonts, slide_spec
from charts.theme import for_theme

DEFAULT_SIZE = (1280, 720)  # until the browser reports its window: a common projector
SMALLEST_SIZE = (320, 320)
LARGEST_SIZE = (3840, 2160)
NARROW_BELOW = 640  # px wide: a phone held upright
PHONE_TEXT = 0.7  # a phone's text is this share of the projected size (at least PHONE_MIN)
PHONE_MIN = 15  # px: above the 14 px a phone needs
FOOTER = 64  # px under the chart: the line that says which keys step through
_SIZE = re.compile(r"([0-9]{3,4})x([0-9]{3,4})")


def window_size(report: str | None) -> tuple[int, int]:
    """The window size a report such as ``"1280x720"`` gives, kept within sane bounds.

    >>> window_size("1920x1080"), window_size("nonsense"), window_size("99999x1")
    ((1920, 1080), (1280, 720), (1280, 720))
    """
    found = _SIZE.fullmatch(report or "")
    if not found:
        return DEFAULT_SIZE
    width, height = int(found.group(1)), int(found.group(2))
    if not (SMALLEST_SIZE[0] <= width <= LARGEST_SIZE[0]
            and SMALLEST_SIZE[1] <= height <= LARGEST_SIZE[1]):
        return DEFAULT_SIZE
    return width, height


def step(choices: Sequence[str], current: str, by: int) -> str:
    """The choice ``by`` places after ``current`` (before, if negative), going round.

    >>> step(["", "a", "b"], "b", 1), step(["", "a", "b"], "", -1), step(["a"], "x", 1)
    ('', 'b', 'a')
    """
    if not choices:
        return current
    index = list(choices).index(current) if current in choices else -by if by > 0 else 0
    return list(choices)[(index + by) % len(choices)]


def chart_area(window: tuple[int, int]) -> tuple[int, int]:
    """The chart's size in a window: all of it but a thin margin and the footer line."""
    width, height = window
    return width - 2 * 12, height - FOOTER - 16


def present_spec(chart: dict, title: str, window: tuple[int, int], theme: str = "light"
                 ) -> dict:
    """``chart`` laid out by the slide's rules to fill ``window`` (less the footer), titled
    ``title``, in ``theme``'s colours. On a phone-narrow window the text is made smaller (at
    least ``PHONE_MIN`` px) so a 390 px screen holds the picture."""
    width, height = chart_area(window)
    spec = slide_spec(chart, None, width, height)
    limit = width - 2 * MARGIN
    small = window[0] < NARROW_BELOW
    subtitle_chars = max(20, int(limit / ((CAPTION_TEXT * PHONE_TEXT if small else CAPTION_TEXT)
                                          * 0.55)))
    spec["title"] = {**spec["title"], "text": textwrap.wrap(title, max(12, subtitle_chars // 2))
                     if small else title,
                     "subtitle": [part for line in spec["title"].get("subtitle", [])
                                  for part in textwrap.wrap(line, subtitle_chars) or [""]]}
    spec["config"]["title"] = {**spec["config"]["title"], "limit": limit}
    spec["config"]["legend"] = {**spec["config"].get("legend", {}), "rowPadding": 8}
    if not small:
        _legends_right(spec)
        spec["config"].get("legend", {}).pop("layout", None)
    else:
        resize_fonts(spec, lambda size: max(PHONE_MIN, round(size * PHONE_TEXT)))
        spec["padding"] = {"left": 4, "right": 4, "top": 4, "bottom": 4}
        spec["config"]["axis"]["labelLimit"] = limit // 2
    return for_theme(spec, theme)


def _legends_right(node: object) -> None:
    """Put every legend beside the chart, one entry a line: a wide screen has room at the
    side, while a legend under the chart takes the height the rows need."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "legend" and isinstance(value, dict) and "orient" in value:
                value.update(orient="right", direction="vertical")
            else:
                _legends_right(value)
    elif isinstance(node, list):
        for item in node:
            _legends_right(item)

