"""Each built page finished on its own (contents list, links to other sites), with what the whole-site steps read
from it, kept in the build cache per page: a rebuild parses and writes again only the pages that changed."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml.html import HtmlElement

from scripts.cache import cached, code_version, fingerprint
from scripts.pages import csp, html_tree, page_contents, readability, trainers


@dataclass(frozen=True)
class FinishedPage:
    """A built page after finish_page(), with the policy still to come (csp.PLACEHOLDER), and what it holds."""

    html: str
    headings: list  # trainers.headings(), of the page as MkDocs wrote it
    article: str  # readability.article_key() of that page's article
    scripts: list[str]  # its inline scripts, for the edition's policy
    workers: list[str]  # the search worker addresses its config names (the offline edition hashes their iframe)


def finished(path: Path, cache_dir: Path) -> tuple[FinishedPage, str]:
    """The page MkDocs wrote at path, finished (taken from the cache when its text was finished before), and the text
    it had."""
    written = path.read_text(encoding="utf-8")
    key = fingerprint("pagina", written, code_version(__name__))
    data = cached(cache_dir / "paginas", key, lambda: json.dumps(asdict(finish(written))).encode("utf-8"))
    return FinishedPage(**json.loads(data)), written


def finish(written: str) -> FinishedPage:
    """The page read once: what the whole-site steps need from it first, then the page finished."""
    page = html_tree.parse_page(written)
    article = html_tree.article(page)
    found = trainers.headings(page), readability.article_key(article) if article is not None else ""
    finish_page(page)
    csp.add_meta(page, csp.PLACEHOLDER)
    return FinishedPage(html_tree.page_html(page), *found, csp.inline_scripts(page), csp.search_workers(page))


def article_html(written: str) -> str:
    """A built page's article as MkDocs wrote it, for readability scores not kept yet."""
    return html_tree.inner_html(html_tree.article(html_tree.parse_page(written)))


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
