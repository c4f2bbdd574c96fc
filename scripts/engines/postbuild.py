"""Steps on a built site, whatever engine built it: search in Dutch, the trainers' addresses, readability scores."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from scripts import cache, outputs, site_nav
from scripts.files import offline, trainer_files
from scripts.pages import csp, finished_pages, readability, search_index, trainers
from scripts.pipeline import Guide

# Pages filled with what all pages hold (their sections and addresses, their scores): only a whole build makes them.
WHOLE_SITE_PAGES = (outputs.TRAINERS_PAGE, outputs.ACCESSIBILITY_PAGE)


def finish(site_dir: Path, guide: Guide) -> None:
    """Everything that needs the built pages, in the nav's reading order."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        search_index.fold_index_file(index, guide.content.synoniemen)
    cache_dir = cache.folder(guide.options.root)
    pages = {src: finished_pages.finished(site_dir / outputs.page_url(src), cache_dir)
             for src in site_nav.nav_pages(guide.nav)}
    listing = trainers.page_listing({src: page.headings for src, (page, _) in pages.items()})
    trainer_files.write(site_dir, guide, listing)
    scores = [(entry["title"], entry["url"], readability.cached_scores(
        pages[entry["src"]][0].article, partial(finished_pages.article_html, pages[entry["src"]][1]), cache_dir))
        for entry in listing]
    titles = {entry["src"]: entry["title"] for entry in listing}
    handouts = [(lesson, titles[lesson["hoofdstuk"]]) for lesson in guide.content.lesmateriaal]
    downloads = trainers.download_addresses(guide.content.checklists, handouts, listing, set(guide.pdf_offers()),
                                            bool(guide.options.offline_zip))
    trainers_page, accessibility_page = map(outputs.page_url, WHOLE_SITE_PAGES)
    fills = {trainers_page: lambda html: trainers.fill(html, listing, downloads, guide.options.site_url),
             accessibility_page: lambda html: readability.fill(html, scores)}
    # The policy lists the hash of every inline script of the edition, in the pages as finished. The fills add
    # addresses and scores, no scripts.
    the_policy = csp.apply(site_dir, {site_dir / outputs.page_url(src): (page.scripts, page.workers)
                                      for src, (page, _) in pages.items()},
                           offline.SHIM_URI if guide.options.offline else None)
    for src, (page, _) in pages.items():
        url = outputs.page_url(src)
        html = csp.with_policy(page.html, the_policy)
        (site_dir / url).write_text(fills.get(url, lambda same: same)(html), encoding="utf-8")
    for source_map in (site_dir / "assets").rglob("*.map"):  # an engine that copied them anyway
        source_map.unlink()


def is_source_map(path: str) -> bool:
    """Material's source maps serve its developers, not readers: 1 MB per edition, and their comments name localhost."""
    return path.endswith(".map")
