"""The whole guide and each chapter on paper: accessible PDFs (PDF/UA-1) with contents, bookmarks and working links.

The first page of every PDF is saved as a PNG in test-output/pdf/ for a reviewer to look at.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pikepdf
import pytest
from lxml.html import document_fromstring

from scripts import outputs, site_nav
from scripts.pipeline import Options, load
from tests.conftest import PROJECT, article_html, article_text, pdf_pages
from tests.test_downloads import pdf_ua_problems

OUTPUT = PROJECT / "test-output" / "pdf"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def book(site):
    return (site / outputs.BOOK_PDF).read_bytes()


@pytest.fixture(scope="module")
def book_pages(book) -> list[str]:
    """The text of each page of the book, read once, running head and foot included."""
    return pdf_pages(book)


# The book's pages without their margins (guide_pdf.py: 20 mm at the top, 22 mm at the bottom of A4), in points.
BODY = (0, 57, 595, 842 - 57 - 63)


@pytest.fixture(scope="module")
def book_bodies(book) -> list[str]:
    """The text of each page of the book without its running head and foot: what the page itself holds."""
    return pdf_pages(book, area=BODY)


@pytest.fixture(scope="module")
def book_text(book_pages) -> str:
    return words(" ".join(book_pages))


@pytest.fixture(scope="module")
def chapters(site):
    return sorted((site / "downloads").glob("hoofdstuk-*.pdf"))


def test_the_book_holds_every_chapter_title_and_every_checklist_item(book_text, site, content):
    text = book_text
    guide = load(Options(PROJECT, "http://127.0.0.1:8000/"))
    for src in site_nav.nav_pages(guide.nav):
        if src in outputs.NOT_IN_BOOK:
            continue
        title = re.search(r"<h1[^>]*>(.*?)<", article_html(site / outputs.page_url(src))).group(1)
        assert words(title) in text, f"{src} is not in the book"
    for checklist in content.checklists:
        for section in checklist["secties"]:
            for item in section["punten"]:
                assert words(item["tekst"]) in text, item["id"]
    assert "Inhoud" in text and "Pagina 1 van" in text


def test_the_book_has_a_bookmark_per_chapter_and_section(book, site):
    def titles(items, depth=0):
        for item in items:
            yield depth, item.title
            yield from titles(item.children, depth + 1)

    with pikepdf.open(io.BytesIO(book)) as pdf, pdf.open_outline() as outline:
        marks = list(titles(outline.root))
    chapters = [title for depth, title in marks if depth == 0]
    assert "De kernprincipes" in chapters and "Overlast voorkomen en aanpakken" in chapters
    assert len(chapters) >= 20
    assert any(depth == 1 for depth, _ in marks), "no bookmarks for sections"


def test_the_books_internal_links_lead_to_its_own_pages(book):
    with pikepdf.open(io.BytesIO(book)) as pdf:
        names = set()
        if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
            names = {str(key) for key, _ in pikepdf.NameTree(pdf.Root.Names.Dests).items()}
        pages = {page.objgen for page in pdf.pages}
        internal = broken = 0
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                destination = annotation.get("/Dest")
                if destination is None and "/A" in annotation and annotation.A.get("/S") == "/GoTo":
                    destination = annotation.A.D
                if destination is None:
                    continue
                internal += 1
                if isinstance(destination, pikepdf.Array):
                    broken += destination[0].objgen not in pages
                else:
                    broken += str(destination) not in names
        assert internal > 50, "the contents and the cross references should be links inside the book"
        assert broken == 0


def test_every_pdf_is_tagged_pdf_ua_in_dutch(book, chapters, site):
    assert pdf_ua_problems(book) == []
    with pikepdf.open(io.BytesIO(book)) as pdf:
        assert str(pdf.Root.Lang) == "nl-NL"
        assert str(pdf.docinfo.Title) == "Handreiking Housing First voor woningcorporaties"
    assert len(chapters) >= 12
    for chapter in chapters:
        assert pdf_ua_problems(chapter.read_bytes()) == [], chapter.name


def test_a_chapter_pdf_holds_its_chapter_and_is_offered_on_it(site, chapters):
    overlast = site / "downloads" / "hoofdstuk-overlast.pdf"
    assert overlast in chapters
    text = words(" ".join(pdf_pages(overlast)))
    assert "Overlast voorkomen en aanpakken" in text and "De escalatieladder" in text
    assert 'href="downloads/hoofdstuk-overlast.pdf"' in article_html(site / "overlast.html")


def test_the_book_is_offered_on_the_home_page_and_the_checklists_page_and_is_in_the_offline_zip(site):
    assert 'href="downloads/handreiking.pdf"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/handreiking.pdf"' in (site / "checklists" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(site / outputs.OFFLINE_ZIP) as archive:
        assert "handreiking-offline/downloads/handreiking.pdf" in archive.namelist()
    assert "De hele handreiking als PDF" in article_text(site / "index.html")


def test_the_first_page_of_every_pdf_is_saved_as_an_image_for_review(site):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    pdfs = sorted((site / "downloads").glob("*.pdf"))
    assert len(pdfs) > 30
    for pdf in pdfs:
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                        str(OUTPUT / pdf.stem)], check=True, timeout=60)
    assert len(list(OUTPUT.glob("*.png"))) >= len(pdfs)


# The running header and footer: chapter name, guide name, address and version, page number.
def test_no_page_of_the_book_is_nearly_empty_except_a_cover_or_a_chapter_end(book_pages, book_bodies):
    """A page with fewer than 8 lines of text is the cover or the last page of a chapter, never a lone source list."""
    pages = [[line for line in page.splitlines() if line.strip()] for page in book_bodies]
    starts = {number for number, lines in enumerate(pages) if number == 0 or lines[:1] == ["Inhoud"]}
    # The running head names the chapter: its first line changes where a chapter starts.
    heads = [next((line for line in page.splitlines() if line.strip()), "") for page in book_pages]
    chapter_starts = {number for number in range(1, len(pages)) if heads[number] != heads[number - 1]}
    thin = [(number + 1, " | ".join(lines)[:120]) for number, lines in enumerate(pages)
            if len(lines) < 8 and number not in starts and number + 1 not in chapter_starts | {len(pages)}]
    assert not thin, f"nearly empty pages in the middle of a chapter: {thin}"
    lone_sources = [number + 1 for number, lines in enumerate(pages)
                    if len(lines) < 8 and any(line.strip() == "Bronnen" for line in lines)]
    assert not lone_sources, f"pages holding little more than a source list: {lone_sources}"


def test_the_book_prints_every_address_once_and_page_numbers_for_its_own_references(book_text):
    text = book_text
    twice = re.findall(r"(https?://\S+?)/? \((?:https?://)?\1/?\)", text)
    assert not twice, f"addresses printed twice: {twice[:5]}"
    assert len(re.findall(r"\(zie p\. \d+\)", text)) >= 20, "internal references without a page number"
    assert "Lees meer over deze stap (zie p." in text


def test_the_contents_and_the_references_give_the_page_their_target_is_on(book_pages, book_bodies):
    """Each chapter in the contents starts at the top of the page it names, and every
    "zie p." names a page of the book: WeasyPrint works these numbers out over more than one layout pass."""
    contents_page = next(number for number, page in enumerate(book_bodies) if page.lstrip().startswith("Inhoud"))
    entries = re.findall(r"^(.+?) ?\.{3,} ?(\d+)$", book_bodies[contents_page], re.M)
    assert len(entries) >= 10
    for title, number in entries:
        assert words(book_bodies[int(number) - 1]).startswith(words(title)), f"'{title}' begint niet op p. {number}"
    numbers = [int(n) for n in re.findall(r"\(zie p\. (\d+)\)", " ".join(book_pages))]
    assert numbers and all(1 <= n <= len(book_pages) for n in numbers), sorted(set(numbers))[:5]


def test_the_book_leaves_out_the_trainers_lessons(book_text, site):
    text = book_text
    summary = re.search(r'<details class="voor-trainers">\s*<summary>(.*?)</summary>',
                        (site / "kernprincipes.html").read_text(encoding="utf-8"), re.S)
    assert summary, "the chapter has a trainers' box to leave out"
    assert words(re.sub(r"<[^>]+>", "", summary.group(1))) not in text


def test_the_book_leaves_out_the_line_that_opens_an_e_mail(book_text, site):
    """On paper the report line opens nothing; at a chapter's end it filled a page of its own."""
    text = book_text
    line = re.search(r'<p class="handreiking-melden"[^>]*>(.*?)</p>', (site / "kernprincipes.html").read_text(encoding="utf-8"),
                     re.S)
    assert line, "the chapter has a report line to leave out"
    assert words(re.sub(r"<[^>]+>", "", line.group(1)))[:60] not in text


@pytest.mark.parametrize("site_url", ["https://handreiking.voorbeeld.nl/", "http://127.0.0.1:8000/"],
                         ids=["release", "preview"])
def test_a_link_to_a_place_paper_leaves_out_goes_to_the_web_not_nowhere(site_url):
    """A link to a chapter's trainers' box (left out on paper) is no dead link in the book: in a release it gets the
    box's web address, in a preview (no public address) its words stay without a link."""
    from datetime import date

    from scripts.files.guide_pdf import book_html

    def page(body):
        return f'<html><body><article class="md-content__inner">{body}</article></body></html>'

    pages = [("a.md", "A", page('<h1 id="a">A</h1><p><a href="b.html#lesmateriaal">de les</a> en '
                                '<a href="b.html#kop">de kop</a></p>')),
             ("b.md", "B", page('<h1 id="b">B</h1><h2 id="kop">Kop</h2>'
                                '<details class="voor-trainers" id="lesmateriaal"><summary>Les</summary></details>'))]
    tree = document_fromstring(book_html(pages, date(2026, 12, 1), site_url, ""))
    links = {link.text_content(): link for link in tree.iter("a")}
    assert links["de kop"].get("href") == "#b--kop" and links["de kop"].get("class") == "intern"
    lesson = links["de les"]
    if site_url.startswith("https:"):
        assert lesson.get("href") == "https://handreiking.voorbeeld.nl/b.html#lesmateriaal"
        assert lesson.get("class") == "extern"
    else:
        assert lesson.get("href") is None
    assert not tree.xpath("//*[@data-web]")
