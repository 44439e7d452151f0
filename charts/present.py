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

from charts.body_map import NAME_LAYERS, fit_names
from charts.export import MARGIN, each_legend, fitted_title, refit_names, slide_spec
from charts.phone import TITLE_CHARACTERS, phone_spec
from charts.theme import for_theme

DEFAULT_SIZE = (1280, 720)  # until the browser reports its window: a common projector
SMALLEST_SIZE = (320, 320)
LARGEST_SIZE = (3840, 2160)
NARROW_BELOW = 640  # px wide: a phone held upright
PHONE_MIN = 14  # px: the least a phone shows
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
    ``title``, in ``theme``'s colours. A phone-narrow window shows the chart in the form the
    page gives a phone (:func:`charts.phone.phone_spec`), its text at least ``PHONE_MIN`` px."""
    if window[0] < NARROW_BELOW:
        return for_theme(_on_a_phone(chart, title), theme)
    width, height = chart_area(window)
    spec = slide_spec(chart, None, width, height)
    limit = width - 2 * MARGIN
    spec["title"] = fitted_title({**spec["title"], "text": title}, limit)
    spec["config"]["title"] = {**spec["config"]["title"], "limit": limit}
    spec["config"]["legend"] = {**spec["config"].get("legend", {}), "rowPadding": 8}
    spec["config"]["legend"].pop("layout", None)
    legends_right(spec)
    _one_line(spec)
    return for_theme(refit_names(spec), theme)


def _on_a_phone(chart: dict, title: str) -> dict:
    """The chart as a phone page draws it, titled ``title`` (wrapped) and with no text under
    ``PHONE_MIN`` px."""
    spec = phone_spec(chart)
    given = spec.get("title") or {}
    given = {"text": given} if isinstance(given, str | list) else dict(given)
    spec["title"] = {**given, "text": textwrap.wrap(title, TITLE_CHARACTERS)}
    _at_least(spec, PHONE_MIN)
    _one_line(spec, join_lists=False)
    spec["padding"] = {"left": 4, "right": 4, "top": 8, "bottom": 4}
    if isinstance(spec.get("width"), int) and isinstance(spec.get("height"), int):
        fit_names(spec, (spec["width"], spec["height"]))  # at the raised size (autosize pad)
    return spec


def _at_least(node: object, px: int) -> None:
    """Raise every font size in ``node`` (layers and legends too) to ``px``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower().endswith("fontsize") and isinstance(value, int | float):
                node[key] = max(value, px)
            else:
                _at_least(value, px)
    elif isinstance(node, list):
        for item in node:
            _at_least(item, px)


def legends_right(node: object) -> None:
    """Put every legend beside the chart, one entry a line: a wide screen has room at the
    side, while a legend under the chart takes the height the rows need."""
    each_legend(node, _beside)


def _beside(legend: dict) -> None:
    """One legend beside the chart, one entry a line (a narrow slide's rows undone)."""
    if "orient" in legend:
        legend.update(orient="right", direction="vertical")
        legend.pop("columns", None)


REWRAP = "/\\n(?=[a-z(])/g"  # a break inside a name: the next line starts in lower case


def _one_line(node: object, join_lists: bool = True) -> None:
    """Draw every name on one line: a wide screen has room beside a label, while two lines
    of large text need more height than a row has. On a phone (``join_lists`` False) a row's
    two lines of words stay two, which the narrow screen needs. The body map's names are
    left to :func:`charts.body_map.fit_names`, which wraps them for the margin they have."""
    if isinstance(node, dict):
        mark = node.get("mark")
        if node.get("name") in NAME_LAYERS:
            return
        if isinstance(mark, dict) and mark.get("type") == "text":
            field = ((node.get("encoding") or {}).get("text") or {}).get("field")
            if field and "lineBreak" in mark:  # one name a line: "Prostate\ncancer" joined
                node["transform"] = [{"calculate": f"replace(datum['{field}'], {REWRAP}, ' ')",
                                      "as": field}, *node.get("transform", [])]
            if field and "lineHeight" in mark and join_lists:
                join = {"calculate": f"isArray(datum['{field}']) ? join(datum['{field}'], ' ')"
                                     f" : datum['{field}']", "as": field}
                node["transform"] = [join, *node.get("transform", [])]
        for value in node.values():
            _one_line(value, join_lists)
    elif isinstance(node, list):
        for item in node:
            _one_line(item, join_lists)
