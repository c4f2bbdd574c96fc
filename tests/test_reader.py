"""The guide as a woonconsulent meets it in Chromium: tasks first, tables that read, Dutch 404, linkable FAQ, print.

Screenshots land in test-output/ (home, a table page and a checklist at 1280 and 375 px) for a reviewer to look at.
"""

from __future__ import annotations

import io
import os
import re

import pytest
from pypdf import PdfReader

from scripts.outputs import is_preview
from tests.conftest import PROJECT, PageParser, article_html, html_pages

pytestmark = pytest.mark.browser

OUTPUT = PROJECT / "test-output"
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
TABLET = {"viewport": {"width": 768, "height": 1024}}
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

TASK_LINKS_IN_VIEW = """() => [...document.querySelectorAll('.taken a')].filter(a => {
  const box = a.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
}).length"""

# Every word of every table cell, measured: a word that wraps inside itself has more than one line box.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("article table th, article table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s\\-\\u2010\\u2011]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

EMPTY_LABELS = """() => [...document.querySelectorAll("article table td")].filter(cell => {
  const label = getComputedStyle(cell, "::before").content;
  return label && label !== "none" && label.replace(/["'\\s:]/g, "") === "";
}).length"""

TABLE_PAGES = ["referentiegroep.html", "samenwerken.html", "housing-first-in-het-kort.html", "checklists/index.html",
               "vlaanderen.html", "toegankelijkheid.html"]


def shot(page, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("size, options", [("1280", DESKTOP), ("375", PHONE)])
def test_the_first_screen_of_the_home_page_offers_tasks(served_site, page_in, size, options):
    page = page_in(**options)
    page.goto(served_site + "index.html")
    assert page.evaluate(TASK_LINKS_IN_VIEW) >= 4
    shot(page, f"home-{size}")
    page.goto(served_site + "referentiegroep.html#de-corporaties")
    shot(page, f"tabel-{size}")
    page.goto(served_site + "checklists/woning-toewijzen.html")
    shot(page, f"checklist-{size}")


def test_the_task_check_catches_a_home_page_that_starts_with_text(served_site, page_in):
    """Planted fault: a long welcome above the tasks pushes them out of the first screen."""
    page = page_in(**PHONE)
    page.goto(served_site + "index.html")
    page.evaluate("""() => document.querySelector('.taken').insertAdjacentHTML('beforebegin',
        '<p>' + 'Welkom bij de handreiking. '.repeat(40) + '</p>')""")
    assert page.evaluate(TASK_LINKS_IN_VIEW) < 4


@pytest.mark.parametrize("options", [DESKTOP, TABLET, PHONE], ids=["1280", "768", "375"])
def test_no_word_in_a_table_is_broken_and_no_phone_card_has_an_empty_label(served_site, page_in, options):
    page = page_in(**options)
    found = []
    for address in TABLE_PAGES:
        page.goto(served_site + address)
        found += [f"{address}: '{word}'" for word in page.evaluate(BROKEN_WORDS)]
        if page.evaluate(EMPTY_LABELS):
            found.append(f"{address}: a table cell shows an empty label")
    assert not found, "\n".join(found)


def test_the_table_checks_catch_a_broken_word_and_an_empty_label(served_site, page_in):
    """Planted faults: a narrow column that breaks words anywhere, and a cell labelled with nothing."""
    page = page_in(**PHONE)
    page.goto(served_site + "referentiegroep.html")
    page.add_style_tag(content="article table td { overflow-wrap: anywhere !important; word-break: break-all !important; }")
    assert page.evaluate(BROKEN_WORDS)
    page.evaluate("""() => document.querySelector('article table td').setAttribute('data-label', '')""")
    page.add_style_tag(content='article table td[data-label=""]::before { content: attr(data-label) ": " !important; }')
    assert page.evaluate(EMPTY_LABELS) >= 1


def test_the_404_page_is_dutch_and_leads_onward(site, served_site, page_in):
    page = page_in(**DESKTOP)
    response = page.goto(served_site + "deze-pagina-bestaat-niet.html")
    assert response.status == 404 or "Deze pagina bestaat niet" in page.content()
    html = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html and "Not found" not in html
    parsed = PageParser()
    parsed.feed(article_html(site / "404.html"))
    assert {"index.html", "checklists/index.html", "veelgestelde-vragen.html", "begrippen.html"} <= {
        link.rsplit("/", 1)[-1] if "checklists" not in link else "checklists/index.html" for link in parsed.links}
    assert 'name="q"' in html, "the 404 page offers a search"


def test_every_faq_question_has_its_own_anchor_in_the_page_contents(site):
    html = (site / "veelgestelde-vragen.html").read_text(encoding="utf-8")
    questions = re.findall(r'<h3 id="([^"]+)">([^<]+\?)', article_html(site / "veelgestelde-vragen.html"))
    assert len(questions) >= 20
    toc = html[html.index('class="md-nav md-nav--secondary"'):]
    missing = [anchor for anchor, _ in questions if f'href="#{anchor}"' not in toc]
    assert not missing, f"questions not in the page contents: {missing}"


def test_every_printed_page_names_the_guide_its_address_and_its_version(site, served_site, page_in):
    page = page_in(**DESKTOP)
    for address in ("overlast.html", "checklists/woning-toewijzen.html"):
        page.goto(served_site + address)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        for number, printed in enumerate(pdf.pages, start=1):
            text = " ".join(printed.extract_text().split())
            assert "Handreiking Housing First voor woningcorporaties" in text, f"{address} page {number}"
            assert address in text, f"{address} page {number} does not print its address"
            if is_preview(os.environ.get("SITE_URL", "")):
                assert "127.0.0.1" not in text and "Proefversie" in text, f"{address} page {number}: preview paper"
            assert "Versie van" in text, f"{address} page {number}"
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / f"afdruk-{address.replace('/', '-').replace('.html', '')}.pdf").write_bytes(page.pdf(format="A4"))


def test_an_external_link_prints_its_address(served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "bronnen.html")
    page.emulate_media(media="print")
    external = page.evaluate("""() => getComputedStyle(document.querySelector('article a.extern'), '::after').content""")
    internal = page.evaluate("""() => getComputedStyle(document.querySelector('article a:not(.extern)'), '::after').content""")
    assert "http" in external
    assert internal in ("none", "normal", ""), "an internal link would print its address"


def test_the_print_check_catches_a_page_without_its_address(served_site, page_in):
    """Planted fault: the margin line that names the page is taken away."""
    page = page_in(**DESKTOP)
    page.goto(served_site + "overlast.html")
    page.evaluate("""() => document.querySelectorAll('style[media=print]').forEach(s => s.remove())""")
    text = " ".join(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text().split())
    assert "overlast.html" not in text


def test_long_pages_have_contents_at_the_top_on_a_phone(site, served_site, page_in):
    page = page_in(**PHONE)
    long_pages = [p for p in html_pages(site) if len(re.findall(r"<h2 id=", article_html(p))) >= 4
                  and "grid cards taken" not in article_html(p)]
    assert len(long_pages) >= 8
    for path in long_pages:
        page.goto(served_site + path.relative_to(site).as_posix())
        box = page.locator("details.paginainhoud")
        assert box.is_visible(), path.name
        assert box.bounding_box()["y"] < 400, f"{path.name}: the contents are not at the top"
