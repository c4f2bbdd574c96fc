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


def test_header_fields_are_shown_kept_on_this_device_only_and_wiped_with_the_ticks(served_site, page_in):
    """Tenant or address, date, who was present: labelled fields, kept in this browser, sent nowhere."""
    page = page_in()
    requests = []
    page.on("request", lambda request: requests.append(request.url + " " + (request.post_data or "")))
    page.goto(served_site + "checklists/gesprek-voor-het-tekenen.html")
    header = page.locator("fieldset.checklist-kop")
    assert header.is_visible()
    fields = {name: page.get_by_label(label, exact=True) for name, label in
              (("onderwerp", "Kandidaat of adres"), ("datum", "Datum"), ("aanwezig", "Aanwezig"))}
    assert all(field.is_visible() and field.is_editable() for field in fields.values())
    assert "dit apparaat" in header.inner_text(), "the page says where the fields stay"

    fields["onderwerp"].fill("Kastanjelaan 12")
    fields["datum"].fill("2026-12-04")
    fields["aanwezig"].fill("Anna (woonconsulent), Bram (begeleider)")
    page.locator("ul.checklist input[type=checkbox]").first.check()
    page.reload()
    assert fields["onderwerp"].input_value() == "Kastanjelaan 12"
    assert fields["datum"].input_value() == "2026-12-04"
    assert fields["aanwezig"].input_value() == "Anna (woonconsulent), Bram (begeleider)"
    assert not [r for r in requests if "Kastanjelaan" in r or "Bram" in r], "typed data left the browser"

    page.goto(served_site + "checklists/kennismaking-eerste-weken.html")
    assert page.get_by_label("Huurder of adres", exact=True).input_value() == "", "kept per checklist"

    page.goto(served_site + "checklists/gesprek-voor-het-tekenen.html")
    page.locator(".checklist-acties__wissen").click()
    page.reload()
    assert all(field.input_value() == "" for field in fields.values())
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handreiking:'))") == []


@pytest.mark.parametrize("width", [1280, 375])
def test_header_fields_fit_the_screen(served_site, page_in, width):
    page = page_in(viewport={"width": width, "height": 800})
    page.goto(served_site + "checklists/woning-toewijzen.html")
    header = page.locator("fieldset.checklist-kop")
    box = header.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    for field in header.locator("input").all():
        field_box = field.bounding_box()
        assert field_box["width"] >= 150, "room to type a name or an address"
        assert field_box["x"] + field_box["width"] <= box["x"] + box["width"]
