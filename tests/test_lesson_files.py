"""A chapter's lesson files from a fixture record: participants' hand-out without answers, trainer sheet with them,
A4 Word with links and a page number, clickable PDFs, and a self-test that Moodle can import."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date

import pikepdf
import pytest
from docx import Document
from moodle_xml_parser.parser import parse_bytes

from scripts.cache import folder
from scripts.files import handout_doc, handouts, moodle, pdf_render
from tests.conftest import PROJECT, pdf_pages
from tests.test_downloads import pdf_ua_problems
from tests.test_lessons import fixture_lessons

VERSION = date(2026, 12, 1)
SOURCE = {"id": "hfnl-faq-uitvoering", "titel": "Veelgestelde vragen", "uitgever": "Housing First Nederland",
          "datum": "2024", "adres": "https://example.org/faq"}
TITLES = {"overlast.md": "Overlast voorkomen en aanpakken", "overlast.md#escalatieladder": "De escalatieladder"}
SECTIONS = [(2, "De escalatieladder", "escalatieladder")]
RELEASE = "https://www.voorbeeld.nl/handreiking/"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Every answer in the fixture carries one of these words; none may reach a participant.
ANSWER_MARKS = ("ANTWOORDPUNT", "MISVERSTAND", "HANDREIKING-WEEK", "FEEDBACK", "GOED-ANTWOORD")
OUTPUT = PROJECT / "test-output"


@pytest.fixture(scope="module")
def lesson():
    return fixture_lessons()[0]


@pytest.fixture(scope="module")
def fonts():
    return pdf_render.fonts_css(folder(PROJECT))


def made(lesson, audience: str, site_url: str = RELEASE) -> list[tuple]:
    links = handouts.Addresses(site_url, TITLES)
    if audience == "deelnemers":
        return handouts.participant(lesson, "Overlast voorkomen en aanpakken", SOURCE, links)
    return handouts.trainer(lesson, "Overlast voorkomen en aanpakken", SOURCE, SECTIONS, links)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(pdf_pages(data)).split())


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    body = "".join(node.text or "" for node in document.element.body.iter(f"{W}t"))
    return " ".join((" ".join(p.text for p in document.paragraphs) + " " + " ".join(cells) + " " + body).split())


@pytest.fixture(scope="module")
def participant_files(lesson, fonts):
    blocks = made(lesson, "deelnemers")
    return {"pdf": handout_doc.to_pdf(blocks, "Hand-out", VERSION, fonts, False),
            "docx": handout_doc.to_docx(blocks, "Hand-out", "Hand-out", VERSION, False)}


@pytest.fixture(scope="module")
def trainer_files(lesson, fonts):
    blocks = made(lesson, "trainer")
    return {"pdf": handout_doc.to_pdf(blocks, "Trainersblad", VERSION, fonts, False),
            "docx": handout_doc.to_docx(blocks, "Trainersblad", "Trainersblad", VERSION, False)}


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_participants_handout_has_the_case_dilemma_questions_and_cards_but_no_answer(participant_files, lesson,
                                                                                         kind):
    text = (pdf_text if kind == "pdf" else docx_text)(participant_files[kind])
    for line in [lesson["casus"]["titel"], lesson["dilemmas"][0]["titel"], lesson["dilemmas"][0]["momenten"][0]["situatie"],
                 *(q["vraag"] for q in lesson["vragen"]), *lesson["oefening"]["materiaal"]]:
        assert line in text, line
    assert "Woonconsulent: Bel je Ahmed of de begeleider?" in text, "the decision points name each role's choice"
    leaked = [mark for mark in ANSWER_MARKS if mark in text]
    assert not leaked, f"answers on the participants' hand-out ({kind}): {leaked}"
    assert "Aantekeningen" in text
    assert f"woningcorporaties: {RELEASE}overlast.html" in text, "the chapter's address, apart from the sentence"


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_participants_cards_are_not_in_the_answer_order(participant_files, lesson, kind):
    text = (pdf_text if kind == "pdf" else docx_text)(participant_files[kind])
    cards = lesson["oefening"]["materiaal"]
    printed = sorted(cards, key=text.index)
    assert printed != cards, "the cards are printed in the order of the answer"
    assert not re.search(r"\b1\.?\s*" + re.escape(printed[0]), text), "cards are printed without numbers"


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_trainer_sheet_holds_plans_answers_misconceptions_and_the_exercise_order(trainer_files, lesson, kind):
    text = (pdf_text if kind == "pdf" else docx_text)(trainer_files[kind])
    for mark in ANSWER_MARKS:
        assert mark in text, mark
    assert "180 minuten" in text and "60 minuten" in text
    cards = lesson["oefening"]["materiaal"]
    assert sorted(cards, key=text.index) == cards, "the trainer sheet gives the cards in the right order"
    assert "Zie ‘De escalatieladder’" in text, "an answer point names the section that explains it"


def test_cards_that_are_not_an_order_are_given_as_they_are_on_both_sheets(lesson):
    roles = {**lesson, "oefening": {key: value for key, value in lesson["oefening"].items() if key != "volgorde"}}
    participant, trainer = made(roles, "deelnemers"), made(roles, "trainer")
    cards = lesson["oefening"]["materiaal"]
    assert ("kaartjes", cards) in participant, "roles or statements are printed as written"
    assert ("ul", cards) in trainer and ("ol", cards) not in trainer, "the trainer sheet gives no order as the answer"


def test_the_printed_self_test_does_not_give_the_answer_away_by_its_place(content):
    """Editors write the right answer first; on paper its place must say nothing."""
    places = []
    for lesson in content.lesmateriaal:
        paper = handouts.quiz_paper(lesson, "Hoofdstuk", handouts.Addresses(RELEASE, {}))
        assert paper == handouts.quiz_paper(lesson, "Hoofdstuk", handouts.Addresses(RELEASE, {})), "the same every build"
        choices = [block[1] for block in paper if block[0] == "vakjes"]
        for question, printed in zip(lesson.get("zelftoets", []), choices, strict=True):
            assert sorted(printed) == sorted(answer["tekst"] for answer in question["antwoorden"])
            if question["soort"] == "meerkeuze":
                places.append(printed.index(next(a["tekst"] for a in question["antwoorden"] if a.get("juist"))))
    assert len(places) > 10
    assert places.count(0) < 0.6 * len(places) and len(set(places)) > 2, places


def test_card_order_is_never_the_answer_and_the_same_every_time():
    for cards in (["a", "b"], ["een", "twee", "drie"], [f"kaart {n}" for n in range(8)]):
        order = handouts.card_order(cards)
        assert sorted(order) == sorted(cards) and order != cards
        assert handouts.card_order(list(cards)) == order


def test_word_files_are_a4_with_dutch_margins_hyperlinks_and_a_page_number(trainer_files):
    document = Document(io.BytesIO(trainer_files["docx"]))
    size = document.sections[0]._sectPr.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838"), "not A4"
    margins = document.sections[0]._sectPr.find(f"{W}pgMar")
    assert all(int(margins.get(f"{W}{side}")) >= 1134 for side in ("left", "right", "top", "bottom"))
    links = document.element.body.findall(f".//{W}hyperlink")
    assert links, "no real hyperlinks (w:hyperlink)"
    targets = {document.part.rels[link.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")].target_ref for link in links}
    assert RELEASE + "overlast.html#escalatieladder" in targets
    footer = document.sections[0].footer._element
    assert any("PAGE" in (node.text or "") for node in footer.iter(f"{W}instrText")), "no page number field"
    assert "1 december 2026" in "".join(node.text or "" for node in footer.iter(f"{W}t")), "no version in the footer"


def test_pdf_addresses_are_link_annotations_and_the_files_are_pdf_ua(trainer_files, participant_files):
    with pikepdf.open(io.BytesIO(trainer_files["pdf"])) as pdf:
        uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", [])
                if a.get("/Subtype") == "/Link" and "/A" in a and a.A.get("/S") == "/URI"]
    assert RELEASE + "overlast.html#escalatieladder" in uris
    assert pdf_ua_problems(trainer_files["pdf"]) == [] and pdf_ua_problems(participant_files["pdf"]) == []


def test_a_preview_links_relative_to_the_downloads_folder_and_names_no_local_address(lesson, fonts):
    blocks = made(lesson, "trainer", site_url="http://127.0.0.1:8000/")
    data = handout_doc.to_pdf(blocks, "Trainersblad", VERSION, fonts, True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        uris = {str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a}
    assert "../overlast.html#escalatieladder" in uris
    assert b"127.0.0.1" not in data


# Moodle ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def quiz(lesson):
    return moodle.quiz_xml([(lesson, "Overlast voorkomen en aanpakken")], handouts.Addresses(RELEASE, TITLES))


def test_an_independent_moodle_xml_parser_reads_every_multiple_choice_question(quiz, lesson):
    parsed = parse_bytes(quiz)["multichoice"]
    expected = [q for q in lesson["zelftoets"] if q["soort"] == "meerkeuze"]
    assert len(parsed) == len(expected)
    for question, source in zip(parsed, expected):
        assert question.single is True
        right = [o for o in question.options if o.score_fraction == 100]
        assert len(right) == 1 and handouts.right_answer(source) in right[0].answer
        assert all(o.score_fraction == 0 for o in question.options if o is not right[0])
        assert all(o.feedback for o in question.options), "every answer has feedback"
        assert source["feedback"] in question.general_feedback


def test_the_moodle_file_follows_the_format_for_categories_and_true_false(quiz, lesson):
    """The parser above reads no true/false questions: these are checked against Moodle's documented format."""
    root = ET.fromstring(quiz)
    assert root.tag == "quiz"
    categories = [q.find("category/text").text for q in root.findall("question[@type='category']")]
    assert categories == ["$course$/Handreiking Housing First/Overlast voorkomen en aanpakken"]
    questions = root.findall("question")
    assert questions[0].get("type") == "category", "the category comes before its questions"
    true_false = root.findall("question[@type='truefalse']")
    assert len(true_false) == sum(q["soort"] == "juist-onjuist" for q in lesson["zelftoets"]) > 0
    for question in root.findall("question[@type='truefalse']") + root.findall("question[@type='multichoice']"):
        answers = question.findall("answer")
        assert sorted(a.get("fraction") for a in answers).count("100") == 1, "exactly one right answer"
        assert all(a.get("fraction") in ("0", "100") for a in answers)
        assert all((a.findtext("feedback/text") or "").strip() for a in answers), "every answer has feedback"
        assert (question.findtext("generalfeedback/text") or "").strip()
        assert question.findtext("name/text") and question.findtext("questiontext/text")
    for question in true_false:
        assert sorted(a.findtext("text") for a in question.findall("answer")) == ["false", "true"]
    statement = next(q for q in lesson["zelftoets"] if q["soort"] == "juist-onjuist")
    right = next(a for a in true_false[0].findall("answer") if a.get("fraction") == "100").findtext("text")
    assert right == ("true" if handouts.right_answer(statement) == "Juist" else "false")


def test_question_text_is_escaped_html(lesson):
    changed = {**lesson, "zelftoets": [{**lesson["zelftoets"][0], "vraag": "Is 3 < 4 & <b>vet</b>?"}]}
    xml = moodle.quiz_xml([(changed, "Overlast")], handouts.Addresses(RELEASE, TITLES))
    text = ET.fromstring(xml).find("question[@type='multichoice']/questiontext/text").text
    assert "&lt;b&gt;" in text and "<b>" not in text


@pytest.mark.browser
def test_a_question_from_the_moodle_file_renders_for_review(site, page_in):
    """A small preview made from the guide's own export, as Moodle would show it; the screenshot is in test-output/."""
    quiz = (site / "downloads" / "zelftoets-overlast.xml").read_bytes()
    question = ET.fromstring(quiz).find("question[@type='multichoice']")
    options = "".join(f'<li><label><input type="radio" name="a"> {a.findtext("text")}</label></li>'
                      for a in question.findall("answer"))
    right = next(a for a in question.findall("answer") if a.get("fraction") == "100")
    html = (f'<!doctype html><html lang="nl"><meta charset="utf-8"><title>Voorbeeld</title>'
            f'<style>label p {{ display: inline; margin: 0 }}</style>'
            f'<body style="font: 16px sans-serif; max-width: 40em; margin: 2em">'
            f'<p><small>{ET.fromstring(quiz).findtext("question/category/text")}</small></p>'
            f'<h1 style="font-size: 1.2em">{question.findtext("name/text")}</h1>{question.findtext("questiontext/text")}'
            f'<ol type="a" style="list-style: lower-alpha">{options}</ol>'
            f'<div style="background: #fcefdc; padding: .5em 1em"><p><b>Goed antwoord:</b></p>{right.findtext("text")}'
            f'{question.findtext("generalfeedback/text")}</div></body></html>')
    page = page_in(viewport={"width": 800, "height": 600})
    page.set_content(html)
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "moodle-vraag.png"), full_page=True)
    assert page.locator("input[type=radio]").count() == len(question.findall("answer"))
    assert (OUTPUT / "moodle-vraag.png").stat().st_size > 5000
