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
from scripts.content import load_content
from tests.conftest import COPY_EPOCH, PROJECT, PageParser, article_html, article_text

MKDOCS = Path(sys.executable).with_name("mkdocs")


def test_plain_mkdocs_build_works_from_the_project_root(tmp_path):
    """No PYTHONPATH, no `python -m`: what editors, hosting tools and MkDocs users type."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ModuleNotFoundError" not in result.stderr
    assert (tmp_path / "site" / "checklists" / "woning-toewijzen.html").is_file()


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    if importlib.util.find_spec("zensical") is None:
        reason = "Zensical is niet geïnstalleerd in deze omgeving (het staat in requirements.lock; draai make test)"
        print(reason)
        pytest.skip(reason)
    from scripts.build import copy_project

    project = copy_project(tmp_path_factory.mktemp("zensical") / "project", PROJECT)
    env = {**os.environ, "PYTHONPATH": str(project), "SOURCE_DATE_EPOCH": COPY_EPOCH}
    result = subprocess.run([sys.executable, "-m", "scripts", "zensical", "--site-dir", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return project / "site"


def test_zensical_renders_every_chapter_with_its_data(zensical_site):
    content = load_content(PROJECT / "content")
    for corporation in content.corporaties:
        assert corporation["naam"] in article_text(zensical_site / "referentiegroep.html")
    principles = PageParser()
    principles.feed(article_html(zensical_site / "kernprincipes.html"))
    assert {p["id"] for p in content.principes} <= principles.ids
    for term in content.begrippen:
        assert " ".join(term["uitleg"].split()) in article_text(zensical_site / "begrippen.html")
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
        html = article_html(page)
        for leftover in ("{{", "}}", "{%", "%}"):
            assert leftover not in html, f"{page.relative_to(zensical_site)} shows '{leftover}'"
        for link in re.findall(r'href="([^"#]*downloads/[^"#]+)"', html):
            assert (page.parent / link).resolve().is_file(), f"{page.relative_to(zensical_site)} -> {link}"
