"""Make a checklist's downloads: a fillable PDF and an editable Word file, the same bytes every build."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timezone
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from scripts.render import date_nl, source_plain

GUIDE = "Handreiking Housing First voor woningcorporaties"
AUTHOR = "Housing First Nederland"
_MARGIN = 20 * mm
_BOX = 11
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_PAGE_COUNT_FORM = "aantal_paginas"


def checklist_pdf(checklist: dict, sources: list[dict], version: date) -> bytes:
    """A4 PDF with an AcroForm checkbox per item and a notes field per section."""
    return _render_pdf(checklist, sources, version)


def checklist_docx(checklist: dict, sources: list[dict], version: date) -> bytes:
    """Word file with heading styles and clickable checkboxes (w14:checkbox content controls)."""
    document = Document()
    _set_language(document, "nl-NL")
    properties = document.core_properties
    properties.title = checklist["titel"]
    properties.subject = f"Checklist uit de {GUIDE}"
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.language = "nl-NL"
    properties.keywords = "Housing First; woningcorporatie; checklist"
    properties.comments = _clean(checklist["doel"])
    properties.revision = 1
    moment = _datetime(version)
    properties.created = properties.modified = properties.last_printed = moment

    document.add_heading(checklist["titel"], level=1)
    for label, key in (("Doel", "doel"), ("Voor wie", "voor_wie"), ("Wanneer", "moment")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(_clean(checklist[key]))
    document.add_paragraph("Klik op een vakje om het aan te vinken. Pas de lijst gerust aan jullie eigen afspraken aan.")
    for section in checklist["secties"]:
        document.add_heading(section["titel"], level=2)
        for point in section["punten"]:
            paragraph = document.add_paragraph(style="List Paragraph")
            paragraph.paragraph_format.left_indent = Pt(22)
            paragraph.paragraph_format.first_line_indent = Pt(-22)
            paragraph._p.append(_checkbox_control(f"punt_{point['id']}"))
            paragraph.add_run("\t" + _clean(point["tekst"]))
        notes = document.add_paragraph()
        notes.add_run("Aantekeningen:").bold = True
        notes.add_run().add_break(WD_BREAK.LINE)
        notes.add_run().add_break(WD_BREAK.LINE)
    document.add_heading("Bronnen", level=2)
    for source in sources:
        document.add_paragraph(source_plain(source), style="List Bullet")

    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"Bron: {GUIDE}, versie {date_nl(version.isoformat())}. Pagina "
    _add_page_field(footer)
    for run in footer.runs:
        run.font.size = Pt(8)

    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


# PDF --------------------------------------------------------------------------------------------

def _styles() -> dict:
    base = ParagraphStyle("tekst", fontName="Helvetica", fontSize=10, leading=13)
    return {
        "titel": ParagraphStyle("titel", parent=base, fontName="Helvetica-Bold", fontSize=18, leading=22,
                                spaceAfter=8),
        "kop": ParagraphStyle("kop", parent=base, fontName="Helvetica-Bold", fontSize=13, leading=16,
                              spaceBefore=10, spaceAfter=4, keepWithNext=True),
        "tekst": base,
        "info": ParagraphStyle("info", parent=base, spaceAfter=3),
        "label": ParagraphStyle("label", parent=base, fontName="Helvetica-Bold", fontSize=9, spaceBefore=4,
                                keepWithNext=True),
        "voet": ParagraphStyle("voet", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#333333")),
    }


class _CheckBox(Flowable):
    """A real AcroForm checkbox where the flowable lands on the page."""

    def __init__(self, name: str, tooltip: str):
        super().__init__()
        self.name, self.tooltip = name, tooltip
        self.width = self.height = _BOX

    def draw(self):
        self.canv.acroForm.checkbox(
            name=self.name, tooltip=self.tooltip, size=_BOX, x=0, y=0, relative=True,
            buttonStyle="check", borderWidth=1, borderColor=colors.black, fillColor=colors.white,
            textColor=colors.black, fieldFlags="", forceBorder=True,
        )


class _NotesField(Flowable):
    """A multi-line AcroForm text field for a section's notes."""

    def __init__(self, name: str, tooltip: str, width: float, height: float = 22 * mm):
        super().__init__()
        self.name, self.tooltip = name, tooltip
        self.width, self.height = width, height

    def draw(self):
        self.canv.acroForm.textfield(
            name=self.name, tooltip=self.tooltip, x=0, y=0, width=self.width, height=self.height,
            relative=True, fieldFlags="multiline", maxlen=4000, fontName="Helvetica", fontSize=10,
            borderWidth=1, borderColor=colors.HexColor("#666666"), fillColor=colors.white,
            textColor=colors.black, forceBorder=True,
        )


class _NumberedCanvas(Canvas):
    """Writes the page count once, at the end, into a form that every footer already shows."""

    def save(self):
        self.beginForm(_PAGE_COUNT_FORM)
        self.setFont("Helvetica", 8)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


def _render_pdf(checklist: dict, sources: list[dict], version: date) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    width = A4[0] - 2 * _MARGIN
    footer_source = f"Bron: {GUIDE}, checklist ‘{checklist['titel']}’. Versie {date_nl(version.isoformat())}."
    page_label_x = A4[0] - _MARGIN - 25 * mm

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setDateFormatter(lambda *_: version.strftime("D:%Y%m%d000000+00'00'"))
        source = Paragraph(escape(footer_source), styles["voet"])
        _, height = source.wrap(width - 30 * mm, _MARGIN)
        top = _MARGIN - 4 * mm
        source.drawOn(canvas, _MARGIN, top - height)
        label = f"Pagina {doc.page} van "
        baseline = top - styles["voet"].leading + 2
        canvas.setFont("Helvetica", 8)
        canvas.drawString(page_label_x, baseline, label)
        canvas.translate(page_label_x + canvas.stringWidth(label, "Helvetica", 8), baseline)
        canvas.doForm(_PAGE_COUNT_FORM)
        canvas.restoreState()

    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN, bottomMargin=_MARGIN,
        title=checklist["titel"], author=AUTHOR, subject=f"Checklist uit de {GUIDE}",
        creator=GUIDE, keywords=["Housing First", "woningcorporatie", "checklist"], lang="nl-NL",
        invariant=1,
    )
    frame = Frame(_MARGIN, _MARGIN, width, A4[1] - 2 * _MARGIN, id="tekst", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="pagina", frames=[frame], onPage=footer)])

    story = [Paragraph(escape(checklist["titel"]), styles["titel"])]
    for label, key in (("Doel", "doel"), ("Voor wie", "voor_wie"), ("Wanneer", "moment")):
        story.append(Paragraph(f"<b>{label}:</b> {escape(_clean(checklist[key]))}", styles["info"]))
    story.append(Paragraph("Vink aan wat klaar is. Typ aantekeningen in het vak onder elk onderdeel.",
                           styles["info"]))
    for section in checklist["secties"]:
        story.append(Paragraph(escape(section["titel"]), styles["kop"]))
        rows = [[_CheckBox(f"punt_{p['id']}", _clean(p["tekst"])), Paragraph(escape(_clean(p["tekst"])), styles["tekst"])]
                for p in section["punten"]]
        table = Table(rows, colWidths=[8 * mm, width - 8 * mm], splitByRow=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        story.append(table)
        story.append(Paragraph(f"Aantekeningen bij ‘{escape(section['titel'])}’", styles["label"]))
        story.append(_NotesField(f"aantekeningen_{section['id']}", f"Aantekeningen bij {section['titel']}", width))
    story.append(Paragraph("Bronnen", styles["kop"]))
    for source in sources:
        story.append(Paragraph(escape(source_plain(source)), styles["info"]))
    story.append(Spacer(1, 4 * mm))
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


# Word -------------------------------------------------------------------------------------------

def _checkbox_control(tag: str):
    """<w:sdt> with a w14:checkbox: Word shows a box that toggles between ☐ and ☒ on click."""
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    tag_element = OxmlElement("w:tag")
    tag_element.set(qn("w:val"), tag)
    properties.append(tag_element)
    checkbox = OxmlElement("w14:checkbox")
    checked = OxmlElement("w14:checked")
    checked.set(qn("w14:val"), "0")
    checkbox.append(checked)
    for name, symbol in (("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")):
        state = OxmlElement(name)
        state.set(qn("w14:val"), symbol)
        state.set(qn("w14:font"), "MS Gothic")
        checkbox.append(state)
    properties.append(checkbox)
    sdt.append(properties)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    run_properties = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), "MS Gothic")
    fonts.set(qn("w:eastAsia"), "MS Gothic")
    fonts.set(qn("w:hAnsi"), "MS Gothic")
    run_properties.append(fonts)
    run.append(run_properties)
    text = OxmlElement("w:t")
    text.text = "\u2610"
    run.append(text)
    content.append(run)
    sdt.append(content)
    return sdt


def _add_page_field(paragraph) -> None:
    """A PAGE field, so Word numbers the pages itself."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == "PAGE":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text


def _set_language(document, language: str) -> None:
    """Default proofing language of every style, so Word checks Dutch spelling."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), language)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx zip with fixed timestamps and order, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return output.getvalue()


# Shared -----------------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _datetime(version: date) -> datetime:
    return datetime(version.year, version.month, version.day, tzinfo=timezone.utc)
