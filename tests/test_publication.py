"""Preview and release: a release (public address set) has no local address in any file; a preview marks every PDF and
Word file as such and prints no local address in what people share."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pikepdf
import pytest
from docx import Document
from pypdf import PdfReader

from scripts.outputs import PREVIEW_MARK
from tests.conftest import COPY_EPOCH, article_html, article_text, html_pages, run_build

PUBLIC = "https://handreiking.voorbeeld.nl/housing-first/"
LOCAL = (b"127.0.0.1", b"localhost", b"[::1]")


def pdf_strings(data: bytes) -> bytes:
    """Every stream (text and links) and every string of a PDF, decompressed."""
    parts = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for item in pdf.objects:
            if isinstance(item, pikepdf.Stream):
                parts.append(item.read_bytes())
            elif isinstance(item, pikepdf.Dictionary):
                parts.append(repr(item).encode("utf-8", "replace"))
    return b"\n".join(parts)


def readable(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """(name, readable bytes) for a file and, for archives, for every file inside it."""
    if name.endswith((".zip", ".docx")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [part for inner in archive.namelist()
                    for part in readable(f"{name}/{inner}", archive.read(inner))]
    if name.endswith(".gz"):
        return readable(name.removesuffix(".gz"), gzip.decompress(data))
    if name.endswith(".pdf"):
        return [(name, pdf_strings(data))]
    return [(name, data)]


SETTINGS = {"uitgever": "Stichting Voorbeeld & Co", "contact": "redactie@voorbeeld.nl", "licentie": "CC BY 4.0",
            "herziening": "elk jaar in maart"}


def publish(project: Path, settings: dict = SETTINGS) -> None:
    """Fill in the publication settings in mkdocs.yml, as the README tells a publisher to."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in settings.items():
        text = re.sub(rf'(?m)^(    {key}: )""', lambda m: m.group(1) + json.dumps(value), text, count=1)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def release_site(tmp_path_factory) -> Path:
    from scripts.build import copy_project
    from tests.conftest import PROJECT

    project = copy_project(tmp_path_factory.mktemp("release") / "project", PROJECT)
    (project / "tests").mkdir()
    (project / "tests" / "published_links.txt").write_bytes((PROJECT / "tests" / "published_links.txt").read_bytes())
    publish(project)
    env = {**os.environ, "PYTHONPATH": str(project), "SOURCE_DATE_EPOCH": COPY_EPOCH, "SITE_URL": PUBLIC}
    result = subprocess.run([sys.executable, "-m", "scripts", "build", "--site-dir", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_no_file_of_a_release_holds_a_local_address(release_site):
    files = [p for p in release_site.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".pdf", ".docx", ".csv", ".zip", ".xml", ".gz", ".json"}
    found = [name for path in files
             for name, data in readable(path.relative_to(release_site).as_posix(), path.read_bytes())
             if any(local in data for local in LOCAL)]
    assert not found, f"lokaal adres in {found[:10]}"
    assert PUBLIC.encode() in (release_site / "sitemap.xml").read_bytes()
    table = csv.DictReader(io.StringIO((release_site / "downloads" / "adressen.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";")
    rows = list(table)
    assert rows and all(row["adres"].startswith(PUBLIC) for row in rows)


def shared_files(site: Path) -> list[tuple[str, bytes]]:
    """The PDF, Word and CSV files of a build, on their own and inside the offline zip."""
    found = []
    for path in sorted((site / "downloads").iterdir()):
        found += [(name, data) for name, data in readable(path.name, path.read_bytes())
                  if name.endswith((".pdf", ".csv")) or "/word/" in name]
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                found += [(name, archive.read(name)) for name in archive.namelist() if name.endswith(".pdf")]
    return found


def test_a_preview_prints_no_local_address_in_what_people_share(site):
    files = shared_files(site)
    assert {name.rsplit(".", 1)[-1] for name, _ in files} >= {"pdf", "csv", "xml"}
    found = [name for name, data in files if any(local in data for local in LOCAL)]
    assert not found, f"lokaal adres in {found[:10]}"


def test_every_pdf_and_word_file_of_a_preview_carries_the_mark(site):
    mark = " ".join(PREVIEW_MARK.split())
    for path in sorted((site / "downloads").glob("*.pdf")):
        first_page = " ".join(PdfReader(path).pages[0].extract_text().split())
        assert mark in first_page, f"{path.name}: no preview mark on its first page (cover)"
    for path in sorted((site / "downloads").glob("*.docx")):
        header = " ".join(p.text for p in Document(str(path)).sections[0].header.paragraphs)
        assert mark in header, f"{path.name}: no preview mark in the page header"


def test_a_release_carries_no_preview_mark(release_site):
    for path in sorted((release_site / "downloads").glob("*.pdf"))[:3]:
        assert "Proefversie" not in PdfReader(path).pages[0].extract_text()
    assert PUBLIC in PdfReader(release_site / "downloads" / "handreiking.pdf").pages[0].extract_text()


def test_a_release_names_its_publisher_and_every_page_offers_a_report_link(release_site):
    colophon = article_text(release_site / "colofon.html")
    assert all(value in colophon for value in SETTINGS.values())
    pages = html_pages(release_site)
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'href="colofon.html"' in html or 'href="../colofon.html"' in html, f"{page.name}: no colophon link"
        link = re.search(r'class="handreiking-melden"[^>]*>.*?<a href="(mailto:[^"]+)"', article_html(page), re.S)
        assert link, f"{page.name}: no report link"
        assert link.group(1).startswith("mailto:redactie@voorbeeld.nl?subject=")
        address = PUBLIC + page.relative_to(release_site).as_posix()
        assert quote(address, safe="") in link.group(1) or quote(address) in link.group(1), page.name


def test_a_preview_says_it_has_no_contact_yet_and_the_colophon_says_what_is_missing(site):
    assert "nog niet ingesteld" in article_text(site / "colofon.html")
    html = article_html(site / "kernprincipes.html")
    assert 'class="handreiking-melden"' in html and "mailto:" not in html


def test_a_release_without_its_publication_settings_stops_with_a_dutch_message(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", PUBLIC)
    publish(project_copy, {"uitgever": "Stichting Voorbeeld", "contact": "geen adres"})
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "mkdocs.yml:" in said and "extra.uitgave.contact" in said and "extra.uitgave.licentie" in said, said
    assert "extra.uitgave.uitgever" not in said and "Traceback" not in said
    assert not (tmp_path / "site").exists()
