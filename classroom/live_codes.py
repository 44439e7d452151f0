"""Class codes: what a student types to join a live class (the guessing odds are computed in
``classroom.live_class``).

31 characters that do not look alike (A-Z and 2-9 without I, L, O, 0 and 1), 8 of them, shown
as two groups of four. A typed code may be in lower case, with spaces or dashes.
"""

from __future__ import annotations

import re
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_code() -> str:
    """A random code (``secrets``, not ``random``).

    >>> code = new_code()
    >>> len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    True
    """
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """A code as shown and typed: two groups of four.

    >>> format_code("ABCDEFGH")
    'ABCD-EFGH'
    """
    return f"{code[:4]}-{code[4:]}"


def normalise_code(typed: str) -> str | None:
    """The code a student typed, in upper case without spaces or dashes; None if not a code.

    >>> normalise_code(" abcd-efgh "), normalise_code("abcd efgh"), normalise_code("ABCD-EFG1")
    ('ABCDEFGH', 'ABCDEFGH', None)
    """
    code = re.sub(r"[\s\-]", "", str(typed)[:40]).upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code
