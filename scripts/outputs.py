"""Every generated page and file of the guide, by path and label, defined once for pages, tests and trainers."""

from __future__ import annotations

import functools
from urllib.parse import urljoin, urlsplit

# The guide's name on every file it makes, and as their author: the files come from this guide, whoever hosts it.
GUIDE = "Handreiking Housing First voor woningcorporaties"
AUTHOR = GUIDE
# A checklist's downloads, in the order they are offered: file kind -> what readers call it.
DOWNLOAD_KINDS = {"pdf": "PDF", "docx": "Word"}
OFFLINE_ZIP = "downloads/handreiking-offline.zip"
OFFLINE_ZIP_LABEL = "Offline versie van de hele handreiking (zip)"
CHECKLISTS_SECTION = "Checklists"
# A build whose public address is this computer (or none) is a preview: its files say so and print no address.
PREVIEW_MARK = "Proefversie: nog niet gepubliceerd, niet verspreiden"
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
TRAINERS_PAGE = "voor-trainers.md"
ACCESSIBILITY_PAGE = "toegankelijkheid.md"


# What a build without a public address says, once: `make build` and a plain `mkdocs build` alike.
PREVIEW_BUILD = ("Dit wordt een proefversie: SITE_URL is niet gezet of wijst naar deze computer. PDF's en "
                 "Word-bestanden krijgen het merk 'Proefversie' en geen webadres. Publiceer je de site? Bouw dan "
                 "met SITE_URL=https://... make build")


@functools.lru_cache(maxsize=None)  # asked for every address a hand-out prints
def is_preview(site_url: str) -> bool:
    """No public address yet: `make serve`, or `make build` without SITE_URL."""
    return (urlsplit(site_url or "").hostname or "localhost") in _LOCAL_HOSTS


def shared_address(site_url: str, path: str) -> str:
    """The address of a page or file as files meant for others print it: in full once published; in a preview the
    path alone, since the local one would be a dead link on someone else's computer."""
    return path if is_preview(site_url) else urljoin(site_url, path)


def checklist_page(checklist_id: str) -> str:
    """The Markdown source of a checklist's page, relative to docs/."""
    return f"checklists/{checklist_id}.md"


def checklist_download(checklist_id: str, kind: str) -> str:
    """A checklist's download, relative to the site root."""
    return f"downloads/{checklist_id}.{kind}"


def checklist_downloads(checklists: list[dict]) -> list[tuple[str, str]]:
    """(label, path) of every checklist download, in page order."""
    return [(f"{c['titel']} ({label})", checklist_download(c["id"], kind))
            for c in checklists for kind, label in DOWNLOAD_KINDS.items()]


def page_url(src_path: str) -> str:
    """The address of a page built from docs/<src_path> (every page is a .html file), its anchor kept."""
    path, hash_, anchor = src_path.partition("#")
    return path.removesuffix(".md") + ".html" + hash_ + anchor


# The change log (content/wijzigingen.yml): its page, and its Atom feed in a release (a feed needs the public address).
CHANGES_PAGE = "wat-is-er-veranderd.md"
CHANGES_FEED = "wijzigingen.xml"


# Made by `make build` from the offline edition, before the online one is built (scripts/files/guide_pdf.py).
BOOK_PDF = "downloads/handreiking.pdf"
BOOK_PDF_LABEL = "De hele handreiking als PDF"
# The cover and the contents replace the home page; the scan is a form to fill in on screen (the self-scan checklist
# is its paper form); the change log is about the website, the book's cover gives its version.
NOT_IN_BOOK = ("index.md", "voor-trainers.md", "corporatiescan.md", "wat-is-er-veranderd.md")


def book_sources(pages: list[str]) -> list[str]:
    """The pages the whole-guide PDF holds, in reading order."""
    return [src for src in pages if src not in NOT_IN_BOOK]


def has_chapter_pdf(src: str) -> bool:
    """Whether a page of the book also comes as a PDF of its own (a checklist has its own downloads)."""
    return not src.startswith("checklists/")


def chapter_pdf(src: str) -> str:
    """A chapter as its own PDF, for handing out."""
    return f"downloads/hoofdstuk-{src.removesuffix('.md').replace('/', '-')}.pdf"


CHAPTER_PDF_LABEL = "Hoofdstuk als PDF"


# Made after the engine ran, from the built pages (scripts/engines/postbuild.py): they need the pages' section addresses.
ADDRESSES_CSV = "downloads/adressen.csv"
ADDRESSES_CSV_LABEL = "Alle adressen als tabel (CSV, opent in Excel)"
HANDOUT_KINDS = {"pdf": "PDF", "docx": "Word"}
# Two hand-outs per chapter. The participants' keeps the address the one hand-out had (trainers handed it out);
# the trainer's sheet, with plans and answers, is new.
HANDOUTS = {"deelnemers": "Hand-out voor deelnemers", "trainer": "Trainersblad"}
QUIZ_LABEL = "Zelftoets voor Moodle (XML)"
QUIZ_PAPER_LABEL = "Zelftoets om te printen (PDF)"
QUIZ_ALL = "downloads/zelftoets-alle-hoofdstukken.xml"
QUIZ_ALL_LABEL = "Zelftoetsen van alle hoofdstukken voor Moodle (XML)"


def handout(lesson_id: str, kind: str, audience: str = "deelnemers") -> str:
    """A chapter's hand-out: for participants (the first hand-out's address) or the trainer's sheet."""
    if audience == "trainer":
        return f"downloads/trainersblad-{lesson_id}.{kind}"
    return f"downloads/lesmateriaal-{lesson_id}.{kind}"


def quiz(lesson_id: str, kind: str = "xml") -> str:
    """A chapter's self-test: Moodle XML to import, or PDF to print."""
    return f"downloads/zelftoets-{lesson_id}.{kind}"


def lesson_downloads(lesson: dict) -> list[tuple[str, str]]:
    """(label, path) of every file of one chapter's lesson, in the order trainers are offered them."""
    files = [(f"{name} ({label})", handout(lesson["id"], kind, audience))
             for audience, name in HANDOUTS.items() for kind, label in HANDOUT_KINDS.items()]
    if lesson.get("zelftoets"):
        files += [(QUIZ_LABEL, quiz(lesson["id"])), (QUIZ_PAPER_LABEL, quiz(lesson["id"], "pdf"))]
    return files


def post_build_paths(lessons: list[dict]) -> list[str]:
    """Every file the post-build step writes: hand-outs, self-tests and the table of addresses (pages link to them)."""
    paths = [path for lesson in lessons for _, path in lesson_downloads(lesson)] + [ADDRESSES_CSV]
    return paths + ([QUIZ_ALL] if any(lesson.get("zelftoets") for lesson in lessons) else [])
