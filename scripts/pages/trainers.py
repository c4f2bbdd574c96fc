"""The 'Voor trainers' page: per chapter a closed group of its sections (links, addresses) and lesson material."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from lxml.html import HtmlElement
from mkdocs.exceptions import PluginError

from scripts import outputs, site_nav
from scripts.content.lesson_checks import PLAN_MINUTES
from scripts.pages import html_tree, lessons
from scripts.pages.markup import html_text, md_text, table
from scripts.pages.render import conditions_rule_link

DOWNLOADS_MARKER = "<!-- trainers:downloads -->"
_PAGE_MARKER = "<!-- adressen:{} -->"
_FILTER = ('<div class="adressen-filter" hidden><label for="adressen-zoek">Zoek een onderdeel</label> '
           '<input id="adressen-zoek" type="search" autocomplete="off" placeholder="Bijvoorbeeld: overlast"> '
           '<span class="adressen-filter__aantal" role="status"></span></div>')


def groups_markdown(nav: list, lessons_by_chapter: dict, sources: dict, moved: dict, rule: dict) -> str:
    """A heading per nav group (so it is in the page contents) and a group that opens and closes: the chapter's
    lesson first, its addresses second.

    The addresses come after the build (fill): only then are the sections and their anchors known. A moved page
    keeps its group's old anchor too, as the link contract asks of every published address.
    """
    blocks = [_FILTER]
    titles = site_nav.nav_titles(nav)
    for title, pages in site_nav.nav_groups(nav):
        slug = _slug(pages[0])
        # Every page of the group, and every page that moved into it, keeps an address of its own in the box (a link
        # into a box opens it): a trainer may have linked it when the page still had a group of its own.
        group_lessons = [(page, lessons_by_chapter[page]) for page in pages if page in lessons_by_chapter]
        # In a group with a lesson per page, a page's address sits at its own lesson (the overview links there).
        at_lesson = {page for page, _ in group_lessons[1:]}
        aliases = "".join(f'<a id="adressen-{_slug(page)}"></a>'
                          for page in [*pages[1:], *(old for old, new in moved.items() if new in pages)]
                          if page not in at_lesson)
        summary = "Lesmateriaal en adressen" if group_lessons else "Adressen"
        hidden = f'<span class="voor-schermlezer"> van {html_text(title)}</span>'  # 17 summaries must differ
        # Heading and box share one row while the box is closed, so twenty groups fit in two screens.
        parts = ['<div class="adresgroep-rij" markdown>',
                 f"### {md_text(title)} {{ #adressen-{slug} }}\n",
                 f'<details class="adresgroep" open markdown>\n<summary>{summary}{hidden}</summary>{aliases}\n']
        for page, lesson in group_lessons:
            if len(group_lessons) > 1:  # a group with a lesson per page: each lesson says which page it is for
                anchor = f'<a id="adressen-{_slug(page)}"></a>' if page in at_lesson else ""
                parts.append(f'<p class="adresgroep__kop">{anchor}<strong>Lesmateriaal: '
                             f"{html_text(titles.get(page, title))}</strong></p>")
            parts.append(lessons.body(lesson, sources[lesson["casus"]["bron"]], outputs.TRAINERS_PAGE))
        if any("voorwaarde" in str(lesson).lower() for _, lesson in group_lessons):  # a tenant's conditions: the rule
            parts.append(conditions_rule_link(rule, outputs.TRAINERS_PAGE))
        if group_lessons:
            parts.append(f'<p class="adresgroep__kop"><strong>Adressen{hidden}</strong></p>')
        parts += [_PAGE_MARKER.format(page) for page in pages]
        parts.append("</details>\n\n</div>\n")
        blocks.append("\n\n".join(parts))
    return "\n\n".join(blocks) + "\n"


def overview(nav: list, lessons_by_chapter: dict) -> str:
    """A table of every chapter with lesson material: its session lengths, hand-outs and self-test, as links."""
    rows = []
    titles = site_nav.nav_titles(nav)
    for group_title, pages in site_nav.nav_groups(nav):
        for page in pages:
            # A page in a shared group is named by its own title and linked to its own address in the group's box.
            title = group_title if len(pages) == 1 else titles.get(page, group_title)
            lesson = lessons_by_chapter.get(page)
            if not lesson:
                continue
            files = {path for _, path in outputs.lesson_downloads(lesson)}
            handouts = "<br>".join(
                f"{who}: " + " · ".join(f'<a href="{html_text(outputs.handout(lesson["id"], kind, audience))}">{label}</a>'
                                       for kind, label in outputs.HANDOUT_KINDS.items())
                for audience, who in (("deelnemers", "Deelnemers"), ("trainer", "Trainer")))
            quiz = (f'<a href="{html_text(outputs.quiz(lesson["id"]))}">Moodle</a> · '
                    f'<a href="{html_text(outputs.quiz(lesson["id"], "pdf"))}">PDF</a>'
                    if outputs.quiz(lesson["id"]) in files else "nog niet")
            length = " of ".join(str(minutes) for length, minutes in PLAN_MINUTES.items()
                                 if length in lesson.get("sessieplan", {}))
            rows.append(f'<tr><td><a href="#adressen-{_slug(page)}">{html_text(title)}</a></td>'
                        f'<td class="lesoverzicht__duur">{f"{length} min" if length else "–"}</td>'
                        f"<td>{handouts}</td><td>{quiz}</td></tr>")
    if not rows:
        return ""
    return ('<div class="lesoverzicht">'
            + table("Lessen per hoofdstuk", ("Hoofdstuk", "Duur", "Hand-outs", "Zelftoets"), rows) + "</div>")


def _slug(page: str) -> str:
    return page.removesuffix(".md").replace("/", "-")


def article(html: str) -> str:
    """A built page's own content (Material's article), without navigation and search."""
    return html_tree.article_html(html_tree.parse_page(html))


def headings(page: HtmlElement) -> list[tuple[int, str, str]]:
    """(level, text, id) of the h1 and every h2/h3 of a built page's article."""
    root = html_tree.article(page)
    if root is None:
        return []
    return [(int(heading.tag[1]), html_tree.heading_text(heading), heading.get("id", ""))
            for heading in root.iter("h1", "h2", "h3")]


def page_addresses(site_dir: Path, pages: list[str]) -> list[dict]:
    """page_listing of the built pages, read from site_dir."""
    return page_listing({src: headings(html_tree.parse_page((Path(site_dir) / outputs.page_url(src)).read_text(
        encoding="utf-8"))) for src in pages})


def page_listing(pages: dict[str, list[tuple[int, str, str]]]) -> list[dict]:
    """[{src, title, url, sections: [(level, title, anchor)]}] for the built pages {src: their headings()}, in their
    order."""
    listing = []
    for src, page_headings in pages.items():
        titles = [text for level, text, _ in page_headings if level == 1]
        sections = [(level, text, anchor) for level, text, anchor in page_headings if level > 1 and anchor]
        listing.append({"src": src, "title": titles[0] if titles else src, "url": outputs.page_url(src),
                        "sections": sections})
    return listing


def download_addresses(checklists: list[dict], handouts: list[tuple[str, str]], listing: list[dict],
                       book_pdfs: set[str], with_offline_zip: bool) -> list[tuple[str, str]]:
    """(name, path) of every download: the guide and its chapters as PDF (those this build offers, book_pdfs),
    checklists, each chapter's hand-outs and self-test (lesson, chapter title), addresses, the zip."""
    books = [(outputs.BOOK_PDF_LABEL, outputs.BOOK_PDF)] if outputs.BOOK_PDF in book_pdfs else []
    books += [(f"{outputs.CHAPTER_PDF_LABEL}: {page['title']}", outputs.chapter_pdf(page["src"]))
              for page in listing if outputs.chapter_pdf(page["src"]) in book_pdfs]
    downloads = books + outputs.checklist_downloads(checklists)
    downloads += [(f"{label}: {title}", path) for lesson, title in handouts
                  for label, path in outputs.lesson_downloads(lesson)]
    if any(lesson.get("zelftoets") for lesson, _ in handouts):
        downloads.append((outputs.QUIZ_ALL_LABEL, outputs.QUIZ_ALL))
    downloads.append((outputs.ADDRESSES_CSV_LABEL, outputs.ADDRESSES_CSV))
    if with_offline_zip:
        downloads.append((outputs.OFFLINE_ZIP_LABEL, outputs.OFFLINE_ZIP))
    return downloads


def fill(html: str, listing: list[dict], downloads: list[tuple[str, str]], site_url: str) -> str:
    """Put each page's addresses in its group, and the downloads where the page's Markdown marked them."""
    if DOWNLOADS_MARKER not in html:
        raise PluginError(f"docs/{outputs.TRAINERS_PAGE} mist de regel {DOWNLOADS_MARKER}; daar komen de downloads")
    for page in listing:
        rows = [_row(page["title"], page["url"], site_url, 1, "Hele pagina: ")]
        rows += [_row(title, f"{page['url']}#{anchor}", site_url, level) for level, title, anchor in page["sections"]]
        html = html.replace(_PAGE_MARKER.format(page["src"]), '<ul class="adressenlijst">' + "".join(rows) + "</ul>")
    rows = [_row(name, path, site_url, 2) for name, path in downloads]
    return html.replace(DOWNLOADS_MARKER, '<ul class="adressenlijst">' + "".join(rows) + "</ul>")


def _row(title: str, path: str, site_url: str, level: int, prefix: str = "") -> str:
    """One address: the title as a link (relative, so it works offline too), the full address, a copy button."""
    # A preview has no public address yet: it shows the path, and on a web server the script makes it whole.
    address = html_text(path if outputs.is_preview(site_url) else urljoin(site_url, path))
    return (f'<li class="adressenlijst__regel adressenlijst__regel--niveau-{level}">'
            f'<a class="adressenlijst__naam" href="{html_text(path)}">{html_text(prefix + title)}</a> '
            f'<code class="adressenlijst__adres" data-pad="{html_text(path)}">{address}</code> '
            f'<button type="button" class="md-button adressenlijst__kopieer" data-adres="{address}" '
            f'data-pad="{html_text(path)}" aria-label="Kopieer adres van {html_text(title)}" hidden>Kopieer adres</button></li>')
