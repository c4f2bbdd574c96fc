"""The trainers' kit: a short page of linked addresses per chapter, lesson material, hand-outs and a CSV for Excel."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import lxml.html
import pikepdf
import pytest
from docx import Document
from moodle_xml_parser.parser import parse_bytes

from scripts.links import read_contract
from scripts.outputs import PREVIEW_MARK
from tests.conftest import PROJECT, PageParser, article_html, article_text, pdf_pages, run_build, serve
from tests.test_downloads import pdf_ua_problems

DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def test_every_content_chapter_has_lesson_material_and_every_case_cites_a_source(content, site):
    chapters = {lesson["hoofdstuk"] for lesson in content.lesmateriaal}
    assert {"kernprincipes.md", "overlast.md", "gemengd-wonen.md", "wat-vraagt-housing-first.md"} <= chapters
    assert len(chapters) >= 9
    for lesson in content.lesmateriaal:
        assert content.find("bronnen", lesson["casus"]["bron"])
        html = article_html(site / lesson["hoofdstuk"].replace(".md", ".html"))
        assert 'class="voor-trainers"' in html and "<details" in html, f"{lesson['id']}: no closed trainers' box"


def test_every_content_chapter_has_a_full_lesson_and_the_schema_requires_it(content):
    """Plan, dilemma, notes, self-test and summary for every chapter with lesson material; the schema keeps it so."""
    for lesson in content.lesmateriaal:
        assert lesson["sessieplan"]["dagdeel"] and lesson["sessieplan"]["uur"], lesson["id"]
        assert lesson["dilemmas"] and 5 <= len(lesson["zelftoets"]) <= 10 and 3 <= len(lesson["samenvatting"]) <= 6
        assert all(q["antwoordpunten"] for q in lesson["vragen"]), lesson["id"]
    schema = json.loads((PROJECT / "content" / "schema" / "lesmateriaal.schema.json").read_text(encoding="utf-8"))
    record = schema["properties"]["lesmateriaal"]["items"]
    assert {"sessieplan", "dilemmas", "zelftoets", "samenvatting"} <= set(record["required"])
    assert "antwoordpunten" in record["properties"]["vragen"]["items"]["required"]


def _text(data: bytes, kind: str) -> str:
    if kind == "pdf":  # without the preview mark and the list markers pypdf reads at a page's end: they would
        # break a text that runs over to the next page
        pages = [re.sub(r"(?m)^\s*(•|\d+\.)\s*$|^.*Pagina \d+ van \d+$", " ",
                        page.replace(PREVIEW_MARK, " ")) for page in pdf_pages(data, drawn_order=True)]
        return " ".join(" ".join(pages).split())
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


def _answers(lesson: dict) -> list[str]:
    """Every text a participant must not see on paper: answer points, misconceptions, what the guide says at a
    decision point, self-test feedback and right answers (longer than a word, so 'Juist' alone does not count)."""
    texts = [point["punt"] for q in lesson["vragen"] for point in q["antwoordpunten"]]
    texts += [wrong for q in lesson["vragen"] for wrong in q.get("misverstanden", [])]
    texts += [moment["handreiking"] for d in lesson["dilemmas"] for moment in d["momenten"]]
    texts += [q["feedback"] for q in lesson["zelftoets"]]
    seen = " ".join([lesson["casus"]["tekst"]] + [q["vraag"] for q in lesson["vragen"]]
                    + [d["persoon"] + " " + m["situatie"] for d in lesson["dilemmas"] for m in d["momenten"]])
    texts += [a["tekst"] for q in lesson["zelftoets"] for a in q["antwoorden"]
              if a.get("juist") and len(a["tekst"]) > 20 and a["tekst"] not in seen]  # not when the case says it
    return [" ".join(text.split()) for text in texts]


def _squeezed(text: str) -> str:
    """Text without whitespace: a PDF's lines break where they like."""
    return "".join(text.split())


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_every_participants_handout_keeps_its_address_and_holds_the_lesson_but_no_answer(site, content, kind):
    for lesson in content.lesmateriaal:
        text = _text((site / "downloads" / f"lesmateriaal-{lesson['id']}.{kind}").read_bytes(), kind)
        for line in lesson["leerdoelen"] + [q["vraag"] for q in lesson["vragen"]] + [
                lesson["casus"]["titel"], lesson["oefening"]["titel"], lesson["dilemmas"][0]["titel"]]:
            assert " ".join(line.split()) in text, f"{lesson['id']} ({kind}): {line}"
        leaked = [answer for answer in _answers(lesson) if _squeezed(answer) in _squeezed(text)]
        assert not leaked, f"{lesson['id']} ({kind}): answers on the participants' hand-out: {leaked[:3]}"
        cards = [" ".join(card.split()) for card in lesson["oefening"].get("materiaal", [])]
        assert all(card in text for card in cards), f"{lesson['id']}: a card is missing"
        if cards and lesson["oefening"].get("volgorde"):
            assert sorted(cards, key=text.index) != cards, f"{lesson['id']}: the cards are in the answer order"


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_every_trainer_sheet_holds_the_answers_and_the_chapters_addresses(site, content, kind):
    for lesson in content.lesmateriaal:
        text = _text((site / "downloads" / f"trainersblad-{lesson['id']}.{kind}").read_bytes(), kind)
        missing = [answer for answer in _answers(lesson) if _squeezed(answer) not in _squeezed(text)]
        assert not missing, f"{lesson['id']} ({kind}): not on the trainer sheet: {missing[:3]}"
        assert f"{lesson['hoofdstuk'].replace('.md', '.html')}#" in text, "the sheet lists the chapter's addresses"


def test_every_word_file_is_a4_and_hand_outs_have_hyperlinks_and_pdfs_link_annotations(site):
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for path in sorted((site / "downloads").glob("*.docx")):
        document = Document(path)
        size = document.sections[0]._sectPr.find(f"{namespace}pgSz")
        assert (size.get(f"{namespace}w"), size.get(f"{namespace}h")) == ("11906", "16838"), f"{path.name}: not A4"
        if path.name.startswith(("lesmateriaal-", "trainersblad-")):
            assert document.element.body.findall(f".//{namespace}hyperlink"), f"{path.name}: no w:hyperlink"
            footer = document.sections[0].footer._element
            assert any("PAGE" in (n.text or "") for n in footer.iter(f"{namespace}instrText")), path.name
    for path in sorted((site / "downloads").glob("trainersblad-*.pdf")) + sorted((site / "downloads").glob("zelftoets-*.pdf")):
        with pikepdf.open(path) as pdf:
            links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        assert links, f"{path.name}: no clickable address"
        assert pdf_ua_problems(path.read_bytes()) == [], path.name


def test_every_self_test_is_a_moodle_category_of_its_own_and_in_the_file_of_the_whole_guide(site, content):
    categories = []
    for lesson in content.lesmateriaal:
        data = (site / "downloads" / f"zelftoets-{lesson['id']}.xml").read_bytes()
        assert len(parse_bytes(data)["multichoice"]) == sum(q["soort"] == "meerkeuze" for q in lesson["zelftoets"])
        root = ET.fromstring(data)
        [category] = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
        assert category.startswith("$course$/Handreiking Housing First/")
        categories.append(category)
        for question in root.findall("question")[1:]:
            assert [a.get("fraction") for a in question.findall("answer")].count("100") == 1
            assert question.findtext("generalfeedback/text").strip()
    whole = ET.fromstring((site / "downloads" / "zelftoets-alle-hoofdstukken.xml").read_bytes())
    assert [q.findtext("category/text") for q in whole.findall("question[@type='category']")] == categories
    assert len(set(categories)) == len(content.lesmateriaal)


def test_the_csv_holds_every_published_address_and_opens_as_utf8(site):
    data = (site / "downloads" / "adressen.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "without a byte order mark Excel guesses the wrong encoding"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["titel", "hoofdstuk", "adres"], "the first columns stay where trainers' sheets expect them"
    listed = {row[2] for row in rows[1:]}
    # A preview lists paths (index.html); a release full addresses (https://.../index.html).
    base = "" if "index.html" in listed else min((a for a in listed if a.endswith("/index.html")),
                                                  key=len).removesuffix("index.html")
    missing = [a for a in read_contract() if base + a not in listed]
    assert not missing, f"addresses of the link contract missing from adressen.csv: {missing[:10]}"


def test_the_csv_says_what_each_address_is_and_files_downloads_under_their_own_chapter(site, content):
    rows = list(csv.DictReader(io.StringIO((site / "downloads" / "adressen.csv").read_text("utf-8-sig")),
                               delimiter=";"))
    by_address = {row["adres"].rsplit("/", 1)[-1] if row["adres"].startswith("http") else row["adres"]: row
                  for row in rows}
    overlast = by_address["overlast.html"]
    assert (overlast["soort"], overlast["niveau"]) == ("pagina", "1")
    assert (by_address["overlast.html#escalatieladder"]["soort"], by_address["overlast.html#escalatieladder"]["niveau"]) \
        == ("onderdeel", "2")
    for name, kind in (("lesmateriaal-overlast.pdf", "hand-out"), ("trainersblad-overlast.docx", "hand-out"),
                       ("zelftoets-overlast.xml", "zelftoets"), ("hoofdstuk-overlast.pdf", "download")):
        row = next(r for r in rows if r["adres"].endswith("downloads/" + name))
        assert (row["hoofdstuk"], row["soort"]) == (overlast["titel"], kind), name
        assert row["titel"] != name, "a download has a human title, not its file name"
    checklist = next(r for r in rows if r["adres"].endswith("downloads/woning-toewijzen.pdf"))
    assert checklist["soort"] == "checklist" and checklist["hoofdstuk"] != "Downloads"
    assert {row["soort"] for row in rows} >= {"pagina", "onderdeel", "hand-out", "checklist", "zelftoets"}


def test_every_chapter_lesson_box_has_its_published_anchor_and_is_left_out_in_print(site, content):
    contract = set(read_contract())
    css = (site / "assets" / "stylesheets" / "handreiking.css").read_text(encoding="utf-8")
    for lesson in content.lesmateriaal:
        url = lesson["hoofdstuk"].replace(".md", ".html")
        html = article_html(site / url)
        box = re.search(r'<details class="voor-trainers">(.*?)</details>', html, re.S)
        assert box and 'id="lesmateriaal"' in box.group(1), f"{url}: no #lesmateriaal in the trainers' box"
        assert f"{url}#lesmateriaal" in contract, f"{url}#lesmateriaal is not in the link contract"
    printed = re.search(r"@media print \{(.*?)\n\}", css, re.S).group(1)
    assert "details.voor-trainers" in printed.split("display: none")[0]


def test_a_group_with_a_lesson_per_page_names_each_row_by_its_page_and_shows_every_lesson(site, content):
    """'Wat Housing First vraagt van de corporatie' holds four pages, each with a lesson of its own."""
    page = lxml.html.fromstring(article_html(site / "voor-trainers.html"))
    rows = [(link.get("href").removeprefix("#"), link.text_content())
            for link in page.xpath('//div[@class="lesoverzicht"]//tr/td[1]/a')]
    assert len({name for _, name in rows}) == len(rows) == len(content.lesmateriaal), rows
    missing = [anchor for anchor, _ in rows if page.get_element_by_id(anchor, None) is None]
    assert not missing, f"rows link to addresses that are not on the page: {missing}"
    text = article_text(site / "voor-trainers.html")
    for lesson in content.lesmateriaal:
        assert " ".join(lesson["casus"]["titel"].split()) in text, f"{lesson['id']}: its lesson is not in its group"


def test_the_lesson_box_is_in_the_search_index_under_its_own_address(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = [doc for doc in index["docs"] if doc["location"] == "overlast.html#lesmateriaal"]
    assert found and "Leerdoelen" in found[0]["text"]


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
        # The overview of lessons on top, one short row per chapter; below it the closed groups stay compact.
        rows = page.locator(".lesoverzicht tbody tr")
        assert rows.count() >= 10
        assert max(rows.evaluate_all("rs => rs.map(r => r.getBoundingClientRect().height)")) <= 120
        groups_height = page.evaluate("document.getElementById('downloads').getBoundingClientRect().top"
                                      " - document.querySelector('.adressen-filter').getBoundingClientRect().top")
        assert groups_height <= 2 * 800, f"the closed groups take {groups_height}px"
        # The rest of the page stays within 3.5 screens; the overview grows by one short row per chapter with a lesson
        # (10 lessons: the former 4.5 screens).
        assert page.evaluate("document.documentElement.scrollHeight") <= 3.5 * 800 + 80 * rows.count()

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
def test_a_link_to_a_chapters_lesson_material_opens_its_box(served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "overlast.html")
    box = page.locator("details.voor-trainers")
    assert not box.evaluate("b => b.open"), "the box is closed for readers"
    page.goto(served_site + "overlast.html#lesmateriaal")
    page.wait_for_function("document.querySelector('details.voor-trainers').open")
    assert page.locator("#lesmateriaal").is_visible()
    page.goto(served_site + "overlast.html")
    page.evaluate("location.hash = 'lesmateriaal'")  # a link on the same page
    page.wait_for_function("document.querySelector('details.voor-trainers').open")


@pytest.mark.browser
def test_where_the_clipboard_cannot_work_the_button_selects_the_address_and_says_how_to_copy(served_site, page_in):
    page = page_in(**DESKTOP)
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.goto(served_site + "voor-trainers.html#adressen-overlast")
    button = page.locator(".adressenlijst__kopieer:visible").first
    assert button.inner_text() != "Kopieer adres", "a button that cannot copy must not promise to"
    button.click()
    row = button.locator("xpath=ancestor::li[1]")
    address = row.locator(".adressenlijst__adres").inner_text()
    assert page.evaluate("window.getSelection().toString()") == address
    hint = row.locator(".adressenlijst__hint")
    assert hint.is_visible() and re.search(r"(Ctrl|Cmd)\+C", hint.inner_text())


@pytest.mark.browser
def test_a_link_into_a_group_opens_it(site, served_site, page_in):
    page = page_in(**DESKTOP)
    page.goto(served_site + "voor-trainers.html#adressen-overlast")
    heading = page.locator("#adressen-overlast")
    assert heading.locator("xpath=following-sibling::details[1]").evaluate("g => g.open")
    # A page that shares a group keeps its own address, published when it had a group of its own.
    page.goto(served_site + "voor-trainers.html#adressen-privacy")
    page.wait_for_function("document.getElementById('adressen-privacy').closest('details').open")
    assert page.locator("#adressen-privacy").evaluate("a => a.closest('details').textContent").count("privacy.html") > 1


@pytest.mark.browser
def test_without_javascript_the_trainers_page_is_a_plain_open_list(served_site, page_in):
    page = page_in(java_script_enabled=False, **DESKTOP)
    page.goto(served_site + "voor-trainers.html")
    assert all(page.locator("details.adresgroep").evaluate_all("gs => gs.map(g => g.open)"))
    assert page.locator(".adressen-filter").is_hidden()
    assert page.locator(".adressenlijst__naam").first.is_visible()
    assert page.locator(".adressenlijst__kopieer").first.is_hidden(), "[hidden] must hide a button styled as one"
