"""Steps on a built site, whatever engine built it: search in Dutch, the trainers' addresses, readability scores."""

from __future__ import annotations

import re
from pathlib import Path

from lxml.html import HtmlElement

from scripts import cache, outputs, site_nav
from scripts.files import offline, trainer_files
from scripts.pages import csp, html_tree, page_contents, readability, search_index, trainers
from scripts.pipeline import Guide

# Pages filled with what all pages hold (their sections and addresses, their scores): only a whole build makes them.
WHOLE_SITE_PAGES = (outputs.TRAINERS_PAGE, outputs.ACCESSIBILITY_PAGE)


def finish(site_dir: Path, guide: Guide) -> None:
    """Everything that needs the built pages, in the nav's reading order."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        search_index.fold_index_file(index, guide.content.synoniemen)
    # Each page is parsed once: its addresses and scores are read from the tree before the tree is changed.
    pages = {src: html_tree.parse_page((site_dir / outputs.page_url(src)).read_text(encoding="utf-8"))
             for src in site_nav.nav_pages(guide.nav)}
    listing = trainers.page_listing(pages)
    trainer_files.write(site_dir, guide, listing)
    scores = [(page["title"], page["url"], readability.cached_scores(
        html_tree.article(pages[page["src"]]), cache.folder(guide.options.root))) for page in listing]
    titles = {page["src"]: page["title"] for page in listing}
    handouts = [(lesson, titles[lesson["hoofdstuk"]]) for lesson in guide.content.lesmateriaal]
    downloads = trainers.download_addresses(guide.content.checklists, handouts, listing, set(guide.pdf_offers()),
                                            bool(guide.options.offline_zip))
    trainers_page, accessibility_page = map(outputs.page_url, WHOLE_SITE_PAGES)
    fills = {trainers_page: lambda html: trainers.fill(html, listing, downloads, guide.options.site_url),
             accessibility_page: lambda html: readability.fill(html, scores)}
    for page in pages.values():
        finish_page(page)
    # Last change to the trees: the policy lists the hash of every inline script, in the pages as they are now.
    # The fills below add addresses and scores, no scripts.
    csp.apply(site_dir, {site_dir / outputs.page_url(src): page for src, page in pages.items()},
              offline.SHIM_URI if guide.options.offline else None)
    for src, page in pages.items():
        url = outputs.page_url(src)
        html = html_tree.page_html(page)
        (site_dir / url).write_text(fills.get(url, lambda same: same)(html), encoding="utf-8")
    for source_map in (site_dir / "assets").rglob("*.map"):  # an engine that copied them anyway
        source_map.unlink()


def is_source_map(path: str) -> bool:
    """Material's source maps serve its developers, not readers: 1 MB per edition, and their comments name localhost."""
    return path.endswith(".map")


def finish_page(page: HtmlElement) -> None:
    """What each built page gets from its own content: a contents list for phones, links to other sites marked."""
    page_contents.add(page)
    mark_external_links(page)


def mark_external_links(page: HtmlElement) -> None:
    """Links to other sites get class 'extern', so print can write their address (the CSS cannot tell them apart:
    Material's instant navigation makes every link absolute); a link whose text is its address does not."""
    for link in page.iter("a"):
        href = link.get("href", "")
        classes = link.get("class", "").split()
        if not href.startswith(("http://", "https://")) or "extern" in classes:
            continue
        if _bare(link.text_content()) == _bare(href):
            continue  # the text is the address: printing it again would show it twice
        # First, as the guide has always written it, before the link's own classes.
        attributes = {"class": " ".join(["extern", *classes]), **{k: v for k, v in link.items() if k != "class"}}
        link.attrib.clear()
        link.attrib.update(attributes)


def _bare(address: str) -> str:
    """An address as people write it: 'https://www.voorbeeld.nl/' and 'voorbeeld.nl' are the same."""
    return re.sub(r"^(https?://)?(www\.)?", "", address.strip()).rstrip("/")

