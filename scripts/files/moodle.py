"""The self-tests as Moodle XML: one question bank category per chapter, multiple choice and true/false questions.

The format is Moodle's own import format (Moodle Docs, "Moodle XML format"): a <quiz> of <question> elements; a
question of type "category" files the questions after it. Every text goes in as HTML, escaped; the right answer
has fraction 100, the others 0; each answer has its feedback, each question general feedback with the section
that explains it (a link).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from scripts.files.handouts import Addresses
from scripts.outputs import GUIDE
from scripts.pages.markup import html_text

CATEGORY_ROOT = f"$course$/{GUIDE.split(' voor ')[0]}"  # '$course$/Handreiking Housing First'
RIGHT, WRONG = "Goed.", "Niet goed."


def category(title: str) -> str:
    """The question bank category of one chapter: '$course$/Handreiking Housing First/<chapter>'."""
    return f"{CATEGORY_ROOT}/{title.replace('/', '-')}"


def quiz_xml(chapters: list[tuple[dict, str]], links: Addresses) -> bytes:
    """Moodle XML of the self-tests of [(lesson, chapter title)], each chapter in its own category."""
    quiz = ET.Element("quiz")
    for lesson, title in chapters:
        if not lesson.get("zelftoets"):
            continue
        head = ET.SubElement(quiz, "question", type="category")
        _text(ET.SubElement(head, "category"), category(title))
        _text(ET.SubElement(head, "info", format="html"), f"<p>Zelftoets bij het hoofdstuk ‘{html_text(title)}’ van "
                                                          f"de {html_text(GUIDE)}.</p>")
        for number, question in enumerate(lesson["zelftoets"], start=1):
            quiz.append(_question(lesson, title, number, question, links))
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"


def _question(lesson: dict, title: str, number: int, question: dict, links: Addresses) -> ET.Element:
    true_false = question["soort"] == "juist-onjuist"
    element = ET.Element("question", type="truefalse" if true_false else "multichoice")
    _text(ET.SubElement(element, "name"), f"{title} {number:02d}")
    _text(ET.SubElement(element, "questiontext", format="html"), f"<p>{html_text(question['vraag'])}</p>")
    link = links.of(question["sectie"])
    explained = (f'<p>{html_text(question["feedback"])}</p><p>Lees meer: <a href="{html_text(link.href)}">'
                 f'{html_text(links.titles.get(question["sectie"], link.text))}</a></p>')
    _text(ET.SubElement(element, "generalfeedback", format="html"), explained)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if true_false else "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = f"{lesson['id']}-{number:02d}"
    if not true_false:
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for name, text in (("correctfeedback", RIGHT), ("partiallycorrectfeedback", WRONG),
                           ("incorrectfeedback", WRONG)):
            _text(ET.SubElement(element, name, format="html"), f"<p>{text}</p>")
    for answer in question["antwoorden"]:
        right = bool(answer.get("juist"))
        if true_false:  # Moodle reads a true/false answer by the English words, and shows them in Dutch itself
            node = ET.SubElement(element, "answer", fraction="100" if right else "0", format="moodle_auto_format")
            _text(node, "true" if answer["tekst"] == "Juist" else "false")
        else:
            node = ET.SubElement(element, "answer", fraction="100" if right else "0", format="html")
            _text(node, f"<p>{html_text(answer['tekst'])}</p>")
        _text(ET.SubElement(node, "feedback", format="html"),
              f"<p>{RIGHT if right else WRONG} {html_text(question['feedback'])}</p>")
    return element


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value
