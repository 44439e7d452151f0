"""Every value a link can hold (the URL's query), declared once: its key, the pages that
read it, its kind, its range and its default.

``ui/state.py`` seeds widgets from links and writes them back by these declarations, pages
take their defaults and ranges from here, and ``tests/test_url_state.py`` throws odd and
very long values at every one of them. A new link value is one line here; a page that reads
a key not declared here fails at once (``state`` raises ``KeyError`` naming it).
No Streamlit here: the tests read it without running a page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkParam:
    """One link value: ``?key=...`` read by ``pages`` (files under pages/).

    ``kind`` is ``"multi"`` (repeatable: ``?cancer=a&cancer=b``), ``"single"`` (one of the
    page's options), ``"int"`` (a whole number from ``low`` to ``high``; ``high`` None is
    set by the data: the lesson's length) or ``"text"`` (a value matching ``pattern``: a
    live class's code and tokens, the quiz's first answers; ``ui.state.init_text``). A
    value equal to ``default`` is left out of links.
    """

    key: str
    pages: tuple[str, ...]
    kind: str
    default: str | int | tuple[str, ...]
    low: int | None = None
    high: int | None = None
    pattern: str = ""


SPREAD, NETWORK = "pages/spread.py", "pages/network.py"
BODY, SITES = "pages/body_map.py", "pages/site_profiles.py"
SURVIVAL = "pages/survival.py"
LIVE, JOIN = "pages/live_class.py", "pages/join_class.py"
TOKEN = r"[A-Za-z0-9_-]{8,64}"  # a live class's host or seat token, as its link carries it

PARAMS: tuple[LinkParam, ...] = (
    LinkParam("cancer", (SPREAD,), "multi", ()),
    LinkParam("site", (SPREAD,), "multi", ()),
    LinkParam("evidence", (SPREAD, NETWORK), "multi", ()),
    LinkParam("source", (SPREAD, NETWORK), "multi", ()),
    LinkParam("focus", (SPREAD,), "single", ""),
    LinkParam("pair", (SPREAD,), "single", ""),
    LinkParam("layout", (NETWORK,), "single", "two_columns"),
    LinkParam("seed", (NETWORK,), "int", 7, 0, 9999),
    LinkParam("focus_node", (NETWORK,), "single", ""),
    LinkParam("mode", (BODY,), "single", "cancer"),
    LinkParam("body_cancer", (BODY,), "single", "prostate"),
    LinkParam("body_site", (BODY,), "single", "liver"),
    LinkParam("sentences", (BODY,), "single", "yes"),
    LinkParam("profile", (SITES,), "single", "liver"),
    LinkParam("from_cancer", (SITES,), "single", ""),
    LinkParam("check_cancer", ("pages/source_check.py",), "single", "breast"),
    LinkParam("quiz", ("pages/quiz.py",), "int", 1, 0, 9999),
    # The quiz's first answers, "<quiz number>.<marks>" (ui/quiz_memory.py reads it).
    LinkParam("answers", ("pages/quiz.py",), "text", "", pattern=r"([0-9]{1,9})\.([0-9-]{1,40})"),
    LinkParam("step", ("pages/lesson.py",), "int", 1, 1, None),
    LinkParam("present", (SPREAD, NETWORK, BODY, SITES, SURVIVAL), "single", ""),
    LinkParam("live", (LIVE, JOIN), "text", "", pattern=r"[A-Za-z0-9-]{3,24}"),
    LinkParam("host", (LIVE,), "text", "", pattern=TOKEN),
    LinkParam("seat", (JOIN,), "text", "", pattern=TOKEN),
)

LINKS: dict[str, LinkParam] = {param.key: param for param in PARAMS}
"""The declarations by key (each key means one thing on every page that reads it)."""

QUIZ = LINKS["quiz"]
"""The quiz number: its range is every quiz a class can be given (0-9999)."""

SEED = LINKS["seed"]
"""The network's layout number (force-directed layout only)."""

LAYOUT = LINKS["layout"]
"""The network's layout: its default is also the lesson's and the slide image's."""
