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
