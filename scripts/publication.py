"""Who publishes the guide, how to reach them and under which licence: one block in mkdocs.yml, required for a release."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from scripts.content.problems import EditorError, Problem
from scripts.pages.markup import html_text
from scripts.site_nav import line_of_key

# Each setting under extra.uitgave in mkdocs.yml, with what an editor should write there.
FIELDS = {
    "uitgever": "de naam van de organisatie die de handreiking uitgeeft",
    "contact": "een e-mailadres, of het webadres (https://...) van een contactformulier",
    "licentie": "de licentie van de eigen tekst van de handreiking, bijvoorbeeld CC BY 4.0",
    "herziening": "hoe vaak de handreiking wordt nagelopen, bijvoorbeeld 'elk jaar in maart'",
}
# Material's search leaves this line out of the index: it is on every page and answers no question.
_NOT_SEARCHED = "data-search-exclude"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Publication:
    """The publication settings of one build; empty strings where a preview has none yet."""

    uitgever: str = ""
    contact: str = ""
    licentie: str = ""
    herziening: str = ""


def read(config: dict, config_text: str, preview: bool) -> Publication:
    """The settings from mkdocs.yml's extra.uitgave; a release without all of them stops with a Dutch message."""
    settings = (config.get("extra") or {}).get("uitgave") or {}
    problems = []
    if not isinstance(settings, dict):
        settings, problems = {}, [_problem(config_text, "uitgave", "hier horen de velden " + ", ".join(FIELDS))]
    for key, value in settings.items():
        if key not in FIELDS:
            problems.append(_problem(config_text, key, f"onbekend veld; hier horen {', '.join(FIELDS)}"))
        elif value is not None and not isinstance(value, str):
            problems.append(_problem(config_text, key, f"schrijf hier tekst: {FIELDS[key]}"))
    values = {key: " ".join(str(settings.get(key) or "").split()) for key in FIELDS}
    contact = values["contact"]
    if contact and not (_EMAIL.match(contact) or contact.startswith("https://")):
        problems.append(_problem(config_text, "contact", f"'{contact}' is geen e-mailadres en geen https-adres"))
    if not preview:
        problems += [_problem(config_text, key, f"vul dit in voor je publiceert: {FIELDS[key]}")
                     for key, value in values.items() if not value]
    if problems:
        raise EditorError(problems)
    return Publication(**values)


def _problem(config_text: str, key: str, message: str) -> Problem:
    return Problem("mkdocs.yml", line_of_key(config_text, key), f"extra.uitgave.{key}" if key != "uitgave" else "extra.uitgave", message)


def licence_line(publication: Publication) -> str:
    """The licence in one sentence, the same in the footer, on every download and in its metadata; what may be
    adapted is the guide's own text, not what it quotes. A preview without a licence says it has none yet."""
    if not publication.licentie:
        return "Licentie: nog niet vastgesteld (proefversie)."
    return (f"Licentie van de eigen tekst van de handreiking, ook in checklists en hand-outs: {publication.licentie}. "
            "Die tekst mag je volgens de licentie delen en aanpassen, met de handreiking als bron; citaten en "
            "gegevens uit bronnen vallen er niet onder.")


def licence_texts(publication: Publication) -> tuple[str, str]:
    """The licence as shown on a download (after the publisher's name: a checklist or hand-out handed on says whose
    it is) and as kept in its metadata."""
    publisher = f"Een uitgave van {publication.uitgever}. " if publication.uitgever else ""
    return publisher + licence_line(publication), licence_short(publication)


def licence_short(publication: Publication) -> str:
    """The licence for a file's metadata (Word allows 255 characters there)."""
    if not publication.licentie:
        return "Licentie: nog niet vastgesteld (proefversie)."
    return f"{publication.licentie} voor de eigen tekst van de handreiking; citaten uit bronnen vallen er niet onder."


def publisher_line(publication: Publication) -> str:
    """HTML: one line that names the publisher, or nothing when none is set (a preview)."""
    if not publication.uitgever:
        return ""
    return f'<p class="uitgever">Een uitgave van <strong>{html_text(publication.uitgever)}</strong></p>\n'


def colophon(publication: Publication, version_label: str, preview: bool) -> str:
    """HTML: the colophon's table of who publishes the guide, its version, licence, review and contact."""
    def shown(value: str, what: str) -> str:
        return html_text(value) if value else f"<em>nog niet ingesteld ({what}; proefversie)</em>"

    rows = [("Uitgever", shown(publication.uitgever, "uitgever")),
            ("Versie", html_text(version_label) + (" (proefversie, nog niet gepubliceerd)" if preview else "")),
            ("Licentie", shown(publication.licentie, "licentie")),
            ("Herziening", shown(publication.herziening, "herziening")),
            ("Contact", contact_link(publication))]
    body = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return f'<table class="gegevenstabel colofon">\n<caption>Gegevens van de uitgave</caption>\n<tbody>{body}</tbody>\n</table>\n'


def contact_link(publication: Publication) -> str:
    """HTML: the publisher's contact address as a link (e-mail or form), or in a preview a note that it is not set."""
    contact = publication.contact
    if _EMAIL.match(contact):
        return f'<a href="mailto:{html_text(contact)}">{html_text(contact)}</a>'
    if contact:
        return f'<a href="{html_text(contact)}">{html_text(contact)}</a>'
    return "<em>nog niet ingesteld (contactadres; proefversie)</em>"


def report_link(publication: Publication, title: str, address: str) -> str:
    """HTML: the 'Klopt er iets niet?' line; an e-mail with page and address filled in, or the contact's form."""
    contact = publication.contact
    if _EMAIL.match(contact):
        subject = quote(f"Klopt er iets niet? {title}")
        body = quote(f"Over de pagina: {title}\nAdres: {address}\n\nWat klopt er niet?\n")
        target = f"mailto:{contact}?subject={subject}&body={body}"
    elif contact:
        target = contact
    else:
        return (f'<p class="handreiking-melden" {_NOT_SEARCHED}>Klopt er iets niet? In deze proefversie staat '
                "nog geen contactadres; dat komt in de gepubliceerde versie.</p>")
    how = ("Je e-mailprogramma opent met de titel en het adres van deze pagina al ingevuld." if target.startswith("mailto:")
           else "Je komt op het contactformulier van de uitgever.")
    return (f'<p class="handreiking-melden" {_NOT_SEARCHED}>Klopt er iets niet? '
            f'<a href="{html_text(target)}">Meld het aan de uitgever</a>. {how}</p>')
