"""Checklist downloads as staff use them: every item in the PDF and Word file, boxes to tick, stable bytes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
import pikepdf
from pypdf import PdfReader

from scripts import cache
from scripts.cache import FOLDER, cached, cached_all, fingerprint, folder, prune
from scripts.engines.build import copy_project
from scripts.files.checklist_pdf import checklist_pdf
from scripts.files.downloads import checklist_docx
from scripts.files.pdf_render import fonts_css
from scripts.pages.checklist_header import header_fields
from scripts.pages.markup import date_nl, file_size
from scripts.version import version_date
from tests.conftest import PROJECT, article_html, checklist_ids, html_pages, parse_page, pdf_pages

VERSION = date(2026, 11, 23)
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A4_TWIPS = (11906, 16838)


def words(text: str) -> str:
    return " ".join(text.split())


def sources_of(content, checklist):
    return [content.find("bronnen", b) for b in checklist["bronnen"]]


def pdf_facts(data: bytes) -> dict:
    reader = PdfReader(io.BytesIO(data))
    fields = reader.get_fields() or {}
    return {
        "text": words(" ".join(pdf_pages(data))),
        "checkboxes": {name: str(field.get("/TU")) for name, field in fields.items() if field.get("/FT") == "/Btn"},
        "text_fields": {name: str(field.get("/TU")) for name, field in fields.items() if field.get("/FT") == "/Tx"},
        "title": reader.metadata.title,
        "language": reader.trailer["/Root"].get("/Lang"),
        "pages": reader.pages,
    }


def pdf_ua_problems(data: bytes) -> list[str]:
    """What a screen-reader user would miss: tags, structure, language, title shown, PDF/UA claim, tab order."""
    problems = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        if not (root.get("/MarkInfo") and root.MarkInfo.get("/Marked")):
            problems.append("not tagged (/MarkInfo /Marked)")
        if "/StructTreeRoot" not in root:
            problems.append("no structure tree")
        if not str(root.get("/Lang", "")).startswith("nl"):
            problems.append("no Dutch /Lang")
        if not (root.get("/ViewerPreferences") and root.ViewerPreferences.get("/DisplayDocTitle")):
            problems.append("the title is not shown (DisplayDocTitle)")
        if pdf.open_metadata().get("pdfuaid:part") != "1":
            problems.append("no PDF/UA-1 identification in the metadata")
        if any(page.obj.get("/Tabs") != "/S" for page in pdf.pages):
            problems.append("tab order does not follow the structure")
    return problems


def docx_facts(data: bytes) -> dict:
    document = Document(io.BytesIO(data))
    body = document.element.body
    return {
        "text": words(" ".join(p.text for p in document.paragraphs)),
        "checkboxes": body.findall(f".//{W14}checkbox"),
        "headings": [p.text for p in document.paragraphs if p.style.name.startswith("Heading")],
        "title": document.core_properties.title,
        "language": document.core_properties.language,
        "footer": document.sections[0].footer.paragraphs[0].text,
        "page_sizes": [(int(s.get(f"{W}w")), int(s.get(f"{W}h"))) for s in body.iter(f"{W}pgSz")],
        "margins_cm": [round(int(m.get(f"{W}{side}")) / 567, 1) for m in body.iter(f"{W}pgMar")
                       for side in ("top", "right", "bottom", "left")],
        "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
    }


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_pdf_holds_every_item_with_a_checkbox(site, content, checklist_id):
    checklist = content.find("checklists", checklist_id)
    facts = pdf_facts((site / "downloads" / f"{checklist_id}.pdf").read_bytes())
    items = [p for s in checklist["secties"] for p in s["punten"]]
    for item in items:
        assert words(item["tekst"]) in facts["text"], item["id"]
    assert facts["checkboxes"] == {f"punt_{p['id']}": words(p["tekst"]) for p in items}, "each box is named after its item"
    notes = {name: label for name, label in facts["text_fields"].items() if name.startswith("aantekeningen_")}
    assert sorted(notes) == sorted(f"aantekeningen_{s['id']}" for s in checklist["secties"])
    assert all(label.startswith("Aantekeningen bij") for label in notes.values())
    assert facts["title"] == checklist["titel"]
    assert facts["language"] == "nl-NL"
    assert pdf_ua_problems((site / "downloads" / f"{checklist_id}.pdf").read_bytes()) == []
    assert words(checklist["doel"]) in facts["text"]
    assert f"Versie {date_nl(version_date(PROJECT).isoformat())}." in facts["text"]
    assert f"Pagina 1 van {len(facts['pages'])}" in facts["text"]
    for page in facts["pages"]:
        assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_word_file_holds_every_item_with_a_clickable_checkbox(site, content, checklist_id):
    checklist = content.find("checklists", checklist_id)
    facts = docx_facts((site / "downloads" / f"{checklist_id}.docx").read_bytes())
    items = [p for s in checklist["secties"] for p in s["punten"]]
    for item in items:
        assert words(item["tekst"]) in facts["text"], item["id"]
    assert len(facts["checkboxes"]) == len(items)
    assert facts["headings"][0] == checklist["titel"]
    assert [s["titel"] for s in checklist["secties"]] == facts["headings"][1:len(checklist["secties"]) + 1]
    assert facts["title"] == checklist["titel"]
    assert facts["language"] == "nl-NL"
    assert "Bron: Handreiking Housing First voor woningcorporaties" in facts["footer"]


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_pdf_has_fillable_header_fields_for_who_when_and_who_was_there(site, content, checklist_id):
    """Tenant or address, date and who was present as AcroForm text fields, each named and labelled."""
    checklist = content.find("checklists", checklist_id)
    data = (site / "downloads" / f"{checklist_id}.pdf").read_bytes()
    fields = pdf_facts(data)["text_fields"]
    header = {name: label for name, label in fields.items() if name.startswith("kop_")}
    assert header == {f"kop_{name}": label for name, label in header_fields(checklist)}
    assert {"kop_onderwerp", "kop_datum", "kop_aanwezig"} <= set(header)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        acroform = {str(field.T) for field in pdf.Root.AcroForm.Fields}
        first_page = {str(a.get("/T")) for a in pdf.pages[0].get("/Annots", []) if a.get("/FT") == "/Tx"}
    assert set(header) <= acroform, "the fields are in the form, so a PDF reader lets you type in them"
    assert set(header) <= first_page, "the header is at the top, on the first page"
    assert pdf_ua_problems(data) == []


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_word_file_is_a4_with_a_header_table_to_type_in(site, content, checklist_id):
    checklist = content.find("checklists", checklist_id)
    facts = docx_facts((site / "downloads" / f"{checklist_id}.docx").read_bytes())
    assert facts["page_sizes"] and set(facts["page_sizes"]) == {A4_TWIPS}, "A4, not US Letter"
    assert facts["margins_cm"] and set(facts["margins_cm"]) == {2.5}
    assert [[label, ""] for _, label in header_fields(checklist)] in facts["tables"], "a row per field, empty to type in"


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_the_sources_of_a_checklist_can_be_clicked_in_word_and_pdf(site, content, checklist_id):
    addresses = {b["adres"] for b in (content.find("bronnen", i) for i in content.find("checklists", checklist_id)["bronnen"])
                 if b["adres"].startswith("http")}
    assert addresses, "the checklist cites sources with an address"
    word = Document(str(site / "downloads" / f"{checklist_id}.docx"))
    linked = {rel.target_ref for rel in word.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert addresses <= linked, f"Word: no hyperlink for {sorted(addresses - linked)}"
    with pikepdf.open(site / "downloads" / f"{checklist_id}.pdf") as pdf:
        uris = {str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
                if annot.get("/Subtype") == "/Link" and "/A" in annot and "/URI" in annot.A}
    assert addresses <= uris, f"PDF: no link for {sorted(addresses - uris)}"


A_MONTH_AHEAD = date.today() + timedelta(days=31)


def _a_month_ahead(command: list[str]) -> list[str]:
    """The command with the clock of its whole process tree set 31 days ahead (libfaketime); an absolute start, so
    it holds when the test run itself already runs under faketime."""
    if not shutil.which("faketime"):
        message = "faketime ontbreekt; `make test` installeert het met apt"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return ["faketime", "-f", f"@{A_MONTH_AHEAD.isoformat()} 12:00:00", *command]


# One file of each kind the build makes: each maker runs once under the later clock (see the test below).
MAKERS = ("hoofdstuk-*.pdf", "lesmateriaal-*.pdf", "lesmateriaal-*.docx", "trainersblad-*.pdf", "trainersblad-*.docx",
          "zelftoets-*.pdf", "zelftoets-*.xml")


def _one_of_each_kind(downloads: Path) -> list[bytes]:
    """The smallest file of every kind the build makes and keeps in its cache, a checklist's PDF and Word file too."""
    kinds = [sorted(downloads.glob(pattern)) for pattern in MAKERS]
    kinds += [[downloads / f"{checklist}.{kind}" for checklist in checklist_ids()] for kind in ("pdf", "docx")]
    return [min(paths, key=lambda path: path.stat().st_size).read_bytes() for paths in kinds]


@pytest.mark.builds_copy
def test_a_build_a_month_later_makes_the_same_downloads_and_sitemap(site, tmp_path, shared_cache):
    """A second build, with the clock a month ahead and the version date taken from git as in a fresh clone: every
    download and the sitemap equal the test run's own build, byte for byte. Every maker runs under the later clock:
    one file of each kind is made again; the others, minutes of PDFs, come from the test run's build cache."""
    project = copy_project(tmp_path / "project", PROJECT)
    kept = project / FOLDER
    for folder_name in ("downloads", "boeken"):
        shutil.copytree(shared_cache / folder_name, kept / folder_name)
    remade = _one_of_each_kind(site / "downloads")
    for data in remade:
        found = [path for path in kept.rglob("*") if path.is_file() and path.read_bytes() == data]
        assert found, "each file to make again is in the cache, to be taken out"
        for path in found:
            path.unlink()
    (project / "tests").mkdir()
    shutil.copy2(PROJECT / "tests" / "published_links.txt", project / "tests")  # adressen.csv lists these
    git_dir = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=PROJECT, capture_output=True, text=True,
                             check=True).stdout.strip()
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env |= {"GIT_DIR": git_dir, "PYTHONPATH": str(project)}
    clock = subprocess.run(_a_month_ahead([sys.executable, "-c", "import datetime; print(datetime.date.today())"]),
                           env=env, capture_output=True, text=True, check=True)
    assert date.fromisoformat(clock.stdout.strip()) == A_MONTH_AHEAD
    result = subprocess.run(_a_month_ahead([sys.executable, "-m", "scripts", "build", "--site-dir",
                                            str(project / "site")]),
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / FOLDER).exists()
    files = sorted(p.relative_to(site) for p in (site / "downloads").iterdir())
    assert {f.suffix for f in files} >= {".zip", ".pdf", ".docx", ".csv"}
    assert files == sorted(p.relative_to(project / "site") for p in (project / "site" / "downloads").iterdir())
    for relative in [*files, Path("sitemap.xml"), Path("sitemap.xml.gz")]:
        assert (project / "site" / relative).read_bytes() == (site / relative).read_bytes(), f"{relative} differs"
    again = {path.read_bytes() for path in kept.rglob("*") if path.is_file()}
    assert all(data in again for data in remade), "every file taken out of the cache was made again"


def test_the_offline_edition_leaves_out_the_sitemap(site):
    names = zipfile.ZipFile(site / "downloads" / "handreiking-offline.zip").namelist()
    assert any(name.endswith("/index.html") for name in names)
    assert not [name for name in names if "sitemap" in name]


def test_a_rebuild_takes_unchanged_downloads_from_the_cache(tmp_path):
    made = []
    key = fingerprint("pdf", {"id": "x"})
    assert cached(tmp_path, key, lambda: made.append(1) or b"%PDF een") == b"%PDF een"
    assert cached(tmp_path, key, lambda: made.append(1) or b"%PDF twee") == b"%PDF een"
    assert made == [1]
    assert fingerprint("pdf", {"id": "x"}) != fingerprint("pdf", {"id": "y"})


def test_different_parts_never_give_the_same_key():
    keys = [fingerprint("ab"), fingerprint("a", "b"), fingerprint("a\0", "b"), fingerprint("a", "\0b"), fingerprint("[1]"),
            fingerprint([1]), fingerprint(1), fingerprint("1"), fingerprint(), fingerprint("")]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("missing", [2, 6], ids=["in-this-process", "side-by-side"])
def test_many_files_are_made_at_once_and_kept_and_kept_ones_are_not_made_again(tmp_path, missing):
    keys = [fingerprint("pdf", number) for number in range(missing + 1)]
    cached(tmp_path, keys[0], lambda: b"al bewaard")
    made = cached_all(tmp_path, {key: (bytes.upper, (f"nieuw {n}".encode(),)) for n, key in enumerate(keys)})
    assert made == {keys[0]: b"al bewaard", **{key: f"NIEUW {n}".encode() for n, key in enumerate(keys) if n}}
    assert cached(tmp_path, keys[-1], lambda: b"opnieuw") == f"NIEUW {missing}".encode()


def test_kept_files_no_build_used_for_a_month_are_removed_and_used_ones_stay(tmp_path):
    unused, used = fingerprint("pdf", "oud"), fingerprint("pdf", "gebruikt")
    cached(tmp_path, unused, lambda: b"oud")
    cached(tmp_path, used, lambda: b"gebruikt")
    month_ago = time.time() - 31 * 86400
    for key in (unused, used):
        os.utime(tmp_path / key[:2] / key, (month_ago, month_ago))
    cached(tmp_path, used, lambda: b"opnieuw")  # a build takes it from the cache
    assert prune(tmp_path) == 1
    assert not (tmp_path / unused[:2] / unused).exists()
    assert cached(tmp_path, used, lambda: b"opnieuw") == b"gebruikt"


def test_a_file_placed_in_a_site_stays_as_built_when_the_cache_changes(tmp_path):
    key = fingerprint("pdf", "hand-out")
    kept = cache.keep(tmp_path / "cache", key, b"%PDF gebouwd")
    (tmp_path / "site").mkdir()
    cache.place(kept, tmp_path / "site" / "hand-out.pdf")
    cache.keep(tmp_path / "cache", key, b"%PDF later opnieuw gemaakt")
    assert (tmp_path / "site" / "hand-out.pdf").read_bytes() == b"%PDF gebouwd"
    kept.unlink()  # pruned
    assert (tmp_path / "site" / "hand-out.pdf").read_bytes() == b"%PDF gebouwd"


def test_every_file_of_the_built_site_can_be_read_by_a_web_server_running_as_another_user(site):
    private = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and not p.stat().st_mode & 0o004]
    assert not private, f"a web server could not read: {private[:5]}"


def _forget_versions():
    """A new process: the keys and the library versions are looked up once per process."""
    cache.code_version.cache_clear()
    cache._library_versions.cache_clear()


def test_a_new_library_version_changes_every_key(monkeypatch):
    _forget_versions()
    before = cache.code_version("scripts.files.handout_doc")
    monkeypatch.setattr(cache, "version", lambda name: "99.0" if name == "weasyprint" else "1.0")
    _forget_versions()
    try:
        assert cache.code_version("scripts.files.handout_doc") != before
    finally:
        monkeypatch.undo()
        _forget_versions()


def test_docx_zip_has_fixed_timestamps(site):
    archive = zipfile.ZipFile(site / "downloads" / "woning-toewijzen.docx")
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_long_dutch_and_many_items_still_lay_out_without_losing_text():
    long_item = ("Coördineer met de cliënt, de begeleider én de gemeente wie de financiën regelt, ‘direct’ na de "
                 "sleuteloverdracht. ") * 6
    long_item = long_item[:250]  # the longest item the schema allows
    items = [{"id": "lang", "tekst": long_item}] + [
        {"id": f"punt-{n}", "tekst": f"Controleer punt {n}: één afspraak over oriëntatie en coördinatie."}
        for n in range(1, 60)]
    checklist = {"id": "stress", "titel": "Zeer lange checklist – één test", "doel": "Testen van de opmaak.",
                 "voor_wie": "Iedereen", "moment": "Altijd", "bronnen": ["x"],
                 "secties": [{"id": "alles", "titel": "Alles in één sectie", "punten": items}]}
    source = {"id": "x", "kort": "X", "titel": "Bron", "uitgever": "Uitgever", "datum": "2023", "adres": "onbekend"}

    pdf = pdf_facts(checklist_pdf(checklist, [source], VERSION, None, fonts_css(folder(PROJECT))))
    assert len(pdf["pages"]) >= 3
    assert len(pdf["checkboxes"]) == 60
    for item in items:
        assert words(item["tekst"]) in pdf["text"], item["id"]
    assert f"Pagina 3 van {len(pdf['pages'])}" in pdf["text"]

    word = docx_facts(checklist_docx(checklist, [source], VERSION))
    assert len(word["checkboxes"]) == 60
    assert words(long_item) in word["text"]


def test_pure_functions_give_the_same_bytes_twice(content):
    checklist = content.checklists[0]
    sources = sources_of(content, checklist)
    fonts = fonts_css(folder(PROJECT))
    assert checklist_pdf(checklist, sources, VERSION, None, fonts) == checklist_pdf(checklist, sources, VERSION, None, fonts)
    assert checklist_docx(checklist, sources, VERSION) == checklist_docx(checklist, sources, VERSION)


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_checklist_page_offers_both_downloads_with_their_real_size(site, checklist_id):
    html = article_html(site / "checklists" / f"{checklist_id}.html")
    for kind, label in (("pdf", "PDF"), ("docx", "Word")):
        size = file_size((site / "downloads" / f"{checklist_id}.{kind}").stat().st_size)
        assert re.search(rf'href="\.\./downloads/{checklist_id}\.{kind}"[^>]*>Download als {label} \({size}\)</a>', html)


def test_overview_lists_every_checklist_with_both_downloads(site, content):
    html = article_html(site / "checklists" / "index.html")
    for checklist in content.checklists:
        assert f'href="{checklist["id"]}.html"' in html
        assert f'href="../downloads/{checklist["id"]}.pdf"' in html
        assert f'href="../downloads/{checklist["id"]}.docx"' in html


def test_every_download_link_on_every_page_resolves(site):
    links = 0
    for page in html_pages(site):
        for link in parse_page(page).links:
            if "downloads/" in link and not link.startswith("http"):
                links += 1
                assert (page.parent / link).resolve().is_file(), f"{page.relative_to(site)} -> {link}"
    assert links >= 4 * len(checklist_ids())
