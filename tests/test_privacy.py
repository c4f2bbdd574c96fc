"""Privacy: reading the guide sends nothing to any host but the site's own (no fonts, CDNs or trackers)."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from tests.conftest import html_pages, serve

pytestmark = pytest.mark.browser


def foreign_requests(page_in, base: str, addresses: list[str]) -> list[str]:
    """Load each page (and let it settle); return every request that went to another host."""
    own = urlsplit(base).netloc
    page = page_in()
    requests = []
    page.on("request", lambda request: requests.append((page.url, request.url)))
    for address in addresses:
        page.goto(base + address, wait_until="networkidle")
    return [f"{urlsplit(origin).path} -> {url}" for origin, url in requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own]


def test_no_page_requests_anything_from_a_third_party(site, served_site, page_in):
    addresses = [p.relative_to(site).as_posix() for p in html_pages(site)]
    assert len(addresses) > 20
    found = foreign_requests(page_in, served_site, addresses)
    assert not found, "requests to other hosts:\n" + "\n".join(found)


def test_the_check_catches_an_external_font(site, page_in, tmp_path):
    """Planted fault: one page that loads Google Fonts is reported."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "overlast.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>', 1),
        encoding="utf-8")
    base, server = serve(copy)
    try:
        found = foreign_requests(page_in, base, ["index.html", "overlast.html"])
    finally:
        server.shutdown()
    assert found == ["/overlast.html -> https://fonts.googleapis.com/css?family=Roboto"]


def test_no_font_or_script_from_elsewhere_in_the_html(site):
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        assert "unpkg.com" not in html and "cdn.jsdelivr" not in html
