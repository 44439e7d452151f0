"""The Body map page: arrows from where a cancer starts to where it spreads."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.body_map import LAND, START, arrows, body_map, places
from charts.style import plain_spec
from data import extracts, query
from data.load import Published
from data.vocabulary import EVIDENCE_ORDER
from views.network import same_organ_note

SUBTITLE = ("Arrows run from where the cancer starts to where it spreads. Thicker = higher in "
            "the NCI top three; dashed = named only in a sentence.")


@dataclass(frozen=True)
class BodyMapChoices:
    """What the body map can draw: cancers and sites (id -> label, by label), the source line
    for its images and the note on the pairs it leaves out."""

    cancers: dict[str, str]
    sites: dict[str, str]
    credit: str
    left_out: str


@dataclass(frozen=True)
class BodyMapView:
    """One drawing: the arrows (a row each), the chart, the arrows as a table and the quotes."""

    arrows: pd.DataFrame
    spec: dict
    rows_shown: pd.DataFrame
    quotes: pd.DataFrame


def body_map_choices(t: Published) -> BodyMapChoices:
    """The cancers that start in a drawn organ and the sites drawn, among the pairs that travel."""
    organ = query.labels(t["cancers"], "cancer_id", "organ_site_id")
    moving = query.travelling(t["spread"])
    by_label = lambda names: dict(sorted(names.items(), key=lambda item: item[1]))  # noqa: E731
    cancers = {c: name for c, name in query.labels(t["cancers"], "cancer_id").items()
               if organ[c] in START and c in set(moving["primary"])}
    sites = {s: name for s, name in query.labels(t["sites"], "site_id").items()
             if s in LAND and s in set(moving["site"])}
    return BodyMapChoices(by_label(cancers), by_label(sites),
                          query.source_line(t["spread"]["source_id"].unique(), t["sources"]),
                          same_organ_note(t))


def _title(t: Published, mode: str, chosen: str) -> str:
    """The drawing's title: where a cancer spreads, or which cancers reach a site."""
    if mode == "cancer":
        name = query.labels(t["cancers"], "cancer_id")[chosen]
        return f"Where {name[0].lower() + name[1:] if name.endswith('cancer') else name} spreads"
    return f"Which cancers spread to: {query.labels(t['sites'], 'site_id')[chosen]}"


def body_map_view(t: Published, mode: str, chosen: str,
                  sentences: bool) -> BodyMapView:
    """Arrows for one cancer (``mode == "cancer"``) or into one site (``"site"``).

    ``sentences`` adds the pairs named only in sentences to the NCI ranked table.
    """
    evidence = EVIDENCE_ORDER if sentences else ("ranked_table",)
    column = "primary" if mode == "cancer" else "site"
    rows = query.filter_spread(query.travelling(t["spread"]), evidence=evidence)
    rows = rows[rows[column] == chosen]
    arrow_rows = arrows(rows, t["cancers"], t["sites"])
    spec = plain_spec(body_map(arrow_rows, places(arrow_rows), _title(t, mode, chosen),
                               SUBTITLE)) if len(arrow_rows) else {}
    shown = extracts.arrows(arrow_rows, t)
    quoted = query.filter_spread(query.travelling(t["spread"]), evidence=evidence)
    found = query.quotes_for(quoted, t["sources"], primary=chosen if mode == "cancer" else None,
                             site=chosen if mode == "site" else None)
    return BodyMapView(arrow_rows, spec, shown, extracts.quotes(found, t))
