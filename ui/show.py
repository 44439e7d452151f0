"""Rendering helpers: tables with their download, quotes with their source, chart data.

Every download button is given its bytes, made in the run (and memoised), never a function
to call on click. Streamlit keeps a file made on click unreferenced, so another session's
rerun could delete it before the browser fetched it (a ``/media/…`` 404 under a class's
load). Bytes given in the run belong to the page's run and live as long as the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from charts.phone import phone_spec
from charts.theme import for_theme
from data.columns import cards, column_help, on_screen
from data.glossary import GLOSSARY_CREDIT, defined
from ui import screen
from ui.files import ByIdentity, shared_csv, slide_png, slide_svg
from ui.state import escape_markdown

_SCREEN = ByIdentity(128)  # each cached table's on-screen version, made once
_CARDS = ByIdentity(128)  # each cached table's quote cards, made once


def screen_table(frame: pd.DataFrame) -> pd.DataFrame:
    """What a person sees of a download-shaped table (:func:`data.columns.on_screen`)."""
    return _SCREEN.get(frame, (), lambda: on_screen(frame))


def _config(frame: pd.DataFrame, shown: pd.DataFrame) -> dict:
    """Column tooltips from the glossary; on a phone the first column pinned, so a row keeps
    its name when the table scrolls sideways (only there: Streamlit greys a pinned column's
    text, which reads less well where nothing needs pinning)."""
    config = {heading: st.column_config.Column(help=text)
              for heading, text in column_help(frame).items()}
    if len(shown.columns) and screen.current().narrow:
        first = shown.columns[0]
        config[first] = st.column_config.Column(help=config.get(first, {}).get("help"),
                                                pinned=True)
    return config


def download_csv(frame: pd.DataFrame, file_name: str, label: str, key: str,
                 data: bytes | None = None) -> None:
    """A download button for exactly ``frame``, as spreadsheet-safe CSV made in the run.

    ``data`` is the CSV when the caller memoises it itself (an upload's tables, which must
    stay out of the process-wide cache); without it the five sources' cache makes it."""
    st.download_button(label, data=shared_csv(frame) if data is None else data,
                       file_name=file_name, mime="text/csv", key=key,
                       icon=":material/download:", on_click="ignore")


def table_with_download(frame: pd.DataFrame, file_name: str, label: str, key: str,
                        data: bytes | None = None, **dataframe_args) -> None:
    """Show a table and, under it, a CSV download of exactly the rows shown.

    ``frame`` is in download shape (ids and labels, see :mod:`data.columns`); the screen
    shows its labels under plain headings, each explained in a tooltip where the glossary
    has the word. An upload's table (``data`` given) is shown as it is."""
    shown = frame if data is not None else screen_table(frame)
    config = {} if data is not None else _config(frame, shown)
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config=config | dataframe_args.pop("column_config", {}),
                 **dataframe_args)
    download_csv(frame, file_name, label, key, data)


def plain_table(frame: pd.DataFrame) -> None:
    """A short table drawn whole (every cell wraps, no scrolling), as a person reads it."""
    st.table(screen_table(frame), hide_index=True)


def quote_cards(frame: pd.DataFrame, file_name: str, label: str, key: str) -> None:
    """A table whose rows carry a quote, as one card per row so every quote reads in full
    on a phone or a projector, then a CSV download of the rows."""
    for words, who, detail in _CARDS.get(frame, (), lambda: cards(frame)):
        quote(words, who, detail)
    download_csv(frame, file_name, label, key)


def glossary(terms: tuple[str, ...] | list[str], title: str = "What these words mean") -> None:
    """The glossary's explanations of ``terms``, in a box a reader can open."""
    with st.expander(title, icon=":material/menu_book:"):
        glossary_lines(terms)


# Less empty space above an explore page's title, so a projected chart starts on the first screen.
COMPACT_CSS = ("<style>[data-testid=stMainBlockContainer] { padding-top: 3rem !important; }"
               "@media (max-width: 640px) { [data-testid=stMainBlockContainer] h1 { "
               "font-size: 2rem; padding-top: 0.5rem; } }</style>")
READING_TITLE = "How to read it, and what these words mean"


def explore_intro(lead: str, more: str, terms: tuple[str, ...] | list[str]) -> None:
    """An explore page's opening: a short ``lead``, then one closed box with the rest of the
    introduction (``more``) and the glossary's words, so that on a projector or a phone the
    chart, not the words about it, fills the first screen."""
    st.html(COMPACT_CSS)
    st.markdown(lead)
    with st.expander(READING_TITLE, icon=":material/menu_book:"):
        st.markdown(more)
        glossary_lines(terms)


def glossary_lines(terms: tuple[str, ...] | list[str]) -> None:
    """The glossary's explanations of ``terms``, one line each, and whose words they are."""
    for term, meaning in defined(terms):
        st.markdown(f"**{escape_markdown(term)}**: {escape_markdown(meaning)}")
    st.caption(GLOSSARY_CREDIT)


def chart_data(frame: pd.DataFrame, file_name: str, key: str,
               title: str = "Show the data behind this chart", data: bytes | None = None) -> None:
    """An expander with the chart's data as a table (for screen readers and for checking)."""
    with st.expander(title, icon=":material/table_view:"):
        table_with_download(frame, file_name, "Download this data (CSV)", key, data)


def quote(text: str, source: str, detail: str = "") -> None:
    """A quote in the source's own words, in a box, with who said it (all text escaped).

    Full-contrast text rather than a Markdown blockquote: Streamlit draws blockquotes in a
    grey that fails the WCAG contrast minimum and fades on a projector.
    """
    with st.container(border=True):
        st.markdown(f"“{escape_markdown(text)}”")
        credit = f"— **{escape_markdown(source)}**"
        st.markdown(credit + (f" · {escape_markdown(detail)}" if detail else ""))


def quote_rows(rows: pd.DataFrame, detail: Callable[[Any], str] = lambda row: "") -> None:
    """Each row of a quotes table (:func:`data.query.quotes_for`) as a :func:`quote`, credited
    to its source with the source's confidence; ``detail(row)`` adds what the row is about."""
    for row in rows.itertuples():
        quote(row.quote, f"{row.source} (confidence: {row.confidence})", detail(row))


def caution() -> None:
    """The medical caution, said once, clearly."""
    st.info("**For learning only.** This dashboard teaches what five published sources say "
            "about where cancers spread. It is not medical advice and must not be used for "
            "decisions about anyone's care: talk to a doctor or nurse about a real case.",
            icon=":material/health_and_safety:")


SLIDES_SWITCH = "Make slide images (PNG, SVG)"


def image_downloads(chart: alt.TopLevelMixin | dict, file_stem: str, source_line: str,
                    key: str, caption: str = "") -> None:
    """PNG (1920x1080) and SVG downloads of a chart of the five sources, with the chart's
    title and ``source_line`` inside the image, made when a person asks for them.

    The switch keeps the renderer out of every visit: the first image a server makes loads
    vl-convert's JavaScript engine (about 80 MB, once) and each new view costs 100-400 ms.
    Once switched on, the files are made in the run, so they last as long as the page.
    """
    if not st.toggle(SLIDES_SWITCH, key=f"{key}_make", help="A 1920×1080 picture of this "
                     "chart with its title and sources, for slides."):
        return
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    png, svg = st.columns(2)
    png.download_button("Slide image (PNG)", data=slide_png(spec, source_line, caption or None),
                        file_name=f"{file_stem}.png", mime="image/png", key=f"{key}_png",
                        icon=":material/image:", on_click="ignore")
    svg.download_button("Slide image (SVG)", data=slide_svg(spec, source_line, caption or None),
                        file_name=f"{file_stem}.svg", mime="image/svg+xml", key=f"{key}_svg",
                        icon=":material/image:", on_click="ignore")


_THEMED = ByIdentity(64)


def for_screen(spec: dict, shown_on: screen.Screen) -> dict:
    """``spec`` fitted to a phone when the screen is narrow, in the theme's colours."""
    fitted = phone_spec(spec) if shown_on.narrow else spec
    return for_theme(fitted, shown_on.theme)


def themed(spec: dict, private: bool = False) -> dict:
    """``spec`` as the screen shows it (see :mod:`charts.theme`, :mod:`charts.phone`).

    A cached spec's copy is made once per screen and found by identity; a ``private`` spec
    (made from a person's upload) is fitted in the run and never kept past it."""
    shown_on = screen.current()
    if shown_on == screen.Screen():
        return spec
    if private:
        return for_screen(spec, shown_on)
    return _THEMED.get(spec, (shown_on,), lambda: for_screen(spec, shown_on))


def chart(spec: dict, private: bool = False, **options):
    """Draw a Vega-Lite spec in the screen's theme. Every builder in charts/ sets a
    ``description``, which Streamlit gives the chart as its accessible name (its text
    alternative). ``private``: the spec holds a person's upload (see :func:`themed`)."""
    if isinstance(spec.get("width"), int):  # a figure drawn to its size (the body map):
        options.setdefault("width", "content")  # stretched, its body would be distorted
    return st.vega_lite_chart(themed(spec, private), **options)


COMPUTED_ICON = ":material/calculate:"


def computed_credit(basis: str) -> str:
    """The line under a sentence this app worked out: what from, and that no source said it."""
    return f"Worked out by this app from {basis}; not a quote."


def computed(text: str, basis: str, heading: bool = False, escape: bool = True) -> None:
    """A sentence the app computes, styled apart from quotes: no quotation marks, no source
    credit, an icon, and a line saying what it was worked out from (text escaped, unless the
    caller has escaped it already to add emphasis of its own)."""
    words = escape_markdown(text) if escape else text
    st.markdown(f"### {words}" if heading else words)
    st.caption(f"{COMPUTED_ICON} {computed_credit(escape_markdown(basis))}")
