"""AppTest for view state in the URL: a shared link reopens the same view; a bad link is
explained on the page, never a crash; changing a widget rewrites the link.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import chart, layer_data, ok, open_page
from tests.test_pages import SPREAD
from tests.test_pages_network import NETWORK
from ui.links import PARAMS

NOTICE = "Some settings in this link were not understood"


def notices(at: AppTest) -> list[str]:
    """The link notices on the page, as Markdown source."""
    return [w.value for w in at.warning if w.value.startswith(NOTICE)]


def as_shown(markdown: str) -> str:
    """Roughly what a reader sees of escaped Markdown: the escaping backslashes removed."""
    return markdown.replace("\\", "")


# ----------------------------------------------------------------------------- restoring

def test_link_restores_the_chosen_cancers():
    """As a teacher, a link with two cancers reopens the heatmap with exactly those two."""
    at = open_page(SPREAD, cancer=["breast", "lung"])
    assert at.multiselect(key="cancer").value == ["breast", "lung"]
    spec, data = chart(at)
    assert set(layer_data(spec, data)["primary"]) == {"breast", "lung"}
    assert not notices(at)


def test_link_restores_the_network_view():
    """As a teacher, a link with a layout, a seed and a lit node reopens that network view."""
    at = open_page(NETWORK, layout="circular", seed="42", focus_node="site:liver")
    assert at.radio(key="layout").value == "circular"
    assert at.number_input(key="seed").value == 42
    assert at.selectbox(key="focus_node").value == "site:liver"
    spec, data = chart(at)
    nodes = layer_data(spec, data, "point")
    assert nodes.loc[nodes["node"] == "site:liver", "state"].tolist() == ["focus"]
    assert nodes["x"].nunique() > 2
    assert not notices(at)


def test_link_restores_the_focused_cancer_on_the_spread_page():
    """As a teacher, a link with a chosen cancer reopens its quotes."""
    at = open_page(SPREAD, focus="breast")
    assert at.selectbox(key="focus").value == "breast"
    assert any("Breast — Lungs, liver, bones" in m.value for m in at.markdown)


# ----------------------------------------------------------------------------- bad links

BAD_VALUES = [
    (SPREAD, "multiselect", "cancer", "not_a_cancer", []),
    (SPREAD, "selectbox", "focus", "not_a_cancer", ""),
    (NETWORK, "radio", "layout", "zigzag", "two_columns"),
    (NETWORK, "number_input", "seed", "abc", 7),
    (NETWORK, "number_input", "seed", "99999", 7),
    (NETWORK, "number_input", "seed", "-1", 7),
]


@pytest.mark.parametrize(("page", "widget", "key", "value", "default"), BAD_VALUES,
                         ids=[f"{key}={value}" for _, _, key, value, _ in BAD_VALUES])
def test_unknown_link_value_is_named_and_the_default_used(page, widget, key, value, default):
    """As a visitor with a mangled link, I am told what was left out and still see the chart."""
    at = open_page(page, **{key: value})
    shown = [as_shown(n) for n in notices(at)]
    assert len(shown) == 1
    assert f"{key} = {value}" in shown[0]
    assert getattr(at, widget)(key=key).value == default
    assert len(at.get("vega_lite_chart")) >= 1


def test_unknown_values_are_dropped_and_known_ones_kept():
    """As a visitor, a link with one good and one bad cancer keeps the good one."""
    at = open_page(SPREAD, cancer=["nowhere", "lung"])
    assert at.multiselect(key="cancer").value == ["lung"]
    assert "cancer = nowhere" in as_shown(notices(at)[0])


def test_notice_is_shown_once():
    """As a visitor, the notice about my link goes away once I change something."""
    at = open_page(NETWORK, layout="zigzag")
    assert notices(at)
    ok(at.radio(key="layout").set_value("circular").run())
    assert not notices(at)


def test_unknown_focus_node_is_named_on_first_load():
    """As a visitor, a link lighting up a node that does not exist says so straight away."""
    at = open_page(NETWORK, focus_node="site:nowhere")
    assert at.selectbox(key="focus_node").value == ""
    assert any("focus_node = site:nowhere" in as_shown(n) for n in notices(at))


@pytest.mark.parametrize("value", ["²", "①", "--5", "1e3", "99999999999999999999"])
def test_digit_like_seed_gets_a_notice_not_a_crash(value):
    """As a visitor, a seed like '²' in my link is named in the notice, not a crash."""
    at = open_page(NETWORK, seed=value)
    assert at.number_input(key="seed").value == 7
    assert notices(at)


def test_script_in_a_link_is_shown_as_text():
    """As a visitor, HTML or script in a link is shown escaped, never run or rendered."""
    at = open_page(SPREAD, cancer="<script>alert(1)</script>")
    [notice] = notices(at)
    assert "<script>" not in notice
    assert "\\<script\\>" in notice
    assert "<script>alert(1)</script>" in as_shown(notice)
    assert len(at.get("vega_lite_chart")) >= 1


def test_markdown_in_a_link_is_shown_as_text():
    """As a visitor, Markdown such as a link or bold text in a URL value stays plain text."""
    at = open_page(NETWORK, layout="**[click](http://x)**")
    [notice] = notices(at)
    assert "**[click](" not in notice
    assert "layout = **[click](http://x)**" in as_shown(notice)


LONG_VALUES = {"digits": "9" * 5000, "markup": "<b>lung</b>" * 500}


@pytest.mark.parametrize("name", LONG_VALUES)
@pytest.mark.parametrize(("page", "key"), [(page, param.key) for param in PARAMS
                                           for page in param.pages],
                         ids=[f"{page[6:-3]}-{param.key}" for param in PARAMS
                              for page in param.pages])
def test_a_very_long_link_value_gets_a_notice_not_a_crash(page, key, name):
    """As a visitor with a mangled link (thousands of characters in one value), every page
    that reads that value opens, says the value was left out, and shows it shortened."""
    at = open_page(page, **{key: LONG_VALUES[name]})
    named = [w.value for w in at.warning if key in w.value]
    assert named, f"no notice names {key}"
    assert all(len(text) < 1000 for text in named), "the long value is shown whole"


# ----------------------------------------------------------------------------- writing back

def test_choosing_cancers_writes_them_to_the_link():
    """As a teacher, after I choose cancers the page's link holds them, to share."""
    at = open_page(SPREAD)
    ok(at.multiselect(key="cancer").select("breast").select("lung").run())
    assert at.query_params["cancer"] == ["breast", "lung"]
    ok(at.multiselect(key="cancer").set_value([]).run())
    assert "cancer" not in at.query_params


def test_choosing_a_focus_cancer_writes_it_to_the_link():
    """As a teacher, after I pick a cancer's quotes the link reopens them."""
    at = open_page(SPREAD)
    ok(at.selectbox(key="focus").set_value("breast").run())
    assert at.query_params["focus"] == "breast"


def test_network_choices_write_to_the_link_and_defaults_leave_it():
    """As a teacher, layout, seed and lit node go into the link; defaults keep it short."""
    at = open_page(NETWORK)
    assert not {"layout", "seed", "focus_node"} & set(at.query_params)
    ok(at.radio(key="layout").set_value("spring").run())
    ok(at.number_input(key="seed").set_value(42).run())
    ok(at.selectbox(key="focus_node").set_value("site:liver").run())
    assert (at.query_params["layout"], at.query_params["seed"],
            at.query_params["focus_node"]) == ("spring", "42", "site:liver")
    ok(at.radio(key="layout").set_value("two_columns").run())
    assert "layout" not in at.query_params


def test_a_written_link_reopens_the_same_view():
    """As a teacher, the link the page wrote opens the same view for a student."""
    at = open_page(NETWORK)
    ok(at.radio(key="layout").set_value("circular").run())
    ok(at.selectbox(key="focus_node").set_value("cancer:lung").run())
    link = dict(at.query_params)
    student = open_page(NETWORK, **link)
    assert student.radio(key="layout").value == "circular"
    assert student.selectbox(key="focus_node").value == "cancer:lung"
    assert not notices(student)


# ----------------------------------------------------------------------------- any text

@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(cancer=st.text(max_size=60), layout=st.text(max_size=60), seed=st.text(max_size=12),
       focus_node=st.text(max_size=60))
def test_any_text_in_a_link_never_crashes_a_page(cancer, layout, seed, focus_node):
    """As a visitor, whatever text my link holds, the spread and network pages still open."""
    at = open_page(SPREAD, cancer=cancer, layout=layout, seed=seed, focus_node=focus_node)
    assert at.title
    ok(at.switch_page(NETWORK).run())
    assert at.title and len(at.get("vega_lite_chart")) == 1
