"""Chart colours for the light and the dark theme, as two named palettes.

Every colour a chart draws is a named role of :data:`LIGHT` (the slides are always light);
:data:`DARK` gives each role its dark-theme colour. For a dark screen, :func:`for_theme`
gives each colour of a spec its role's dark colour, and *refuses* a colour that is not a
role of the light palette, so a new colour cannot silently stay light: name it in both
palettes. Axis, legend and title text take the chart text role too.

One rule in both themes: **the stronger the mark, the higher the rank.** In light the 1st is
the darkest blue; in dark it is the boldest blue (saturated and bright, never near white,
which reads as an empty cell), and the 3rd the dimmest. ``tests/test_charts_theme.py`` walks
every colour of every chart's dark spec and checks it against the dark page (3:1 for a mark
that carries meaning, 4.5:1 for text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Palette:
    """The colours a chart draws, by role (a colour, or a Vega colour scheme for a ramp)."""

    page: str  # the page background (.streamlit/config.toml); outlines that separate marks
    slide: str  # a projected chart's or slide's background
    text: str  # text the charts draw on the page: axes, legends, titles, labels
    rank_1st: str  # NCI rank 1st: the strongest mark
    rank_2nd: str
    rank_3rd: str  # the weakest ranked mark, still 3:1 against the page
    unranked: str  # a quiet cell, like the page (a marker on it carries its meaning)
    chosen: str  # the outline of the picked cell; a cancer's dots
    site: str  # a site's dots
    marker: str  # the marker of a pair named in a sentence
    marker_outline: str  # its outline, dark in both themes: it sits on a cell, not the page
    network_line: str
    arrow: str  # body-map arrows
    body_fill: str  # the body figure: quiet, like the page
    body_outline: str
    on_strong_cell: str  # text on the 1st and 2nd ranks' cells (and large numbers)
    on_weak_cell: str  # text on the other cells
    ramp: Any  # Vega scheme for a person's own numbers: weak to strong


LIGHT = Palette(
    page="#ffffff", slide="white", text="#1b1f24",
    rank_1st="#08306b", rank_2nd="#2c5f9e", rank_3rd="#5b93c9", unranked="#e3e3e3",
    chosen="#d55e00", site="#0072b2", marker="#e69f00", marker_outline="#111418",
    network_line="#5b6670", arrow="#b34700", body_fill="#e9eef3", body_outline="#9aa7b4",
    on_strong_cell="#fefefe", on_weak_cell="#16191e",
    ramp="blues",
)
DARK = Palette(
    page="#0e1117", slide="#0e1117", text="#eef1f5",
    rank_1st="#3d9bff", rank_2nd="#3471b8", rank_3rd="#4a6584", unranked="#3a3f47",
    chosen="#d55e00", site="#0072b2", marker="#e69f00", marker_outline="#111418",
    network_line="#aab4bf", arrow="#ff9f5a", body_fill="#262b33", body_outline="#77838f",
    on_strong_cell="#111418", on_weak_cell="#fefefe",
    ramp={"name": "darkblue", "extent": [0.3, 0.85]},
)
PALETTES = {"light": LIGHT, "dark": DARK}
BACKGROUND = {name: palette.page for name, palette in PALETTES.items()}

# Contrast each role needs against its page (WCAG: 4.5 text, 3 a mark that carries meaning).
# 0: the role is the page itself, or a quiet shape whose meaning is carried by another mark;
# the markers (outlined in ``marker_outline``) are checked against the cells they sit on
# (tests/test_charts_theme.py).
FLOOR = {"text": 4.5, "rank_1st": 3, "rank_2nd": 3, "rank_3rd": 3, "chosen": 3, "site": 3,
         "network_line": 3, "arrow": 3}
ROLES = tuple(field.name for field in fields(Palette))

# Words that name a rank's colour, per theme: in dark the 1st is the boldest, not the darkest.
RANK_KEY = {"light": "Darkest blue = 1st in the NCI top three.",
            "dark": "Boldest blue = 1st in the NCI top three."}
STRONGEST = {"light": "darkest", "dark": "boldest"}

_HEX = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")
_NAMED = frozenset({"white", "black", "red", "blue", "green", "grey", "gray", "orange"})
_DATA = frozenset({"data", "datasets", "values"})  # the data a chart draws: never recoloured


def _key(value: Any) -> str:
    """A palette value as a lookup key (colours are compared in lower case)."""
    return value.lower() if isinstance(value, str) else repr(value)


def role_of(value: Any, palette: Palette = LIGHT) -> str | None:
    """The first role whose colour in ``palette`` is ``value`` (None if it has none).

    >>> role_of("#08306B"), role_of("#123456")
    ('rank_1st', None)
    """
    return next((role for role in ROLES if _key(getattr(palette, role)) == _key(value)), None)


def is_colour(text: str) -> bool:
    """True for a ``#rgb``/``#rrggbb`` colour or a CSS colour name a chart might use.

    >>> is_colour("#fff"), is_colour("white"), is_colour("Lung")
    (True, True, False)
    """
    return bool(_HEX.fullmatch(text)) or text.lower() in _NAMED


def _recolour(node: Any, to: Palette, key: str = "") -> Any:
    """``node`` with every palette colour (and scheme, and rank key) in ``to``'s version."""
    if isinstance(node, dict):
        return {k: v if k in _DATA else _recolour(v, to, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_recolour(value, to, key) for value in node]
    if not isinstance(node, str):
        return node
    if node == RANK_KEY["light"]:
        return RANK_KEY["dark"] if to is DARK else node
    if is_colour(node) or key == "scheme":
        role = role_of(node)
        if role is None:
            raise ValueError(f"The colour {node!r} is not in the chart palettes: name it in "
                             "charts/theme.py (LIGHT and DARK) so the dark theme can draw it.")
        return getattr(to, role)
    return node


def for_theme(spec: dict, theme: str) -> dict:
    """The Vega-Lite ``spec`` coloured for ``theme`` ("light" returns it unchanged).

    Raises ValueError for a colour that is not a role of the palettes.

    Examples
    --------
    >>> for_theme({"mark": {"color": "#1b1f24"}}, "dark")
    {'mark': {'color': '#eef1f5'}}
    >>> for_theme({"mark": {"color": "#1b1f24"}}, "light")
    {'mark': {'color': '#1b1f24'}}
    """
    if theme != "dark":
        return spec
    return _recolour(spec, DARK)


def colours_in(node: Any, key: str = "") -> list[str]:
    """Every colour (and scheme) a spec draws with, outside its data, in order met."""
    if key == "scheme":
        return [node]
    if isinstance(node, dict):
        return [c for k, v in node.items() if k not in _DATA for c in colours_in(v, k)]
    if isinstance(node, list):
        return [c for value in node for c in colours_in(value, key)]
    return [node] if isinstance(node, str) and is_colour(node) else []


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
