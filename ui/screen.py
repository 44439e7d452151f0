"""The screen a person is looking at: light or dark theme, phone-narrow or wide.

Charts are drawn on the server, so the server must know the active theme (to pick colours
with enough contrast on that background) and whether the screen is narrow (to draw the
heatmap one cancer at a time, the network's legend below it). ``st.context.theme`` is right
when a session starts but does not change when the system or the menu switches theme, and
nothing tells the server the width. A tiny component in the page (Streamlit's own
``st.components.v2``: no iframe, nothing fetched) reads both and reports a change, which
reruns the page with the new screen. It reports only when what it sees differs from what
the server already assumed, so an ordinary visit costs no extra run.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

# Streamlit's own breakpoint: below 640 px its columns stack into one.
NARROW_BELOW_PX = 640
_KEY = "screen_probe"

# The probe draws nothing: its slot must not add a gap at the top of every page.
SCREEN_CSS = "<style>.st-key-screen_probe { display: none; }</style>"

_PROBE_JS = """
export default function({ setStateValue, data }) {
  const read = () => {
    const app = document.querySelector('.stApp') || document.body;
    const rgb = (getComputedStyle(app).backgroundColor.match(/[0-9.]+/g) || [255, 255, 255])
      .slice(0, 3).map(Number);
    const dark = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128;
    return (dark ? 'dark' : 'light') + ' ' + (window.innerWidth < NARROW ? 'narrow' : 'wide');
  };
  let known = data;
  const check = () => {
    const now = read();
    if (now !== known) { known = now; setStateValue('screen', now); }
  };
  check();
  // The menu's theme switch changes no event we can listen to: look twice a second.
  const timer = setInterval(check, 500);
  window.addEventListener('resize', check);
  // On a phone the open sidebar covers the page: close it once a page is chosen.
  const closeAfterChoice = (event) => {
    if (window.innerWidth >= NARROW) return;
    if (!event.target.closest || !event.target.closest('[data-testid=stSidebarNavLink]')) return;
    setTimeout(() => {
      const close = document.querySelector('[data-testid=stSidebarCollapseButton] button');
      if (close) close.click();
    }, 150);
  };
  document.addEventListener('click', closeAfterChoice, true);
  return () => {
    clearInterval(timer);
    window.removeEventListener('resize', check);
    document.removeEventListener('click', closeAfterChoice, true);
  };
}
""".replace("NARROW", str(NARROW_BELOW_PX))


@dataclass(frozen=True)
class Screen:
    """What the page is drawn for: ``theme`` is "light" or "dark"; ``narrow`` is a phone."""

    theme: str = "light"
    narrow: bool = False


def parse_screen(report: str | None, fallback: Screen) -> Screen:
    """The screen a probe report such as ``"dark narrow"`` describes (``fallback`` if none).

    Examples
    --------
    >>> parse_screen("dark narrow", Screen())
    Screen(theme='dark', narrow=True)
    >>> parse_screen("nonsense", Screen(theme="dark"))
    Screen(theme='dark', narrow=False)
    """
    words = (report or "").split()
    if len(words) != 2 or words[0] not in ("light", "dark") or words[1] not in ("narrow", "wide"):
        return fallback
    return Screen(theme=words[0], narrow=words[1] == "narrow")


def first_guess() -> Screen:
    """The screen assumed before the probe reports: the theme the browser sent with the
    session, and narrow when the browser calls itself a phone."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return Screen(theme=st.context.theme.type or "light", narrow="Mobi" in agent)


def describe(screen: Screen) -> str:
    """The probe's words for a screen (the inverse of :func:`parse_screen`)."""
    return f"{screen.theme} {'narrow' if screen.narrow else 'wide'}"


@functools.cache
def _probe():
    """The probe component, registered once per process (registering validates it)."""
    return st.components.v2.component(_KEY, js=_PROBE_JS)


def watch_screen() -> Screen:
    """Mount the probe (once per run, from app.py) and return the screen to draw for."""
    probe = _probe()
    guess = st.session_state.get("_screen") or first_guess()
    result = probe(key=_KEY, data=describe(guess), on_screen_change=lambda: None, height=0)
    screen = parse_screen(getattr(result, "screen", None), guess)
    st.session_state["_screen"] = screen
    return screen


def current() -> Screen:
    """The screen this run draws for (a plain light, wide screen outside the app)."""
    return st.session_state.get("_screen") or Screen()
