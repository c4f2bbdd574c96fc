"""Plain Dutch, measured on every page: at most 13 words per sentence, Flesch-Douma 65 or more, no sentence over 25."""

from __future__ import annotations

from scripts.pages import readability
from tests.conftest import article_html, article_text, html_pages


def test_every_page_reads_at_b1(site):
    problems = []
    for page in html_pages(site):
        for problem in readability.scores(article_html(page)).problems:
            problems.append(f"{page.relative_to(site)}: {problem}")
    assert not problems, "\n".join(problems)


def test_a_long_winded_paragraph_fails_the_check():
    """Planted fault: one paragraph of long, heavy sentences."""
    sentence = ("De woningcorporatie draagt in nauwe samenwerking met de gemeentelijke organisatie en de betrokken "
                "zorgaanbieders zorg voor een zorgvuldige afstemming van alle werkzaamheden rondom de toewijzing van "
                "nieuwe huurders. ")
    scores = readability.scores(f"<p>{sentence * 3}</p><p>Dat is kort.</p>")
    assert scores.words_per_sentence > readability.MAX_AVERAGE_WORDS
    assert scores.flesch_douma < readability.MIN_FLESCH_DOUMA
    assert len(scores.long_sentences) == 3
    assert any("zin van 28 woorden" in problem for problem in scores.problems)


def test_headings_tables_and_citations_do_not_count_as_running_text():
    html = ('<h2 id="x">Een kop</h2><table><tr><td>Een cel met heel veel woorden die geen zin vormen samen</td>'
            '</tr></table><p>De huurder betaalt de huur <span class="bronverwijzing">(<a href="b.html">Aedes, '
            'vereniging van woningcorporaties, 2020</a>)</span>.</p>')
    assert readability.body_text(html) == ["De huurder betaalt de huur."]


def test_the_accessibility_page_publishes_the_scores_of_every_page(site):
    html = article_html(site / "toegankelijkheid.html")
    text = article_text(site / "toegankelijkheid.html")
    assert "Leesbaarheid per pagina" in text
    for page in html_pages(site):
        address = page.relative_to(site).as_posix()
        if address != "404.html":
            assert f'<a href="{address}">' in html, f"{address} has no score on the Toegankelijkheid page"
    assert "B1-grens gehaald" in text and ">nee<" not in html
