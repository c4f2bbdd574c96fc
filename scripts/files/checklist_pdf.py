"""A checklist as an accessible, fillable PDF: a checkbox named after each item, a notes field per section."""

from __future__ import annotations

from datetime import date

from scripts.files import pdf_render
from scripts.outputs import AUTHOR, GUIDE
from scripts.pages.checklist_header import LEGEND, header_fields
from scripts.pages.citations import source_address, source_text
from scripts.pages.markup import css_string, date_nl, html_text


_STYLE = """
@page { size: A4; margin: 18mm 18mm 22mm;
  @bottom-left { content: "Bron: %(guide)s, checklist ‘%(title)s’. Versie %(version)s."; font: 7.5pt Handreiking;
                 color: #333; width: 80%%; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 7.5pt Handreiking; color: #333; } }
body { font: 10pt/1.35 Handreiking; color: #111; }
h1 { font-size: 17pt; margin: 0 0 8pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; break-after: avoid; }
.info p { margin: 0 0 3pt; }
.kop { border: 0.8pt solid #666; padding: 4pt 8pt 6pt; margin: 8pt 0 4pt; break-inside: avoid; }
.kop h2 { font-size: 10.5pt; margin: 0 0 4pt; }
.kop__veld { display: flex; align-items: flex-end; gap: 6pt; margin: 0 0 4pt; }
.kop__veld label { flex: none; width: 42mm; font-weight: bold; }
.kop__veld input { flex: 1; height: 6.5mm; font: 10pt Handreiking; border: 0 none; border-bottom: 0.8pt solid #666; }
ul.punten { list-style: none; padding: 0; margin: 0; }
ul.punten li { display: flex; gap: 6pt; align-items: flex-start; margin: 0 0 5pt; break-inside: avoid; }
ul.punten input { flex: none; width: 10pt; height: 10pt; margin: 1.5pt 0 0; appearance: auto; }
label.notities { display: block; font-weight: bold; font-size: 9pt; margin: 6pt 0 2pt; break-after: avoid; }
textarea { display: block; width: 100%%; height: 20mm; font: 10pt Handreiking; border: 0.8pt solid #666; }
.regel { border-left: 2pt solid #00606b; padding: 3pt 8pt; margin: 10pt 0; background: #eef5f6; }
.bronnen p { font-size: 9pt; margin: 0 0 3pt; } .bronnen a { color: #00505a; word-break: break-all; }
.licentie { font-size: 8pt; color: #333; margin-top: 8pt; }
"""


def html(checklist: dict, sources: list[dict], version: date, rule: dict | None, fonts: str, rights: str = "") -> str:
    """The checklist as one HTML page, laid out for A4; every text from the data, escaped."""
    title = html_text(checklist["titel"])
    style = _STYLE % {"guide": css_string(GUIDE), "title": css_string(checklist["titel"]),
                      "version": date_nl(version.isoformat())}
    parts = [f'<h1>{title}</h1><div class="info">']
    for label, key in (("Doel", "doel"), ("Voor wie", "voor_wie"), ("Wanneer", "moment")):
        parts.append(f"<p><strong>{label}:</strong> {html_text(checklist[key])}</p>")
    parts.append("<p>Vink aan wat klaar is. Typ aantekeningen in het vak onder elk onderdeel.</p></div>")
    parts.append(header(checklist))
    for section in checklist["secties"]:
        parts.append(f"<h2>{html_text(section['titel'])}</h2><ul class=\"punten\">")
        for point in section["punten"]:
            text = html_text(point["tekst"])
            parts.append(f'<li><input type="checkbox" id="punt_{point["id"]}" name="punt_{point["id"]}" '
                         f'title="{text}"><label for="punt_{point["id"]}">{text}</label></li>')
        notes = f"Aantekeningen bij ‘{html_text(section['titel'])}’"
        parts.append(f'</ul><label class="notities" for="aantekeningen_{section["id"]}">{notes}</label>'
                     f'<textarea id="aantekeningen_{section["id"]}" name="aantekeningen_{section["id"]}" '
                     f'title="{notes}"></textarea>')
    if rule:
        parts.append(f'<div class="regel"><strong>De regel over voorwaarden.</strong> {html_text(rule["uitleg"])}</div>')
    parts.append('<h2>Bronnen</h2><div class="bronnen">'
                 + "".join(f"<p>{_source(s)}</p>" for s in sources) + "</div>")
    if rights:
        parts.append(f'<p class="licentie">{html_text(rights)}</p>')
    moment = f"{version.isoformat()}T00:00:00Z"
    return (f'<!doctype html><html lang="nl-NL"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="author" content="{AUTHOR}"><meta name="description" content="Checklist uit de {GUIDE}">'
            f'<meta name="keywords" content="Housing First, woningcorporatie, checklist">'
            f'<meta name="dcterms.created" content="{moment}"><meta name="dcterms.modified" content="{moment}">'
            f"<style>{fonts}\n{style}</style></head><body>{''.join(parts)}</body></html>")


def header(checklist: dict) -> str:
    """The header block as fillable text fields, each named kop_<field> with its label as accessible name."""
    fields = "".join(f'<div class="kop__veld"><label for="kop_{name}">{html_text(label)}</label>'
                     f'<input type="text" id="kop_{name}" name="kop_{name}" title="{html_text(label)}"></div>'
                     for name, label in header_fields(checklist))
    return f'<div class="kop"><h2>{LEGEND}</h2>{fields}</div>'


def checklist_pdf(checklist: dict, sources: list[dict], version: date, rule: dict | None, fonts: str,
                  preview: bool = False, rights: tuple[str, str] = ("", "")) -> bytes:
    """A4, tagged PDF/UA-1: every item a checkbox whose accessible name is its text; notes per section."""
    return pdf_render.render(html(checklist, sources, version, rule, fonts, rights[0]), preview, rights[1])


def _source(bron: dict) -> str:
    """A source with its address as a link a reader can click."""
    address = html_text(source_address(bron))
    return html_text(source_text(bron)) + (f' <a href="{address}">{address}</a>' if address else "")
