"""Text helpers for rendering data: escaping for Markdown, HTML and CSS, relative links, Dutch dates and sizes."""

from __future__ import annotations

import functools
import posixpath
import re

from markupsafe import escape

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|])")


def md_text(text: str) -> str:
    """Data text safe inside Markdown: HTML escaped, Markdown syntax characters neutralised."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(" ".join(str(text).split()))))


def html_text(text: str) -> str:
    """Data text safe inside HTML."""
    return str(escape(" ".join(str(text).split())))


# Inside a double-quoted CSS string HTML entities are not decoded: a backslash and a quote need CSS escapes, and
# '<' one too, so no text can close the <style> element around it.
_CSS_ESCAPES = {"\\": "\\\\", '"': '\\"', "<": "\\3c "}


def css_string(text: str) -> str:
    """Data text safe inside a double-quoted CSS string, such as a PDF's running header."""
    return "".join(_CSS_ESCAPES.get(char, char) for char in " ".join(str(text).split()))


@functools.lru_cache(maxsize=4096)  # the same few links from every page, hundreds per build
def link(from_path: str, to_path: str) -> str:
    """Relative link between two files of one tree (docs/ sources or built URLs), anchor kept."""
    path, _, anchor = to_path.partition("#")
    target = posixpath.relpath(path, posixpath.dirname(from_path) or ".")
    return f"{target}#{anchor}" if anchor else target


TOOLS_STYLESHEET = "assets/stylesheets/hulpmiddelen.css"


def tools_stylesheet(from_path: str) -> str:
    """The two tools' stylesheet, linked from their own page only: every other page is spared the request."""
    return f'<link rel="stylesheet" href="{html_text(link(from_path, TOOLS_STYLESHEET))}">\n'


def date_nl(value: str) -> str:
    """'2017-06-14' -> '14 juni 2017', '2022-12' -> 'december 2022', 'z.d.' -> 'zonder datum'."""
    if value == "z.d.":
        return "zonder datum"
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def file_size(size: int) -> str:
    """Size as a reader sees it: '34 kB', '1,2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def table(caption: str, headers: tuple, rows: list[str]) -> str:
    """A data table with a caption and column headers; rows are ready HTML <tr> elements."""
    head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in headers)
    body = "\n".join(rows)
    return (f'<table class="gegevenstabel">\n<caption>{html_text(caption)}</caption>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n")
