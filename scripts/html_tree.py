"""Built HTML as a tree (lxml), for the steps that read or change pages after Markdown made them."""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.html import HtmlElement

_WRAPPER = "handreiking-fragment"


def parse_fragment(markup: str) -> HtmlElement:
    """A page's content (no <html>, as MkDocs hands it to hooks) under one wrapper element."""
    return lxml_html.fragment_fromstring(markup, create_parent=_WRAPPER)


def fragment_html(root: HtmlElement) -> str:
    """The wrapper's content written back as HTML (the wrapper itself left out)."""
    text = lxml_html.tostring(root, encoding="unicode")
    return text[len(f"<{_WRAPPER}>"):-len(f"</{_WRAPPER}>")]


def parse_page(markup: str) -> HtmlElement:
    """A whole built page."""
    return lxml_html.document_fromstring(markup)


def page_html(root: HtmlElement) -> str:
    """A whole page written back, with the HTML5 doctype MkDocs gave it."""
    return "<!doctype html>\n" + lxml_html.tostring(root, encoding="unicode")


def text_of(element: HtmlElement) -> str:
    """An element's text as a reader sees it: whitespace folded."""
    return " ".join(element.text_content().split())
