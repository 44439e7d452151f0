"""Chart colours for the light and the dark theme.

Every chart is built once with the light colours (the slides are always light). For a dark
screen, :func:`for_theme` swaps each light colour for its dark partner, so the two themes
cannot drift apart chart by chart. Axis, legend and title text take the active theme's
colours from Streamlit itself; the colours here are the marks and the text the charts draw.

Ranks stay an order in both: in light the 1st is the darkest blue, in dark the brightest,
so the most common site always stands out most from the page. Every colour that carries
meaning has at least 3:1 contrast with its page (4.5:1 for text), checked by
``tests/test_charts_theme.py``.
"""

from __future__ import annotations

from typing import Any

# The page backgrounds (.streamlit/config.toml) the contrast checks use.
BACKGROUND = {"light": "#ffffff", "dark": "#0e1117"}

# Text drawn on a coloured cell follows the cell, not the page: these two are never swapped.
ON_DARK_CELL = "#fefefe"
ON_LIGHT_CELL = "#111418"

LIGHT_TO_DARK = {
    "#1b1f24": "#eef1f5",  # text on the page
    "#ffffff": "#0e1117",  # outlines that separate marks: the page colour
    "white": "#0e1117",  # a projected chart's background
    "#08306b": "#e3eef9",  # rank 1st (light: darkest; dark: brightest)
    "#2c5f9e": "#8dbbe6",  # rank 2nd
    "#5b93c9": "#4a86c0",  # rank 3rd
    "#e3e3e3": "#3a3f47",  # not ranked: a quiet cell, like the page
    "#5b6670": "#aab4bf",  # network lines
    "#b34700": "#ff9f5a",  # body-map arrows
    "#e9eef3": "#262b33",  # body figure
    "#9aa7b4": "#77838f",  # body outline
}


# Words that name a rank's colour: in dark the 1st is the brightest, not the darkest.
RANK_KEY = {"light": "Darkest blue = 1st in the NCI top three.",
            "dark": "Brightest blue = 1st in the NCI top three."}
STRONGEST = {"light": "darkest", "dark": "brightest"}
WORDS_IN_DARK = {RANK_KEY["light"]: RANK_KEY["dark"]}


def _swap(node: Any, colours: dict[str, str]) -> Any:
    """``node`` with every colour found in ``colours``, and every sentence that names one,
    replaced (a new structure)."""
    if isinstance(node, dict):
        return {key: _swap(value, colours) for key, value in node.items()}
    if isinstance(node, list):
        return [_swap(value, colours) for value in node]
    if isinstance(node, str):
        return WORDS_IN_DARK.get(node) or colours.get(node.lower(), node)
    return node


def for_theme(spec: dict, theme: str) -> dict:
    """The Vega-Lite ``spec`` coloured for ``theme`` ("light" returns it unchanged).

    Examples
    --------
    >>> for_theme({"mark": {"color": "#1b1f24"}}, "dark")
    {'mark': {'color': '#eef1f5'}}
    >>> for_theme({"mark": {"color": "#1b1f24"}}, "light")
    {'mark': {'color': '#1b1f24'}}
    """
    if theme != "dark":
        return spec
    return _swap(spec, LIGHT_TO_DARK)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour.

    >>> round(relative_luminance("#ffffff"), 3), round(relative_luminance("#000000"), 3)
    (1.0, 0.0)
    """
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21).

    >>> round(contrast("#ffffff", "#000000"), 1)
    21.0
    """
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
