"""What a click on a chart, or an answer, does to a page's choices: pure functions, no Streamlit.

Pages keep their choices in the session (and the link, :mod:`ui.state`); a chart's click
arrives from :func:`ui.picks.new_click` as ``None`` (no new click this run), ``{}`` (the click
cleared the chart's selection) or the clicked point's fields. The pages pass both in and
store what comes back, so every rule here is tested without running a page.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from views.spread import pair_cell, pair_key, split_pair

Click = Mapping[str, object] | None


@dataclass(frozen=True)
class SpreadChoice:
    """Where cancers spread: the cancer whose quotes show and the chosen pair ("" = none)."""

    focus: str
    pair: str


def spread_after(choice: SpreadChoice, click: Click) -> SpreadChoice:
    """A click on a cell chooses its pair (a click on empty space clears it); a chosen pair,
    however it came (link or click), names its cancer in the box.

    >>> spread_after(SpreadChoice("", ""), {"primary": "lung", "site": "bone"})
    SpreadChoice(focus='lung', pair='lung.bone')
    >>> spread_after(SpreadChoice("lung", "lung.bone"), {})
    SpreadChoice(focus='lung', pair='')
    >>> spread_after(SpreadChoice("breast", "lung.bone"), None)
    SpreadChoice(focus='lung', pair='lung.bone')
    """
    pair = choice.pair
    if click is not None:
        pair = pair_key(str(click["primary"]), str(click["site"])) if click else ""
    return SpreadChoice(split_pair(pair)[0] if pair else choice.focus, pair)


def shown_pair(pair: str, cells: pd.DataFrame) -> str:
    """The pair to outline and quote: ``pair`` unless the filters hide its cell ("")."""
    return pair if pair and pair_cell(cells, pair) is not None else ""


def phone_focus(focus: str, cells: pd.DataFrame) -> str:
    """A phone draws one cancer at a time: the chosen one, else the first the filters keep."""
    return focus or str(cells["primary"].iloc[0])


def network_focus(focus: str, click: Click, nodes: Collection[str]) -> str:
    """The lit node: a clicked node replaces the box's (a click on empty space keeps it); a
    node the filters removed lights nothing ("").

    >>> network_focus("site:bone", {"node": "cancer:lung"}, {"cancer:lung", "site:bone"})
    'cancer:lung'
    >>> network_focus("site:bone", {}, {"site:bone"}), network_focus("site:bone", None, set())
    ('site:bone', '')
    """
    if click:
        focus = str(click["node"])
    return focus if focus in nodes else ""


def site_cancer(chosen: str, click: Click) -> str:
    """Site profiles: the cancer whose quotes show; a click on the chart chooses its cancer,
    a click on empty space clears it.

    >>> site_cancer("", {"primary": "lung"}), site_cancer("lung", {}), site_cancer("lung", None)
    ('lung', '', 'lung')
    """
    return chosen if click is None else str(click.get("primary", ""))


def first_answers(given: Mapping[str, str], qid: str, option: str | None) -> dict[str, str]:
    """The quiz's first answers after ``option`` is chosen for ``qid``: only the first counts.

    >>> first_answers({"q1": "9%"}, "q1", "30%"), first_answers({}, "q2", "30%")
    ({'q1': '9%'}, {'q2': '30%'})
    """
    if option is None or qid in given:
        return dict(given)
    return {**given, qid: option}


def with_link_answers(given: Mapping[str, str], linked: Mapping[str, str]) -> dict[str, str]:
    """This session's first answers plus a link's (a reload): one the session holds came
    first and is kept.

    >>> with_link_answers({"q1": "9%"}, {"q1": "30%", "q2": "19%"})
    {'q1': '9%', 'q2': '19%'}
    """
    return {**linked, **given}
