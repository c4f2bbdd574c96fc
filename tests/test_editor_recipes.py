"""The README's recipes for editors, followed literally on a copy: the guide shows the result and the tests still pass."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from docx import Document
from pypdf import PdfReader

from tests.conftest import COPY_EPOCH, PROJECT, article_html, copy_with_shared_cache, run_build


def recipe(title: str, number: int = 0) -> str:
    """The first (or a later) YAML block under a heading of the README."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(f"### {title}"):]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)[number]


def append(path: Path, block: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + block, encoding="utf-8")


def test_following_the_readme_recipes_adds_what_they_promise_and_keeps_the_tests_green(tmp_path, shared_cache):
    project = copy_with_shared_cache(tmp_path / "project", shared_cache)
    corporation, item, checklist = (recipe("Een corporatie toevoegen"), recipe("Een punt aan een checklist toevoegen"),
                                    recipe("Een checklist toevoegen"))
    append(project / "content" / "corporaties.yml", corporation)
    source = recipe("Een corporatie toevoegen", 1)
    append(project / "content" / "bronnen.yml", source)
    page = project / "docs" / "referentiegroep.md"  # 'zet de id ook in bronnenlijst(...)'
    page.write_text(page.read_text(encoding="utf-8").replace(
        "{{ bronnenlijst(", '{{ bronnenlijst("' + re.search(r"id: ([a-z0-9-]+)", source).group(1) + '", '),
        encoding="utf-8")
    path = project / "content" / "checklists.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("        punten:\n") + len("        punten:\n")  # 'in de goede sectie': the first one
    path.write_text(text[:first] + item + text[first:], encoding="utf-8")
    append(path, checklist)
    env = {**os.environ, "PYTHONPATH": str(project), "SOURCE_DATE_EPOCH": COPY_EPOCH}
    check = subprocess.run([sys.executable, "-m", "scripts", "check"], cwd=project, env=env, capture_output=True,
                           text=True, timeout=60)
    assert check.returncode == 0, check.stderr

    site = tmp_path / "site"
    result = run_build(project, site, "--zonder-offline")
    assert result.returncode == 0, result.stderr
    corporation_id = re.search(r"id: ([a-z-]+)", corporation).group(1)
    page = article_html(site / "referentiegroep.html")
    assert f'<tr id="corporatie-{corporation_id}">' in page, "the README names the row anchor"
    assert f'id="{corporation_id}"' in page, "the practice has its own heading"
    item_id, item_text = re.search(r"id: ([a-z-]+).*\n\s+tekst: (.+)", item).groups()
    first_checklist = re.search(r"^  - id: ([a-z-]+)", text, re.M).group(1)
    assert f'data-punt="{item_id}"' in article_html(site / "checklists" / f"{first_checklist}.html")
    pdf = PdfReader(io.BytesIO((site / "downloads" / f"{first_checklist}.pdf").read_bytes()))
    assert item_text.strip() in " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    word = Document(io.BytesIO((site / "downloads" / f"{first_checklist}.docx").read_bytes()))
    assert any(item_text.strip() in paragraph.text for paragraph in word.paragraphs)
    checklist_id = re.search(r"id: ([a-z-]+)", checklist).group(1)
    assert (site / "checklists" / f"{checklist_id}.html").is_file()
    assert f'href="checklists/{checklist_id}.html"' in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "downloads" / f"{checklist_id}.pdf").is_file()

    # 'Draai daarna make links', then the guide's own tests run on the changed copy: those that read the guide as
    # built (the ones that build changed copies of their own test the machinery, and run in the outer session).
    for name in ("tests", "pyproject.toml"):
        source = PROJECT / name
        shutil.copytree(source, project / name) if source.is_dir() else shutil.copy2(source, project / name)
    links = subprocess.run([sys.executable, "-m", "scripts", "links"], cwd=project, env=env, capture_output=True,
                           text=True, timeout=300)
    assert links.returncode == 0, links.stderr[-2000:]
    # One worker (-n 0): this already runs inside a worker of the outer session.
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-n", "0",
                            "-m", "not browser and not builds_copy", "-p", "no:cacheprovider",
                            "tests/test_content.py", "tests/test_site.py", "tests/test_downloads.py",
                            "tests/test_links.py", "tests/test_trust.py", "tests/test_readability.py",
                            "tests/test_render.py"],
                           cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert tests.returncode == 0, tests.stdout[-4000:]
