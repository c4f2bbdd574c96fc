"""The trainers' kit: a short page of linked addresses per chapter, lesson material, hand-outs and a CSV for Excel."""

from __future__ import annotations

import csv
import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from scripts.links import read_contract
from tests.conftest import PageParser, article_html, html_pages, run_build, serve

DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def test_every_content_chapter_has_lesson_material_and_every_case_cites_a_source(content, site):
    chapters = {lesson["hoofdstuk"] for lesson in content.lesmateriaal}
    assert {"kernprincipes.md", "overlast.md", "gemengd-wonen.md", "wat-vraagt-housing-first.md"} <= chapters
    assert len(chapters) >= 9
    for lesson in content.lesmateriaal:
        assert content.find("bronnen", lesson["casus"]["bron"])
        html = article_html(site / lesson["hoofdstuk"].replace(".md", ".html"))
        assert 'class="voor-trainers"' in html and "<details" in html, f"{lesson['id']}: no closed trainers' box"


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_every_handout_holds_every_learning_goal_and_question(site, content, kind):
    for lesson in content.lesmateriaal:
        data = (site / "downloads" / f"lesmateriaal-{lesson['id']}.{kind}").read_bytes()
        if kind == "pdf":
            reader = PdfReader(io.BytesIO(data))
            text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
            assert len(reader.pages) == 1, f"{lesson['id']}: the hand-out is more than one page"
        else:
            text = " ".join(" ".join(p.text for p in Document(io.BytesIO(data)).paragraphs).split())
        for line in lesson["leerdoelen"] + [q["vraag"] for q in lesson["vragen"]] + [lesson["casus"]["titel"], lesson["oefening"]["titel"]]:
            assert " ".join(line.split()) in text, f"{lesson['id']} ({kind}): {line}"
        assert f"{lesson['hoofdstuk'].replace('.md', '.html')}#" in text, "the hand-out lists the chapter's addresses"


def test_the_csv_holds_every_published_address_and_opens_as_utf8(site):
    data = (site / "downloads" / "adressen.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "without a byte order mark Excel guesses the wrong encoding"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["titel", "hoofdstuk", "adres"]
    listed = {row[2] for row in rows[1:]}
    # A preview lists paths (index.html); a release full addresses (https://.../index.html).
    base = "" if "index.html" in listed else min((a for a in listed if a.endswith("/index.html")),
                                                  key=len).removesuffix("index.html")
    missing = [a for a in read_contract() if base + a not in listed]
    assert not missing, f"addresses of the link contract missing from adressen.csv: {missing[:10]}"


def test_every_entry_on_the_trainers_page_links_to_an_existing_place(site):
    html = article_html(site / "voor-trainers.html")
    links = re.findall(r'<a class="adressenlijst__naam" href="([^"]+)"', html)
    assert len(links) > 200
    ids = {}
    for link in links:
        page, _, anchor = link.partition("#")
        assert (site / page).is_file(), link
        if anchor:
            if page not in ids:
                parsed = PageParser()
                parsed.feed((site / page).read_text(encoding="utf-8"))
                ids[page] = parsed.ids
            assert anchor in ids[page], link
    faq = re.findall(r'<h3 id="([^"]+)"', article_html(site / "veelgestelde-vragen.html"))
    assert all(f"veelgestelde-vragen.html#{anchor}" in links for anchor in faq), "a FAQ question is missing"


def test_a_build_without_site_url_warns(project_copy, tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline")
    assert result.returncode == 0, result.stderr
    assert "SITE_URL is niet gezet" in result.stderr


@pytest.mark.browser
def test_the_trainers_page_is_short_filters_opens_by_keyboard_and_copies_its_own_address(site, page_in):
    base, server = serve(site)  # another port than site_url: the addresses must follow the page
    try:
        page = page_in(permissions=["clipboard-read", "clipboard-write"], **DESKTOP)
        page.goto(base + "voor-trainers.html")
        groups = page.locator("details.adresgroep")
        assert groups.count() >= 10
        assert all(not open_ for open_ in groups.evaluate_all("gs => gs.map(g => g.open)"))
        assert page.evaluate("document.documentElement.scrollHeight") <= 3 * 800

        first = page.locator("details.adresgroep summary").first
        first.focus()
        page.keyboard.press("Enter")
        assert groups.first.evaluate("g => g.open")
        page.keyboard.press("Enter")
        assert not groups.first.evaluate("g => g.open")

        visible = "() => [...document.querySelectorAll('.adressenlijst__regel')].filter(r => !r.hidden).length"
        everything = page.evaluate(visible)
        page.locator("#adressen-zoek").fill("escalatieladder")
        narrowed = page.evaluate(visible)
        assert 0 < narrowed < everything / 10

        button = page.locator(".adressenlijst__kopieer:visible").first
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(base), f"copied {copied}, not an address of {base}"
        assert "escalatieladder" in copied
    finally:
        server.shutdown()


@pytest.mark.browser
def test_a_link_into_a_group_opens_it(site, served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "voor-trainers.html#adressen-overlast")
    heading = page.locator("#adressen-overlast")
    assert heading.locator("xpath=following-sibling::details[1]").evaluate("g => g.open")


@pytest.mark.browser
def test_without_javascript_the_trainers_page_is_a_plain_open_list(served_site, page_in):
    page = page_in(java_script_enabled=False, **DESKTOP)
    page.goto(served_site + "voor-trainers.html")
    assert all(page.locator("details.adresgroep").evaluate_all("gs => gs.map(g => g.open)"))
    assert page.locator(".adressen-filter").is_hidden()
    assert page.locator(".adressenlijst__naam").first.is_visible()
