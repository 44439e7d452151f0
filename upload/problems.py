"""Problems with an upload, said in plain sentences: the error type and the helpers that
build its messages (name rows the way a spreadsheet numbers them, shorten long cells, stop
after a few). No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MAX_PROBLEMS = 10  # more than this is a wall of text; the first few are enough to start fixing
ROWS_PER_PROBLEM = 5


class UploadError(ValueError):
    """What is wrong with an upload: .problems is a list of plain-English sentences; str() joins
    them.

    >>> str(UploadError(["The file is empty.", "Row 2: 'site' is blank."]))
    "The file is empty. Row 2: 'site' is blank."
    """

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(" ".join(self.problems))


# ---------------------------------------------------------------------------------------------
# Small helpers for messages


def _and_list(items: Sequence[object]) -> str:
    """Items joined the way a sentence lists them.

    >>> _and_list([4]), _and_list([4, 9]), _and_list([4, 9, 12])
    ('4', '4 and 9', '4, 9 and 12')
    """
    words = [str(item) for item in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _rows_phrase(rows: Sequence[int], limit: int = ROWS_PER_PROBLEM) -> str:
    """"Row 4" or "Rows 4, 9 and 12", naming at most ``limit`` rows and counting the rest.

    >>> _rows_phrase([4]), _rows_phrase([4, 9, 12])
    ('Row 4', 'Rows 4, 9 and 12')
    >>> _rows_phrase(list(range(2, 10)))
    'Rows 2, 3, 4, 5, 6 (and 3 more rows)'
    """
    if len(rows) == 1:
        return f"Row {rows[0]}"
    if len(rows) <= limit:
        return f"Rows {_and_list(rows)}"
    more = len(rows) - limit
    return f"Rows {', '.join(map(str, rows[:limit]))} (and {more} more row{'s' * (more > 1)})"


def _size(n_bytes: int) -> str:
    """A file size in the unit people know.

    >>> _size(100 * 1024 * 1024), _size(150_000_000), _size(2048), _size(10)
    ('100 MB', '143.1 MB', '2 KB', '10 bytes')
    """
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n_bytes >= size:
            return f"{n_bytes / size:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{n_bytes} bytes"


def _quote(value: object) -> str:
    """A cell value quoted for a message, shortened when long so one cell cannot flood it."""
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


class _Problems:
    """Collects problems; only the first MAX_PROBLEMS sentences are ever built, the rest
    counted, so a million bad rows stay cheap."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.hidden = 0

    def add(self, message: str) -> None:
        if len(self.messages) < MAX_PROBLEMS:
            self.messages.append(message)
        else:
            self.hidden += 1

    def add_each(self, count: int, messages: Iterable[str]) -> None:
        """Add ``count`` problems whose sentences come lazily from ``messages``."""
        room = max(MAX_PROBLEMS - len(self.messages), 0)
        for _, message in zip(range(min(room, count)), messages, strict=False):
            self.messages.append(message)
        self.hidden += max(count - room, 0)

    def raise_if_any(self) -> None:
        if self.messages:
            more = self.hidden
            tail = [f"…and {more} more problem{'s' * (more > 1)}."] if more else []
            raise UploadError(self.messages + tail)

