"""Register the guide's macros: one per kind of data in content/, each rendering for the current page."""

from __future__ import annotations

import traceback

from jinja2 import UndefinedError
from mkdocs_macros.errors import format_error

from scripts import render


class MacroError(ValueError):
    """A macro was called with an id or option that the data does not have."""


def register_macros(env) -> None:
    guide = env.conf.extra["handreiking"]
    content = guide.content
    sources_by_id = {b["id"]: b for b in content.bronnen}

    def page_src() -> str:
        return env.page.file.src_uri

    def find(records: list[dict], record_id: str, what: str, where: str) -> dict:
        for record in records:
            if record["id"] == record_id:
                return record
        known = ", ".join(r["id"] for r in records)
        raise MacroError(f"onbekende {what} '{record_id}'; bekend in content/{where}: {known}")

    def sources(ids) -> list[dict]:
        return [find(content.bronnen, i, "bron", "bronnen.yml") for i in ids]

    @env.macro
    def bron(bron_id: str) -> str:
        return render.citation(sources([bron_id])[0], page_src())

    @env.macro
    def bronnenlijst(*bron_ids: str) -> str:
        if not bron_ids:
            raise MacroError("bronnenlijst() heeft minstens één bron-id nodig")
        return render.source_list(sources(bron_ids))

    @env.macro
    def alle_bronnen() -> str:
        return render.all_sources(content.bronnen)

    @env.macro
    def corporaties() -> str:
        return render.corporations_table(content.corporaties, sources_by_id, page_src())

    @env.macro
    def corporaties_praktijk() -> str:
        return render.corporations_practice(content.corporaties, sources_by_id, page_src())

    @env.macro
    def principes(kort: bool = False) -> str:
        if kort:
            return render.principles_short(content.principes, page_src())
        return render.principles(content.principes, sources_by_id, page_src())

    @env.macro
    def praktijk(thema: str | None = None, soort: str | None = None) -> str:
        chosen = [r for r in content.praktijk
                  if thema in (None, r["thema"]) and soort in (None, r["soort"])]
        if not chosen:
            raise MacroError(f"praktijk(thema={thema!r}, soort={soort!r}) vindt niets in content/praktijk.yml")
        return render.practice(chosen, sources_by_id, page_src())

    @env.macro
    def partners(kring: str | None = None) -> str:
        chosen = [p for p in content.partners if kring in (None, p["kring"])]
        if not chosen:
            raise MacroError(f"partners(kring={kring!r}) vindt niets; kies 'driehoek' of 'netwerk'")
        caption = {None: "Partners rond de huurder", "driehoek": "De driehoek",
                   "netwerk": "Het netwerk rond de huurder"}[kring]
        return render.partners_table(chosen, caption)

    @env.macro
    def voorwaarden_regel() -> str:
        return render.conditions_rule(find(content.begrippen, "voorwaarden", "begrip", "begrippen.yml"), page_src())

    @env.macro
    def route() -> str:
        return render.route(content.route, content.checklists, page_src())

    @env.macro
    def begrippen() -> str:
        return render.glossary(content.begrippen)

    @env.macro
    def checklist(checklist_id: str) -> str:
        record = find(content.checklists, checklist_id, "checklist", "checklists.yml")
        return render.checklist(record, guide.download_sizes()[checklist_id], page_src())

    @env.macro
    def checklists_overzicht() -> str:
        return render.checklists_overview(content.checklists, guide.download_sizes(), env.page.file.url)

    @env.macro
    def offline_editie() -> str:
        return render.offline_edition(guide.offline, guide.offline_zip_size(), page_src())


@format_error.register
def _format_macro_error(error: MacroError, markdown: str, page) -> str:
    return f"docs/{page.file.src_path}:{_source_line(error, markdown, page)}: {error}"


@format_error.register
def _format_undefined(error: UndefinedError, markdown: str, page) -> str:
    return (f"docs/{page.file.src_path}:{_source_line(error, markdown, page)}: onbekende naam in een macro of "
            f"variabele ({error}); kijk in SCHRIJFWIJZER.md welke macro's er zijn")


def _source_line(error: Exception, markdown: str, page) -> int | str:
    """The line in the editor's file where Jinja was when the error happened (front matter counted)."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    if not lines:
        return "?"
    source = page.file.content_string
    front_matter = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    return lines[-1] + front_matter
