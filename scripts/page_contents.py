"""A contents list at the top of every long page, for phones (Material shows none beside the page there)."""

from __future__ import annotations

import re

from scripts.markup import html_text

MIN_SECTIONS = 4
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
# After the title and its 'Bijgewerkt op' line (scripts/page_dates.py), when there is one.
_H1_END = re.compile(r"(<article class=\"md-content__inner md-typeset\">.*?</h1>(?:\s*<p class=\"handreiking-bijgewerkt\".*?</p>)?)",
                     re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def add(html: str) -> str:
    """The built page with a closed 'Op deze pagina' list after its h1, when it has MIN_SECTIONS or more sections."""
    title = _H1_END.search(html)
    if not title or 'class="grid cards taken"' in html:  # the home page's task cards are its contents
        return html
    sections = [(anchor, " ".join(_TAG.sub("", _PERMALINK.sub("", inner)).split()))
                for anchor, inner in _H2.findall(html[title.end():])]
    if len(sections) < MIN_SECTIONS:
        return html
    # The heading text is already HTML from the page; only the tags are taken off.
    items = "".join(f'<li><a href="#{html_text(anchor)}">{text}</a></li>' for anchor, text in sections)
    box = (f'<details class="paginainhoud"><summary>Op deze pagina</summary>'
           f'<nav aria-label="Op deze pagina"><ul>{items}</ul></nav></details>')
    return html[: title.end()] + box + html[title.end():]
