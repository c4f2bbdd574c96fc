"""A chapter reads as text: its sources in one quiet line per section, citations in the text only for figures and
law, examples from practice in one block that opens. Every source a page cites is still on that page."""

from __future__ import annotations

import re

import markdown

from scripts.pages import html_tree, render, section_sources
from tests.conftest import PROJECT, article_html

SOURCES = {b: {"id": b, "kort": k} for b, k in (("aedes", "Aedes, 2021"), ("trimbos", "Trimbos-instituut, 2023"),
                                                 ("hfnl", "Housing First Nederland"))}
_SECTION = re.compile(r"<h[23][\s>]")
_CALL = re.compile(r'\{\{\s*bron\("([^"]+)"(,\s*in_tekst=True)?\)\s*\}\}')
# A practice example carries its own attribution line; it is no line of the section.
_PRACTICE = re.compile(r'<details class="uit-de-praktijk">.*?</details>', re.S)


def sections(html: str) -> list[str]:
    """A page's content cut at every heading of level 2 and 3."""
    starts = [0] + [m.start() for m in _SECTION.finditer(html)] + [len(html)]
    return [html[a:b] for a, b in zip(starts, starts[1:])]


def section_problems(html: str) -> list[str]:
    """Sections with more than one source line, or that name a source their line leaves out."""
    problems = []
    for section in sections(html):
        text = _PRACTICE.sub("", section)
        lines = re.findall(r'<p class="bronregel">(.*?)</p>', text, re.S)
        heading = re.search(r'id="([^"]+)"', section)
        where = heading.group(1) if heading else "begin"
        if len(lines) > 1:
            problems.append(f"{where}: {len(lines)} bronregels")
        cited = set(re.findall(r'data-bron="([^"]+)"', text))
        listed = set(re.findall(r'bronnen\.html#([^"]+)"', lines[0])) if lines else set()
        if cited - listed:
            problems.append(f"{where}: {sorted(cited - listed)} staan niet in de bronregel")
    return problems


def with_lines(html: str, from_src: str) -> str:
    """A page's content with its source lines, as the build writes it."""
    root = html_tree.parse_fragment(html)
    section_sources.add_lines(root, SOURCES, from_src)
    return html_tree.fragment_html(root)


def page_source_problems(site, page: str) -> list[str]:
    """Sources cited in a page's Markdown that the built page does not show, and citations left in the text
    that the Markdown did not ask for (in_tekst=True)."""
    source = (PROJECT / "docs" / page).read_text(encoding="utf-8")
    html = article_html(site / page.replace(".md", ".html"))
    shown = set(re.findall(r'bronnen\.html#([\w-]+)"', html))
    problems = [f"{page}: bron {b} staat niet op de pagina" for b, _ in _CALL.findall(source) if b not in shown]
    asked = sum(1 for _, in_text in _CALL.findall(source) if in_text)
    in_text = html.count('<span class="bronverwijzing" data-bron=')
    if in_text != asked:
        problems.append(f"{page}: {in_text} verwijzingen in de tekst, maar {asked} gevraagd met in_tekst=True")
    if "bronmerk" in html:
        problems.append(f"{page}: een bronmerk is blijven staan")
    return problems


def test_each_section_ends_in_one_line_with_all_its_sources():
    html = ('<h1>Titel</h1><p>Inleiding <span class="bronmerk" data-bron="hfnl" hidden></span>.</p>'
            '<h2 id="a">A</h2><p>Tekst\n<span class="bronmerk" data-bron="aedes" hidden></span>. Cijfer 90% '
            '<span class="bronverwijzing" data-bron="trimbos">(<a href="bronnen.html#trimbos">T</a>)</span>'
            ' en meer <span class="bronmerk" data-bron="aedes" hidden></span>.</p>'
            '<h3 id="b">B</h3><p>Geen bron.</p>')
    out = with_lines(html, "hoofdstuk/pagina.md")
    assert "bronmerk" not in out
    assert "<p>Inleiding.</p>" in out and "<p>Tekst. Cijfer 90%" in out, "a citation leaves no space before its dot"
    assert out.count('class="bronregel"') == 2, "one line per section that has sources, none where it has none"
    first, second = re.findall(r'<p class="bronregel">(.*?)</p>', out)
    assert first == 'Bron: <a href="../bronnen.html#hfnl">Housing First Nederland</a>'
    assert second.startswith("Bronnen: ") and second.count("<a ") == 2, "every source once, in-text ones too"
    assert second.index("#aedes") < second.index("#trimbos"), "in the order the text names them"
    assert out.index(second) < out.index('<h3 id="b">')
    assert not section_problems(out)


def test_a_cards_sources_line_stays_on_its_card():
    """A section that ends in a card (the decision aid's steps): its line goes inside that card, not atop the next."""
    html = ('<div class="kaart"><h3 id="a">A</h3><p>Doe dit.<span class="bronmerk" data-bron="hfnl" hidden></span></p>\n'
            '</div>\n<div class="kaart"><h3 id="b">B</h3><p>Doe dat.</p>\n</div>\n')
    first, second = with_lines(html, "wat-nu.md").split('<div class="kaart">')[1:]
    assert 'class="bronregel"' in first and first.index('class="bronregel"') < first.index("</div>")
    assert 'class="bronregel"' not in second
    last = with_lines(html.replace("Doe dat.", 'Doe dat.<span class="bronmerk" data-bron="hfnl" hidden></span>')
                      + '<script src="x.js" defer></script>\n', "wat-nu.md")
    assert last.rindex('class="bronregel"') < last.rindex("</div>"), "the page's last card, before a script, too"


def test_the_section_check_catches_a_second_line_and_a_missing_source():
    two_lines = '<h2 id="a">A</h2><p class="bronregel">Bron: x</p><p class="bronregel">Bron: y</p>'
    missing = '<h2 id="a">A</h2><p>Tekst <span class="bronverwijzing" data-bron="aedes">(x)</span></p>'
    assert section_problems(two_lines) and section_problems(missing)


def test_chapters_and_the_faq_show_their_sources_once_per_section(site):
    pages = ["veelgestelde-vragen.md", "kernprincipes.md", "wat-vraagt-housing-first.md", "overlast.md",
             "samenwerken.md", "huurvormen-en-recht.md", "privacy.md"]
    problems = [f"{p}: {problem}" for p in pages
                for problem in section_problems(article_html(site / p.replace(".md", ".html")))]
    assert not problems, "\n".join(problems)
    faq = article_html(site / "veelgestelde-vragen.html")
    # Was 68 before citations moved to one line per section; a few more figures or rules may come.
    assert faq.count('<span class="bronverwijzing"') <= 20, "in the FAQ only figures and law are cited in the text"


def test_every_source_cited_in_the_markdown_is_on_the_built_page(site):
    pages = sorted(p.name for p in (PROJECT / "docs").glob("*.md") if "bron(" in p.read_text(encoding="utf-8"))
    problems = [problem for page in pages for problem in page_source_problems(site, page)]
    assert not problems, "\n".join(problems)


def test_practice_examples_form_one_block_that_opens_with_a_compact_attribution():
    records = [{"id": "a", "soort": "do", "thema": "huur", "titel": "Bel op tijd", "tekst": "Bel de begeleider.",
                "wie": "Woonin, Utrecht", "bron": "aedes"},
               {"id": "b", "soort": "do", "thema": "huur", "titel": "Praat", "tekst": "Praat.", "bron": "aedes"},
               {"id": "c", "soort": "dont", "thema": "huur", "titel": "Wacht niet", "tekst": "Wacht niet.",
                "bron": "hfnl"}]
    html = markdown.markdown(render.practice(records, SOURCES, "kernprincipes.md"),
                             extensions=["attr_list", "md_in_html"])
    assert html.count("<details") == 1 and 'id="a"' in html and 'id="c"' in html
    assert "<summary>Uit de praktijk: 2 aanraders en 1 valkuil</summary>" in html
    attributions = re.findall(r'<p class="bronregel praktijk__herkomst">(.*?)</p>', html)
    assert attributions[0] == 'Woonin, Utrecht · Bron: <a href="bronnen.md#aedes">Aedes, 2021</a>'
    assert len(attributions) == 3, "one line per example: who and the source together"
