"""Citations gathered per section: bron() marks a source, and each section of a built page ends in one 'Bron' line."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from scripts.pages import html_tree
from scripts.pages.markup import html_text, link

# What bron() leaves in the text: an empty element that names the source, read back when the page is built.
_MARK = '<span class="bronmerk" data-bron="{}" hidden></span>'
# A section starts at a heading of level 2 or 3; what comes before the first one belongs to the page's opening.
_SECTION_START = ("h2", "h3")


def mark(bron_id: str) -> str:
    """What bron("id") puts in the text: nothing a reader sees, only the source this section rests on."""
    return _MARK.format(html_text(bron_id))


def add_lines(root: HtmlElement, sources: dict, from_src: str) -> bool:
    """Each section under root (a page's content, or its article) that names a source ends in one line 'Bron: ...'
    or 'Bronnen: ...', every source once, in the order the text names them; the marks themselves go. True when the
    tree changed."""
    named = _named_per_section(root)
    marks = html_tree.with_class(root, "span", "bronmerk")
    if not marks and not any(named):
        return False
    for found in marks:
        _drop_mark(found)
    tokens = list(_tokens(root))
    starts = [i for i, (kind, element) in enumerate(tokens) if kind == "start" and element.tag in _SECTION_START]
    bounds = [0, *starts, len(tokens)]
    for bron_ids, begin, end in zip(named, bounds, bounds[1:]):
        if bron_ids:
            _put_line(tokens[begin:end], root, source_line([sources[b] for b in bron_ids], from_src))
    return bool(marks) or any(named)


def _named_per_section(root: HtmlElement) -> list[list[str]]:
    """Every source named in each section, once, in reading order: the marks, and the citations kept in the text
    (a figure, a date, a law)."""
    sections: list[dict] = [{}]
    for element in root.iter():
        if element.tag in _SECTION_START:
            sections.append({})
        if isinstance(element.tag, str) and element.get("data-bron"):
            sections[-1][element.get("data-bron")] = None
    return [list(section) for section in sections]


def _drop_mark(found: HtmlElement) -> None:
    """Take a mark out with the space before it: 'huurder {{ bron("x") }}.' reads 'huurder.'"""
    before = found.getprevious()
    if before is not None:
        before.tail = (before.tail or "").rstrip() or None
    else:
        parent = found.getparent()
        parent.text = (parent.text or "").rstrip() or None
    found.drop_tree()


def _tokens(root: HtmlElement):
    """The tree in reading order as ('start' | 'end', element) for tags and ('text' | 'tail', element) for text."""
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):  # lxml walks, not Python
        if event in ("comment", "pi"):  # one event for both ends; its own text is no content of the page
            yield "start", element
            event = "end"
        yield event, element
        if event == "start" and element.text:
            yield "text", element
        elif event == "end" and element.tail:
            yield "tail", element


def _put_line(section: list[tuple[str, HtmlElement]], root: HtmlElement, line: HtmlElement) -> None:
    """The line goes right after the section's last content, so inside the block the section ends in: a card's
    sources stay on its card, not on top of the next card."""
    last = next((token for token in reversed(section) if not _wrapping(token, root)), None)
    line.tail = "\n"
    if last is None:
        root.insert(0, line)
        return
    kind, element = last
    if kind == "start":  # the section ends where a block (not a <div>) opens around the next heading: before it
        element.addprevious(line)
    elif kind == "text":
        element.text = element.text.rstrip() + "\n"
        element.insert(0, line)
    else:
        element.tail = (element.tail or "").rstrip() + "\n"
        element.addnext(line)


def _wrapping(token: tuple[str, HtmlElement], root: HtmlElement) -> bool:
    """Whether a token only frames blocks: white space, a <div>'s tags, an empty <script>; the line goes before it."""
    kind, element = token
    if kind == "text":
        return not element.text.strip()
    if kind == "tail":
        return not element.tail.strip()
    empty_script = element.tag == "script" and not element.text and not len(element)
    return element is root or element.tag == "div" or empty_script


def add_lines_to_page(page: HtmlElement, sources: dict, from_src: str) -> bool:
    """add_lines on the article of a whole built page (for an engine that gives no hook per page's content)."""
    found = html_tree.article(page)
    return found is not None and add_lines(found, sources, from_src)


def source_line(bronnen: list[dict], from_src: str) -> HtmlElement:
    """'Bron: Housing First Nederland, z.d.' or 'Bronnen: ...; ...', each linking to the source on the Bronnen page.
    Made as elements, not parsed from markup: a page has a line per section."""
    line = html_tree.element("p", {"class": "bronregel"}, ("Bron" if len(bronnen) == 1 else "Bronnen") + ": ")
    for number, bron in enumerate(bronnen):
        address = link(from_src, "bronnen.md#" + bron["id"]).replace(".md#", ".html#")
        line.append(html_tree.element("a", {"href": address}, bron["kort"]))
        line[-1].tail = "; " if number < len(bronnen) - 1 else None
    return line
