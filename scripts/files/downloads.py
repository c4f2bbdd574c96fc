"""A checklist as an editable Word file with clickable checkboxes, the same bytes every build (PDF: checklist_pdf.py)."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timezone

from scripts.outputs import AUTHOR, GUIDE, PREVIEW_MARK
from scripts.pages.checklist_header import LEGEND, header_fields
from scripts.pages.citations import source_address, source_text
from scripts.pages.markup import date_nl

# python-docx is imported in the functions that write Word: loading it took 30 to 45 ms of every build, and a build
# takes its Word files from the cache unless their content changed.
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# A4 in twips (1/20 pt), as Word writes it; margins of 2.5 cm, as Dutch offices are used to. python-docx starts from
# US Letter with 1-inch margins.
_A4 = (11906, 16838)
_MARGIN = 1418  # 2.5 cm
# The guide's link colour (dark teal), as in the PDFs.
LINK_COLOUR = "00606B"


def checklist_docx(checklist: dict, sources: list[dict], version: date, rule: dict | None = None,
                   preview: bool = False, rights: tuple[str, str] = ("", "")) -> bytes:
    """Word file with heading styles and clickable checkboxes (w14:checkbox content controls); rights: the licence
    in full (at the end) and short (in the file's comments: Word has no field for rights, and allows 255 characters)."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = Document()
    set_a4(document)
    if preview:
        mark_preview(document)
    set_a4(document)
    set_language(document, "nl-NL")
    set_core_properties(document, checklist["titel"], f"Checklist uit de {GUIDE}", version)
    document.core_properties.keywords = "Housing First; woningcorporatie; checklist"
    document.core_properties.comments = rights[1] or _clean(checklist["doel"])

    document.add_heading(checklist["titel"], level=1)
    for label, key in (("Doel", "doel"), ("Voor wie", "voor_wie"), ("Wanneer", "moment")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(_clean(checklist[key]))
    document.add_paragraph("Klik op een vakje om het aan te vinken. Pas de lijst gerust aan jullie eigen afspraken aan.")
    add_header_table(document, checklist)
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
    if rule:
        paragraph = document.add_paragraph()
        paragraph.add_run("De regel over voorwaarden. ").bold = True
        paragraph.add_run(_clean(rule["uitleg"]))
    document.add_heading("Bronnen", level=2)
    for source in sources:
        paragraph = document.add_paragraph(source_text(source), style="List Bullet")
        if source_address(source):
            paragraph.add_run(" ")
            add_hyperlink(paragraph, source_address(source), source_address(source))
    if rights[0]:
        document.add_paragraph(rights[0])
    return saved_with_footer(document, f"Bron: {GUIDE}, versie {date_nl(version.isoformat())}. Pagina ")


def saved_with_footer(document, text: str) -> bytes:
    """The Word file's bytes, with text and the page number in small type at the foot of every page."""
    from docx.shared import Pt

    footer = document.sections[0].footer.paragraphs[0]
    footer.text = text
    add_page_field(footer)
    for run in footer.runs:
        run.font.size = Pt(8)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


# Word -------------------------------------------------------------------------------------------

def set_a4(document) -> None:
    """Every section on A4 portrait with 2.5 cm margins (python-docx's template is US Letter)."""
    from docx.shared import Twips

    for section in document.sections:
        section.page_width, section.page_height = map(Twips, _A4)
        section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Twips(_MARGIN)
        section.header_distance = section.footer_distance = Twips(709)  # 1.25 cm


def add_header_table(document, checklist: dict) -> None:
    """The header block as a two-column table: the label, and an empty cell to type in."""
    from docx.shared import Twips

    document.add_paragraph().add_run(LEGEND).bold = True
    fields = header_fields(checklist)
    table = document.add_table(rows=len(fields), cols=2)
    table.style = "Table Grid"
    _describe_table(table, LEGEND, "Vul per rij in: " + ", ".join(label for _, label in fields).lower() + ".")
    for row, (_, label) in zip(table.rows, fields):
        row.height = Twips(454)  # 8 mm: room to write by hand on a print
        row.cells[0].width, row.cells[1].width = Twips(2835), Twips(6235)  # 5 cm and 11 cm
        row.cells[0].paragraphs[0].add_run(label).bold = True
    document.add_paragraph()


def _describe_table(table, title: str, description: str) -> None:
    """Title and description of a table (w:tblCaption, w:tblDescription), read out by screen readers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    for tag, text in (("w:tblCaption", title), ("w:tblDescription", description)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), text)
        properties.append(element)


def _checkbox_control(tag: str):
    """<w:sdt> with a w14:checkbox: Word shows a box that toggles between ☐ and ☒ on click."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

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


def add_hyperlink(paragraph, text: str, address: str) -> None:
    """A real Word hyperlink (w:hyperlink with an external relationship): Ctrl+click opens the address."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relation = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), LINK_COLOUR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(colour)
    properties.append(underline)
    run.append(properties)
    value = OxmlElement("w:t")
    value.set(qn("xml:space"), "preserve")
    value.text = text
    run.append(value)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def add_page_field(paragraph) -> None:
    """A PAGE field, so Word numbers the pages itself."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

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




def mark_preview(document) -> None:
    """The preview mark in the page header of a Word file, on every page."""
    from docx.shared import Pt, RGBColor

    run = document.sections[0].header.paragraphs[0].add_run(PREVIEW_MARK)
    run.bold = True
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x8A, 0x1C, 0x1C)


def set_core_properties(document, title: str, subject: str, version: date) -> None:
    """Title, subject, author and dates of a Word file: fixed by the version date, so the bytes do not change."""
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = properties.last_modified_by = AUTHOR
    properties.language = "nl-NL"
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = _datetime(version)


def set_language(document, language: str) -> None:
    """Default proofing language of every style, so Word checks Dutch spelling."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), language)


def normalise_zip(data: bytes) -> bytes:
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
