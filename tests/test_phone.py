"""On a phone (375 px wide): no page scrolls sideways and every table fits and stays readable."""

from __future__ import annotations

import pytest

from tests.conftest import html_pages

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const tooWide = document.documentElement.scrollWidth > width;
  const shown = cell => !(cell.closest("thead") && cell.closest("thead").getBoundingClientRect().width <= 1);
  const cells = [...document.querySelectorAll("article table th, article table td")].filter(shown).map(cell => {
    const box = cell.getBoundingClientRect();
    return {text: cell.textContent.trim().slice(0, 40), right: box.right, width: box.width,
            font: parseFloat(getComputedStyle(cell).fontSize)};
  });
  return {width, tooWide, scrollWidth: document.documentElement.scrollWidth, cells};
}"""


def test_no_page_scrolls_sideways_and_tables_fit(site, served_site, page_in):
    page = page_in(**PHONE)
    problems = []
    for path in html_pages(site):
        address = path.relative_to(site).as_posix()
        page.goto(served_site + address)
        measured = page.evaluate(MEASURE)
        if measured["tooWide"]:
            problems.append(f"{address}: page is {measured['scrollWidth']} px wide on a {measured['width']} px screen")
        for cell in measured["cells"]:
            if cell["right"] > measured["width"] + 1:
                problems.append(f"{address}: table cell '{cell['text']}' runs off the screen")
            elif cell["text"] and cell["width"] < 60:
                problems.append(f"{address}: table cell '{cell['text']}' is squeezed to {cell['width']:.0f} px")
            if cell["font"] < 12:
                problems.append(f"{address}: table text '{cell['text']}' is {cell['font']} px")
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_page_that_is_too_wide(served_site, page_in):
    """Planted fault: a long unbreakable line makes the page scroll sideways."""
    page = page_in(**PHONE)
    page.goto(served_site + "index.html")
    page.evaluate("""() => document.querySelector("article").insertAdjacentHTML(
        "beforeend", '<p style="white-space:nowrap">' + "breed ".repeat(200) + '</p>')""")
    assert page.evaluate(MEASURE)["tooWide"]


def test_tapping_an_abbreviation_on_a_phone_shows_what_it_stands_for(served_site, page_in):
    """index.md and begrippen.md promise it: a title alone shows only under a mouse, never on a phone."""
    page = page_in(**PHONE)
    page.goto(served_site + "kernprincipes.html")
    page.evaluate("""() => [...document.querySelectorAll('article abbr[title]')]
                            .find(abbr => !abbr.closest('a')).id = 'getapt'""")
    abbr = page.locator("#getapt")
    meaning = abbr.get_attribute("title")
    assert not page.get_by_text(meaning, exact=True).is_visible()
    abbr.tap()
    shown = page.get_by_text(meaning, exact=True)
    shown.wait_for(state="visible", timeout=5000)
    box, screen = shown.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"], "the explanation runs off the screen"
    page.keyboard.press("Escape")
    shown.wait_for(state="hidden", timeout=5000)
