"""View state that lives in the URL, so a copied link reopens exactly the same view.

Every link value is declared once in ``ui/links.py`` (key, kind, range, default); these
functions take the key and read the rest from there. Each keyed widget takes its first value
from the query string; values that are unknown or
malformed are dropped and listed in a visible notice, never raised. After the widgets run,
the query string is rewritten from the widgets, leaving out values equal to the default so
that links stay short.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import streamlit as st

from ui.links import LINKS, LinkParam

_NOTICES = "_url_notices"
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
MAX_SHOWN = 40


def escape_markdown(text: str) -> str:
    """Escape text for Markdown so it shows as written and is never read as markup or HTML.

    Examples
    --------
    >>> print(escape_markdown("<b>*hi*</b>"))
    \\<b\\>\\*hi\\*\\</b\\>
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def plain(text: str) -> str:
    """Shorten text from a URL to ``MAX_SHOWN`` characters and escape it for Markdown."""
    return escape_markdown(text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…")


def _note(key: str, values: Sequence[str]) -> None:
    """Remember values of ``key`` that the link held but the page cannot use."""
    st.session_state.setdefault(_NOTICES, []).extend(
        f"{key} = {plain(v) or '(empty)'}" for v in values)


def _declared(key: str, kind: str) -> LinkParam:
    """The declaration of link value ``key``, which must be of ``kind``."""
    param = LINKS.get(key)
    if param is None or param.kind != kind:
        raise KeyError(f"link value {key!r} is not declared as {kind!r} in ui/links.py")
    return param


def init_multi(key: str, options: Mapping[str, str]) -> None:
    """Seed a multiselect's state from the URL (``?key=a&key=b``), once per session."""
    default = _declared(key, "multi").default
    if key in st.session_state:
        return
    given = st.query_params.get_all(key)
    valid = list(dict.fromkeys(v for v in given if v in options))
    _note(key, [v for v in given if v not in options])
    st.session_state[key] = valid if valid else list(default)


def init_single(key: str, options: Mapping[str, str] | Sequence[str]) -> None:
    """Seed a single-choice widget (selectbox, radio) from the URL, once per session."""
    default = _declared(key, "single").default
    if key in st.session_state:
        return
    given = st.query_params.get_all(key)
    valid = [v for v in given if v in options]
    _note(key, [v for v in given if v not in options] + valid[1:])
    st.session_state[key] = valid[0] if valid else default


def init_int(key: str) -> None:
    """Seed a whole-number widget from the URL, keeping it within its declared range."""
    param = _declared(key, "int")
    low, high, default = param.low, param.high, param.default
    if key in st.session_state:
        return
    given = st.query_params.get_all(key)
    value = default
    if given:
        text = given[0].strip()
        # str.isdigit() accepts "²" and "①", which int() rejects: match plain ASCII digits.
        if _WHOLE_NUMBER.fullmatch(text) and low <= int(text) <= high:
            value = int(text)
        else:
            _note(key, [given[0]])
    st.session_state[key] = value


def init_text(key: str, seed: bool = True) -> None:
    """A text value from the URL (kind ``"text"``): a value that does not match its declared
    pattern, or a repeat of the key, is left out and named in the link notice. With ``seed``
    the first valid value (or the default) seeds ``st.session_state[key]`` once per session
    (a live class's code and tokens); without, the page reads the link itself (the quiz's
    answers)."""
    param = _declared(key, "text")
    if seed and key in st.session_state:
        return
    given = st.query_params.get_all(key)
    valid = [v for v in given if re.fullmatch(param.pattern, v)]
    _note(key, [v for v in given if v not in valid] + valid[1:])
    if seed:
        st.session_state[key] = valid[0] if valid else param.default


def sync(key: str) -> None:
    """Write a widget's value back to the URL (removed when it equals the default)."""
    default = LINKS[key].default
    value = st.session_state.get(key, default)
    if value == default or (isinstance(value, list) and list(value) == list(default)):
        st.query_params.pop(key, None)
    elif isinstance(value, list):
        st.query_params[key] = [str(v) for v in value]
    else:
        st.query_params[key] = str(value)


def show_notices() -> None:
    """Tell the person, once, which parts of their link were not understood."""
    notices = st.session_state.pop(_NOTICES, [])
    if notices:
        st.warning("Some settings in this link were not understood and were left out: "
                   + "; ".join(notices) + ". The rest of the view is as the link describes.",
                   icon=":material/link_off:")
