"""A small document model for hand-outs, written once and rendered twice: tagged PDF (WeasyPrint) and Word (A4, links).

A document is a list of blocks; text in a block is a string or a list of strings and Link()s:
  ("h1" | "h2" | "h3", text)   a heading
  ("p" | "klein", text)        a paragraph; 'klein' in a smaller type (sources, hints)
  ("ul" | "ol", [text, ...])   a list
  ("vakjes", [str, ...])       choices to tick, each with an empty box
  ("kaartjes", [str, ...])     cards to cut out: boxes without numbers, in the order given
  ("ruimte", lines)            room for notes: ruled lines
  ("tabel", caption, headers, [[text, ...], ...])
  ("nieuwe-pagina",)           what follows starts on a new page
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from markupsafe import escape

from scripts.files import pdf_render
from scripts.files.downloads import (add_hyperlink, mark_preview, saved_with_footer, set_a4, set_core_properties,
                                     set_language)
from scripts.outputs import AUTHOR, GUIDE
from scripts.pages.markup import css_string, date_nl, html_text


@dataclass(frozen=True, repr=False)
class Link:
    """A clickable address inside a text: what the reader sees and where it goes."""

    text: str
    href: str

    def __repr__(self):  # as dataclass writes it (it is in the hand-outs' cache keys), without its recursion guard
        return f"Link(text={self.text!r}, href={self.href!r})"


_STYLE = """
@page { size: A4; margin: 14mm 16mm 16mm;
  @bottom-left { content: "%(guide)s · Versie %(version)s"; font: 7pt Handreiking; color: #333; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 7pt Handreiking; color: #333; } }
body { font: 9.5pt/1.35 Handreiking; color: #111; }
h1 { font-size: 15pt; margin: 0 0 2pt; } h2 { font-size: 11pt; margin: 9pt 0 3pt; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 6pt 0 2pt; break-after: avoid; }
ul, ol { margin: 0 0 4pt 14pt; padding: 0; } li { margin: 0 0 1.5pt; } p { margin: 0 0 3pt; }
a { color: #00606b; }
.klein { font-size: 8pt; color: #333; }
ul.vakjes { list-style: none; margin-left: 4pt; }
ul.kaartjes { list-style: none; margin: 4pt 0; display: flex; flex-wrap: wrap; gap: 4pt; }
ul.kaartjes li { box-sizing: border-box; width: 48%%; border: 0.8pt dashed #555; padding: 6pt; margin: 0;
  min-height: 14mm; break-inside: avoid; }
div.ruimte { margin: 0 0 6pt; } div.ruimte div { height: 7.5mm; border-bottom: 0.5pt solid #999; }
.nieuwe-pagina { break-before: page; }
table { border-collapse: collapse; width: 100%%; margin: 2pt 0 6pt; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; margin-bottom: 2pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
"""


def to_html(blocks: list[tuple], title: str, version: date, fonts: str) -> str:
    """The document as one HTML page for WeasyPrint: headings, lists and tables that become PDF tags."""
    style = _STYLE % {"guide": css_string(GUIDE), "version": date_nl(version.isoformat())}
    moment = f"{version.isoformat()}T00:00:00Z"
    return (f'<!doctype html><html lang="nl-NL"><head><meta charset="utf-8"><title>{html_text(title)}</title>'
            f'<meta name="author" content="{AUTHOR}"><meta name="dcterms.created" content="{moment}">'
            f'<meta name="dcterms.modified" content="{moment}"><style>{fonts}\n{style}</style></head>'
            f"<body>{''.join(_html_block(block) for block in blocks)}</body></html>")


def to_pdf(blocks: list[tuple], title: str, version: date, fonts: str, preview: bool, rights: str = "") -> bytes:
    """The document as a tagged PDF/UA-1 file whose addresses are links."""
    return pdf_render.render(to_html(blocks, title, version, fonts), preview, rights)


def _inline(text: str) -> str:
    """Whitespace of data text folded to single spaces; a run's leading or trailing space stays (it joins runs)."""
    return re.sub(r"\s+", " ", str(text))


def _runs_html(text) -> str:
    if isinstance(text, str):
        return html_text(text)
    return "".join(f'<a href="{html_text(part.href)}">{html_text(part.text)}</a>' if isinstance(part, Link)
                   else str(escape(_inline(part))) for part in text)


def _html_block(block: tuple) -> str:
    kind = block[0]
    if kind in ("h1", "h2", "h3"):
        return f"<{kind}>{_runs_html(block[1])}</{kind}>"
    if kind in ("p", "klein"):
        return f'<p class="{kind}">{_runs_html(block[1])}</p>'
    if kind in ("ul", "ol", "kaartjes", "vakjes"):
        tag, extra = ("ol", "") if kind == "ol" else ("ul", f' class="{kind}"' if kind != "ul" else "")
        box = "☐ " if kind == "vakjes" else ""
        return f"<{tag}{extra}>" + "".join(f"<li>{box}{_runs_html(item)}</li>" for item in block[1]) + f"</{tag}>"
    if kind == "nieuwe-pagina":
        return '<div class="nieuwe-pagina"></div>'
    if kind == "ruimte":
        return '<div class="ruimte">' + "<div></div>" * block[1] + "</div>"
    if kind == "tabel":
        _, caption, headers, rows = block
        head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{_runs_html(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        return f"<table><caption>{html_text(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    raise ValueError(f"unknown block {kind!r}")


# Word -------------------------------------------------------------------------------------------



def to_docx(blocks: list[tuple], title: str, subject: str, version: date, preview: bool, rights: str = "") -> bytes:
    """The document as an editable Word file: A4 with Dutch margins, real hyperlinks, version and page number below."""
    from docx import Document  # here, as in downloads.py: a build that writes no Word file does not load it
    from docx.shared import Pt

    document = Document()
    if preview:
        mark_preview(document)
    set_a4(document)
    set_language(document, "nl-NL")
    set_core_properties(document, title, subject, version)
    if rights:
        document.core_properties.comments = rights  # Word has no rights field; the licence goes here
    for style in ("Normal", "List Bullet", "List Number"):
        document.styles[style].font.size = Pt(10)
    for block in blocks:
        _docx_block(document, block)
    return saved_with_footer(document, f"{GUIDE} · versie {date_nl(version.isoformat())} · pagina ")


def _docx_block(document, block: tuple) -> None:
    from docx.shared import Pt

    kind = block[0]
    if kind in ("h1", "h2", "h3"):
        _add_runs(document.add_heading(level=int(kind[1])), block[1])
    elif kind in ("p", "klein"):
        paragraph = document.add_paragraph()
        _add_runs(paragraph, block[1], Pt(8.5) if kind == "klein" else None)
    elif kind in ("ul", "ol"):
        for item in block[1]:
            _add_runs(document.add_paragraph(style="List Number" if kind == "ol" else "List Bullet"), item)
    elif kind == "vakjes":
        for item in block[1]:
            _add_runs(document.add_paragraph(), ["☐ ", item])
    elif kind == "kaartjes":
        table = document.add_table(rows=(len(block[1]) + 1) // 2, cols=2)
        table.style = "Table Grid"
        for index, card in enumerate(block[1]):
            cell = table.cell(index // 2, index % 2)
            cell.paragraphs[0].add_run(card)
            cell.paragraphs[0].paragraph_format.space_after = Pt(14)
        document.add_paragraph()
    elif kind == "nieuwe-pagina":
        document.add_page_break()
    elif kind == "ruimte":
        for _ in range(block[1]):
            _ruled(document.add_paragraph())
    elif kind == "tabel":
        _, caption, headers, rows = block
        document.add_paragraph().add_run(caption).bold = True
        table = document.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = "Table Grid"
        for column, header in enumerate(headers):
            table.cell(0, column).paragraphs[0].add_run(header).bold = True
        _repeat_header(table.rows[0])
        for r, row in enumerate(rows, start=1):
            for column, cell in enumerate(row):
                _add_runs(table.cell(r, column).paragraphs[0], cell)
        document.add_paragraph()
    else:
        raise ValueError(f"unknown block {kind!r}")


def _add_runs(paragraph, text, size=None) -> None:
    for part in ([text] if isinstance(text, str) else text):
        if isinstance(part, Link):
            add_hyperlink(paragraph, part.text, part.href)
        else:
            run = paragraph.add_run(_inline(part))
            if size:
                run.font.size = size


def _ruled(paragraph) -> None:
    """An empty line to write on: a paragraph with a bottom border."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.paragraph_format.space_before = Pt(12)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "999999")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _repeat_header(row) -> None:
    """The header row of a table repeats on every page it runs over (and marks it as a header for screen readers)."""
    from docx.oxml import OxmlElement

    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)

