"""The guide builds the way MkDocs users and the successor engine expect: plain `mkdocs build`, and Zensical."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import outputs
from scripts.cache import FOLDER
from scripts.content import load_content
from scripts.outputs import PREVIEW_BUILD, is_preview
from tests.conftest import COPY_EPOCH, PROJECT, PageParser, article_html, article_text, real_clock

MKDOCS = Path(sys.executable).with_name("mkdocs")


def test_plain_mkdocs_build_works_from_the_project_root(tmp_path):
    """No PYTHONPATH, no `python -m`: what editors, hosting tools and MkDocs users type."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ModuleNotFoundError" not in result.stderr
    assert (tmp_path / "site" / "checklists" / "woning-toewijzen.html").is_file()
    if is_preview(env.get("SITE_URL", "")):
        assert result.stderr.count(PREVIEW_BUILD) == 1, "the build says once that it makes a preview"


# Template code typed into data: a page must show it as text, never run it.
POISON = "{{ 7*7 }} {% raw %}"


def poison_data(project: Path) -> None:
    """Template code in every abbreviation's term (added to every page) and in a checklist item (a made page)."""
    terms = project / "content" / "begrippen.yml"
    text = terms.read_text(encoding="utf-8")
    terms.write_text(re.sub(r"(?m)^(    term: )(.+)\n(    afkorting: )", rf'\1"\2 {POISON}"\n\3', text), encoding="utf-8")
    items = project / "content" / "checklists.yml"
    text = items.read_text(encoding="utf-8")
    items.write_text(re.sub(r'(?m)^(            tekst: ".+)\."$', rf'\1 {POISON}."', text, count=1), encoding="utf-8")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory, shared_cache) -> Path:
    if importlib.util.find_spec("zensical") is None:
        reason = "Zensical is niet geïnstalleerd in deze omgeving (het staat in requirements.lock; draai make test)"
        print(reason)
        pytest.skip(reason)
    from scripts.engines.build import copy_project

    project = copy_project(tmp_path_factory.mktemp("zensical") / "project", PROJECT)
    poison_data(project)
    kept = project / FOLDER / "boeken" / "kept-from-an-earlier-build"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"a PDF made before")
    # The downloads the other builds of this run made (each under its own key): only the poisoned checklist's are new.
    (project / FOLDER / "downloads").symlink_to(shared_cache / "downloads", target_is_directory=True)
    env = real_clock({**os.environ, "PYTHONPATH": str(project), "SOURCE_DATE_EPOCH": COPY_EPOCH})
    result = subprocess.run([sys.executable, "-m", "scripts", "zensical", "--site-dir", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return project / "site"


def test_zensical_keeps_the_guides_build_cache(zensical_site):
    """Zensical's --clean empties .cache/; the PDFs of the whole guide, minutes of work, must not go with it."""
    assert (zensical_site.parent / FOLDER / "boeken" / "kept-from-an-earlier-build").is_file()


def test_zensical_renders_every_chapter_with_its_data(zensical_site):
    content = load_content(PROJECT / "content")
    for corporation in content.corporaties:
        assert corporation["naam"] in article_text(zensical_site / "referentiegroep.html")
    principles = PageParser()
    principles.feed(article_html(zensical_site / "kernprincipes.html"))
    assert {p["id"] for p in content.principes} <= principles.ids
    for term in content.begrippen:
        assert " ".join(term.get("kort", term["uitleg"]).split()) in article_text(zensical_site / "begrippen.html")
    for step in content.route:
        assert f'id="{step["id"]}"' in article_html(zensical_site / "eerste-huurder.html")


def test_zensical_builds_every_checklist_page_with_every_item(zensical_site):
    for checklist in load_content(PROJECT / "content").checklists:
        html = article_html(zensical_site / outputs.page_url(outputs.checklist_page(checklist["id"])))
        items = [p for s in checklist["secties"] for p in s["punten"]]
        assert html.count('type="checkbox"') == len(items)


def test_zensical_pages_show_no_template_code_and_every_download_link_resolves(zensical_site):
    pages = [p for p in zensical_site.rglob("*.html") if 'class="md-content' in p.read_text(encoding="utf-8")]
    assert len(pages) > 20
    for page in pages:
        html = article_html(page).replace(POISON, "")
        for leftover in ("{{", "}}", "{%", "%}"):
            assert leftover not in html, f"{page.relative_to(zensical_site)} shows '{leftover}'"
        for link in re.findall(r'href="(?!https?:)([^"#]*downloads/[^"#]+)"', html):
            assert (page.parent / link).resolve().is_file(), f"{page.relative_to(zensical_site)} -> {link}"


def test_zensical_shows_template_code_in_data_as_text(zensical_site):
    pages = {p: p.read_text(encoding="utf-8") for p in zensical_site.rglob("*.html")}
    assert any(POISON in html for page, html in pages.items() if "checklists" not in page.parts)  # abbreviations
    assert any(POISON in article_text(p) for p in zensical_site.glob("checklists/*.html"))
    for page, html in pages.items():
        assert html.count("7*7") == html.count(POISON), f"{page.relative_to(zensical_site)} ran template code"
