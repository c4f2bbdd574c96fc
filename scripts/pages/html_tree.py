"""Built HTML as a tree (lxml), for the steps that read or change pages after Markdown made them."""

from __future__ import annotations

import functools
from copy import deepcopy

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

_WRAPPER = "handreiking-fragment"
# libxml2 lowercases every tag and attribute name; in SVG these names have capitals (the HTML standard's tables
# "adjust SVG attributes" and "adjust SVG tag names"), and Material's icons need viewBox to be drawn at their size.
_SVG_NAMES = {name.lower(): name for name in (
    "attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits diffuseConstant edgeMode "
    "filterUnits glyphRef gradientTransform gradientUnits kernelMatrix kernelUnitLength keyPoints keySplines keyTimes "
    "lengthAdjust limitingConeAngle markerHeight markerUnits markerWidth maskContentUnits maskUnits numOctaves "
    "pathLength patternContentUnits patternTransform patternUnits pointsAtX pointsAtY pointsAtZ preserveAlpha "
    "preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur requiredExtensions requiredFeatures "
    "specularConstant specularExponent spreadMethod startOffset stdDeviation stitchTiles surfaceScale systemLanguage "
    "tableValues targetX targetY textLength viewBox viewTarget xChannelSelector yChannelSelector zoomAndPan "
    "altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath feBlend feColorMatrix "
    "feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight "
    "feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology "
    "feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence foreignObject linearGradient "
    "radialGradient textPath").split()}
# lxml.html's own parser asks Python which class each element gets (forms and inputs have their own); every element
# the guide reads is a plain HtmlElement, chosen in C: a fifth of the time of parsing a page.
_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity))


def parse_fragment(markup: str) -> HtmlElement:
    """A page's content (no <html>, as MkDocs hands it to hooks) under one wrapper element."""
    parts = lxml_html.fragments_fromstring(markup, parser=_PARSER)
    root = _PARSER.makeelement(_WRAPPER)  # fragment_fromstring(create_parent=) would take lxml.html's parser for it
    if parts and isinstance(parts[0], str):
        root.text = parts.pop(0)
    root.extend(parts)
    return _svg_names(root)


def parse_element(markup: str) -> HtmlElement:
    """One element written as HTML (a line the code made), to put into a tree."""
    return lxml_html.fragment_fromstring(markup, parser=_PARSER)


def fragment_html(root: HtmlElement) -> str:
    """The wrapper's content written back as HTML (the wrapper itself left out)."""
    text = lxml_html.tostring(root, encoding="unicode")
    return text[len(f"<{_WRAPPER}>"):-len(f"</{_WRAPPER}>")]


def parse_page(markup: str) -> HtmlElement:
    """A whole built page."""
    return _svg_names(lxml_html.document_fromstring(markup, parser=_PARSER))


def is_page(root: HtmlElement) -> bool:
    """Whether parse_page was given a whole HTML5 page rather than a fragment: libxml2 gives markup without a doctype
    an HTML 4 doctype of its own."""
    return root.getroottree().docinfo.doctype == "<!DOCTYPE html>"


def page_html(root: HtmlElement) -> str:
    """A whole page written back, with the HTML5 doctype MkDocs gave it."""
    return "<!doctype html>\n" + lxml_html.tostring(root, encoding="unicode")


def _svg_names(root: HtmlElement) -> HtmlElement:
    """The tree with the SVG names as they were written (see _SVG_NAMES), in their order, so a page written back
    draws its icons as before."""
    for svg in root.iter("svg"):
        for part in svg.iter(etree.Element):
            part.tag = _SVG_NAMES.get(part.tag, part.tag)
            if any(name in _SVG_NAMES for name in part.attrib):
                attributes = part.items()
                part.attrib.clear()
                for name, value in attributes:
                    part.set(_SVG_NAMES.get(name, name), value)
    return root


def plain_text(markup: str) -> str:
    """The text of an HTML fragment with a space where each tag was, so two cells or paragraphs stay two words."""
    return " ".join(parse_fragment(markup).itertext())


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


def article_html(page: HtmlElement) -> str:
    """What is inside a built page's article, as HTML; empty when it has none."""
    found = article(page)
    return inner_html(found) if found is not None else ""


def heading_text(heading: HtmlElement) -> str:
    """A heading's text as a reader sees it, without its permalink sign (the tree is left as it is)."""
    copy = deepcopy(heading)
    for permalink in with_class(copy, "a", "headerlink"):
        permalink.drop_tree()
    return text_of(copy)


def inner_html(element: HtmlElement) -> str:
    """What is inside an element, as HTML."""
    return (element.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in element)


def with_class(root: HtmlElement, tag: str, *names: str) -> list[HtmlElement]:
    """Every tag under root (or root itself) that has all the class names among its classes."""
    return _class_query(tag, names)(root)


@functools.lru_cache(maxsize=None)
def _class_query(tag: str, names: tuple[str, ...]) -> etree.XPath:
    """Compiled once per tag and classes: compiling took longer than searching a page."""
    tests = " and ".join(f'contains(concat(" ", normalize-space(@class), " "), " {name} ")' for name in names)
    # The plain substring test first: it passes over most elements before the exact test builds a string for each.
    return etree.XPath(f'descendant-or-self::{tag}[contains(@class, "{names[0]}") and {tests}]')


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
