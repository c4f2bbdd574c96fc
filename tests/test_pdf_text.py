"""Text from the data prints in a PDF as it was written, in the running header as in the body."""

from __future__ import annotations

from datetime import date


from scripts.cache import folder
from scripts.files.checklist_pdf import checklist_pdf
from scripts.files.guide_pdf import book_pdf
from scripts.files.pdf_render import fonts_css
from tests.conftest import PROJECT, pdf_pages

# Characters that HTML escaping turns into entities, and that end a CSS string or the <style> element.
AWKWARD = "Huur & betalen: de 'eerste' \"maand\" \\ daarna </style> ook"


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.split()) for page in pdf_pages(data)]


def test_a_checklist_title_prints_as_written_in_the_footer_of_every_page():
    checklist = {"id": "lastig", "titel": AWKWARD, "doel": "Testen.", "voor_wie": "Iedereen", "moment": "Altijd",
                 "bronnen": ["x"], "secties": [{"id": "een", "titel": "Een", "punten": [
                     {"id": f"punt-{n}", "tekst": f"Punt {n} van een lange lijst om te vullen."} for n in range(45)]}]}
    source = {"id": "x", "titel": "Bron", "uitgever": "Uitgever", "datum": "2020", "adres": "https://example.org/"}
    pages = page_texts(checklist_pdf(checklist, [source], date(2026, 11, 23), None, fonts_css(folder(PROJECT))))
    assert len(pages) >= 2
    for text in pages:
        assert f"checklist ‘{AWKWARD}’" in text
        assert "&amp;" not in text and "&#39;" not in text and "&#34;" not in text


def test_a_chapter_title_prints_as_written_on_the_cover_in_the_header_and_as_heading():
    html = ('<html><body><article class="md-content__inner md-typeset">'
            f"<h1 id=\"titel\">{AWKWARD.replace('&', '&amp;').replace('<', '&lt;')}</h1>"
            + "<p>Een alinea tekst.</p>" * 3 + "</article></body></html>")
    pages = page_texts(book_pdf([("lastig.md", AWKWARD, html)], date(2026, 11, 23), "https://example.org/gids/",
                                fonts_css(folder(PROJECT)), title=AWKWARD, with_contents=False))
    assert AWKWARD in pages[0]
    assert pages[1].count(AWKWARD) == 2  # the running header and the chapter's own heading
    assert all("&amp;" not in text and "&#39;" not in text for text in pages)


def test_a_stylesheet_a_page_links_in_its_text_does_not_restyle_the_book():
    """The two tools link their own stylesheet inside the page; on paper the book's own style holds."""
    html = ('<html><body><article class="md-content__inner md-typeset"><h1 id="hulp">Hulp</h1>'
            '<link rel="stylesheet" href="data:text/css,p%7Bdisplay:none%7D"><p>Deze alinea blijft staan.</p>'
            "</article></body></html>")
    pages = page_texts(book_pdf([("hulp.md", "Hulp", html)], date(2026, 11, 23), "https://example.org/gids/",
                                fonts_css(folder(PROJECT)), title="Hulp", with_contents=False))
    assert "Deze alinea blijft staan." in " ".join(pages)
