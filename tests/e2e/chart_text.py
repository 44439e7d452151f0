"""Read every piece of text a drawn chart shows, as the browser laid it out: its box on the
screen and its size in screen pixels. Pure checks on those boxes find text that overlaps
other text, runs out of its chart or off the screen, or is too small to read."""

from __future__ import annotations

import math
from dataclasses import dataclass

from playwright.sync_api import Browser, BrowserContext, Page

from tools.app_server import block_offsite

SCREENS = {"projector 1024x768": (1024, 768), "projector 1280x720": (1280, 720),
           "projector 1920x1080": (1920, 1080), "phone 390x844": (390, 844)}
"""The screens a class meets: three projectors and a phone held upright."""
PHONE_BELOW = 640  # px wide: Streamlit stacks its columns below this


def screen_context(browser: Browser, screen: str, theme: str = "light") -> BrowserContext:
    """A browser context of ``screen`` (a key of SCREENS) in ``theme``: a phone is also
    mobile and touch, as a real one is; nothing leaves the machine."""
    width, height = SCREENS[screen]
    phone = width < PHONE_BELOW
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=theme, is_mobile=phone, has_touch=phone)
    block_offsite(context)
    return context

# Each chart's SVG: its box, and each <text>'s box (screen px) and its drawn font size
# (its font-size times the SVG's scale on screen: CSS zoom and a fitted width included).
READ_TEXT = """
() => Array.from(document.querySelectorAll('[data-testid=stVegaLiteChart] svg.marks'))
  .map((svg, chart) => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / (svg.width.baseVal.value || box.width || 1);
    const texts = Array.from(svg.querySelectorAll('text'))
      .filter(t => (t.textContent || '').trim() && getComputedStyle(t).visibility !== 'hidden'
                   && Number(t.getAttribute('opacity') ?? 1) > 0)
      .map(t => {
        const r = t.getBoundingClientRect();
        const size = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize);
        // The text's own box turned as it is drawn (a slanted label's box is not upright).
        const b = t.getBBox(), m = t.getScreenCTM();
        const at = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
        return {text: t.textContent.trim().slice(0, 40), x: r.left, y: r.top,
                w: r.width, h: r.height, px: size * scale,
                corners: [at(b.x, b.y), at(b.x + b.width, b.y),
                          at(b.x + b.width, b.y + b.height), at(b.x, b.y + b.height)]};
      });
    return {chart, svg: {x: box.left, y: box.top, w: box.width, h: box.height},
            screen: {w: document.documentElement.clientWidth},
            texts};
  })
"""


@dataclass(frozen=True)
class Box:
    """A text's box on screen (px) and what it says."""

    text: str
    x: float
    y: float
    w: float
    h: float
    px: float = 0.0
    corners: tuple | None = None  # the four corners of the text's turned box, when drawn

    def outline(self) -> list[tuple[float, float]]:
        """The box's four corners on screen: turned with the text (a slanted label), or the
        upright box when the corners are not known."""
        if self.corners:
            return [(float(x), float(y)) for x, y in self.corners]
        return [(self.x, self.y), (self.x + self.w, self.y),
                (self.x + self.w, self.y + self.h), (self.x, self.y + self.h)]

    def overlaps(self, other: Box, slack: float = 2.0) -> bool:
        """True when the two boxes (turned as drawn) share more than ``slack`` px across
        every direction that could separate them (the separating-axis test).

        >>> flat = Box("a", 0, 0, 100, 20)
        >>> flat.overlaps(Box("b", 50, 10, 100, 20)), flat.overlaps(Box("c", 0, 19, 100, 20))
        (True, False)
        >>> slant = [(0, 40), (40, 0), (50, 10), (10, 50)]  # two parallel slanted labels:
        >>> Box("d", 0, 0, 50, 50, corners=slant).overlaps(  # their upright boxes meet
        ...     Box("e", 30, 0, 50, 50, corners=[(x + 30, y) for x, y in slant]))
        False
        """
        mine, theirs = self.outline(), other.outline()
        depth = math.inf
        for shape in (mine, theirs):
            for (x1, y1), (x2, y2) in zip(shape, shape[1:] + shape[:1], strict=True):
                length = math.hypot(x2 - x1, y2 - y1)
                if not length:
                    continue
                nx, ny = (y2 - y1) / length, (x1 - x2) / length
                a = [x * nx + y * ny for x, y in mine]
                b = [x * nx + y * ny for x, y in theirs]
                depth = min(depth, min(max(a), max(b)) - max(min(a), min(b)))
        return depth > slack

    def inside(self, outer: Box, slack: float = 1.0) -> bool:
        """True when the box lies within ``outer`` (give or take ``slack`` px)."""
        return (self.x >= outer.x - slack and self.y >= outer.y - slack
                and self.x + self.w <= outer.x + outer.w + slack
                and self.y + self.h <= outer.y + outer.h + slack)


def read_charts(page: Page) -> list[dict]:
    """Every drawn chart's SVG box and text boxes on ``page``."""
    return page.evaluate(READ_TEXT)


def problems(charts: list[dict], min_px: float) -> list[str]:
    """What is wrong with the charts' text: overlapping pairs, text outside its chart or past
    the screen's sides, text drawn under ``min_px``. Empty when all is well.

    >>> chart = {"chart": 0, "svg": {"x": 0, "y": 0, "w": 100, "h": 50},
    ...          "screen": {"w": 100},
    ...          "texts": [{"text": "Lung", "x": 5, "y": 5, "w": 30, "h": 18, "px": 18},
    ...                    {"text": "Liver", "x": 20, "y": 10, "w": 30, "h": 18, "px": 18},
    ...                    {"text": "Bone", "x": 90, "y": 5, "w": 30, "h": 18, "px": 12}]}
    >>> for line in problems([chart], 14): print(line)
    chart 0: 'Lung' overlaps 'Liver'
    chart 0: 'Bone' leaves its chart
    chart 0: 'Bone' leaves the screen
    chart 0: 'Bone' is 12.0 px (under 14)
    """
    found = []
    for chart in charts:
        boxes = [Box(**t) for t in chart["texts"]]
        frame = Box("", **chart["svg"])
        # The page scrolls down (inside Streamlit's own container), never sideways.
        screen = Box("", 0, frame.y - 1e6, chart["screen"]["w"], 2e6)
        name = f"chart {chart['chart']}"
        for i, box in enumerate(boxes):
            found += [f"{name}: {box.text!r} overlaps {other.text!r}"
                      for other in boxes[i + 1:] if box.overlaps(other)]
        for box in boxes:
            if not box.inside(frame):
                found.append(f"{name}: {box.text!r} leaves its chart")
            if not box.inside(screen):
                found.append(f"{name}: {box.text!r} leaves the screen")
            if box.px < min_px - 0.05:
                found.append(f"{name}: {box.text!r} is {box.px:.1f} px (under {min_px:g})")
    return found


def smallest(charts: list[dict]) -> float | None:
    """The smallest text on any chart, in screen px (None when no chart has text)."""
    sizes = [t["px"] for chart in charts for t in chart["texts"]]
    return round(min(sizes), 1) if sizes else None
