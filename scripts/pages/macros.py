"""The guide's macros: module-level functions of this build's guide and the current page, one per kind of data."""

from __future__ import annotations

from inspect import Parameter, signature
from typing import TYPE_CHECKING, Callable

from scripts import outputs, publication, site_nav
from scripts.content import UnknownRecord
from scripts.files import offline
from scripts.pages import changelog, checklist_pages, citations, render, scan, section_sources, trainers
from scripts.pages import wat_nu as decision_aid

if TYPE_CHECKING:  # the pipeline reads READS below to date each page
    from scripts.pipeline import Guide


class MacroError(ValueError):
    """A macro was used in a way the data does not allow: an unknown id, a wrong argument, no parentheses."""


def bron(guide: Guide, page: str, bron_id: str, in_tekst: bool = False) -> str:
    """The source of what the text says, shown in the section's 'Bron' line; in_tekst=True also cites it right
    there, for a figure, a date-bound rule or a law."""
    source = guide.content.find("bronnen", bron_id)
    return citations.citation(source, page) if in_tekst else section_sources.mark(source["id"])


def bronnenlijst(guide: Guide, page: str, *bron_ids: str) -> str:
    """The closing 'Bronnen' section of a page, with these sources in full."""
    if not bron_ids:
        raise MacroError("bronnenlijst() heeft minstens één bron-id nodig, bijvoorbeeld bronnenlijst(\"hfnl-handreiking\")")
    return citations.source_list([guide.content.find("bronnen", b) for b in bron_ids])


def alle_bronnen(guide: Guide, page: str) -> str:
    """Every source, each with its id as anchor (the Bronnen page)."""
    return citations.all_sources(guide.content.bronnen)


def corporaties(guide: Guide, page: str) -> str:
    """The reference group as a table, with the sources of each corporation's role."""
    return render.corporations_table(guide.content.corporaties, _sources(guide), page)


def corporaties_praktijk(guide: Guide, page: str) -> str:
    """How each corporation that has a 'praktijk' works, under its own heading."""
    return render.corporations_practice(guide.content.corporaties, _sources(guide), page)


def principes(guide: Guide, page: str, kort: bool = False) -> str:
    """The eight principles with their own headings, or (kort=true) a numbered list linking to them."""
    if kort:
        return render.principles_short(guide.content.principes, page)
    return render.principles(guide.content.principes, _sources(guide), page)


def praktijk(guide: Guide, page: str, thema: str | None = None, soort: str | list | None = None) -> str:
    """Do's, pitfalls, examples and conflicting advice from practice, of one theme and/or kind (or a list of
    kinds, shown in that order), in one block that opens."""
    kinds = [soort] if isinstance(soort, str) or soort is None else list(soort)
    chosen = [r for kind in kinds for r in guide.content.praktijk
              if thema in (None, r["thema"]) and kind in (None, r["soort"])]
    if not chosen:
        raise MacroError(f"praktijk(thema={thema!r}, soort={soort!r}) vindt niets in content/praktijk.yml")
    return render.practice(chosen, _sources(guide), page)


def partners(guide: Guide, page: str, kring: str | None = None) -> str:
    """The partners around a tenant and their tasks, all or one circle ('driehoek' or 'netwerk')."""
    chosen = [p for p in guide.content.partners if kring in (None, p["kring"])]
    if not chosen:
        raise MacroError(f"partners(kring={kring!r}) vindt niets; kies 'driehoek' of 'netwerk'")
    caption = {"driehoek": "De driehoek", "netwerk": "Het netwerk rond de huurder"}.get(kring, "Partners rond de huurder")
    return render.partners_table(chosen, caption)


def begrippen(guide: Guide, page: str) -> str:
    """The glossary, grouped by first letter (the Begrippen page)."""
    return render.glossary(guide.content.begrippen, page)


def voorwaarden_regel(guide: Guide, page: str, kort: bool = False) -> str:
    """The one rule on a tenant's conditions, in the glossary's words: in full (only on the kernprincipes page),
    or (kort=true) in one line with a link to it."""
    rule = guide.content.find("begrippen", "voorwaarden")
    if kort:
        return render.conditions_rule_link(rule, page)
    if page != render.RULE_PAGE:
        raise MacroError(f"de hele regel over voorwaarden staat alleen op {render.RULE_PAGE}; schrijf hier "
                         "{{ voorwaarden_regel(kort=true) }}: één zin met een link naar de hele regel")
    return render.conditions_rule(rule, page)


def route(guide: Guide, page: str) -> str:
    """The steps for a first Housing First tenant, each with its section and checklist."""
    return render.route(guide.content.route, guide.content.checklists, page)


def escalatieladder(guide: Guide, page: str, ladder: str = "overlast") -> str:
    """An escalation ladder ('overlast' or 'huurachterstand') from content/escalatie.yml, step by step."""
    if not any(s["ladder"] == ladder for s in guide.content.escalatie):
        raise MacroError(f"escalatieladder(ladder={ladder!r}) vindt niets; kies 'overlast' of 'huurachterstand'")
    return render.escalation_ladder(guide.content.escalatie, ladder, _sources(guide), page)


def corporatiescan(guide: Guide, page: str) -> str:
    """The corporatie-scan from content/corporatiescan.yml: statements per principle, score, what to read first."""
    docs = guide.options.root / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8-sig") for p in sorted(docs.glob("*.md"))}
    titles = scan.section_titles(pages, site_nav.nav_titles(guide.nav), guide.content.principes)
    return scan.page(guide.content.corporatiescan, guide.content.principes, guide.content.checklists, _sources(guide),
                     titles, page)


def wat_nu(guide: Guide, page: str) -> str:
    """'Wat doe ik nu?': the escalation ladders as questions, one at a time, each ending in an action."""
    return decision_aid.page(guide.content.escalatie, guide.content.checklists, page)


def taken(guide: Guide, page: str) -> str:
    """The task cards at the top of the home page, from content/taken.yml."""
    return render.tasks(guide.content.taken, page)


def trainers_adressen(guide: Guide, page: str) -> str:
    """Per chapter a group with its sections, addresses and lesson material (the Voor trainers page)."""
    lessons = {lesson["hoofdstuk"]: lesson for lesson in guide.content.lesmateriaal}
    return trainers.groups_markdown(guide.nav, lessons, _sources(guide), dict(guide.moved),
                                    guide.content.find("begrippen", "voorwaarden"))


def trainers_lessen(guide: Guide, page: str) -> str:
    """The overview at the top of the Voor trainers page: per chapter its session length, hand-outs and self-test."""
    return trainers.overview(guide.nav, {lesson["hoofdstuk"]: lesson for lesson in guide.content.lesmateriaal})


def checklists_overzicht(guide: Guide, page: str) -> str:
    """Every checklist with its audience and both downloads, as a table."""
    return checklist_pages.overview(guide.content.checklists, guide.download_sizes(), outputs.page_url(page))


def hele_handreiking(guide: Guide, page: str) -> str:
    """The whole guide as one PDF: a download button, or a note where this build makes none."""
    offers = guide.pdf_offers()
    return offline.book_offer(outputs.BOOK_PDF in offers, offers.get(outputs.BOOK_PDF), page)


def offline_editie(guide: Guide, page: str) -> str:
    """The home page's offer of the offline edition (or, inside it, a note that this is it)."""
    return offline.offer(guide.options.offline, guide.offline_zip_size(), page)


def colofon(guide: Guide, page: str) -> str:
    """Who publishes the guide, its version, licence, review cycle and contact, from mkdocs.yml (extra.uitgave)."""
    return publication.colophon(guide.publication, guide.version_label, outputs.is_preview(guide.options.site_url))


def uitgever(guide: Guide, page: str) -> str:
    """The publisher's name under the home page's title, from mkdocs.yml (extra.uitgave); nothing in a preview
    that has none yet."""
    return publication.publisher_line(guide.publication)


def contactadres(guide: Guide, page: str) -> str:
    """The publisher's contact address as a link, from mkdocs.yml (extra.uitgave.contact)."""
    return publication.contact_link(guide.publication)


def wijzigingen(guide: Guide, page: str) -> str:
    """Every change from content/wijzigingen.yml, newest first, and how to follow them (the feed, once published)."""
    return changelog.page(guide.content.wijzigingen, site_nav.nav_titles(guide.nav), guide.has_feed, page)


# The data files (content/<name>.yml) each macro shows; a page's 'Bijgewerkt op' date follows them
# (scripts/page_dates.py). A name ending in '/' is a folder: the trainers' list shows every page's headings.
READS = {"bron": ("bronnen",), "bronnenlijst": ("bronnen",), "alle_bronnen": ("bronnen",),
         "corporaties": ("corporaties", "bronnen"), "corporaties_praktijk": ("corporaties", "bronnen"),
         "principes": ("principes", "bronnen"), "praktijk": ("praktijk", "bronnen"), "partners": ("partners",),
         "begrippen": ("begrippen",), "voorwaarden_regel": ("begrippen",), "route": ("route", "checklists"),
         "escalatieladder": ("escalatie", "bronnen"), "taken": ("taken",),
         "corporatiescan": ("corporatiescan", "principes", "checklists", "bronnen", "docs/"),
         "wat_nu": ("escalatie", "checklists", "bronnen"), "trainers_lessen": ("lesmateriaal",),
         "trainers_adressen": ("lesmateriaal", "bronnen", "begrippen", "docs/"), "checklists_overzicht": ("checklists",),
         "hele_handreiking": (), "offline_editie": (), "colofon": (), "contactadres": (), "uitgever": (), "wijzigingen": ("wijzigingen",)}

MACROS = (bron, bronnenlijst, alle_bronnen, corporaties, corporaties_praktijk, principes, praktijk, partners,
          begrippen, voorwaarden_regel, route, escalatieladder, corporatiescan, wat_nu, taken, trainers_adressen, trainers_lessen,
          checklists_overzicht, hele_handreiking, offline_editie, colofon, contactadres, uitgever, wijzigingen)


def _sources(guide: Guide) -> dict:
    return {b["id"]: b for b in guide.content.bronnen}


class _BoundMacro:
    """A macro as pages call it: the guide and page filled in, mistakes turned into Dutch messages."""

    def __init__(self, function: Callable, guide: Guide, current_page: Callable[[], str]):
        self.function, self.guide, self.current_page = function, guide, current_page
        self.__name__, self.__doc__ = function.__name__, function.__doc__
        self.signature = signature(function)  # read once: a build calls the macros hundreds of times

    def __call__(self, *args, **kwargs):
        try:
            self.signature.bind(None, None, *args, **kwargs)
        except TypeError:
            raise MacroError(f"{self.__name__}() is niet goed aangeroepen; schrijf {usage(self.function)}") from None
        try:
            return self.function(self.guide, self.current_page(), *args, **kwargs)
        except UnknownRecord as error:
            raise MacroError(f"{self.__name__}(): {error}") from None

    def __str__(self):
        # Jinja prints a value by calling str(): a macro without parentheses would publish its name.
        raise MacroError(f"'{self.__name__}' staat er zonder haakjes; schrijf {usage(self.function)}")

    __html__ = __str__


def usage(function: Callable) -> str:
    """How to call a macro, as an editor writes it: {{ praktijk(thema="...", soort="...") }}."""
    parameters = list(signature(function).parameters.values())[2:]
    shown = []
    for p in parameters:
        if p.kind is Parameter.VAR_POSITIONAL:
            shown.append('"id", ...')
        elif p.default is Parameter.empty:
            shown.append('"id"')
        else:
            shown.append(f'{p.name}=...')
    return "{{ " + f"{function.__name__}({', '.join(shown)})" + " }}"


def bound(guide: Guide, current_page: Callable[[], str]) -> dict[str, _BoundMacro]:
    """Every macro by name, bound to this build's guide; current_page gives the page being rendered."""
    return {m.__name__: _BoundMacro(m, guide, current_page) for m in MACROS}
