"""What the pages say in their own words holds up against the sources (issue 19): no sentence
the app writes calls real spread "not spread", says no source names what one does, gives a
group size no source gives, or drops a caveat from its number."""

from __future__ import annotations

from tests.apptest_helpers import open_page


def _words(at) -> str:
    """Every line of text the page shows, escapes removed."""
    kinds = ("markdown", "caption", "info", "warning", "subheader")
    return " ".join(str(e.value).replace("\\", "") for k in kinds for e in getattr(at, k))


def test_network_and_body_map_call_bone_sarcomas_reaching_bone_spread():
    """The note on the pairs left out of the drawing never says they are not spread."""
    for page in ("pages/network.py", "pages/body_map.py"):
        text = _words(open_page(page))
        assert "Osteosarcoma → Bone" in text, page
        assert "not spread" not in text and "a bone cancer spreading to other bones" in text


def test_site_profile_shows_the_treatments_named_for_the_brain_and_spinal_cord(tables):
    """The unattributed article names surgery and radiation when cancer reaches the brain and
    spinal cord: the central nervous system's profile shows them, labelled low confidence."""
    at = open_page("pages/site_profiles.py", profile="central_nervous_system")
    text = _words(at)
    assert "names a treatment for cancer that has spread here" not in text
    assert "Treatment: surgery" in text and "Treatment: radiation therapy" in text
    assert "Unattributed web article (confidence: low)" in text


def test_survival_page_counts_the_survival_figures_and_gives_no_group_size(tables):
    """Two of the other figures are about survival (the figures table says so), and the page
    says the source gives no group size instead of calling the group small or large."""
    figures = tables["figures"]
    about_survival = figures[figures["measure"].str.contains("surviv")]
    assert len(about_survival) == 2
    text = _words(open_page("pages/survival.py"))
    assert "Two of them are about survival" in text
    assert "small group" not in text and "large group" not in text
    assert "does not say how many people the study had" in text


def test_overview_and_lesson_keep_the_lymph_node_caveat_and_the_survival_caveat():
    """The Overview quotes the NCI table's 'excluding lymph nodes' and says so in its count;
    the lesson's survival step says what the rates cannot tell; its symptom step lists the
    general signs of spread and marks what only the low-confidence source says."""
    overview = open_page("pages/overview.py")
    assert "excluding lymph nodes" in _words(overview)
    assert "leaving out lymph nodes" in overview.metric[0].help
    assert "no years, place or group size" in _words(open_page("pages/lesson.py", step="7"))
    step = open_page("pages/lesson.py", step="6")
    table = step.table[0].value.to_string()
    assert "Anywhere (general signs of spread)" in table
    assert "coughing" not in table and "confusion" not in table  # named by the low source only
    assert "named only by the Unattributed web article (confidence: low)" in _words(step)
    assert "General symptoms of metastasis" in _words(step)
