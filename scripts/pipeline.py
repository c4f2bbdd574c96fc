"""The guide's generation as plain Python: content in; checked data, generated pages and files out, for any engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from scripts import codeversion, outputs, page_dates, publication, site_nav
from scripts.cache import cached_all, code_version, fingerprint, folder
from scripts.content import Content, check_project
from scripts.files import checklist_pdf, downloads, pdf_render
from scripts.pages import changelog, checklist_pages, lessons, macros, render
from scripts.pages.markup import date_nl
from scripts.version import version_date

class RestartNeeded(PluginError):
    """The code in scripts/ changed after this process loaded it; its output would not match the files."""


class SiteUrlError(PluginError):
    """SITE_URL is not a web address; trainers' links and the sitemap would be wrong."""


@dataclass(frozen=True)
class Options:
    """How one build is made: the project folder, its public address and which edition."""

    root: Path
    site_url: str
    offline: bool = False  # the offline edition, which make build renders first
    offline_zip: Path | None = None  # that edition as zip, for the online edition to offer
    pdf_dir: Path | None = None  # the guide and its chapters as PDF, made from the offline edition


@dataclass(frozen=True)
class Guide:
    """What one build knows: checked content, version date, and every page and file made from the data."""

    options: Options
    content: Content
    version: date
    downloads: Mapping[str, bytes]  # site path -> bytes
    nav: list  # mkdocs.yml's nav with a page per checklist in its 'Checklists' section
    moved: Mapping[str, str]  # pages that moved: old.md -> new.md (mkdocs.yml, redirect_maps)
    publication: publication.Publication  # publisher, contact, licence (mkdocs.yml, extra.uitgave)
    page_dates: Mapping[str, date]  # page (relative to docs/) -> when its text or data last changed (git)
    fonts: str  # the PDFs' font as @font-face rules (scripts/files/pdf_render.py)

    @property
    def fonts_key(self) -> str:
        """The fonts as part of a cache key: the rules hold the whole font, too much to hash for every file."""
        return fingerprint(self.fonts)

    @property
    def version_label(self) -> str:
        """The version date as readers see it: '23 november 2026'."""
        return date_nl(self.version.isoformat())

    def download_sizes(self) -> dict:
        """{checklist id: {kind: size in bytes}}."""
        return {c["id"]: {kind: len(self.downloads[outputs.checklist_download(c["id"], kind)])
                          for kind in outputs.DOWNLOAD_KINDS}
                for c in self.content.checklists}

    def sources_by_id(self) -> dict[str, dict]:
        """Every source record by its id."""
        return {b["id"]: b for b in self.content.bronnen}

    def offline_zip_size(self) -> int | None:
        return self.options.offline_zip.stat().st_size if self.options.offline_zip else None

    def book_pdfs(self) -> dict[str, Path]:
        """{download path: file} of the guide and its chapters as PDF, when this build has them."""
        folder = self.options.pdf_dir
        if folder is None:
            return {}
        return {p.relative_to(folder).as_posix(): p for p in sorted((folder / "downloads").glob("*.pdf"))}

    def pdf_offers(self) -> dict[str, int | None]:
        """{download path: size} of the guide and chapter PDFs to offer. The offline edition is rendered before
        they are made from it, and its zip then carries them: there the paths are known but not yet the sizes."""
        if self.options.offline:
            sources = outputs.book_sources(site_nav.nav_pages(self.nav))
            return dict.fromkeys([outputs.BOOK_PDF] + [outputs.chapter_pdf(src) for src in sources
                                                       if outputs.has_chapter_pdf(src)])
        return {path: file.stat().st_size for path, file in self.book_pdfs().items()}

    def page_markdown(self, src: str, markdown: str) -> str:
        """A page as every engine renders it: 'Bijgewerkt op' under its title, the additions at its end."""
        return self.dated(src, markdown) + self.page_additions(src)

    def dated(self, src: str, markdown: str) -> str:
        """The page's Markdown with 'Bijgewerkt op <date>' under its title."""
        return page_dates.under_title(markdown, self.page_dates.get(src, self.version))

    def page_additions(self, src: str) -> str:
        """What every engine appends to a page's Markdown: where it stands on the first-tenant route, the trainers' box
        of its chapter, the report link, the abbreviations."""
        added = render.route_bars(self.content.route, src)
        offers = self.pdf_offers()
        if outputs.chapter_pdf(src) in offers:
            added += lessons.chapter_pdf_offer(outputs.chapter_pdf(src), offers[outputs.chapter_pdf(src)], src)
        for lesson in self.content.lesmateriaal:
            if lesson["hoofdstuk"] == src:
                added += lessons.box(lesson, self.content.find("bronnen", lesson["casus"]["bron"]), src)
        title = site_nav.nav_titles(self.nav).get(src, "deze pagina")
        added += changelog.recent(self.content.wijzigingen, src)
        added += "\n\n" + publication.report_link(self.publication, title,
                                                   outputs.shared_address(self.options.site_url, outputs.page_url(src)))
        return added + render.abbreviations(self.content.begrippen)

    @property
    def has_feed(self) -> bool:
        """A release has the change log as a feed; a preview has no public address for its links."""
        return not outputs.is_preview(self.options.site_url)

    def feed(self) -> bytes:
        """The change log as an Atom feed (content/wijzigingen.yml)."""
        return changelog.atom(self.content.wijzigingen, site_nav.nav_titles(self.nav), self.options.site_url,
                              self.publication.uitgever, outputs.GUIDE)

    def pages(self) -> dict[str, str]:
        """Generated Markdown pages (relative to docs/): one per checklist."""
        sizes = self.download_sizes()
        rule = self.content.find("begrippen", "voorwaarden")
        titles = site_nav.nav_titles(self.nav)
        return {outputs.checklist_page(c["id"]): checklist_pages.page_markdown(
                    c, sizes[c["id"]], [self.content.find("bronnen", b) for b in c["bronnen"]], rule, titles)
                for c in self.content.checklists}


def load(options: Options) -> Guide:
    """Check content/ and make every download from it, or take each from the build cache when nothing it needs changed."""
    if codeversion.changed_since_start():
        raise RestartNeeded("De code in scripts/ is veranderd sinds deze bouw begon. Stop het programma "
                            "(Ctrl+C) en start het opnieuw; make serve doet dat vanzelf.")
    check_site_url(options.site_url)
    cache = folder(options.root)
    content = check_project(options.root, checked_dir=cache / "gecontroleerd")
    version = version_date(options.root)
    config_text = (options.root / "mkdocs.yml").read_text(encoding="utf-8-sig")
    config = site_nav.read_mkdocs_yml(options.root / "mkdocs.yml")
    settings = publication.read(config, config_text, outputs.is_preview(options.site_url))
    fonts = pdf_render.fonts_css(cache)
    fonts_key = fingerprint(fonts)
    rule = content.find("begrippen", "voorwaarden")
    preview = outputs.is_preview(options.site_url)
    rights = publication.licence_texts(settings)
    jobs, keys = {}, {}
    for checklist in content.checklists:
        sources = [content.find("bronnen", b) for b in checklist["bronnen"]]
        shown_rule = rule if checklist_pages.mentions_conditions(checklist) else None
        for kind, (maker, make, extra) in {"pdf": (checklist_pdf, checklist_pdf.checklist_pdf, (fonts,)),
                                           "docx": (downloads, downloads.checklist_docx, ())}.items():
            key = fingerprint(kind, checklist, sources, shown_rule, fonts_key, version.isoformat(), preview, rights,
                              code_version(maker.__name__))
            keys[outputs.checklist_download(checklist["id"], kind)] = key
            jobs[key] = (make, (checklist, sources, version, shown_rule, *extra, preview, rights))
    found = cached_all(cache / "downloads", jobs)
    made = {path: found[key] for path, key in keys.items()}
    nav = site_nav.with_section_entries(config["nav"], outputs.CHECKLISTS_SECTION,
                                        checklist_pages.nav_entries(content.checklists), config_text)
    return Guide(options, content, version, MappingProxyType(made), nav,
                 MappingProxyType(site_nav.redirect_maps(config)), settings,
                 MappingProxyType(_page_dates(options.root / config.get("docs_dir", "docs"), content, version)), fonts)


def _page_dates(docs: Path, content: Content, version: date) -> dict[str, date]:
    """Every page's date: its Markdown and its data files against one git log (scripts/page_dates.py)."""
    known = page_dates.history(docs.parent)
    lessons_on = {lesson["hoofdstuk"] for lesson in content.lesmateriaal}
    dates = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        # Only the macro names matter here; a page that is not UTF-8 gets its Dutch message from the page checks.
        inputs = page_dates.page_inputs(src, path.read_bytes().decode("utf-8-sig", errors="replace"), macros.READS)
        if src in lessons_on:  # the chapter's lesson box (Guide.page_additions)
            inputs.add("content/lesmateriaal.yml")
        dates[src] = page_dates.page_date(inputs, known, version)
    for checklist in content.checklists:
        dates[outputs.checklist_page(checklist["id"])] = page_dates.page_date(
            page_dates.CHECKLIST_PAGE_INPUTS, known, version)
    return dates


def check_site_url(site_url: str) -> None:
    """The public address must be a full web address; otherwise say so in Dutch, naming SITE_URL."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        shown = f"'{site_url}'" if site_url else "leeg"
        raise SiteUrlError(f"SITE_URL is {shown}; geef het volledige adres van de site, met https://, "
                           "bijvoorbeeld: SITE_URL=https://www.voorbeeld.nl/handreiking/ make build")
