"""Tables that read well on a phone (each cell gets its column name, so CSS can stack the rows) and in search."""

from __future__ import annotations

from lxml.html import HtmlElement

from scripts.pages import html_tree

TABLE_CLASS = "gegevenstabel"
# Where a search index that drops the tags would glue two words together.
_SEPARATED = ("th", "td", "tr", "caption", "br")


def label_markdown_tables(root: HtmlElement) -> bool:
    """Give every plain Markdown table (one without a class) the class of the guide's data tables, and label the
    cells of those and of the data tables the guide's code writes; a page's content or, under Zensical, a whole
    built page. True when a table was labelled."""
    changed = [label_table(table) for table in root.iter("table")
               if TABLE_CLASS in table.get("class", TABLE_CLASS).split()]
    return any(changed)


def label_table(table: HtmlElement) -> bool:
    """Label one table's body cells with their column's header text; False when it has no header to name them."""
    labels = [html_tree.text_of(cell) for cell in table.xpath("./thead/tr/th")]
    rows = table.xpath("./tbody/tr")
    if not labels or not rows:
        return False
    if not table.get("class"):
        table.set("class", TABLE_CLASS)
    for row in rows:
        for cell, label in zip(row.xpath("./th|./td"), labels):
            if label and cell.tag == "td" and "data-label" not in cell.attrib:  # an empty header gives no label
                cell.set("data-label", label)
    return True


def space_cells(root: HtmlElement) -> bool:
    """Put a line break after every cell, row and <br> of a table. The browser shows the same table, but the search
    index, which drops the tags, no longer glues two cells into one word ('PartnerWieTaken') in a result. True when
    there is a table."""
    found = list(root.iter("table"))
    for table in found:
        for element in table.iter(*_SEPARATED):
            if not (element.tail or "").startswith(("\n", " ")):
                element.tail = "\n" + (element.tail or "")
    return bool(found)
