"""A Content Security Policy in every built page: scripts only from the site itself, or inline with their hash.

Applied to the finished site rather than per page in a hook: the policy lists the hashes of every inline script of
the edition (with Material's instant navigation a page may run another page's scripts), pages written after the
pages (mkdocs-redirects, the 404 page) need it too, and Zensical, which has no hooks, gets the same step.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path

from scripts.markup import html_text

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
# The offline edition's search runs in iframe-worker's iframe (no Worker from file://); that iframe inherits the
# page's policy and gets one inline script, written by the shim around the worker's address.
_SHIM_TEMPLATE = re.compile(r"<html><body><script>(.*?)<\\/script>")
_SHIM_FUNCTION = re.compile(r"function (\w)\(")


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (a JSON data block is not run, so not listed)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group("attributes")
        kind = _TYPE.search(attributes)
        if re.search(r"\bsrc\s*=", attributes, re.I) or (kind and kind.group(1).lower() not in _EXECUTED_TYPES):
            continue
        found.append(match.group("body"))
    return found


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
        "connect-src 'self'",  # the search index
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


def apply(site_dir: Path, shim_path: str | None = None) -> str:
    """Write one policy into every page of a built edition (after its charset); returns the policy."""
    pages = sorted(Path(site_dir).rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    scripts = [script for html in texts.values() for script in inline_scripts(html)]
    if shim_path and (Path(site_dir) / shim_path).is_file():
        workers = {json.loads(m.group(1)).get("search") for html in texts.values() for m in _CONFIG.finditer(html)}
        scripts += shim_scripts((Path(site_dir) / shim_path).read_text(encoding="utf-8"), workers - {None})
    the_policy = policy([source_hash(script) for script in scripts])
    meta = META.format(policy=html_text(the_policy))
    for page, html in texts.items():
        page.write_text(with_meta(html, meta), encoding="utf-8")
    return the_policy


def with_meta(html: str, meta: str) -> str:
    """The page with the policy's meta element first in its head (a policy covers only what comes after it)."""
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + meta + html[charset.end():]
    head = re.search(r"<head[^>]*>", html, re.I)
    return html[: head.end()] + meta + html[head.end():] if head else meta + html


def site_policy(site_dir: Path) -> str | None:
    """The policy a built site carries (read from its home page), or None."""
    index = Path(site_dir) / "index.html"
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                      index.read_text(encoding="utf-8")) if index.is_file() else None
    return unescape(found.group(1)) if found else None


def header_lines(the_policy: str) -> str:
    """The same policy as a response header, for nginx and for Apache."""
    return (f'nginx:   add_header Content-Security-Policy "{the_policy}" always;\n'
            f'Apache:  Header always set Content-Security-Policy "{the_policy}"\n')
