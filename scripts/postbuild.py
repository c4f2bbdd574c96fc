"""Steps on a built site, whatever engine built it: search in Dutch, the trainers' addresses, readability scores."""

from __future__ import annotations

import re
from pathlib import Path

from scripts import cache, csp, offline, outputs, page_contents, readability, search_index, site_nav, trainer_files, trainers
from scripts.pipeline import Guide

_EXTERNAL = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S)


def finish(site_dir: Path, guide: Guide) -> None:
    """Everything that needs the built pages, in the nav's reading order."""
    pages = site_nav.nav_pages(guide.nav)
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        search_index.fold_index_file(index, guide.content.synoniemen)
    listing = trainers.page_addresses(site_dir, pages)
    trainer_files.write(site_dir, guide, listing)
    scores = [(page["title"], page["url"], readability.cached_scores(
        trainers.article((site_dir / page["url"]).read_text(encoding="utf-8")), cache.folder(guide.options.root)))
        for page in listing]
    titles = {page["src"]: page["title"] for page in listing}
    handouts = [(lesson, titles[lesson["hoofdstuk"]]) for lesson in guide.content.lesmateriaal]
    downloads = trainers.download_addresses(guide.content.checklists, handouts, listing, set(guide.pdf_offers()),
                                            bool(guide.options.offline_zip))
    _rewrite(site_dir / outputs.page_url(outputs.TRAINERS_PAGE),
             lambda html: trainers.fill(html, listing, downloads, guide.options.site_url))
    _rewrite(site_dir / outputs.page_url(outputs.ACCESSIBILITY_PAGE), lambda html: readability.fill(html, scores))
    for page in listing:
        _rewrite(site_dir / page["url"], lambda html: _mark_external_links(page_contents.add(html)))
    # Last: the policy lists the hash of every inline script, in the pages as they are now.
    csp.apply(site_dir, offline.SHIM_URI if guide.options.offline else None)
    # Material's source maps serve its developers, not readers: 1 MB per edition, and their comments name localhost.
    for source_map in (site_dir / "assets").rglob("*.map"):
        source_map.unlink()


def _mark_external_links(html: str) -> str:
    """Links to other sites get class 'extern', so print can write their address (the CSS cannot tell them apart:
    Material's instant navigation makes every link absolute); a link whose text is its address does not."""
    def mark(match: re.Match) -> str:
        href, rest, text = match.groups()
        if _bare(re.sub(r"<[^>]+>", "", text)) == _bare(href):
            return match.group(0)  # the text is the address: printing it again would show it twice
        return f'<a class="extern" href="{href}"{rest}>{text}</a>'

    return _EXTERNAL.sub(mark, html)


def _bare(address: str) -> str:
    """An address as people write it: 'https://www.voorbeeld.nl/' and 'voorbeeld.nl' are the same."""
    return re.sub(r"^(https?://)?(www\.)?", "", address.strip().replace("&amp;", "&")).rstrip("/")


def _rewrite(path: Path, change) -> None:
    if path.is_file():
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
