"""A page per checklist in content/checklists.yml, its downloads offered on it, and the overview of them all."""

from __future__ import annotations

import json

from scripts import outputs
from scripts.pages.checklist_header import LEGEND, header_fields
from scripts.pages.citations import source_list
from scripts.pages.markup import file_size, html_text, link, md_text, table
from scripts.pages.render import conditions_rule_link


def mentions_conditions(checklist: dict) -> bool:
    """A checklist that speaks of a tenant's conditions shows the one rule about them."""
    words = ("voorwaarde", "huurplicht", "wat voor elke huurder geldt")
    return any(w in p["tekst"].lower() for s in checklist["secties"] for p in s["punten"] for w in words)


def page_markdown(checklist: dict, sizes: dict, sources: list[dict], rule: dict, titles: dict | None = None) -> str:
    """The whole Markdown of a checklist page, made from the data: no macro looks the checklist up again.
    titles: the nav title of each page in the checklist's 'zie_ook'."""
    src = outputs.checklist_page(checklist["id"])
    description = json.dumps(" ".join(checklist["doel"].split()), ensure_ascii=False)
    # Made from data, so there is no macro code in it: mkdocs-macros need not render it.
    parts = [f"---\ndescription: {description}\nrender_macros: false\n---\n", f"# {md_text(checklist['titel'])}\n", body(checklist, sizes, src)]
    if checklist.get("zie_ook"):
        pages = ", ".join(f"[{md_text((titles or {}).get(p, p))}]({link(src, p)})" for p in checklist["zie_ook"])
        parts.insert(2, f"**Zie ook:** {pages}\n{{ .checklist-zie-ook }}\n")
    if mentions_conditions(checklist):
        parts.append(conditions_rule_link(rule, src))
    parts.append(source_list(sources))
    return "\n".join(parts)


def download_buttons(checklist_id: str, sizes: dict, from_src: str) -> str:
    """'Download als PDF (34 kB)' and 'Download als Word (12 kB)' buttons."""
    buttons = []
    for kind, label in outputs.DOWNLOAD_KINDS.items():
        path = outputs.checklist_download(checklist_id, kind)
        buttons.append(f"[Download als {label} ({file_size(sizes[kind])})]({link(from_src, path)})"
                       f"{{ .md-button download=\"{path.rsplit('/', 1)[-1]}\" }}")
    return '<div class="downloads" markdown>\n\n' + "\n".join(buttons) + "\n\n</div>\n"


def body(checklist: dict, sizes: dict, from_src: str) -> str:
    """Purpose, downloads, and the sections with real labelled checkboxes and a reset button."""
    cid = checklist["id"]
    parts = [
        '<div class="checklist-info" markdown>\n\n'
        f"**Doel:** {md_text(checklist['doel'])}\n\n"
        f"**Voor wie:** {md_text(checklist['voor_wie'])}\n\n"
        f"**Wanneer:** {md_text(checklist['moment'])}\n\n</div>\n",
        download_buttons(cid, sizes, from_src),
        header_block(checklist),
    ]
    for section in checklist["secties"]:
        items = "\n".join(
            f'<li><input type="checkbox" id="punt-{html_text(p["id"])}" data-punt="{html_text(p["id"])}">'
            f' <label for="punt-{html_text(p["id"])}">{html_text(p["tekst"])}</label></li>'
            for p in section["punten"]
        )
        parts.append(f"## {md_text(section['titel'])} {{ #{section['id']} }}\n\n"
                     f'<ul class="checklist" data-checklist="{html_text(cid)}">\n{items}\n</ul>\n')
    parts.append(
        f'<div class="checklist-acties" data-checklist="{html_text(cid)}" hidden>\n'
        '<p class="checklist-acties__status" role="status"></p>\n'
        '<button type="button" class="md-button checklist-acties__wissen">Alles wissen</button>\n'
        "</div>\n"
    )
    return "\n".join(parts)


def header_block(checklist: dict) -> str:
    """Fields for who or what, the date and who was present; assets/javascripts/handreiking.js keeps them in this
    browser only."""
    cid = html_text(checklist["id"])
    fields = []
    for name, label in header_fields(checklist):
        kind = "date" if name == "datum" else "text"
        fields.append(f'<p class="checklist-kop__veld"><label for="kop-{name}">{html_text(label)}</label>'
                      f'<input type="{kind}" id="kop-{name}" data-kop="{name}" autocomplete="off"></p>')
    return (f'<fieldset class="checklist-kop" data-checklist="{cid}">\n<legend>{LEGEND}</legend>\n'
            + "\n".join(fields) + "\n"
            '<p class="checklist-kop__uitleg">Wat je hier invult, blijft op dit apparaat: de site stuurt het nergens '
            "heen. Je browser onthoudt het, net als de vinkjes, tot je onderaan op Alles wissen drukt. Werk je op een "
            "computer die je met anderen deelt? Wis het dan na afloop.</p>\n</fieldset>\n")


def overview(checklists: list[dict], sizes: dict, from_url: str) -> str:
    """Every checklist with its audience and both downloads, as a table."""
    rows = []
    for c in checklists:
        cid = c["id"]
        page = link(from_url, outputs.page_url(outputs.checklist_page(cid)))
        downloads = " ".join(
            f'<a href="{link(from_url, outputs.checklist_download(cid, kind))}" download="{cid}.{kind}">'
            f"{label} ({file_size(sizes[cid][kind])})</a>"
            for kind, label in outputs.DOWNLOAD_KINDS.items()
        )
        rows.append(
            f'<tr><th scope="row"><a href="{page}">{html_text(c["titel"])}</a></th>'
            f'<td data-label="Voor wie">{html_text(c["voor_wie"])}</td>'
            f'<td data-label="Downloads" class="tabel__downloads">{downloads}</td></tr>'
        )
    return table("Alle checklists", ("Checklist", "Voor wie", "Downloads"), rows)


def nav_entries(checklists: list[dict]) -> list[dict]:
    """The nav entries of the checklist pages, for the 'Checklists' section."""
    return [{c["titel"]: outputs.checklist_page(c["id"])} for c in checklists]
