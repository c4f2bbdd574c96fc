"""The whole guide, and each chapter, as one accessible PDF, made from the built pages with WeasyPrint."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from scripts import outputs, publication, site_nav
from scripts.cache import cached_all, code_version, fingerprint, folder
from scripts.files import pdf_render
from scripts.outputs import AUTHOR, GUIDE, PREVIEW_MARK
from scripts.pages import html_tree, trainers
from scripts.pages.markup import css_string, date_nl, html_text

# Parts of a web page that mean nothing on paper: permalinks, buttons, the phone's contents, the trainers' box,
# the line that opens an e-mail to report a mistake (the cover says where the newest version is).
_DROP = (("a", "headerlink"), ("details", "paginainhoud"), ("details", "voor-trainers"), ("div", "downloads"),
         ("div", "checklist-acties"), ("p", "handreiking-versie"), ("aside", "md-source-file"), ("nav", "routebalk"),
         ("p", "handreiking-melden"))
_ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")
# While the book is put together: the web address of a link into the book, for a place paper turns out to leave out.
_WEB = "data-web"

_STYLE = """
@page { size: A4; margin: 20mm 18mm 22mm;
  @top-left { content: string(hoofdstuk); font: 8pt Handreiking; color: #444; }
  @top-right { content: "%(guide)s"; font: 8pt Handreiking; color: #444; }
  @bottom-left { content: "%(address)s · Versie %(version)s"; font: 8pt Handreiking; color: #444; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 8pt Handreiking; color: #444; } }
@page voorblad { @top-left { content: none; } @top-right { content: none; } }
body { font: 10pt/1.45 Handreiking; color: #111; }
.voorblad { page: voorblad; border-top: 14mm solid #00606b; padding-top: 42mm; }
.voorblad .reeks { font-size: 11pt; font-weight: bold; color: #00606b; letter-spacing: 0.5pt; margin: 0 0 6pt; }
.voorblad h1 { font-size: 28pt; line-height: 1.15; string-set: none; bookmark-level: none; break-before: auto;
  margin: 0 0 14pt; }
.voorblad .voor-wie { font-size: 13pt; line-height: 1.4; max-width: 130mm; margin: 0 0 60mm; }
.voorblad .uitgave { font-size: 10pt; border-top: 0.75pt solid #00606b; padding-top: 6pt; color: #333; }
.voorblad .uitgave p { margin: 0 0 3pt; }
.voorblad .proef { font-weight: bold; color: #8a1c1c; }
.inhoud { break-before: page; } .inhoud h2 { bookmark-level: none; }
.inhoud ol { list-style: none; padding: 0; } .inhoud li { margin: 0 0 3pt; }
.inhoud a { color: #111; text-decoration: none; }
section.pagina > h1, article > h1 { string-set: hoofdstuk content(); break-before: page; font-size: 20pt;
  bookmark-level: 1; margin: 0 0 10pt; }
h2 { font-size: 14pt; margin: 16pt 0 5pt; bookmark-level: 2; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; bookmark-level: none; break-after: avoid; }
h4, h5, h6 { bookmark-level: none; break-after: avoid; }
p, li { orphans: 2; widows: 2; }
a { color: #00505a; } a.extern::after { content: " (" attr(href) ")"; font-size: 8.5pt; word-break: break-all; }
.bronverwijzing a.intern::after { content: none; }
#bronnen-per-hoofdstuk h2 { font-size: 12pt; bookmark-level: none; }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0 10pt; font-size: 9pt; }
caption { text-align: left; font-weight: bold; margin-bottom: 3pt; }
th, td { border-bottom: 0.5pt solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { border-bottom: 1pt solid #00606b; }
tr { break-inside: avoid; }
.admonition, details, .praktijk, .regel, .routestap { border-left: 2pt solid #00606b; padding: 2pt 8pt;
  margin: 8pt 0; background: #f2f7f8; break-inside: avoid; display: block; }
.admonition-title, summary { font-weight: bold; margin: 2pt 0; display: block; }
.praktijk--botst { border-left-color: #8a1c1c; background: #fbf1f1; }
.bronverwijzing { font-size: 8pt; color: #444; } .bronverwijzing a { color: #444; }
.bronregel { font-size: 8.5pt; color: #444; margin: 2pt 0 8pt; } .bronregel a { color: #444; }
.uit-de-praktijk { break-inside: auto; }
.uit-de-praktijk .praktijk { border-left: none; background: none; padding: 0; margin: 6pt 0; }
.uit-de-praktijk .praktijk--botst { border-left: 2pt solid #8a1c1c; padding-left: 6pt; }
.vakje { font-size: 12pt; }
ul.checklist { list-style: none; padding-left: 0; }
.hoofdstuk-pdf, .md-button { display: none; }
abbr { text-decoration: none; }
"""


def _slug(src: str) -> str:
    return src.removesuffix(".md").replace("/", "-")


def page_section(html: str, src: str, in_book: set[str], site_url: str) -> HtmlElement:
    """One built page's article as a section for paper: ids made unique to the page, links pointing inside the book."""
    slug = _slug(src)
    section = html_tree.element("section", {"class": "pagina", "id": slug})
    article = html_tree.article(html_tree.parse_page(html))
    if article is None:
        return section
    for tag, name in _DROP:
        for element in html_tree.with_class(article, tag, name):
            element.drop_tree()
    for element in article.xpath(".//link | .//script"):  # a tool's own stylesheet and script: the book has its own
        element.drop_tree()
    for box in article.xpath('.//input[@type="checkbox"]'):
        # On paper an empty box that keeps the item's id, so a link to the item still lands on it.
        paper = html_tree.element("span", {"class": "vakje", "aria-hidden": "true"}, "☐")
        if box.get("id"):
            paper.set("id", box.get("id"))
        html_tree.replace(box, paper)
    for details in article.iter("details"):
        details.set("open", "open")
    own = {element.get("id") for element in article.xpath(".//*[@id]")}
    for element in article.xpath(".//*[@id]"):
        element.set("id", f"{slug}--{element.get('id')}")
    for attribute in _ID_REFERENCES:  # a label or an ARIA reference follows the id it names
        for element in article.xpath(f".//*[@{attribute}]"):
            element.set(attribute, " ".join(f"{slug}--{name}" if name in own else name
                                            for name in element.get(attribute).split()))
    for element in article.xpath(".//*[@href]"):
        _point_into_book(element, outputs.page_url(src), in_book, site_url)
    section.text = article.text
    section.extend(list(article))
    return section


def _point_into_book(element: HtmlElement, url: str, in_book: set[str], site_url: str) -> None:
    """A link to a page in the book goes to its place in the book; another page of the guide to its web address."""
    href = element.get("href")
    if re.match(r"[a-z]+:", href):
        return
    parts = urlsplit(href)  # a link from the first-tenant route carries ?stap=, which paper does without
    path, anchor = parts.path, parts.fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path)) if path else url
    target_src = target.removesuffix(".html") + ".md"
    # Only a plain link gets a page number or its address printed after it: a link with a class of its own (an
    # address in the trainers' list, a button) already shows where it goes, or is hidden on paper.
    plain = "class" not in element.attrib
    web = target + (f"#{anchor}" if anchor else "")
    if target_src in in_book:
        if plain:
            element.set("class", "intern")
        element.set("href", f"#{_slug(target_src)}--{anchor}" if anchor else f"#{_slug(target_src)}")
        element.set(_WEB, web)  # for when the place turns out not to be on paper (book_html)
    else:
        _point_to_web(element, web, site_url)


def _point_to_web(link: HtmlElement, web: str, site_url: str) -> None:
    """A link to a page of the guide (web: its address in the site) that paper does not hold: to the public address."""
    if "intern" in link.get("class", "").split():  # given before it was known the place is not on paper
        html_tree.remove_class(link, "intern")
    if outputs.is_preview(site_url):
        del link.attrib["href"]  # a preview has no public address to link to: the words stay, the dead link goes
        return
    if "class" not in link.attrib:
        link.set("class", "extern")
    link.set("href", urljoin(site_url, web))


def book_html(pages: list[tuple[str, str, str]], version: date, site_url: str, fonts: str,
              title: str = GUIDE, with_contents: bool = True, rights: tuple[str, str] = ("", "")) -> str:
    """pages: (src, title, built HTML) in reading order; a cover, the contents with page numbers, every page."""
    in_book = {src for src, _, _ in pages}
    preview = outputs.is_preview(site_url)
    style = _STYLE % {"guide": css_string(GUIDE), "address": css_string("Proefversie" if preview else site_url),
                      "version": date_nl(version.isoformat())}
    chapter = title != GUIDE
    cover = ('<div class="voorblad">' + (f'<p class="reeks">{GUIDE}</p>' if chapter else "")
             + f"<h1>{html_text(title)}</h1>"
             + ('<p class="voor-wie">Een hoofdstuk uit de handreiking, om uit te delen of te printen.</p>' if chapter
                else '<p class="voor-wie">Voor woonconsulenten, wijkbeheerders, beleidsadviseurs en managers van '
                     "woningcorporaties die meedoen aan Housing First.</p>")
             + f'<div class="uitgave"><p>Versie van {date_nl(version.isoformat())}</p>'
             + (f'<p class="proef">{PREVIEW_MARK}</p>' if preview
                else f"<p>De nieuwste versie staat op {html_text(site_url)}</p>")
             + (f'<p class="licentie">{html_text(rights[0])}</p>' if rights[0] else "") + "</div></div>")
    contents = ""
    if with_contents:
        contents = ('<div class="inhoud"><h2>Inhoud</h2><ol>'
                    + "".join(f'<li><a href="#{_slug(src)}">{html_text(name)}</a></li>' for src, name, _ in pages)
                    + "</ol></div>")
    book = html_tree.parse_fragment("")
    book.extend(page_section(html, src, in_book, site_url) for src, _, html in pages)
    if with_contents:
        _sources_at_the_back(book, {_slug(src): name for src, name, _ in pages})
    ids = {element.get("id") for element in book.xpath(".//*[@id]")}
    for link in book.xpath(f".//a[@{_WEB}]"):
        if link.get("href", "").removeprefix("#") not in ids:  # a place paper leaves out, such as a trainers' box
            _point_to_web(link, link.get(_WEB), site_url)
        del link.attrib[_WEB]
    page_numbers = _page_number_rules([_slug(src) for src, _, _ in pages] if with_contents else [],
                                      [link.get("href") for link in html_tree.with_class(book, "a", "intern")])
    moment = f"{version.isoformat()}T00:00:00Z"
    return (f'<!doctype html><html lang="nl-NL"><head><meta charset="utf-8"><title>{html_text(title)}</title>'
            f'<meta name="author" content="{AUTHOR}"><meta name="dcterms.created" content="{moment}">'
            f'<meta name="dcterms.modified" content="{moment}"><style>{fonts}\n{page_numbers}\n{style}</style></head>'
            f"<body>{cover}{contents}{html_tree.fragment_html(book)}</body></html>")


def _page_number_rules(contents: list[str], references: list[str]) -> str:
    """The page numbers in the contents and after "zie p.", one rule per place: with target-counter(attr(href))
    WeasyPrint 70 cannot tell a reference that its place moved, so it laid out every page holding one twice more."""
    rules = [f'.inhoud a[href="#{css_string(slug)}"]::after '
             f'{{ content: leader(".") target-counter("#{css_string(slug)}", page); }}' for slug in contents]
    rules += [f'a.intern[href="{css_string(href)}"]::after '
              f'{{ content: " (zie p. " target-counter("{css_string(href)}", page) ")"; }}'
              for href in dict.fromkeys(references)]
    return "\n".join(rules)


def _sources_at_the_back(book: HtmlElement, titles: dict[str, str]) -> None:
    """Each chapter's source list moves to one section at the back, under the chapter's name; the chapter keeps a
    line that points there with its page number. A short list no longer takes a nearly empty page of its own."""
    back = html_tree.element("section", {"class": "pagina", "id": "bronnen-per-hoofdstuk"})
    back.append(html_tree.element("h1", {}, "Bronnen per hoofdstuk"))
    for heading in book.xpath('.//h2[substring(@id, string-length(@id) - 8) = "--bronnen"]'):
        sources = heading.getnext()
        if sources is None or sources.tag != "ul" or "bronnenlijst" not in sources.get("class", "").split():
            continue
        slug = heading.get("id").removesuffix("--bronnen")
        pointer = html_tree.element("p", {"class": "bronnen-achterin"}, "De bronnen van dit hoofdstuk staan achterin, bij ")
        link = html_tree.element("a", {"class": "intern", "href": f"#{slug}--bronnen"}, "Bronnen per hoofdstuk")
        link.tail = "."
        pointer.append(link)
        sources.getparent().remove(sources)  # its tail, whitespace between blocks, goes with it
        html_tree.replace(heading, pointer)
        back.append(html_tree.element("h2", {"id": f"{slug}--bronnen"}, titles.get(slug, "")))
        back.append(sources)
    if len(back) > 1:
        book.append(back)


def book_pdf(pages: list[tuple[str, str, str]], version: date, site_url: str, fonts: str, **options) -> bytes:
    """The book as a tagged PDF/UA-1 file with bookmarks per chapter and section."""
    return pdf_render.render(book_html(pages, version, site_url, fonts, **options), outputs.is_preview(site_url),
                             options.get("rights", ("", ""))[1])


def book_pages(site_dir: Path, guide) -> list[tuple[str, str, str]]:
    """(src, title, built HTML) of every page of the book, in reading order."""
    sources = outputs.book_sources(site_nav.nav_pages(guide.nav))
    listing = trainers.page_addresses(site_dir, sources)
    return [(p["src"], p["title"], (site_dir / p["url"]).read_text(encoding="utf-8")) for p in listing]


def published_names(path: str, moved: dict[str, str]) -> list[str]:
    """Where a PDF is published: its own address and, for a chapter that moved, its old one (trainers link to it)."""
    return [path] + [outputs.chapter_pdf(old) for old, new in moved.items() if outputs.chapter_pdf(new) == path]


def write_all(site_dir: Path, guide, target_dir: Path) -> dict[str, int]:
    """The whole guide and every chapter as PDF, from a built site, into target_dir (taken from the build cache when
    nothing they are made of changed); returns {download path: size}."""
    cache = folder(guide.options.root)
    fonts = guide.fonts
    pages = book_pages(Path(site_dir), guide)
    rights = publication.licence_texts(guide.publication)
    books = {outputs.BOOK_PDF: (pages, {"rights": rights})}
    books.update({outputs.chapter_pdf(src): ([(src, title, html)], {"title": title, "with_contents": False, "rights": rights})
                  for src, title, html in pages if outputs.has_chapter_pdf(src)})
    keys = {path: fingerprint("boek", [(src, trainers.article(html)) for src, _, html in book], options,
                              guide.version.isoformat(), guide.options.site_url, guide.fonts_key, code_version(__name__))
            for path, (book, options) in books.items()}
    made = cached_all(cache / "boeken", {keys[path]: (partial(book_pdf, **options),
                                                      (book, guide.version, guide.options.site_url, fonts))
                                         for path, (book, options) in books.items()})
    sizes = {}
    for path, key in keys.items():
        data = made[key]
        for name in published_names(path, guide.moved):
            target = Path(target_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            sizes[name] = len(data)
    return sizes
