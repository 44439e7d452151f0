"""A whole live-class round in real browsers: a teacher's projector at 1280x720 and three
phones at 390x844, predict then reveal."""

from __future__ import annotations

import re

import pytest

from tools.app_server import block_offsite, wait_until_finished

pytestmark = pytest.mark.browser
PROJECTOR, PHONE = {"width": 1280, "height": 720}, {"width": 390, "height": 844}
WAIT = 30_000


def _open(browser, url: str, viewport: dict, errors: list):
    context = browser.new_context(viewport=viewport)
    block_offsite(context)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    wait_until_finished(page)
    return context, page


def _text(page, words: str) -> None:
    page.get_by_text(words, exact=False).first.wait_for(timeout=WAIT)


def _metric(page, label: str) -> str:
    box = page.locator("[data-testid=stMetric]").filter(has_text=label).first
    return box.locator("[data-testid=stMetricValue]").inner_text()


def test_a_teacher_and_three_phones_play_a_round(e2e_browser, e2e_base_url):
    """The teacher starts, three phones join by the code (one with a nickname), answer with
    big buttons, the projector counts them and draws the spread, locks, reveals the answer
    with the NCI quote and the share right; each phone then says right or wrong."""
    errors: list[str] = []
    contexts = []
    teacher_context, teacher = _open(e2e_browser, f"{e2e_base_url}/live_class", PROJECTOR,
                                     errors)
    contexts.append(teacher_context)
    try:
        teacher.get_by_role("button", name="Start a class").click()
        teacher.wait_for_url(re.compile(r".*live=.*host=.*"), timeout=WAIT)
        code = re.search(r"live=([A-Za-z0-9-]+)", teacher.url).group(1)
        shown = teacher.locator(".live-code").inner_text().strip()
        assert shown.replace("-", "") == code and len(shown) == 9  # "ABCD-EFGH"
        phones = []
        for index, name in enumerate(["Ana", "", "<b>Bo</b>"]):
            context, phone = _open(e2e_browser, f"{e2e_base_url}/join_class?live={code}",
                                   PHONE, errors)
            contexts.append(context)
            phone.get_by_label("Nickname (optional)").fill(name)
            phone.get_by_role("button", name="Join").click()
            _text(phone, "You are in")
            assert "seat=" in phone.url, index
            phones.append(phone)
        teacher.wait_for_function("() => document.body.innerText.includes('Joined')")
        teacher.get_by_role("button", name="Ask this question").click()
        _text(teacher, "Answers are open")
        question = teacher.locator("h3").filter(has_text="spread").first.inner_text()
        for phone, choice in zip(phones, ["Lung", "Lung", "Adrenal gland"], strict=True):
            _text(phone, question.strip())
            phone.locator("[data-testid=stVegaLiteChart]").first.wait_for(timeout=WAIT)
            phone.get_by_role("button", name=choice, exact=True).click()
            _text(phone, f"Your answer: {choice}")
        teacher.wait_for_function("""() => [...document.querySelectorAll(
            '[data-testid=stMetric]')].some(m => m.innerText.includes('Answered')
            && m.innerText.includes('3'))""", timeout=WAIT)
        assert _metric(teacher, "Joined") == "3"
        teacher.locator("[data-testid=stVegaLiteChart] canvas, "
                        "[data-testid=stVegaLiteChart] svg.marks").first.wait_for(timeout=WAIT)
        teacher.get_by_role("button", name="Lock answers").click()
        _text(teacher, "Answers are locked")
        teacher.get_by_role("button", name="Reveal the answer").click()
        _text(teacher, "The answer: Lung")
        _text(teacher, "2 of 3 answers (67%) were right.")
        _text(teacher, "National Cancer Institute")
        for phone, verdict in zip(phones, ["Right: Lung", "Right: Lung",
                                           "the answer is Lung"], strict=True):
            _text(phone, verdict)
            _text(phone, "Breast — Lungs, liver, bones")
        assert "<b>Bo</b>" not in teacher.content()
        assert not teacher.locator("[data-testid=stException]").count()
        assert not any(p.locator("[data-testid=stException]").count() for p in phones)
        assert not errors, errors
    finally:
        for context in contexts:
            context.close()
