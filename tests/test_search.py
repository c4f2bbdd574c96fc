"""Search as staff use it: Dutch words typed key by key into the search box, the right page in the top three."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from scripts.pages.search_index import FIELD, SYNONYMS, add_folded_words, add_synonym_table, fold, folded_words
from tests.conftest import article_text, run_build, serve

pytestmark = pytest.mark.browser

# (what a staff member types, the page that must be among the first three results)
QUERIES = [
    ("overlast", "overlast.html"),
    ("escalatieladder", "overlast.html"),
    ("buren informeren", "overlast.html"),
    ("huurachterstand", "checklists/huurachterstand-voorkomen.html"),
    ("driepartijenovereenkomst", "wat-vraagt-housing-first.html"),
    ("tijdelijk huurcontract", "huurvormen-en-recht.html"),  # "Tijdelijke huur na 1 juli 2024"
    ("WonenBreburg", "referentiegroep.html"),
    ("Wonen Limburg", "referentiegroep.html"),
    ("Heemwonen", "referentiegroep.html"),
    ("harm reduction", "kernprincipes.html"),
    ("keuze en regie", "kernprincipes.html"),
    ("woonladder", "housing-first-in-het-kort.html"),
    ("Pathways to Housing", "housing-first-in-het-kort.html"),
    ("gemengd wonen", "gemengd-wonen.html"),
    ("Woonin", "gemengd-wonen.html"),
    ("wooncoach", "vlaanderen.html"),
    ("prestatieafspraken", "samenwerken.html"),
    ("spoedzoekers", "doelgroep.html"),
    ("verstoorde zelfregulering", "doelgroep.html"),
    ("sleuteloverdracht", "checklists/kennismaking-eerste-weken.html"),
    ("kennismakingsgesprek", "checklists/kennismaking-eerste-weken.html"),
    ("zelfscan", "checklists/zelfscan-principes.html"),
    ("galerijcomplex", "checklists/complex-gemengd-wonen.html"),
    ("bewindvoering", "begrippen.html"),
    ("omklap", "begrippen.html"),
    ("toegankelijkheid", "toegankelijkheid.html"),
    # typed without the accent
    ("coordinatie", "samenwerken.html"),
    ("financien", "overlast.html"),
    ("client", "vlaanderen.html"),
    ("beeindigen", "housing-first-in-het-kort.html"),
    # as staff type them: questions, their own words, abbreviations, a typo of one letter
    ("wat als het misgaat", "kernprincipes.html"),  # "Als het toch misgaat"
    ("wat doet de begeleider", "samenwerken.html"),
    ("driepartijencontract", "wat-vraagt-housing-first.html"),
    ("driepartijenovereenkonst", "wat-vraagt-housing-first.html"),
    ("escalatieladdet", "overlast.html"),
    ("huurschuld", "checklists/huurachterstand-voorkomen.html"),
    ("AVG", "privacy.html"),
    # the intake is the first talk, before signing; the talk after the keys has a checklist of its own
    ("intake", "checklists/gesprek-voor-het-tekenen.html"),
    ("intakegesprek", "checklists/gesprek-voor-het-tekenen.html"),
    ("gesprek voor het tekenen", "checklists/gesprek-voor-het-tekenen.html"),
    ("sleuteluitreiking", "checklists/kennismaking-eerste-weken.html"),
    ("uithuiszetting", "checklists/huurachterstand-voorkomen.html"),
    ("zorgaanbieder", "samenwerken.html"),
    ("casemanager", "overlast.html"),  # "De begeleider als bemiddelaar"
    ("mag de kandidaat een woning weigeren", "veelgestelde-vragen.html"),
    ("tijdelijk contract", "veelgestelde-vragen.html"),  # "Mogen we een tijdelijk huurcontract geven?"
    ("urgentie", "doelgroep.html"),
    ("thuisloze", "housing-first-in-het-kort.html"),
    ("geluidsoverlast", "overlast.html"),
    ("beschermingsbewind", "begrippen.html"),
    ("onderhuur", "huurvormen-en-recht.html"),  # "Tussenhuur en onderhuur"
    ("voorwaarden huurder", "veelgestelde-vragen.html"),  # "Welke voorwaarden mogen we stellen?"
    ("wat kost housing first", "housing-first-in-het-kort.html"),
    ("huur tijdens detentie", "overlast.html"),
    ("zorgmijder", "kernprincipes.html"),
    # where a corporation takes risk: the law per lease form, privacy, nuisance to the end, money
    ("gegevens delen", "privacy.html"),
    ("AVG privacy", "privacy.html"),
    ("mag ik gegevens delen met de zorgpartij", "privacy.html"),
    ("privacyconvenant", "privacy.html"),
    ("vroegsignalering", "privacy.html"),
    ("huurtoeslag onderhuur", "huurvormen-en-recht.html"),
    ("huurbescherming onderhuurder", "huurvormen-en-recht.html"),
    ("passend toewijzen", "huurvormen-en-recht.html"),
    ("Wet versterking regie volkshuisvesting", "huurvormen-en-recht.html"),
    ("gedragsaanwijzing", "overlast.html"),
    ("sluiting woning drugs", "overlast.html"),
    ("woningsluiting", "overlast.html"),
    ("crisisdienst", "overlast.html"),
    ("casusoverleg", "overlast.html"),
    ("huisbezoek veilig", "overlast.html"),
    ("wat kost housing first de corporatie", "voor-managers.html"),
    ("bestuurder", "voor-managers.html"),
    ("samenwerkingsovereenkomst", "voor-managers.html"),
    ("bijzondere bijstand inrichting", "voor-managers.html"),
    ("beschermd wonen verschil", "veelgestelde-vragen.html"),
    ("kwijtschelding", "eerste-huurder.html"),
    ("verhuizing doorgeven gemeente", "eerste-huurder.html"),
]


# Counts the queries Material sends its search worker and the answers it gets back (Material 9.8: a query is
# {type: 2}, an answer {type: 3}; tests/test_patches.py), with what the search box held when each query went out.
# A page opened with it lets top_pages wait for the answer to exactly the typed query instead of polling.
WATCH_SEARCH = """
(() => {
  const Native = window.Worker;
  if (!Native) return;
  const state = window.__zoekwachter = {sent: 0, answered: 0, typed: null};
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, transfer) => {
      if (message && message.type === 2) {
        state.sent += 1;
        state.typed = document.querySelector("input.md-search__input").value;
      }
      return transfer ? post(message, transfer) : post(message);
    };
    worker.addEventListener("message", event => { if (event.data && event.data.type === 3) state.answered += 1; });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
"""
_NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def top_pages(page, query: str, count: int = 3, root: str | None = None) -> list[str]:
    """Type the query key by key (Material ignores fill()) and return the first result pages.

    Pages are given relative to root (the site's address; by default the server's root).
    """
    watched = page.evaluate("() => Boolean(window.__zoekwachter)")
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(query, delay=0 if watched else 20)
    page.wait_for_function(
        "q => !['', 'Zoeken initialiseren'].includes(document.querySelector('.md-search-result__meta').textContent.trim())"
        " && document.querySelector('input.md-search__input').value === q", arg=query)
    read = "links => links.map(a => a.href)"
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    if watched:
        # Every query answered, the last one the typed text; then the list as drawn once two frames agree.
        page.wait_for_function("q => { const s = window.__zoekwachter; return s.answered === s.sent && s.typed === q; }",
                               arg=query)
        hrefs, previous = results.evaluate_all(read), None
        while hrefs != previous:
            page.evaluate(_NEXT_FRAMES)
            previous, hrefs = hrefs, results.evaluate_all(read)
    else:
        # Material debounces the query, and on a busy machine the results of a shorter prefix may still be
        # showing: read until two reads 300 ms apart agree.
        hrefs, previous = None, results.evaluate_all(read)
        for _ in range(20):
            page.wait_for_timeout(300)
            hrefs = results.evaluate_all(read)
            if hrefs == previous:
                break
            previous = hrefs
    pages = []
    for href in hrefs:
        path = href.split("?")[0].split("#")[0].removeprefix(root) if root else urlsplit(href).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages[:count]


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    context = browser.new_context()
    context.add_init_script(WATCH_SEARCH)
    page = context.new_page()
    page.goto(served_site + "index.html")
    yield page
    context.close()


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_dutch_query_finds_the_right_page(search_page, query, expected):
    assert expected in top_pages(search_page, query)


def test_at_least_fifty_queries():
    assert len(QUERIES) >= 50
    assert {"coordinatie", "financien"} <= {query for query, _ in QUERIES}


def test_folding_removes_accents():
    assert fold("coördinatie financiën één cliënt") == "coordinatie financien een client"
    assert folded_words("De coördinatie en de coördinatie, één keer") == "coordinatie een"


def test_staff_words_travel_with_the_index_for_the_query_and_pages_keep_only_their_own_words():
    index = {"config": {"lang": ["nl"]},
             "docs": [{"location": "a.html#x", "title": "Driepartijenovereenkomst", "text": "<p>Tekst</p>"}]}
    synonyms = [{"id": "d", "zoekwoorden": ["Driepartijencontract", "tripartiete overeenkomst"],
                 "handreiking": ["driepartijenovereenkomst"]}]
    index = add_synonym_table(add_folded_words(index), synonyms)
    assert index["config"][SYNONYMS] == [{"zoek": ["driepartijencontract", "tripartiete overeenkomst"],
                                          "vind": ["driepartijenovereenkomst"]}]
    assert index["config"]["lang"] == ["nl"]
    assert index["docs"] == [{"location": "a.html#x", "title": "Driepartijenovereenkomst", "text": "<p>Tekst</p>"}]


def test_the_built_index_holds_no_staff_words(site, content):
    """The staff's words reach search through the query, so the index a phone downloads is the pages' own text."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hidden = " ".join(doc.get(FIELD, "") for doc in index["docs"]).lower()
    staff = [word for s in content.synoniemen for word in s["zoekwoorden"] if " " not in word]
    assert not [word for word in staff if re.search(rf"\b{re.escape(fold(word).lower())}\b", hidden)]
    assert len(index["config"][SYNONYMS]) == len(content.synoniemen)


def test_a_staff_word_finds_the_guides_word_and_the_preview_marks_it(search_page):
    assert "wat-vraagt-housing-first.html" in top_pages(search_page, "driepartijencontract")
    first = search_page.locator("li.md-search-result__item").first
    assert "driepartijenovereenkomst" in first.locator("mark").all_inner_texts()[0].lower()
    lines = first.locator(".md-search-result__terms")
    assert lines.count(), "Material lists the word typed as missing from the page"
    assert not [line for line in lines.all() if line.is_visible()], "no 'Ontbreekt: <the word typed>' line shows"


def test_every_guide_word_of_the_synonyms_is_in_the_guide(site, content):
    text = " ".join(fold(p.read_text(encoding="utf-8")).lower() for p in site.rglob("*.html"))
    missing = [word for s in content.synoniemen for word in s["handreiking"] if fold(word).lower() not in text]
    assert not missing, f"synonyms that point at words the guide does not use: {missing}"
    assert len(content.synoniemen) >= 40


def test_an_empty_result_shows_dutch_help_with_links(search_page):
    box = search_page.locator("input.md-search__input")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially("xqzwv", delay=20)
    search_page.wait_for_timeout(600)
    help_box = search_page.locator(".zoekhulp")
    assert help_box.is_visible()
    assert "Niets gevonden" in help_box.inner_text()
    links = help_box.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(link.endswith("begrippen.html") for link in links)
    assert any(link.endswith("veelgestelde-vragen.html") for link in links)


def test_folded_words_are_added_once_to_each_entry():
    index = {"docs": [{"location": "a.html", "title": "Financiën", "text": "<p>Coördinatie van zorg</p>"},
                      {"location": "b.html", "title": "Zonder", "text": "<p>Geen accenten</p>"}]}
    folded = add_folded_words(index)
    assert folded["docs"][0]["title"] == "Financiën"
    assert folded["docs"][0]["text"] == "<p>Coördinatie van zorg</p>"
    assert folded["docs"][0][FIELD] == "Financien Coordinatie"
    assert FIELD not in folded["docs"][1]


def test_search_without_folding_misses_an_unaccented_query(browser, project_copy, tmp_path):
    """Planted fault: the same site without the folding step does not find 'coordinatie'."""
    module = project_copy / "scripts" / "pages" / "search_index.py"
    module.write_text(module.read_text(encoding="utf-8").replace(
        '    for doc in index["docs"]:', '    return index\n    for doc in index["docs"]:', 1), encoding="utf-8")
    site = tmp_path / "site"
    assert run_build(project_copy, site, "--zonder-offline").returncode == 0
    base, server = serve(site)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "index.html")
        # 'client' is short enough that no typo search stands in for the folding
        assert "vlaanderen.html" not in top_pages(page, "client")
        assert "vlaanderen.html" in top_pages(page, "cliënt")
    finally:
        context.close()
        server.shutdown()


# Queries whose answers lie in many sections, so the previews show much of the index.
PREVIEW_QUERIES = ["geluid", "gegevens delen", "kosten", "overlast", "huurachterstand", "driepartijencontract",
                   "intakegesprek", "coordinatie"]


def preview_words(page, query: str) -> list[tuple[str, str]]:
    """(linked page, preview text) of every result Material shows for the query: its heading and its excerpt,
    not the line that lists the words of the query the result lacks."""
    top_pages(page, query)
    return page.locator("a.md-search-result__link").evaluate_all("""links => links.map(a => {
        const article = a.querySelector('article').cloneNode(true);
        article.querySelectorAll('.md-search-result__terms').forEach(e => e.remove());
        article.querySelectorAll('h1, h2, h3, h4, p, li, dt, dd, th, td, div, br').forEach(e => e.after(' '));
        return [a.href, article.textContent];
    })""")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text).lower()))


@pytest.mark.parametrize("query", PREVIEW_QUERIES)
def test_result_previews_show_only_words_of_the_page_they_link_to(search_page, site, served_site, query):
    results = preview_words(search_page, query)
    assert results, f"no results for {query!r}"
    page_words: dict[str, set[str]] = {}
    strangers = {}
    for href, preview in results:
        path = href.split("?")[0].split("#")[0].removeprefix(served_site)
        if path not in page_words:
            page_words[path] = _words(article_text(site / path))
        foreign = _words(preview) - page_words[path]
        if foreign:
            strangers[href.removeprefix(served_site)] = sorted(foreign)
    assert not strangers, f"previews show words their page does not have: {strangers}"
