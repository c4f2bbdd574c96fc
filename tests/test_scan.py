"""The corporatie-scan: the score per principle in the browser equals the Python reference, answers stay in the
browser (keyed by statement text) until 'Wis alles', the print view shows the result, and the data is checked."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from scripts.content import load_content
from scripts.content.problems import ContentError
from scripts.files.offline import ZIP_ROOT
from scripts.pages import scan
from tests.conftest import PROJECT, article_html
from tests.test_accessibility import axe_violations

OUTPUT = PROJECT / "test-output"


# The reference computation ----------------------------------------------------------------------------------------

def test_score_counts_ja_two_deels_one_nee_nothing_and_leaves_weet_niet_out():
    assert scan.score(["ja", "ja"]) == scan.Result(100, "Sterk", 2, 2)
    assert scan.score(["ja", "nee", "weet-niet", None]) == scan.Result(50, "Op weg", 3, 4)
    assert scan.score(["deels", "nee", "nee", "nee"]).score == 13, "12.5 rounds half up, as in the page's script"
    assert scan.score(["nee", "deels"]).verdict == "Aandacht nodig"
    assert scan.score(["weet-niet", None]) == scan.Result(None, scan.NO_RESULT, 1, 2)
    assert scan.score(["ja", "deels"]).weak is False and scan.score(["nee"]).weak is True


def test_an_answer_is_kept_under_the_text_of_its_statement():
    assert scan.statement_key("Wij doen dit.") == scan.statement_key("Wij  doen\ndit.")
    assert scan.statement_key("Wij doen dit.") != scan.statement_key("Wij doen dat.")


# The data ----------------------------------------------------------------------------------------------------------

def test_every_principle_has_sourced_statements_and_two_or_three_things_to_read(content):
    assert [r["id"] for r in sorted(content.corporatiescan, key=lambda r: r["id"])] == sorted(
        p["id"] for p in content.principes)
    for record in content.corporatiescan:
        assert 2 <= len(record["lees_eerst"]) <= 3 and 2 <= len(record["checklistpunten"]) <= 3
        for statement in record["stellingen"]:
            assert statement["bronnen"] and "#" in statement["sectie"]


@pytest.mark.parametrize("edit, phrase", [
    (lambda t: t.replace("  - id: keuze-en-regie", "  - id: keuze-en-nog-wat", 1), "onbekend principe 'keuze-en-nog-wat'"),
    (lambda t: t.replace("      - zelfscan-principes#geen-woonladder", "      - zelfscan-principes#weg", 1),
     "checklist 'zelfscan-principes' heeft geen punt 'weg'"),
])
def test_a_mistake_in_the_scan_data_is_named_in_dutch_with_file_and_line(tmp_path, edit, phrase):
    target = tmp_path / "content"
    shutil.copytree(PROJECT / "content", target)
    path = target / "corporatiescan.yml"
    before = path.read_text(encoding="utf-8")
    after = edit(before)
    path.write_text(after, encoding="utf-8")
    line = next(i for i, (a, b) in enumerate(zip(after.splitlines(), before.splitlines()), 1) if a != b)
    with pytest.raises(ContentError) as caught:
        load_content(target)
    assert phrase in str(caught.value) and f"content/corporatiescan.yml:{line}" in str(caught.value), str(caught.value)


# The built page ----------------------------------------------------------------------------------------------------

def test_the_page_has_every_statement_with_its_section_and_sources_and_links_the_self_scan(site, content):
    html = article_html(site / "corporatiescan.html")
    for record in content.corporatiescan:
        for statement in record["stellingen"]:
            key = scan.statement_key(statement["tekst"])
            block = re.search(rf'data-sleutel="{key}".*?</fieldset>', html, re.S).group(0)
            assert block.count('type="radio"') == len(scan.SCALE)
            assert statement["sectie"].replace(".md#", ".html#") in block
            for bron in statement["bronnen"]:
                assert f"bronnen.html#{bron}" in block
    assert 'href="checklists/zelfscan-principes.html"' in html
    assert 'href="../corporatiescan.html"' in article_html(site / "checklists" / "zelfscan-principes.html")
    assert '<script src="assets/javascripts/corporatiescan.js" defer></script>' in html
    assert "onclick" not in html and not re.search(r"<script(?![^>]*\ssrc=)", html)


# In the browser ----------------------------------------------------------------------------------------------------

ANSWER_SETS = {
    "mixed": lambda i: list(scan.SCALE)[i % 4],
    "all-yes-but-one": lambda i: "nee" if i == 3 else "ja",
    "hesitant": lambda i: ["weet-niet", "deels", "deels", "nee", "ja"][i % 5],
}


def _answer(page, content, pick) -> dict[str, str]:
    given = {}
    statements = [s for r in content.corporatiescan for s in r["stellingen"]]
    for i, statement in enumerate(statements):
        key, value = scan.statement_key(statement["tekst"]), pick(i)
        page.locator(f'input[name="s-{key}"][value="{value}"]').check()
        given[key] = value
    return given


def _shown(page) -> dict[str, tuple[str, str]]:
    return {row.get_attribute("data-principe"): (row.locator(".scan-score").inner_text(),
                                                 row.locator(".scan-oordeel").inner_text())
            for row in page.locator(".scan-tabel tr[data-principe]").all()}


def _expected(content, given) -> dict[str, tuple[str, str]]:
    return {pid: ("–" if r.score is None else f"{r.score}%", r.verdict)
            for pid, r in scan.results(content.corporatiescan, given).items()}


@pytest.mark.browser
@pytest.mark.parametrize("answers", list(ANSWER_SETS))
def test_the_score_in_the_browser_matches_the_python_reference(served_site, page_in, content, answers):
    page = page_in()
    page.goto(served_site + "corporatiescan.html")
    given = _answer(page, content, ANSWER_SETS[answers])
    assert _shown(page) == _expected(content, given)
    weak = {pid for pid, r in scan.results(content.corporatiescan, given).items() if r.weak}
    visible = {el.get_attribute("data-principe") for el in page.locator(".scan-lees").all() if el.is_visible()}
    assert visible == weak, "what to read first shows for exactly the weak principles"


@pytest.mark.browser
def test_answers_survive_a_reload_and_wis_alles_clears_them(served_site, page_in, content):
    page = page_in()
    page.goto(served_site + "corporatiescan.html")
    given = _answer(page, content, ANSWER_SETS["mixed"])
    page.fill("#scan-team", "Team Noord")
    page.reload()
    assert _shown(page) == _expected(content, given)
    assert page.input_value("#scan-team") == "Team Noord"
    page.get_by_role("button", name="Wis alles").click()
    assert page.locator(".scan-stelling input:checked").count() == 0
    assert set(v for v, _ in _shown(page).values()) == {"–"}
    page.reload()
    assert page.locator(".scan-stelling input:checked").count() == 0
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('handreiking:scan:'))") == []


@pytest.mark.browser
def test_an_answer_kept_for_another_text_is_not_used(served_site, page_in, content):
    page = page_in()
    page.goto(served_site + "corporatiescan.html")
    page.evaluate("k => localStorage.setItem('handreiking:scan:' + k, 'ja')", scan.statement_key("Een oude stelling."))
    page.reload()
    assert page.locator(".scan-stelling input:checked").count() == 0


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_the_print_view_shows_the_result_with_team_name_and_date(served_site, page_in, content, width):
    page = page_in(viewport={"width": width, "height": 900})
    page.goto(served_site + "corporatiescan.html")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"corporatiescan-start-{width}.png"))
    given = _answer(page, content, ANSWER_SETS["hesitant"])
    page.fill("#scan-team", "Wijkteam Oost")
    page.fill("#scan-datum", "2026-12-03")
    page.locator(".scan-uitslag").screenshot(path=str(OUTPUT / f"corporatiescan-uitslag-{width}.png"))
    page.emulate_media(media="print")
    heading = page.locator(".scan-afdrukkop")
    assert heading.is_visible() and "Wijkteam Oost" in heading.inner_text() and "03-12-2026" in heading.inner_text()
    assert page.locator(".scan-tabel").is_visible() and _shown(page) == _expected(content, given)
    assert page.locator(".scan-stelling").first.is_hidden() and page.locator(".scan-wissen").is_hidden()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_scan_with_its_result(served_site, page_in, content, scheme):
    page = page_in(color_scheme=scheme)
    page.goto(served_site + "corporatiescan.html")
    _answer(page, content, ANSWER_SETS["hesitant"])
    assert axe_violations(page) == []


@pytest.mark.browser
def test_both_tools_work_offline_from_file(site, browser, tmp_path, content):
    with zipfile.ZipFile(site / "downloads" / "handreiking-offline.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / ZIP_ROOT
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto((root / "corporatiescan.html").as_uri())
    given = _answer(page, content, ANSWER_SETS["mixed"])
    page.reload()
    assert _shown(page) == _expected(content, given)
    page.goto((root / "wat-nu.html").as_uri())
    page.get_by_role("button", name="Ja").count()  # the screen is there
    page.get_by_role("button", name=content.find("escalatie", "betaling-mist")["aanleiding"]).click()
    assert page.url.endswith("#vraag-betaling-mist-1")
    context.close()
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))] == []
