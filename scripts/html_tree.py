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


def element(tag: str, attributes: dict, text: str = "") -> HtmlElement:
    """A new element with its attributes and text."""
    made = lxml_html.Element(tag, attributes)
    made.text = text or None
    return made


def article(page: HtmlElement) -> HtmlElement | None:
    """Material's article: a built page's own content, without navigation and search."""
    found = with_class(page, "article", "md-content__inner")
    return found[0] if found else None


def inner_html(element: HtmlElement) -> str:
    """What is inside an element, as HTML."""
    return (element.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in element)


def with_class(root: HtmlElement, tag: str, name: str) -> list[HtmlElement]:
    """Every tag under root (or root itself) that has the class name among its classes."""
    return root.xpath(f'descendant-or-self::{tag}[contains(concat(" ", normalize-space(@class), " "), " {name} ")]')


def add_class(element: HtmlElement, name: str) -> None:
    """Give an element one more class."""
    element.set("class", " ".join([*element.get("class", "").split(), name]))


def remove_class(element: HtmlElement, name: str) -> None:
    """Take one class from an element; the attribute goes when it is left empty."""
    names = [n for n in element.get("class", "").split() if n != name]
    if names:
        element.set("class", " ".join(names))
    else:
        del element.attrib["class"]


def replace(old: HtmlElement, new: HtmlElement) -> None:
    """Put new where old was; the text after old stays after new."""
    new.tail = old.tail
    old.getparent().replace(old, new)
