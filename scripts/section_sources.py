"""Citations gathered per section: bron() marks a source, and each section of a built page ends in one 'Bron' line."""

from __future__ import annotations

import re

from scripts.markup import html_text, link

# What bron() leaves in the text: an empty element that names the source, read back when the page is built.
_MARK = '<span class="bronmerk" data-bron="{}" hidden></span>'
# With the space before it: 'huurder {{ bron("x") }}.' reads 'huurder.'
_MARK_FOUND = re.compile(r'\s*<span class="bronmerk" data-bron="([^"]+)" hidden></span>')
# Every source named in a section: the marks, and the citations kept in the text (a figure, a date, a law).
_SOURCE_NAMED = re.compile(r'\sdata-bron="([^"]+)"')
# A section starts at a heading of level 2 or 3; what comes before the first one belongs to the page's opening.
_SECTION_START = re.compile(r"<h[23][\s>]")
# The tags that close the section's block and open the next one's, with the whitespace between them; at the end of
# a page, a script a tool page loads.
_TAIL = re.compile(r"(?:\s|</div>|<div[^>]*>|<script[^>]*></script>)*\Z")
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)


def mark(bron_id: str) -> str:
    """What bron("id") puts in the text: nothing a reader sees, only the source this section rests on."""
    return _MARK.format(html_text(bron_id))


def add_lines(html: str, sources: dict, from_src: str) -> str:
    """Each section of a page's content that names a source ends in one line 'Bron: ...' or 'Bronnen: ...',
    every source once, in the order the text names them; the marks themselves go."""
    starts = [m.start() for m in _SECTION_START.finditer(html)]
    bounds = [0, *starts, len(html)]
    parts = []
    for begin, end in zip(bounds, bounds[1:]):
        section = html[begin:end]
        named = list(dict.fromkeys(_SOURCE_NAMED.findall(section)))
        section = _MARK_FOUND.sub("", section)
        if named:
            # Inside the block the section ends in: a card's sources stay on its card, not on the next one's top.
            body, tail = _split_tail(section)
            section = body + "\n" + source_line([sources[b] for b in named], from_src) + "\n" + tail
        parts.append(section)
    return "".join(parts)


def _split_tail(section: str) -> tuple[str, str]:
    """The section without the block tags at its end, and the tags the source line goes before: from the first
    closing one (the line stays inside the block it belongs to), or any opening one of the next block."""
    tail = _TAIL.search(section, max(0, len(section) - 2000)).group(0)  # tags at the end, never kilobytes
    closing = tail.find("</div>")
    return section[:len(section) - len(tail)], tail[closing:] if closing >= 0 else tail.strip()


def add_lines_to_page(page_html: str, sources: dict, from_src: str) -> str:
    """add_lines on the article of a whole built page (for an engine that gives no hook per page's content)."""
    return _ARTICLE.sub(lambda m: m.group(1) + add_lines(m.group(2), sources, from_src) + m.group(3), page_html, 1)


def source_line(bronnen: list[dict], from_src: str) -> str:
    """'Bron: Housing First Nederland, z.d.' or 'Bronnen: ...; ...', each linking to the source on the Bronnen page."""
    label = "Bron" if len(bronnen) == 1 else "Bronnen"
    refs = "; ".join(
        f'<a href="{html_text(link(from_src, "bronnen.md#" + b["id"]).replace(".md#", ".html#"))}">'
        f'{html_text(b["kort"])}</a>' for b in bronnen)
    return f'<p class="bronregel">{label}: {refs}</p>'
