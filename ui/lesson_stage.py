"""The lesson as a projector stage: a layout that fits one screen, and the presenter's keys.

Streamlit 1.67's ``st.html(..., unsafe_allow_javascript=True)`` runs a small script in the
page itself (no component iframe, nothing fetched from a CDN). The script clicks the
lesson's own buttons, so a key press does exactly what a click does: the link changes and
the page follows it.
"""

from __future__ import annotations

from charts.lesson import lesson_spec
from ui.files import ByIdentity

# Large text in the theme's own full-contrast colours (light or dark); the page's top
# padding trimmed so a step fits a 720 px screen;
# the First/Last buttons exist for Home/End only. Larger screens scale the stage up.
STAGE_CSS = """<style>
.stMainBlockContainer { padding-top: 3.1rem; padding-bottom: 0.5rem; }
.stMainBlockContainer h1 { font-size: 1.9rem; padding: 0 0 0.4rem 0; line-height: 1.2; }
.stMainBlockContainer h3 { font-size: 1.2rem; line-height: 1.3; padding: 0.15rem 0; }
.stMainBlockContainer [data-testid=stCaptionContainer],
.stMainBlockContainer [data-testid=stCaptionContainer] p { font-size: 0.95rem; opacity: 1; }
.stMainBlockContainer [data-testid=stTable] td,
.stMainBlockContainer [data-testid=stTable] th { font-size: 17px; line-height: 1.2;
  padding: 0.2rem 0.4rem; }
.st-key-first, .st-key-last { display: none; }
@media (max-width: 1100px) {
  .stMainBlockContainer h3 { font-size: 1.12rem; }
}
@media (min-width: 1600px) and (min-height: 1000px) {
  .stMainBlockContainer { zoom: 1.45; padding-top: 2.6rem; }
  /* Charts measure their column in screen px, zoom included, and would then be zoomed
     again (a 622 px column drew a 1308 px chart): they are drawn unzoomed, at its width. */
  .stMainBlockContainer [data-testid=stVegaLiteChart] { zoom: calc(1 / 1.45); }
}
</style>"""

_KEYS = {
    "ArrowRight": "next", "PageDown": "next", " ": "next", "Spacebar": "next",
    "ArrowLeft": "back", "PageUp": "back", "Home": "first", "End": "last",
}


def keys_script() -> str:
    """The script that maps the presenter's keys to the lesson's buttons (added once)."""
    pairs = ",".join(f'"{key}":"{button}"' for key, button in _KEYS.items())
    return f"""<script>
(() => {{
  const doc = window.document;
  if (window.__lessonKeys) return;
  window.__lessonKeys = true;
  const map = {{{pairs}}};
  doc.addEventListener("keydown", (event) => {{
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    const typing = "input, textarea, select, [contenteditable]";
    if (target && target.closest && target.closest(typing)) return;
    const key = map[event.key];
    if (!key) return;
    const button = doc.querySelector(".st-key-" + key + " button");
    if (!button) return;  // not on the lesson page
    event.preventDefault();
    event.stopPropagation();
    if (!button.disabled) button.click();
  }}, true);
}})();
</script>"""


_PROJECTED = ByIdentity(16)


def projected(spec: dict, height: int) -> dict:
    """A chart spec as the lesson projects it (see :func:`charts.export.lesson_spec`), found
    by the identity of the cached spec rather than by hashing it on every rerun."""
    return _PROJECTED.get(spec, (height,), lambda: lesson_spec(spec, height))
