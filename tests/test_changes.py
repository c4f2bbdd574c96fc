"""What a reader sees of the guide's history: each page's 'Bijgewerkt op' date from git, the change log and its
Atom feed, and the licence on every download."""

from __future__ import annotations

import io
import os
import subprocess
from datetime import date

import pikepdf
from docx import Document
from lxml import etree

from scripts import page_dates, publication
from scripts.files.checklist_pdf import checklist_pdf
from scripts.files.downloads import checklist_docx
from scripts.files.pdf_render import fonts_css
from scripts.pages import changelog
from scripts.pages.macros import MACROS, READS
from tests.conftest import PROJECT, article_text

ATOM = "{http://www.w3.org/2005/Atom}"
VERSION = date(2026, 12, 4)


def _commit(repo, day: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "Redactie",
           "GIT_AUTHOR_EMAIL": "r@example.org", "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", day], cwd=repo, check=True, env=env)


def test_a_page_is_dated_by_the_last_commit_to_its_text_or_its_data(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _commit(tmp_path, "2026-11-23", {"docs/a.md": '# A\n\n{{ bron("x") }}', "docs/b.md": "# B\n",
                                     "content/bronnen.yml": "x", "content/principes.yml": "p"})
    _commit(tmp_path, "2026-12-01", {"docs/b.md": "# B\n\nNieuw.\n"})
    _commit(tmp_path, "2026-12-02", {"content/bronnen.yml": "y"})
    _commit(tmp_path, "2026-12-03", {"content/principes.yml": "q"})  # shown by neither page
    known = page_dates.history(tmp_path)

    def dated(src):
        return page_dates.page_date(page_dates.page_inputs(src, (tmp_path / "docs" / src).read_text(), READS),
                                    known, VERSION)

    assert dated("a.md") == date(2026, 12, 2)  # its sources changed
    assert dated("b.md") == date(2026, 12, 1)  # its own text changed

    (tmp_path / "docs" / "b.md").write_text("# B\n\nNog niet vastgelegd.\n")
    assert page_dates.page_date({"docs/b.md"}, page_dates.history(tmp_path), VERSION) == VERSION
    assert page_dates.page_date({"docs/b.md"}, None, VERSION) == VERSION  # no git: the version date


def test_every_macro_says_which_data_it_shows():
    assert {m.__name__ for m in MACROS} == set(READS)


def test_the_date_stands_under_the_title_in_dutch():
    markdown = page_dates.under_title("---\n# not a title\ntitle: x\n---\n\n# Overlast { #top }\n\nTekst.\n",
                                      date(2026, 12, 3))
    title, rest = markdown.split("# Overlast { #top }")
    assert "Bijgewerkt" not in title
    assert rest.lstrip().startswith('<p class="handreiking-bijgewerkt"')
    assert "Bijgewerkt op <time datetime=\"2026-12-03\">3 december 2026</time>" in rest


def test_built_pages_show_their_date_and_recent_changes(site):
    text = article_text(site / "overlast.html")
    assert text.index("Overlast voorkomen en aanpakken") < text.index("Bijgewerkt op ") < 200
    assert "Recent gewijzigd op deze pagina" in text and "Stap voor stap bij overlast" in text
    assert "Recent gewijzigd" not in article_text(site / "vlaanderen.html")  # no change links there
    footer = (site / "kernprincipes.html").read_text(encoding="utf-8").split('class="md-copyright"')[1]
    assert "Licentie" in footer


ENTRIES = [
    {"id": "oud", "datum": "2026-11-23", "titel": "Eerste versie", "wat": "Alles staat online.",
     "links": [{"naar": "index.md"}]},
    {"id": "ladder", "datum": "2026-12-04", "titel": "Ladder <bij> overlast", "wat": "Stap voor stap & meer.",
     "links": [{"naar": "overlast.md#escalatieladder", "tekst": "De ladder"}, {"naar": "privacy.md"}]},
]
TITLES = {"index.md": "Home", "overlast.md": "Overlast", "privacy.md": "Privacy"}


def test_the_feed_is_valid_atom_with_absolute_addresses_newest_first():
    site_url = "https://www.voorbeeld.nl/handreiking/"
    feed = etree.fromstring(changelog.atom(ENTRIES, TITLES, site_url, "Stichting Voorbeeld", "Handreiking"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated").startswith("2026-12-04")
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Ladder <bij> overlast", "Eerste versie"]
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == site_url + "wat-is-er-veranderd.html#ladder"
    content = first.findtext(f"{ATOM}content")
    assert 'href="https://www.voorbeeld.nl/handreiking/overlast.html#escalatieladder"' in content
    assert "Stap voor stap &amp; meer." in content
    again = changelog.atom(ENTRIES, TITLES, site_url, "Stichting Voorbeeld", "Handreiking")
    assert again == changelog.atom(ENTRIES, TITLES, site_url, "Stichting Voorbeeld", "Handreiking")  # no clock


def test_a_page_lists_only_the_changes_that_link_into_it():
    block = changelog.recent(ENTRIES, "privacy.md")
    assert "Ladder &lt;bij&gt; overlast" in block and "Eerste versie" not in block
    assert 'href="wat-is-er-veranderd.html#ladder"' in block
    assert changelog.recent(ENTRIES, "vlaanderen.md") == ""
    assert 'href="../wat-is-er-veranderd.html#ladder"' in changelog.recent(
        [{**ENTRIES[1], "links": [{"naar": "checklists/x.md"}]}], "checklists/x.md")


def test_a_preview_says_it_has_no_feed_and_a_release_links_it():
    assert "wijzigingen.xml" not in changelog.page(ENTRIES, TITLES, feed=False)
    assert "proefversie" in changelog.page(ENTRIES, TITLES, feed=False)
    assert "](wijzigingen.xml)" in changelog.page(ENTRIES, TITLES, feed=True)


def test_checklist_downloads_carry_the_publisher_and_licence_on_the_page_and_the_licence_in_their_metadata(content):
    checklist = content.checklists[0]
    source = content.find("bronnen", checklist["bronnen"][0])
    rights = publication.licence_texts(publication.Publication(uitgever="Stichting Voorbeeld", licentie="CC BY 4.0"))
    pdf = checklist_pdf(checklist, [source], VERSION, None, fonts_css(PROJECT / ".cache"), rights=rights)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert "CC BY 4.0" in str(document.open_metadata().get("dc:rights"))
        assert "pdfuaid" in document.Root.Metadata.read_bytes().decode()  # still PDF/UA
    word = Document(io.BytesIO(checklist_docx(checklist, [source], VERSION, rights=rights)))
    assert "CC BY 4.0" in word.core_properties.comments
    assert any("CC BY 4.0" in p.text and "eigen tekst" in p.text for p in word.paragraphs)
    assert any("Stichting Voorbeeld" in p.text for p in word.paragraphs), "a file handed on says whose it is"
    pdf_text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Stichting Voorbeeld" in " ".join(pdf_text.split())
    empty = publication.licence_texts(publication.Publication())
    assert "nog niet vastgesteld" in empty[0] and "nog niet vastgesteld" in empty[1]


def test_the_readme_recipe_for_a_change_puts_it_first_on_the_change_log(tmp_path):
    import shutil

    from scripts.content import load_content
    from tests.test_editor_recipes import recipe

    shutil.copytree(PROJECT / "content", tmp_path / "content")
    data = tmp_path / "content" / "wijzigingen.yml"
    block = recipe('Een wijziging melden in "Wat is er veranderd"')
    data.write_text(data.read_text(encoding="utf-8").replace("wijzigingen:\n", "wijzigingen:\n" + block + "\n", 1),
                    encoding="utf-8")
    entries = load_content(tmp_path / "content").wijzigingen
    page = changelog.page(entries, TITLES, feed=False)
    assert page.index("Nieuwe checklist voor de verhuizing") < page.index("Colofon en een knop")
    assert "(eerste-huurder.md#praktische-zaken-verhuizing)" in page
