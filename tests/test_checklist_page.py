"""A checklist page in the browser: ticks are kept per checklist and item until reset; print shows only the list."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_ticks_survive_a_reload_and_stay_with_their_checklist(served_site, page_in):
    page = page_in()
    page.goto(served_site + "checklists/overlast-afspraken.html")
    boxes = page.locator("ul.checklist input[type=checkbox]")
    boxes.nth(2).check()
    page.reload()
    assert boxes.nth(2).is_checked() and not boxes.nth(0).is_checked()
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handreiking:'))")
    item = boxes.nth(2).get_attribute("data-punt")
    assert stored == [f"handreiking:checklist:overlast-afspraken:{item}"]

    page.goto(served_site + "checklists/woning-toewijzen.html")
    assert page.locator("ul.checklist input:checked").count() == 0

    page.goto(served_site + "checklists/overlast-afspraken.html")
    page.locator(".checklist-acties__wissen").click()
    page.reload()
    assert page.locator("ul.checklist input:checked").count() == 0
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handreiking:'))") == []


def test_without_javascript_the_list_reads_and_ticks(served_site, page_in):
    page = page_in(java_script_enabled=False)
    page.goto(served_site + "checklists/woning-toewijzen.html")
    first = page.locator("ul.checklist input[type=checkbox]").first
    first.check()
    assert first.is_checked()
    assert page.locator(".checklist-acties").is_hidden()
    assert page.locator("ul.checklist label").first.is_visible()


def test_printing_shows_the_list_without_navigation_or_buttons(served_site, page_in):
    page = page_in()
    page.goto(served_site + "checklists/woning-toewijzen.html")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".downloads", ".checklist-acties"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("ul.checklist").first.is_visible()
    assert page.locator("h1").is_visible()
