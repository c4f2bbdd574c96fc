"""Trainers' links: every published address keeps working, moves need a redirect, the trainers page lists all."""

from __future__ import annotations

import re

import pytest

from scripts import outputs
from scripts.files.guide_pdf import published_names
from scripts.links import broken_addresses, read_contract, site_addresses
from tests.conftest import parse_page, run_build


def test_every_published_address_still_works(site):
    broken = broken_addresses(site, read_contract())
    assert not broken, "published links that no longer work:\n" + "\n".join(broken)


def test_every_address_of_the_site_is_in_the_contract(site):
    missing = sorted(set(site_addresses(site)) - set(read_contract()))
    assert not missing, "new addresses; run `make links` and commit tests/published_links.txt:\n" + "\n".join(missing)


def test_trainers_page_lists_every_page_section_and_download(site):
    parsed = parse_page(site / "voor-trainers.html")
    html = (site / "voor-trainers.html").read_text(encoding="utf-8")
    listed = re.findall(r'data-adres="([^"]+)"', html)
    if all(a.startswith("http") for a in listed):  # a release: the published addresses
        base = min((a for a in listed if a.endswith("/index.html")), key=len).removesuffix("index.html")
        relative = {a.removeprefix(base) for a in listed}
    else:  # a preview has no public address yet: paths, never this computer's address
        assert not [a for a in listed if "://" in a]
        relative = set(listed)
    missing = [a for a in site_addresses(site) if a not in relative]
    assert not missing, f"not on the trainers page: {missing}"
    assert "Kopieer adres" in parsed.text


def test_trainers_page_is_in_search(site):
    """Trainers look for it by name, and for a lesson by its words (issue 23)."""
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"voor-trainers.html#' in index


def _replace_in_docs(project, old: str, new: str):
    """What an editor does after a move: point the guide's own links (pages and data) at the new place."""
    for source in (project / "content").glob("*.yml"):
        source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    for source in (project / "docs").rglob("*.md"):
        text = source.read_text(encoding="utf-8")
        source.write_text(re.sub(rf"\]\((\.\./)?{re.escape(old)}", lambda m: f"]({m.group(1) or ''}{new}", text),
                          encoding="utf-8")


def _move_page(project, old: str, new: str):
    (project / "docs" / old).rename(project / "docs" / new)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f": {old}\n", f": {new}\n"), encoding="utf-8")
    _replace_in_docs(project, old, new)


@pytest.mark.builds_copy
def test_moving_a_page_without_a_redirect_breaks_the_contract(project_copy, tmp_path):
    _move_page(project_copy, "vlaanderen.md", "housing-first-in-vlaanderen.md")
    site = tmp_path / "site"
    assert run_build(project_copy, site, "--zonder-offline").returncode == 0

    broken = broken_addresses(site, read_contract())

    assert "vlaanderen.html: de pagina of het bestand bestaat niet meer" in broken
    assert "vlaanderen.html#de-wooncoach: de pagina of het bestand bestaat niet meer" in broken


@pytest.mark.builds_copy
def test_a_redirect_keeps_moved_links_working_with_a_dutch_notice(project_copy, tmp_path):
    _move_page(project_copy, "vlaanderen.md", "housing-first-in-vlaanderen.md")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      redirect_maps: {}", "      redirect_maps:\n        vlaanderen.md: housing-first-in-vlaanderen.md"),
        encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project_copy, site, "--zonder-offline")
    assert result.returncode == 0, result.stderr

    # Chapter PDFs are made from the offline edition, which this build skips; the next test covers their move.
    pages = [a for a in read_contract() if not a.endswith(".pdf")]
    assert [b for b in broken_addresses(site, pages) if "vlaanderen" in b] == []
    notice = (site / "vlaanderen.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in notice
    assert "Deze pagina van de Handreiking Housing First is verhuisd." in notice
    assert 'href="housing-first-in-vlaanderen.html"' in notice


def test_a_moved_chapter_keeps_the_address_of_its_pdf():
    moved = {"vlaanderen.md": "housing-first-in-vlaanderen.md"}
    new_pdf = outputs.chapter_pdf("housing-first-in-vlaanderen.md")
    assert published_names(new_pdf, moved) == [new_pdf, "downloads/hoofdstuk-vlaanderen.pdf"]
    assert published_names(outputs.chapter_pdf("overlast.md"), moved) == ["downloads/hoofdstuk-overlast.pdf"]
    assert published_names(outputs.BOOK_PDF, moved) == [outputs.BOOK_PDF]


@pytest.mark.builds_copy
def test_a_removed_anchor_needs_an_alias_at_its_new_place(project_copy, tmp_path):
    page = project_copy / "docs" / "overlast.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{ #escalatieladder }", "{ #stappen-bij-overlast }"), encoding="utf-8")
    _replace_in_docs(project_copy, "overlast.md#escalatieladder", "overlast.md#stappen-bij-overlast")
    site = tmp_path / "site"
    assert run_build(project_copy, site, "--zonder-offline").returncode == 0
    assert "overlast.html#escalatieladder: het anker #escalatieladder staat niet meer op overlast.html" in \
        broken_addresses(site, ["overlast.html#escalatieladder"])

    renamed = page.read_text(encoding="utf-8")
    heading = next(line for line in renamed.splitlines() if "{ #stappen-bij-overlast }" in line)
    page.write_text(renamed.replace(heading, f'<a id="escalatieladder"></a>\n\n{heading}'), encoding="utf-8")
    assert run_build(project_copy, site, "--zonder-offline").returncode == 0
    assert broken_addresses(site, ["overlast.html#escalatieladder"]) == []
