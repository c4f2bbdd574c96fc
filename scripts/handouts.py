"""A chapter's one-page hand-out for trainers, as PDF (PDF/UA) and Word: goals, case, questions, exercise, addresses."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.shared import Pt

from scripts import pdf_render
from scripts.downloads import mark_preview, normalise_zip, set_core_properties, set_language
from scripts.markup import css_string, date_nl, html_text
from scripts.outputs import AUTHOR, GUIDE, is_preview, shared_address
from scripts.render import source_plain

_STYLE = """
@page { size: A4; margin: 14mm 16mm 16mm;
  @bottom-left { content: "%(guide)s · Versie %(version)s"; font: 7pt Handreiking; color: #333; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 7pt Handreiking; color: #333; } }
body { font: 9pt/1.3 Handreiking; color: #111; }
h1 { font-size: 14pt; margin: 0 0 2pt; } p.ondertitel { margin: 0 0 6pt; color: #333; }
h2 { font-size: 10.5pt; margin: 8pt 0 2pt; break-after: avoid; }
ul, ol { margin: 0 0 0 14pt; padding: 0; } li { margin: 0 0 1pt; } p { margin: 0 0 3pt; }
.adressen { font-size: 7.5pt; } .adressen li { list-style: none; margin-left: -14pt; }
.bron { font-size: 8pt; color: #333; } .licentie { font-size: 7.5pt; color: #333; margin-top: 6pt; }
"""


def parts(lesson: dict, title: str, sections: list[tuple[int, str, str]], page_url: str, site_url: str,
          licence: tuple[str, str] = ("", "")) -> dict:
    """What the hand-out says, from the data and the chapter's built sections (level, title, anchor)."""
    return {
        "title": f"Lesmateriaal: {title}",
        "subtitle": f"Bij het hoofdstuk ‘{title}’ van de {GUIDE}. {shared_address(site_url, page_url)}",
        "goals": lesson["leerdoelen"],
        "case": lesson["casus"],
        "questions": [q["vraag"] for q in lesson["vragen"]],
        "exercise": lesson["oefening"],
        "addresses": [(text, shared_address(site_url, f"{page_url}#{anchor}"))
                      for level, text, anchor in sections if level == 2],
        "preview": is_preview(site_url),
        "licence": list(licence),
    }


def handout_pdf(content: dict, source: dict, version: date, fonts: str) -> bytes:
    """One A4 page (or more, when the material is long), tagged PDF/UA-1."""
    style = _STYLE % {"guide": css_string(GUIDE), "version": date_nl(version.isoformat())}
    body = (f"<h1>{html_text(content['title'])}</h1><p class=\"ondertitel\">{html_text(content['subtitle'])}</p>"
            f"<h2>Leerdoelen</h2>{_list(content['goals'], 'ul')}"
            f"<h2>Casus: {html_text(content['case']['titel'])}</h2><p>{html_text(content['case']['tekst'])}</p>"
            f"<p class=\"bron\">Bron: {html_text(source_plain(source))}</p>"
            f"<h2>Vragen om te bespreken</h2>{_list(content['questions'], 'ol')}"
            f"<h2>Oefening: {html_text(content['exercise']['titel'])}</h2><p>{html_text(content['exercise']['tekst'])}</p>"
            "<h2>Adressen van het hoofdstuk</h2><ul class=\"adressen\">"
            + "".join(f"<li>{html_text(text)}: {html_text(address)}</li>" for text, address in content["addresses"])
            + "</ul>" + (f'<p class="licentie">{html_text(content["licence"][0])}</p>' if content["licence"][0] else ""))
    moment = f"{version.isoformat()}T00:00:00Z"
    html = (f'<!doctype html><html lang="nl-NL"><head><meta charset="utf-8"><title>{html_text(content["title"])}</title>'
            f'<meta name="author" content="{AUTHOR}"><meta name="dcterms.created" content="{moment}">'
            f'<meta name="dcterms.modified" content="{moment}"><style>{fonts}\n{style}</style></head>'
            f"<body>{body}</body></html>")
    return pdf_render.render(html, content["preview"], content["licence"][1])


def handout_docx(content: dict, source: dict, version: date) -> bytes:
    """The same hand-out as an editable Word file, with heading styles and Dutch proofing."""
    document = Document()
    if content["preview"]:
        mark_preview(document)
    set_language(document, "nl-NL")
    set_core_properties(document, content["title"], f"Lesmateriaal uit de {GUIDE}", version)
    if content["licence"][1]:
        document.core_properties.comments = content["licence"][1]
    for style in ("Normal", "List Bullet", "List Number"):
        document.styles[style].font.size = Pt(10)
    document.add_heading(content["title"], level=1)
    document.add_paragraph(content["subtitle"])
    document.add_heading("Leerdoelen", level=2)
    for goal in content["goals"]:
        document.add_paragraph(goal, style="List Bullet")
    document.add_heading(f"Casus: {content['case']['titel']}", level=2)
    document.add_paragraph(content["case"]["tekst"])
    document.add_paragraph(f"Bron: {source_plain(source)}")
    document.add_heading("Vragen om te bespreken", level=2)
    for question in content["questions"]:
        document.add_paragraph(question, style="List Number")
    document.add_heading(f"Oefening: {content['exercise']['titel']}", level=2)
    document.add_paragraph(content["exercise"]["tekst"])
    document.add_heading("Adressen van het hoofdstuk", level=2)
    for text, address in content["addresses"]:
        document.add_paragraph(f"{text}: {address}", style="List Bullet")
    if content["licence"][0]:
        document.add_paragraph(content["licence"][0])
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def _list(values: list[str], tag: str) -> str:
    return f"<{tag}>" + "".join(f"<li>{html_text(value)}</li>" for value in values) + f"</{tag}>"
