"""Tables that read well on a phone (each cell gets its column name, so CSS can stack the rows) and in search."""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_DATA_CELL = re.compile(r"<td(?=[\s>])")
_TAG = re.compile(r"<[^>]+>")
_ANY_TABLE = re.compile(r"<table[\s>].*?</table>", re.S)
# The end of a cell, a row or a line break, directly followed by more markup or text.
_CELL_END = re.compile(r"(</t[hd]>|</tr>|</caption>|<br\s*/?>)(?=\S)")


def label_markdown_tables(html: str) -> str:
    """Give every plain Markdown table the class of the guide's data tables and label its cells."""
    return _TABLE.sub(_label_table, html)


def space_cells(html: str) -> str:
    """Put a line break after every cell, row and <br> of a table. The browser shows the same table, but the search
    index, which drops the tags, no longer glues two cells into one word ('PartnerWieTaken') in a result."""
    return _ANY_TABLE.sub(lambda table: _CELL_END.sub("\\1\n", table.group(0)), html)


def _label_table(match: re.Match) -> str:
    inner = match.group(1)
    head, _, body = inner.partition("</thead>")
    labels = [" ".join(_TAG.sub("", cell).split()).replace('"', "&quot;") for cell in _HEADER_CELL.findall(head)]
    if not labels or not body:
        return match.group(0)

    def label_row(row: re.Match) -> str:
        names = iter(labels)
        def labelled(cell: re.Match) -> str:
            name = next(names, "")
            return f'<td data-label="{name}"' if name else "<td"  # an empty header gives no label on a phone

        return "<tr>" + _DATA_CELL.sub(labelled, row.group(1)) + "</tr>"

    return f'<table class="gegevenstabel">{head}</thead>{_ROW.sub(label_row, body)}</table>'
