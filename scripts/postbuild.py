"""Steps on a built site, whatever engine built it: search in Dutch, the trainers' addresses, readability scores."""

from __future__ import annotations

from pathlib import Path

from scripts import outputs, readability, search_index, trainers
from scripts.pipeline import Guide

def finish(site_dir: Path, guide: Guide, pages: list[str]) -> None:
    """Everything that needs the built pages; pages are the Markdown sources in reading order."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        search_index.fold_index_file(index)
    listing = trainers.page_addresses(site_dir, pages)
    scores = [(page["title"], page["url"], readability.cached_scores(
        trainers.article((site_dir / page["url"]).read_text(encoding="utf-8")), guide.options.root / ".cache"))
        for page in listing]
    downloads = trainers.download_addresses(guide.content.checklists, bool(guide.options.offline_zip))
    _rewrite(site_dir / outputs.page_url(outputs.TRAINERS_PAGE),
             lambda html: trainers.fill(html, listing, downloads, guide.options.site_url))
    _rewrite(site_dir / outputs.page_url(outputs.ACCESSIBILITY_PAGE), lambda html: readability.fill(html, scores))


def _rewrite(path: Path, change) -> None:
    if path.is_file():
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
