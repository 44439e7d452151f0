"""What the live class pages show, worked out from a room and a class summary: the answer
spread, the share of right guesses, a round-by-round summary and its CSV. Pure (no st)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import pandas as pd

from charts.body_map import LAND
from charts.live import tally_chart, tap_body, tap_row
from charts.style import plain_spec
from data.export import safe_csv_bytes

PHASE_WORDS = {
    "lobby": "Waiting for the first question.",
    "open": "Answers are open: students can change theirs until you lock.",
    "locked": "Answers are locked. Reveal the answer when the room is ready.",
    "revealed": "Answer revealed.",
    "ended": "The class has ended.",
}
STUDENT_WORDS = {
    "lobby": "You are in. Wait for your teacher's first question.",
    "locked": "Answers are locked. Look at the board: the answer comes next.",
    "ended": "The class has ended. Thank you for taking part!",
}
COMPUTED = "the answers given in this class"


@dataclass(frozen=True)
class Share:
    """How many of the answers to a prompt were right."""

    right: int
    answered: int

    @property
    def words(self) -> str:
        """A sentence for the reveal, e.g. ``"7 of 12 answers (58%) were right."``."""
        if not self.answered:
            return "Nobody answered this question."
        percent = round(100 * self.right / self.answered)
        return f"{self.right} of {self.answered} answers ({percent}%) were right."


def tally_frame(options: tuple[str, ...], tally: dict[str, int], answer: str) -> pd.DataFrame:
    """One row per option in the options' order: ``option``, ``count`` (0 kept), ``right``."""
    return pd.DataFrame({"option": list(options),
                         "count": [int(tally.get(o, 0)) for o in options],
                         "right": [o == answer for o in options]})


def share_right(tally: dict[str, int], answer: str) -> Share:
    """The right answers among all answers to a prompt."""
    return Share(int(tally.get(answer, 0)), int(sum(tally.values())))


def tally_spec(options: tuple[str, ...], tally: dict[str, int], answer: str,
               revealed: bool) -> dict:
    """The projector's bar chart of the answers (counts), as a Vega-Lite spec."""
    title = "How the class answered" if not revealed else "How the class answered, and the answer"
    return plain_spec(tally_chart(tally_frame(options, tally, answer), title, revealed))


def body_options(sites: pd.DataFrame, options: tuple[str, ...]) -> dict[str, str]:
    """Each option's site id when every option is a site with a spot on the body figure,
    else ``{}`` (the phone then offers the options as a list only)."""
    ids = dict(zip(sites["label"], sites["site_id"], strict=True))
    if not options or not all(ids.get(o) in LAND for o in options):
        return {}
    return {o: ids[o] for o in options}


def body_spec(options: dict[str, str]) -> dict:
    """The tappable body figure for ``options`` (label -> site id)."""
    return plain_spec(tap_body(options))


def row_site(sites: pd.DataFrame, pid: str) -> str:
    """The site a "which cancer ranks it first?" prompt asks about, by its id
    (``first:<source>:<site>:<cancer>``), as its label; "" for any other prompt."""
    parts = pid.split(":")
    labels = dict(zip(sites["site_id"], sites["label"], strict=True))
    return labels.get(parts[2], "") if len(parts) == 4 and parts[0] == "first" else ""


def row_spec(options: tuple[str, ...], site: str) -> dict:
    """The tappable heatmap row of cancers for a "which cancer ranks <site> first?" prompt."""
    return plain_spec(tap_row(options, site))


def round_totals(summary: pd.DataFrame) -> pd.DataFrame:
    """One row per round of a class summary: the prompt, answers, right answers, share."""
    columns = ["Round", "Question", "Answers", "Right", "Share right"]
    if summary.empty:
        return pd.DataFrame(columns=columns)
    grouped = summary.groupby(["round", "prompt"], sort=True)["right"].agg(["size", "sum"])
    rows = [(int(r), p, int(n), int(k), f"{round(100 * k / n)}%")
            for (r, p), (n, k) in grouped.iterrows()]
    return pd.DataFrame(rows, columns=columns)


def answers_table(summary: pd.DataFrame) -> pd.DataFrame:
    """The class summary as the printable view shows it: round, student, answer, right."""
    return pd.DataFrame({"Round": summary["round"], "Student": summary["student"],
                         "Answer": summary["answer"],
                         "Right": summary["right"].map({True: "yes", False: "no"})})


def summary_csv(summary: pd.DataFrame) -> bytes:
    """The class summary as spreadsheet-safe CSV (a nickname is a cell like any other)."""
    return safe_csv_bytes(summary)


def client_address(peer: str | None, forwarded: list[str]) -> str | None:
    """The address a device's limits are counted by: the peer's, or, when the peer is this
    machine (the balancer of deploy/haproxy.cfg), the last X-Forwarded-For entry, the one
    the balancer added (a phone may write earlier entries itself; it cannot write that one).

    >>> client_address("10.0.0.7", ["1.2.3.4"]), client_address("127.0.0.1", ["9.9.9.9, 10.0.0.8"])
    ('10.0.0.7', '10.0.0.8')
    >>> client_address("127.0.0.1", []), client_address(None, ["10.0.0.8"])
    ('127.0.0.1', None)
    """
    try:
        local = peer is not None and ipaddress.ip_address(peer).is_loopback
    except ValueError:
        local = False
    entries = [e.strip() for value in forwarded for e in value.split(",") if e.strip()]
    return entries[-1][:64] if local and entries else peer
