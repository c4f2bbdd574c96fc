"""The 'Voor trainers' page: every page, section and download with its full address, read from the built pages."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from scripts import outputs
from scripts.markup import html_text

PAGES_MARKER = "<!-- trainers:paginas -->"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
DOWNLOADS_MARKER = "<!-- trainers:downloads -->"


# MkDocs writes headings as <hN id="..">text<a class="headerlink" ..>¶</a></hN>: a regular expression reads them.
_HEADING = re.compile(r'<h([123])(?: id="([^"]*)")?[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _headings(article_html: str) -> list[tuple[int, str, str]]:
    """(level, text, id) of the h1 and every h2/h3 of a page's article."""
    return [(int(level), " ".join(unescape(_TAG.sub("", _PERMALINK.sub("", inner))).split()), anchor or "")
            for level, anchor, inner in _HEADING.findall(article_html)]


def article(html: str) -> str:
    """A built page's own content (Material's article), without navigation and search."""
    match = _ARTICLE.search(html)
    return match.group(1) if match else ""


def page_addresses(site_dir: Path, pages: list[str]) -> list[dict]:
    """[{title, url, sections: [(level, title, anchor)]}] for the built pages, in navigation order."""
    listing = []
    for src in pages:
        url = outputs.page_url(src)
        headings = _headings(article((Path(site_dir) / url).read_text(encoding="utf-8")))
        titles = [text for level, text, _ in headings if level == 1]
        sections = [(level, text, anchor) for level, text, anchor in headings if level > 1 and anchor]
        listing.append({"title": titles[0] if titles else src, "url": url, "sections": sections})
    return listing


def download_addresses(checklists: list[dict], with_offline_zip: bool) -> list[tuple[str, str]]:
    """(name, path) of every download: each checklist as PDF and Word, and the offline edition."""
    downloads = outputs.checklist_downloads(checklists)
    if with_offline_zip:
        downloads.append((outputs.OFFLINE_ZIP_LABEL, outputs.OFFLINE_ZIP))
    return downloads


def fill(html: str, listing: list[dict], downloads: list[tuple[str, str]], site_url: str) -> str:
    """Put the address lists in the places the page's Markdown marked for them."""
    for marker in (PAGES_MARKER, DOWNLOADS_MARKER):
        if marker not in html:
            raise PluginError(f"docs/{outputs.TRAINERS_PAGE} mist de regel {marker}; daar komt de lijst met adressen")
    html = html.replace(PAGES_MARKER, pages_html(listing, site_url))
    return html.replace(DOWNLOADS_MARKER, downloads_html(downloads, site_url))


def pages_html(listing: list[dict], site_url: str) -> str:
    blocks = []
    for page in listing:
        slug = page["url"].removesuffix(".html").replace("/", "-")
        rows = [_row("Hele pagina", page["title"], urljoin(site_url, page["url"]))]
        rows += [
            _row(html_text(title), title, urljoin(site_url, f"{page['url']}#{anchor}"), level)
            for level, title, anchor in page["sections"]
        ]
        blocks.append(f'<h3 id="adressen-{html_text(slug)}">{html_text(page["title"])}</h3>\n'
                      f'<ul class="adressenlijst">\n' + "\n".join(rows) + "\n</ul>")
    return "\n".join(blocks)


def downloads_html(downloads: list[tuple[str, str]], site_url: str) -> str:
    rows = [_row(html_text(name), name, urljoin(site_url, path)) for name, path in downloads]
    return '<ul class="adressenlijst">\n' + "\n".join(rows) + "\n</ul>"


def _row(label_html: str, name: str, address: str, level: int = 2) -> str:
    address = html_text(address)
    return (
        f'<li class="adressenlijst__regel adressenlijst__regel--niveau-{level}">'
        f'<span class="adressenlijst__naam">{label_html}</span> '
        f'<code class="adressenlijst__adres">{address}</code> '
        f'<button type="button" class="md-button adressenlijst__kopieer" data-adres="{address}" '
        f'aria-label="Kopieer adres van {html_text(name)}" hidden>Kopieer adres</button></li>'
    )
