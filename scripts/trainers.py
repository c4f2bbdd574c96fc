"""The 'Voor trainers' page: every page, section and download with its full address, from the built nav."""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from scripts.render import OFFLINE_ZIP, html_text

PAGE = "voor-trainers.md"
PAGES_MARKER = "<!-- trainers:paginas -->"
DOWNLOADS_MARKER = "<!-- trainers:downloads -->"


def page_addresses(pages: list) -> list[dict]:
    """[{title, url, sections: [(level, title, anchor)]}] for built pages, in navigation order."""
    listing = []
    for page in pages:
        sections = []

        def walk(items):
            for item in items:
                if item.level in (2, 3):
                    sections.append((item.level, item.title, item.id))
                walk(item.children)

        walk(page.toc)
        listing.append({"title": page.title, "url": page.url, "sections": sections})
    return listing


def download_addresses(checklists: list[dict], with_offline_zip: bool) -> list[tuple[str, str]]:
    """(name, path) of every download: each checklist as PDF and Word, and the offline edition."""
    downloads = [(f"{c['titel']} ({label})", f"downloads/{c['id']}.{kind}")
                 for c in checklists for kind, label in (("pdf", "PDF"), ("docx", "Word"))]
    if with_offline_zip:
        downloads.append(("Offline versie van de hele handreiking (zip)", OFFLINE_ZIP))
    return downloads


def fill(html: str, listing: list[dict], downloads: list[tuple[str, str]], site_url: str) -> str:
    """Put the address lists in the places the page's Markdown marked for them."""
    for marker in (PAGES_MARKER, DOWNLOADS_MARKER):
        if marker not in html:
            raise PluginError(f"docs/{PAGE} mist de regel {marker}; daar komt de lijst met adressen")
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
