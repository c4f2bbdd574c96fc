"""The Content Security Policy: every page carries it, scripts run only from the site or with a listed hash, and a
reader's path through the guide (pages, search, a checklist, the trainers' copy buttons, the offline edition) runs
under it without a single violation."""

from __future__ import annotations

import re
import shutil
import zipfile
from html import unescape

import pytest

from scripts.files.offline import ZIP_ROOT
from scripts.pages import csp, html_tree, redirect_page
from tests.conftest import serve
from tests.test_search import top_pages

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Recorded from the first moment of every page, before its own scripts run.
_RECORDER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""
TEN_PAGES = ("index.html", "kernprincipes.html", "overlast.html", "eerste-huurder.html", "huurvormen-en-recht.html",
             "veelgestelde-vragen.html", "begrippen.html", "checklists/index.html", "colofon.html",
             "wat-is-er-veranderd.html", "404.html")


def policy_of(html: str) -> str:
    found = _META.search(html)
    assert found, "no Content-Security-Policy meta element"
    return unescape(found.group(1))


def test_every_page_redirect_and_404_carries_a_policy_that_lists_its_inline_scripts(site):
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages and len(pages) > 25
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = policy_of(html)
        scripts = dict(part.split(" ", 1) for part in policy.split("; "))["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in policy, path.name
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{path.name}: policy after a script"
        missing = [s[:60] for s in csp.inline_scripts(html_tree.parse_page(html)) if csp.source_hash(s) not in scripts]
        assert not missing, f"{path.name}: inline scripts without a hash: {missing}"


def test_a_redirect_page_gets_the_hash_of_its_own_script(tmp_path):
    (tmp_path / "oud.html").write_text(redirect_page.TEMPLATE.format(url="nieuw.html"), encoding="utf-8")
    (tmp_path / "index.html").write_text("<!doctype html><html><head><meta charset=\"utf-8\"></head></html>")
    csp.apply(tmp_path, {})
    html = (tmp_path / "oud.html").read_text(encoding="utf-8")
    [script] = csp.inline_scripts(html_tree.parse_page(html))
    assert csp.source_hash(script) in policy_of(html)
    assert csp.site_policy(tmp_path) == policy_of(html)


@pytest.fixture
def recorded(page_in):
    """A browser page that records policy violations, console errors and uncaught exceptions."""
    errors = []

    def open_page(**options):
        page = page_in(**options)
        page.add_init_script(_RECORDER)
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    return open_page, errors


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.mark.browser
def test_a_readers_path_through_the_guide_runs_without_violations(site, recorded):
    open_page, errors = recorded
    base, server = serve(site)
    try:
        page = open_page(permissions=["clipboard-read", "clipboard-write"])
        seen = []
        for name in TEN_PAGES:
            page.goto(base + name)
            page.wait_for_load_state("load")
            seen += [f"{name}: {v}" for v in _violations(page)]
        page.goto(base + "index.html")
        assert "overlast.html" in top_pages(page, "escalatieladder")
        seen += [f"zoeken: {v}" for v in _violations(page)]

        page.goto(base + "checklists/woning-toewijzen.html")
        page.locator("ul.checklist input[type=checkbox]").first.check()
        page.reload()
        assert page.locator("ul.checklist input[type=checkbox]").first.is_checked()  # the checklist's script ran
        seen += [f"checklist: {v}" for v in _violations(page)]

        page.goto(base + "voor-trainers.html")
        page.locator("details.adresgroep summary").first.click()
        page.locator(".adressenlijst__kopieer:visible").first.click()
        assert page.evaluate("navigator.clipboard.readText()").startswith(base)
        seen += [f"trainers: {v}" for v in _violations(page)]
    finally:
        server.shutdown()
    assert seen == []
    assert [e for e in errors if "404" not in e] == []  # the 404 page is served with status 404, logged as such


@pytest.mark.browser
def test_the_offline_edition_runs_under_its_policy_from_file(site, recorded, tmp_path):
    open_page, errors = recorded
    with zipfile.ZipFile(site / "downloads" / "handreiking-offline.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / ZIP_ROOT
    assert "Content-Security-Policy" in (root / "index.html").read_text(encoding="utf-8")
    page = open_page()
    page.goto((root / "index.html").as_uri())
    assert "overlast.html" in top_pages(page, "escalatieladder", root=root.as_uri() + "/")  # search in its iframe
    seen = _violations(page)
    page.goto((root / "checklists" / "woning-toewijzen.html").as_uri())
    page.locator("ul.checklist input[type=checkbox]").first.check()
    seen += _violations(page)
    assert seen == [] and errors == []


@pytest.mark.browser
def test_an_inline_script_added_to_a_built_page_is_blocked(site, recorded, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("downloads"))
    page_file = copy / "kernprincipes.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</body>", "<script>window.__ingevoegd = true</script></body>"), encoding="utf-8")
    open_page, _ = recorded
    base, server = serve(copy)
    try:
        page = open_page()
        page.goto(base + "kernprincipes.html")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__ingevoegd") is None
        assert any(v.startswith("script-src") and "inline" in v for v in _violations(page)), _violations(page)
    finally:
        server.shutdown()
