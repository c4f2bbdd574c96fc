"""A contents list at the top of every long page, for phones (Material shows none beside the page there)."""

from __future__ import annotations

from lxml.html import HtmlElement

from scripts.pages import html_tree

MIN_SECTIONS = 4


def add(page: HtmlElement) -> None:
    """Put a closed 'Op deze pagina' list after the h1 of a built page, when it has MIN_SECTIONS or more sections."""
    article = html_tree.article(page)
    title = next(article.iter("h1"), None) if article is not None else None
    if title is None or html_tree.with_class(page, "*", "grid", "cards", "taken"):  # the home page's task cards
        return
    after = _dated(title)
    sections = [(heading.get("id"), html_tree.heading_text(heading)) for heading in after.xpath("following::h2[@id]")]
    if len(sections) < MIN_SECTIONS:
        return
    items = html_tree.element("ul", {})
    for anchor, text in sections:
        item = html_tree.element("li", {})
        item.append(html_tree.element("a", {"href": f"#{anchor}"}, text))
        items.append(item)
    nav = html_tree.element("nav", {"aria-label": "Op deze pagina"})
    nav.append(items)
    box = html_tree.element("details", {"class": "paginainhoud"})
    box.append(html_tree.element("summary", {}, "Op deze pagina"))
    box.append(nav)
    box.tail, after.tail = after.tail, None
    after.addnext(box)


def _dated(title: HtmlElement) -> HtmlElement:
    """The title, or the 'Bijgewerkt op' line right after it (scripts/page_dates.py): the list goes after that."""
    line = title.getnext()
    if line is not None and not (title.tail or "").strip() and line.tag == "p" and \
            "handreiking-bijgewerkt" in line.get("class", "").split():
        return line
    return title

