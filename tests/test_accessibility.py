"""WCAG 2.1 AA as readers meet it: axe-core on every page in both colour schemes, and keyboard-only use."""

from __future__ import annotations

import pytest

from tests.conftest import PROJECT, checklist_ids, html_pages

pytestmark = pytest.mark.browser

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} -> ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""


def axe_violations(page) -> list[str]:
    # Through DevTools rather than a <script> tag: the guide's Content Security Policy rightly blocks an inline script.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_on_any_page(site, served_site, page_in, scheme):
    page = page_in(color_scheme=scheme)
    found = []
    for path in html_pages(site):
        address = path.relative_to(site).as_posix()
        page.goto(served_site + address)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        found += [f"{address}: {violation}" for violation in axe_violations(page)]
    assert not found, "\n".join(found)


def test_axe_catches_a_checkbox_without_label(served_site, page_in):
    """Planted fault: the same check reports an unlabeled checkbox."""
    page = page_in()
    page.goto(served_site + "checklists/woning-toewijzen.html")
    page.evaluate("""() => document.querySelector("ul.checklist").insertAdjacentHTML(
        "beforeend", '<li><input type="checkbox" id="zonder-label"></li>')""")
    assert any(v.startswith("label ") for v in axe_violations(page))


def test_single_key_shortcuts_are_switched_off(served_site, page_in):
    """WCAG 2.1.4: typing 'f', 's' or '/' outside a field must not jump into the search."""
    page = page_in()
    page.goto(served_site + "overlast.html")
    page.locator("h1").click()
    for key in ("f", "s", "/"):
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')") is False
    assert page.locator("input.md-search__input").input_value() == ""


def _tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _focus_is_visible(page) -> bool:
    return page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    }""")


def test_search_works_with_the_keyboard_alone(served_site, page_in):
    page = page_in()
    page.goto(served_site + "index.html")
    _tab_to(page, "input.md-search__input")
    assert _focus_is_visible(page)
    page.keyboard.type("escalatieladder", delay=20)
    page.wait_for_selector("li.md-search-result__item")
    page.wait_for_timeout(400)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/overlast.html*")


@pytest.mark.parametrize("checklist", checklist_ids())
def test_checklist_works_with_tab_space_and_enter(served_site, page_in, checklist):
    page = page_in()
    page.goto(served_site + f"checklists/{checklist}.html")
    boxes = page.locator("ul.checklist input[type=checkbox]")
    _tab_to(page, "ul.checklist input[type=checkbox]")
    assert _focus_is_visible(page)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
    assert "2 van " in page.locator(".checklist-acties__status").inner_text()

    _tab_to(page, ".checklist-acties__wissen")
    assert _focus_is_visible(page)
    page.keyboard.press("Enter")
    assert not boxes.nth(0).is_checked() and not boxes.nth(1).is_checked()
    assert "gewist" in page.locator(".checklist-acties__status").inner_text()
