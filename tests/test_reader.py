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
from tests.test_search import top_pages

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
    page.goto(served_site + "kernprincipes.html")
    shot(page, f"hoofdstuk-{size}")
    page.goto(served_site + "voor-trainers.html")
    page.screenshot(path=str(OUTPUT / f"trainers-{size}.png"), full_page=True)
    page.goto(served_site + "index.html")
    if size == "375":  # on a phone the search box opens from the magnifier in the header
        page.locator('label.md-header__button[for="__search"]').click()
    assert top_pages(page, "huurachterstand"), "search shows results"
    shot(page, f"zoeken-{size}")


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
    # Every source on the page shows its address as its text already, so none is marked; add a link as postbuild marks one.
    page.evaluate("""() => document.querySelector('article p').insertAdjacentHTML('beforeend',
        ' <a class="extern" href="https://www.voorbeeld.nl/pagina">een bron</a>')""")
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


# Characters on each full line (not a paragraph's last) of the article's paragraphs and list items.
LINE_LENGTHS = """() => {
  const counts = [];
  for (const block of document.querySelectorAll("article.md-content__inner > p, article.md-content__inner > ul > li")) {
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find(r => r.width > 0);
        if (!rect) continue;
        const middle = rect.top + rect.height / 2;
        let key = [...lines.keys()].find(k => Math.abs(k - middle) < rect.height / 2);
        if (key === undefined) { key = middle; lines.set(key, 0); }
        lines.set(key, lines.get(key) + 1);
      }
    }
    counts.push(...[...lines.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]).slice(0, -1));
  }
  return counts.sort((a, b) => a - b);
}"""


def test_a_long_chapter_reads_at_about_seventy_characters_a_line_on_desktop(served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "kernprincipes.html")
    counts = page.evaluate(LINE_LENGTHS)
    assert len(counts) > 50
    median = counts[len(counts) // 2]
    assert median <= 75, f"{median} characters a line at 1280 px"
    assert float(page.evaluate("() => getComputedStyle(document.querySelector('article > p:not([class])')).fontSize")[:-2]) >= 18
    phone = page_in(**PHONE)
    phone.goto(served_site + "kernprincipes.html")
    assert phone.evaluate("() => getComputedStyle(document.querySelector('article > p:not([class])')).fontSize") == "16px"
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_the_permalink_sign_shows_only_on_hover_or_focus(served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "overlast.html#escalatieladder")
    page.mouse.move(5, 790)
    sign = page.locator("#escalatieladder > a.headerlink")
    page.wait_for_timeout(300)
    assert sign.evaluate("a => getComputedStyle(a).opacity") == "0", "the sign shows on the heading a link led to"
    page.locator("#escalatieladder").hover()
    page.wait_for_timeout(300)
    assert sign.evaluate("a => getComputedStyle(a).opacity") == "1"
    page.mouse.move(5, 790)
    sign.focus()
    page.wait_for_timeout(300)
    assert sign.evaluate("a => getComputedStyle(a).opacity") == "1"


def test_clicking_anywhere_on_a_home_card_opens_its_page(site, served_site, page_in):
    for options in (DESKTOP, PHONE):
        page = page_in(**options)
        page.goto(served_site + "index.html")
        cards = page.locator(".taken > ul > li")
        assert cards.count() >= 8
        for index in range(cards.count()):
            card = cards.nth(index)
            links = card.locator("a")
            assert links.count() == 1, "one link per card"
            assert links.first.inner_text().strip().startswith("Ik "), "the link is named by the card's title"
        card = cards.nth(1)
        target = card.locator("a").evaluate("a => a.href.split('#')[0]")
        box = card.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 6)  # a corner, away from the title
        page.wait_for_url(lambda url: url.split("#")[0] == target)
    home = article_html(site / "index.html")
    assert 'id="waar-vind-je-wat"' in home and 'id="snel-naar-een-checklist"' in home, "published anchors stay"
    assert "Snel naar een checklist</h2>" not in home and "Waar vind je wat</h2>" not in home


def test_a_printed_chapter_leaves_out_the_trainers_lesson(served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "kernprincipes.html")
    summary = page.locator("details.voor-trainers > summary").inner_text().strip()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Kernprincipes" in text or "kernprincipes" in text
    assert summary not in text, "the trainers' lesson prints"


def test_a_page_opened_from_the_route_shows_the_step_with_previous_and_next(served_site, page_in):
    page = page_in(**PHONE)
    page.goto(served_site + "eerste-huurder.html")
    steps = page.locator("h2[id]").filter(has_text=re.compile(r"^\d+\. "))
    total = steps.count()
    page.locator("a", has_text="Lees meer over deze stap").nth(2).click()
    page.wait_for_url("**/*stap=*")
    bar = page.locator("nav.routebalk:visible")
    assert bar.count() == 1
    assert f"stap 3 van {total}" in bar.inner_text()
    box = bar.bounding_box()
    assert 0 <= box["y"] < 740, "the bar is in view where the link led"
    bar.locator("a.routebalk__volgende").click()
    page.wait_for_function("() => location.search.includes('stap=') && "
                           "document.querySelector('nav.routebalk:not([hidden])')?.textContent.includes('stap 4 van')")
    page.locator("nav.routebalk:visible a.routebalk__vorige").click()
    page.wait_for_function("() => document.querySelector('nav.routebalk:not([hidden])')?.textContent"
                           ".includes('stap 3 van')")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "route-375.png"))
    # The same page opened from the menu shows no route bar.
    page.goto(page.url.split("?")[0])
    assert page.locator("nav.routebalk:visible").count() == 0
