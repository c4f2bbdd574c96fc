"""Preview and release: a release (public address set) has no local address in any file; a preview marks every PDF and
Word file as such and prints no local address in what people share."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote, urlsplit

import pikepdf
import pytest
from docx import Document

from scripts.outputs import PREVIEW_MARK
from tests.conftest import (COPY_EPOCH, PROJECT, article_html, article_text, copy_with_shared_cache, html_pages,
                            pdf_pages, run_build)

PUBLIC = "https://handreiking.voorbeeld.nl/housing-first/"
LOCAL = (b"127.0.0.1", b"localhost", b"[::1]")


def pdf_strings(data: bytes) -> bytes:
    """Every page's text as a reader sees it (the streams hold glyph codes, not letters), and the whole PDF with its
    streams decompressed and every object written out (links, metadata). Poppler reads the text and qpdf (through
    pikepdf) writes the file out: pypdf took minutes for a release."""
    parts = [subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True,
                            timeout=120).stdout]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        written = io.BytesIO()
        pdf.save(written, qdf=True, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.generalized)
    return b"\n".join(parts + [written.getvalue()])


def readable(name: str, data: bytes, seen: set[bytes] | None = None) -> list[tuple[str, bytes]]:
    """(name, readable bytes) for a file and, for archives, for every file inside it. A file whose bytes are in seen
    was read already (the offline edition holds the same PDFs as downloads/): it is skipped, and added otherwise."""
    if seen is not None:
        digest = hashlib.sha256(data).digest()
        if digest in seen:
            return []
        seen.add(digest)
    if name.endswith((".zip", ".docx")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [part for inner in archive.namelist()
                    for part in readable(f"{name}/{inner}", archive.read(inner), seen)]
    if name.endswith(".gz"):
        return readable(name.removesuffix(".gz"), gzip.decompress(data), seen)
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
def release_site(tmp_path_factory, shared_cache) -> Path:
    project = copy_with_shared_cache(tmp_path_factory.mktemp("release") / "project", shared_cache)
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
    seen = set()
    found = [name for path in files
             for name, data in readable(path.relative_to(release_site).as_posix(), path.read_bytes(), seen)
             if any(local in data for local in LOCAL)]
    assert not found, f"lokaal adres in {found[:10]}"
    assert PUBLIC.encode() in (release_site / "sitemap.xml").read_bytes()
    table = csv.DictReader(io.StringIO((release_site / "downloads" / "adressen.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";")
    rows = list(table)
    assert rows and all(row["adres"].startswith(PUBLIC) for row in rows)


def shared_files(site: Path) -> list[tuple[str, bytes]]:
    """The PDF, Word and CSV files of a build, and the offline edition's pages and files."""
    found, seen = [], set()
    for path in sorted((site / "downloads").iterdir()):
        found += [(name, data) for name, data in readable(path.name, path.read_bytes(), seen)
                  if name.endswith((".pdf", ".csv", ".html")) or "/word/" in name]
    return found


def test_a_preview_prints_no_local_address_in_what_people_share(site):
    files = shared_files(site)
    assert {name.rsplit(".", 1)[-1] for name, _ in files} >= {"pdf", "csv", "xml", "html"}
    found = [name for name, data in files if any(local in data for local in LOCAL)]
    assert not found, f"lokaal adres in {found[:10]}"


def test_every_pdf_and_word_file_of_a_preview_carries_the_mark(site):
    mark = " ".join(PREVIEW_MARK.split())
    for path in sorted((site / "downloads").glob("*.pdf")):
        first_page = " ".join(pdf_pages(path, 1, 1)[0].split())
        assert mark in first_page, f"{path.name}: no preview mark on its first page (cover)"
    for path in sorted((site / "downloads").glob("*.docx")):
        header = " ".join(p.text for p in Document(str(path)).sections[0].header.paragraphs)
        assert mark in header, f"{path.name}: no preview mark in the page header"


def test_a_release_carries_no_preview_mark(release_site):
    for path in sorted((release_site / "downloads").glob("*.pdf"))[:3]:
        assert "Proefversie" not in pdf_pages(path, 1, 1)[0]
    assert PUBLIC in pdf_pages(release_site / "downloads" / "handreiking.pdf", 1, 1)[0]


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


def test_the_accessibility_statement_sends_complaints_to_the_publishers_contact(release_site, site):
    statement = article_html(release_site / "toegankelijkheid.html")
    assert f'href="mailto:{SETTINGS["contact"]}"' in statement
    assert "nog niet ingesteld" in article_text(site / "toegankelijkheid.html")


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


def test_a_release_publishes_its_change_log_as_a_feed_whose_links_resolve(release_site):
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = etree.fromstring((release_site / "wijzigingen.xml").read_bytes())
    entries = feed.findall(f"{atom}entry")
    assert len(entries) >= 5
    for entry in entries:
        targets = [entry.findtext(f"{atom}id")] + re.findall(r'href="([^"]+)"', entry.findtext(f"{atom}content"))
        for target in targets:
            assert target.startswith(PUBLIC), target
            path, _, anchor = target.removeprefix(PUBLIC).partition("#")
            page = release_site / path
            assert page.is_file(), target
            assert not anchor or f'id="{anchor}"' in page.read_text(encoding="utf-8"), target
    html = (release_site / "overlast.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Wat is er veranderd" href="wijzigingen.xml">' in html
    assert 'href="wijzigingen.xml"' in article_html(release_site / "wat-is-er-veranderd.html")
    footer = html.split('class="md-copyright"')[1]
    assert "CC BY 4.0" in footer


def test_a_preview_has_no_feed_and_says_so(site):
    assert not (site / "wijzigingen.xml").exists()
    assert "application/atom+xml" not in (site / "index.html").read_text(encoding="utf-8")
    assert "geen feed" in article_text(site / "wat-is-er-veranderd.html")


def test_the_home_page_names_the_publisher_of_a_release_and_no_one_in_a_preview(release_site, site):
    assert "Een uitgave van Stichting Voorbeeld & Co" in article_text(release_site / "index.html")
    assert "Een uitgave van" not in article_text(site / "index.html")


class _UnderPath(__import__("http.server").server.SimpleHTTPRequestHandler):
    """A web server that holds the site under a folder (/housing-first/) and answers a missing page with the
    site's 404.html, as nginx's error_page does."""

    prefix = "/" + PUBLIC.split("/", 3)[3]

    def log_message(self, format, *args):
        pass

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefix):]
        if not Path(self.translate_path(self.path)).exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@pytest.mark.browser
def test_the_404_page_of_a_site_in_a_folder_loads_its_styles(release_site, browser):
    from functools import partial
    from http.server import ThreadingHTTPServer
    from threading import Thread

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_UnderPath, directory=str(release_site)))
    Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        failed = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400
                and response.request.resource_type in ("stylesheet", "script") else None)
        response = page.goto(f"http://127.0.0.1:{server.server_address[1]}{_UnderPath.prefix}a/b/bestaat-niet.html")
        assert response.status == 404
        assert "Deze pagina bestaat niet" in page.content()
        assert not failed, f"styles or scripts that did not load: {failed}"
        # the guide's own stylesheet is in force: the header has the guide's colour
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).backgroundColor") == \
            "rgb(0, 96, 107)"
        home = page.locator("article a", has_text="de startpagina").get_attribute("href")
        assert urlsplit(home).path.startswith(_UnderPath.prefix), home
    finally:
        context.close()
        server.shutdown()
