"""The offline edition: unzipped and opened from file://, it navigates, searches and ticks without a network."""

from __future__ import annotations

import re
import zipfile

import pytest

from scripts.files.offline import ZIP_ROOT
from tests.test_search import top_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_index(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "handreiking-offline.zip") as archive:
        archive.extractall(folder)
    return folder / ZIP_ROOT / "index.html"


@pytest.fixture
def offline_page(browser, offline_index):
    """A page opened from file:// that records every request leaving the file system."""
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(offline_index.as_uri())
    yield page, requests, offline_index.parent.as_uri() + "/"
    context.close()


def _network(requests):
    return [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))]


def test_offline_zip_is_offered_on_the_home_page(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/handreiking-offline.zip"' in html
    assert "Download de offline versie (" in html


def test_offline_edition_has_no_server_features_and_no_cdn(offline_index):
    html = offline_index.read_text(encoding="utf-8")
    assert "navigation.instant" not in html
    assert "unpkg.com" not in html and "https://" not in "".join(
        line for line in html.splitlines() if "<script" in line)
    assert (offline_index.parent / "assets/javascripts/iframe-worker/shim.js").is_file()
    assert (offline_index.parent / "search/search_index.js").is_file()


def test_offline_search_finds_dutch_words(offline_page):
    page, requests, root = offline_page
    assert "kernprincipes.html" in top_pages(page, "harm reduction", root=root)
    assert "samenwerken.html" in top_pages(page, "coordinatie", root=root)
    assert "wat-vraagt-housing-first.html" in top_pages(page, "driepartijencontract", root=root)  # a staff word
    assert _network(requests) == []


def test_offline_navigation_and_checklists_work(offline_page):
    page, requests, _ = offline_page
    page.locator(".md-nav__link", has_text="Overlast voorkomen en aanpakken").first.click()
    page.wait_for_url("**/overlast.html")
    assert page.locator("h1").inner_text().startswith("Overlast voorkomen en aanpakken")

    page.goto(page.url.replace("overlast.html", "checklists/woning-toewijzen.html"))
    first = page.locator("ul.checklist input[type=checkbox]").first
    first.check()
    page.reload()
    assert page.locator("ul.checklist input[type=checkbox]").first.is_checked()
    assert "1 van " in page.locator(".checklist-acties__status").inner_text()
    assert _network(requests) == []


def test_offline_edition_offers_the_pdfs_it_carries(offline_index):
    """The zip holds the guide and its chapters as PDF; its own pages must offer them, not say they are elsewhere."""
    root = offline_index.parent
    pages = [offline_index, root / "kernprincipes.html", root / "checklists" / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "hoort bij de gepubliceerde site" not in html, page.name
    offered = []
    for page in sorted(root.rglob("*.html")):
        for href in re.findall(r'href="([^"]+\.pdf)"', page.read_text(encoding="utf-8")):
            offered.append((page.parent / href).resolve())
    assert (root / "downloads" / "handreiking.pdf").resolve() in offered
    assert (root / "downloads" / "hoofdstuk-kernprincipes.pdf").resolve() in offered
    missing = sorted({str(path.relative_to(root.resolve())) for path in offered if not path.is_file()})
    assert missing == [], f"offered but not in the zip: {missing}"
    index = (root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "hoort bij de gepubliceerde site" not in index
