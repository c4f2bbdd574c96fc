"""A Content Security Policy in every built page: scripts only from the site itself, or inline with their hash.

Applied to the finished site rather than per page in a hook: the policy lists the hashes of every inline script of
the edition (one policy, so a web server can send it as one header: `python -m scripts csp`), pages written after the
pages (mkdocs-redirects, the 404 page) need it too, and Zensical, which has no hooks, gets the same step.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from lxml.html import HtmlElement

from scripts.pages import html_tree

_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}
# The offline edition's search runs in iframe-worker's iframe (no Worker from file://); that iframe inherits the
# page's policy and gets one inline script, written by the shim around the worker's address.
_SHIM_TEMPLATE = re.compile(r"<html><body><script>(.*?)<\\/script>")
_SHIM_FUNCTION = re.compile(r"function (\w)\(")


def inline_scripts(page: HtmlElement) -> list[str]:
    """The text of every inline script a browser would run (a JSON data block is not run, so not listed).
    The parser keeps a script's text as written (no entities in scripts), which is what the browser hashes."""
    return [script.text or "" for script in page.iter("script")
            if script.get("src") is None and (script.get("type") or "").strip().lower() in _EXECUTED_TYPES]


def source_hash(script: str) -> str:
    """'sha256-...' of a script's text, as a policy lists it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: list[str]) -> str:
    """The policy: everything from this site only; inline scripts only with a listed hash; no eval.
    Styles may be inline: Markdown tables align cells with style attributes, and a style cannot run code."""
    return "; ".join((
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(set(hashes))) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",  # Material's icons in its CSS are data: addresses
        "font-src 'self'",
        "connect-src 'self'",  # the search index and, online, instant navigation
        "worker-src 'self'",  # the search worker
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",  # the 404 page's search form
    ))


def shim_scripts(shim: str, worker_addresses: set[str]) -> list[str]:
    """The inline script iframe-worker writes for each worker address, rebuilt from the shim's own source."""
    template = _SHIM_TEMPLATE.search(shim)
    if template is None:
        raise ValueError("iframe-worker: het script in het iframe is niet gevonden; is de versie veranderd?")
    functions = {}
    for match in _SHIM_FUNCTION.finditer(shim):
        functions[match.group(1)] = _function_text(shim, match.start())
    text = template.group(1)

    def filled(address: str) -> str:
        return re.sub(r"\$\{(\w)\}", lambda m: address if m.group(1) == "e" else functions[m.group(1)], text)

    return [filled(address) for address in sorted(worker_addresses)]


def _function_text(source: str, start: int) -> str:
    """A function's source as Function.prototype.toString gives it: from 'function' to its closing brace."""
    depth, index = 0, source.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return source[start:index + 1]
        index += 1


def apply(site_dir: Path, finished: dict[Path, tuple[list[str], list[str]]], shim_path: str | None = None) -> str:
    """One policy for every page of a built edition; returns it. The pages in finished, {path: (inline scripts,
    search worker addresses)}, the caller writes itself, with with_policy(); every other page (404, redirects) is
    read and written here. Every page is known before the policy is made: it lists the inline scripts of the whole
    edition."""
    others = _read_pages(Path(site_dir), set(finished))
    scripts = [script for tree in others.values() for script in inline_scripts(tree)]
    scripts += [script for page_scripts, _ in finished.values() for script in page_scripts]
    if shim_path and (Path(site_dir) / shim_path).is_file():
        workers = {address for tree in others.values() for address in search_workers(tree)}
        workers |= {address for _, addresses in finished.values() for address in addresses}
        scripts += shim_scripts((Path(site_dir) / shim_path).read_text(encoding="utf-8"), workers)
    the_policy = policy([source_hash(script) for script in scripts])
    for path, tree in others.items():
        add_meta(tree, the_policy)
        path.write_text(html_tree.page_html(tree), encoding="utf-8")
    return the_policy


def search_workers(page: HtmlElement) -> list[str]:
    """The address of the search worker that Material's config in a page names, if it names one."""
    return [address for config in page.xpath('//script[@id="__config"]')
            if (address := json.loads(config.text).get("search"))]


# A page written before its edition's policy is known carries this instead (add_meta); with_policy() puts the policy
# in its place. Written as lxml writes an attribute, so the result is the page as if the policy had been in the tree.
PLACEHOLDER = "handreiking-beveiligingsbeleid"


def with_policy(page_html: str, the_policy: str) -> str:
    """A page written with PLACEHOLDER as its policy, with the edition's policy instead."""
    if any(char in the_policy for char in '&<>"'):  # lxml would write these as entities; a policy never has them
        raise ValueError(f"een beveiligingsbeleid met een teken dat HTML anders schrijft: {the_policy}")
    return page_html.replace(f'content="{PLACEHOLDER}"', f'content="{the_policy}"', 1)


def _read_pages(site_dir: Path, known: set[Path]) -> dict[Path, HtmlElement]:
    """Every page of the edition not in known. A theme partial copied into the site would be a fragment, not a
    page: a browser never opens it on its own, and its scripts are hashed in the pages that include it."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        if path not in known:
            tree = html_tree.parse_page(path.read_text(encoding="utf-8"))
            if html_tree.is_page(tree):
                pages[path] = tree
    return pages


def add_meta(page: HtmlElement, the_policy: str) -> None:
    """The policy's meta element first in the page's head, after its charset (a policy covers only what comes
    after it)."""
    head = page.find("head")
    if head is None:
        head = html_tree.element("head", {})
        page.insert(0, head)
    meta = html_tree.element("meta", {"http-equiv": "Content-Security-Policy", "content": the_policy})
    charset = head.find("meta[@charset]")
    if charset is None:
        head.insert(0, meta)
        return
    # The charset's line break moves after the policy, so the head keeps its lines.
    meta.tail, charset.tail = charset.tail, None
    charset.addnext(meta)


def site_policy(site_dir: Path) -> str | None:
    """The policy a built site carries (read from its home page), or None."""
    index = Path(site_dir) / "index.html"
    if not index.is_file():
        return None
    found = html_tree.parse_page(index.read_text(encoding="utf-8")).xpath(
        '//meta[@http-equiv="Content-Security-Policy"]/@content')
    return found[0] if found else None


def header_lines(the_policy: str) -> str:
    """The same policy as a response header, for nginx and for Apache."""
    return (f'nginx:   add_header Content-Security-Policy "{the_policy}" always;\n'
            f'Apache:  Header always set Content-Security-Policy "{the_policy}"\n')
