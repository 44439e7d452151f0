"""Text normalisation shared by the build and the quote checks.

A quote counts as verbatim when it matches its source after both have had runs of
whitespace folded to one space and curly quotes straightened. Nothing else is forgiven.
"""

from __future__ import annotations

import re

_CURLY = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'",
                        "“": '"', "”": '"', "„": '"', "‟": '"'})
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold whitespace runs to one space and straighten curly quotes.

    Examples
    --------
    >>> normalise("It’s  here,\\n  “really”.")
    'It\\'s here, "really".'
    """
    return _WHITESPACE.sub(" ", text.translate(_CURLY)).strip()


def quote_in_text(quote: str, text: str) -> bool:
    """Say whether ``quote`` appears verbatim in ``text`` (both normalised).

    Examples
    --------
    >>> quote_in_text("spreads  to the liver", "It spreads to the\\nliver.")
    True
    >>> quote_in_text("spreads to the lungs", "It spreads to the liver.")
    False
    """
    return normalise(quote) in normalise(text)


CELL_SEPARATOR = " — "
"""How a quoted table row is written: its cells joined by an em dash, e.g. ``Prostate — Bones``.

The source texts hold tables flattened to text, with the cells run together
("ProstateBones, lungs, liver"); shown like that they read as garbled words. A table-row quote
keeps the cells apart, and is checked cell by cell (:func:`table_row_in_text`)."""


def table_row_quote(cells: list[str]) -> str:
    """A table row as it is published: its cells, normalised, joined by :data:`CELL_SEPARATOR`.

    Examples
    --------
    >>> table_row_quote(["Prostate", "Bones,  lungs, liver"])
    'Prostate — Bones, lungs, liver'
    """
    return CELL_SEPARATOR.join(normalise(cell) for cell in cells)


def row_cells(quote: str) -> list[str]:
    """The cells of a table-row quote (the inverse of :func:`table_row_quote`).

    Examples
    --------
    >>> row_cells("Prostate — Bones, lungs, liver")
    ['Prostate', 'Bones, lungs, liver']
    """
    return quote.split(CELL_SEPARATOR)


def table_row_in_text(cells: list[str], text: str) -> bool:
    """Say whether ``cells`` stand next to each other, in order, in ``text`` (a flattened table).

    Each cell must appear verbatim (after :func:`normalise`), and nothing but whitespace may
    stand between one cell and the next.

    Examples
    --------
    >>> table_row_in_text(["Prostate", "Bones, lungs, liver"], "ProstateBones, lungs, liver")
    True
    >>> table_row_in_text(["Melanoma", "Lungs"], "Melanoma\\n\\n  Lungs, skin")
    True
    >>> table_row_in_text(["Prostate", "Liver"], "ProstateBones, lungs, liver")
    False
    """
    if not cells or not all(normalise(cell) for cell in cells):
        return False
    pattern = r"\s?".join(re.escape(normalise(cell)) for cell in cells)
    return re.search(pattern, normalise(text)) is not None


def quoted_in_text(quote: str, text: str, form: str = "sentence") -> bool:
    """Say whether a published quote is the source's own words: a sentence verbatim, a table
    row (``form == "table_row"``) cell by cell.

    Examples
    --------
    >>> quoted_in_text("Prostate — Bones", "ProstateBones, lungs", "table_row")
    True
    >>> quoted_in_text("Prostate — Bones", "ProstateBones, lungs")
    False
    """
    if form == "table_row":
        return table_row_in_text(row_cells(quote), text)
    return quote_in_text(quote, text)
