"""Render functions on their own, without MkDocs: what a reader will see, escaped."""

from __future__ import annotations

import markdown

from scripts.pages import checklist_pages, citations, html_tree, markup, render, tables

BRON = {"id": "trimbos-effecten-2023", "kort": "Trimbos-instituut, 2023", "titel": "Housing First: effecten",
        "uitgever": "Trimbos-instituut", "datum": "2023", "adres": "https://www.trimbos.nl/rapport"}


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "abbr"])


def labelled(html: str) -> str:
    """A page's content after tables.label_markdown_tables, written back."""
    root = html_tree.parse_fragment(html)
    tables.label_markdown_tables(root)
    return html_tree.fragment_html(root)


def spaced(html: str) -> str:
    """A page's content after tables.space_cells, written back."""
    root = html_tree.parse_fragment(html)
    tables.space_cells(root)
    return html_tree.fragment_html(root)


def test_data_text_cannot_inject_html_or_markdown():
    text = markup.md_text("<script>alert(1)</script> *vet* [link](x) {{ jinja }}")
    html = to_html(text)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<em>" not in html and "<a " not in html
    assert "{{" not in text


def test_dutch_dates():
    assert markup.date_nl("2017-06-14") == "14 juni 2017"
    assert markup.date_nl("2022-12") == "december 2022"
    assert markup.date_nl("2023") == "2023"
    assert markup.date_nl("z.d.") == "zonder datum"


def test_file_sizes_as_readers_expect():
    assert markup.file_size(34_200) == "34 kB"
    assert markup.file_size(400) == "1 kB"
    assert markup.file_size(3_240_000) == "3,2 MB"


def test_links_are_relative_to_the_page():
    assert markup.link("checklists/overlast.md", "bronnen.md#aedes") == "../bronnen.md#aedes"
    assert markup.link("index.md", "checklists/x.md") == "checklists/x.md"
    assert markup.link("checklists/index.html", "downloads/x.pdf") == "../downloads/x.pdf"


def test_citation_links_to_the_source_on_the_sources_page():
    html = to_html(citations.citation(BRON, "checklists/overlast.md"))
    assert '<span class="bronverwijzing" data-bron="trimbos-effecten-2023">(<a href="../bronnen.md#trimbos-effecten-2023">Trimbos-instituut, 2023</a>)</span>' in html


def test_source_list_shows_title_publisher_date_and_address():
    html = citations.source_list([{**BRON, "titel": "Zorg & <wonen>"}])
    assert html.startswith("## Bronnen { #bronnen }")
    assert "<cite>Zorg &amp; &lt;wonen&gt;</cite>" in html
    assert "Trimbos-instituut. 2023." in html
    assert '<a href="https://www.trimbos.nl/rapport">' in html


def test_a_source_states_only_what_is_known():
    described = {"id": "x", "kort": "X", "omschrijving": "Cijfers over <uitzettingen>", "uitgever": "Aedes",
                 "datum": "2021", "adres": "onbekend"}
    html = citations.source_entry(described)
    assert "<cite>" not in html, "a description is not presented as a title"
    assert "Cijfers over &lt;uitzettingen&gt;" in html
    assert "Aedes. 2021." in html and "<a " not in html and "niet bekend" not in html
    assert citations.source_plain(described) == "Cijfers over <uitzettingen>. Aedes. 2021."


def test_all_sources_have_their_id_as_anchor():
    assert '<li id="trimbos-effecten-2023">' in citations.all_sources([BRON])


def test_corporations_table_cites_the_source_of_each_role_and_escapes_names():
    rows = [{"id": "a", "naam": "A & <b>", "rol": "Levert woningen.", "bronnen": [BRON["id"]]}]
    html = render.corporations_table(rows, {BRON["id"]: BRON}, "referentiegroep.md")
    assert "A &amp; &lt;b&gt;" in html
    assert '<tr id="corporatie-a">' in html
    assert '<a class="bronverwijzing" href="bronnen.html#trimbos-effecten-2023">Trimbos-instituut, 2023</a>' in html


def test_checklist_has_a_labelled_checkbox_per_item():
    checklist = {"id": "test", "titel": "T", "doel": "D", "voor_wie": "W", "moment": "M", "bronnen": ["x"],
                 "secties": [{"id": "een", "titel": "Eén", "punten": [
                     {"id": "p1", "tekst": "Bel de <begeleider>"}, {"id": "p2", "tekst": "Maak een afspraak"}]}]}
    html = to_html(checklist_pages.body(checklist, {"pdf": 34_000, "docx": 12_000}, "checklists/test.md"))
    assert '<input type="checkbox" id="punt-p1" data-punt="p1"> <label for="punt-p1">Bel de &lt;begeleider&gt;</label>' in html
    assert html.count('type="checkbox"') == 2
    assert "Download als PDF (34 kB)" in html and "Download als Word (12 kB)" in html
    assert 'href="../downloads/test.pdf"' in html
    assert '<h2 id="een">Eén</h2>' in html


def test_practice_that_conflicts_with_housing_first_never_reads_as_a_recommendation():
    record = {"id": "verslaving-eerst", "soort": "botst", "thema": "gemengd-wonen", "titel": "Verslaving eerst",
              "tekst": "Los een verslaving eerst op.", "kanttekening": "Dit botst met harm reduction.",
              "bron": "trimbos-effecten-2023"}
    html = to_html(render.practice([record], {BRON["id"]: BRON}, "gemengd-wonen.md"))
    assert 'class="praktijk praktijk--botst"' in html
    assert "Botst met Housing First" in html and "Aanrader" not in html
    assert "Waarom dit niet past bij Housing First:" in html and "Dit botst met harm reduction." in html
    assert 'href="bronnen.md#trimbos-effecten-2023"' in html
    advice = {key: value for key, value in record.items() if key != "kanttekening"}
    recommended = to_html(render.practice([{**advice, "soort": "do"}], {BRON["id"]: BRON}, "gemengd-wonen.md"))
    assert "Aanrader" in recommended and "Botst met Housing First" not in recommended


def test_abbreviations_become_definitions_for_every_page():
    text = render.abbreviations([{"id": "ggz", "term": "geestelijke gezondheidszorg", "afkorting": "GGZ", "uitleg": "x"}])
    html = to_html("De GGZ helpt." + text)
    assert '<abbr title="geestelijke gezondheidszorg">GGZ</abbr>' in html


def test_glossary_groups_terms_by_letter_with_anchors():
    terms = [{"id": "woonladder", "term": "woonladder", "uitleg": "Trap."},
             {"id": "harm-reduction", "term": "harm reduction", "uitleg": "Schade beperken."}]
    html = render.glossary(terms)
    assert html.index("## H { #letter-h }") < html.index("## W { #letter-w }")
    assert '<dt id="woonladder">woonladder</dt>' in html


def test_markdown_tables_get_column_names_on_every_cell():
    html = markdown.markdown("| Onderwerp | Vlaanderen |\n| --- | --- |\n| Huur | Zelf <b>betalen</b> |\n", extensions=["tables"])
    written = labelled(html)
    assert '<table class="gegevenstabel">' in written
    assert '<td data-label="Onderwerp">Huur</td>' in written
    assert '<td data-label="Vlaanderen">Zelf <b>betalen</b></td>' in written
    assert not tables.label_markdown_tables(html_tree.parse_fragment('<table class="x"><tr><td>a</td></tr></table>'))


def test_data_tables_the_code_writes_get_column_names_too_without_losing_their_own():
    written = markup.table("Lessen", ("Hoofdstuk", "Duur", "Toets"),
                           ['<tr><th scope="row">Overlast</th><td>60 min</td><td data-label="Zelftoets">PDF</td></tr>'])
    result = labelled(written)
    assert '<td data-label="Duur">60 min</td>' in result, "a row header counts as the first column"
    assert '<td data-label="Zelftoets">PDF</td>' in result, "a label the code gave stays"
    styled = labelled(written.replace('class="gegevenstabel"', 'class="scan-tabel gegevenstabel"'))
    assert 'class="scan-tabel gegevenstabel"' in styled, "a table keeps its own classes (scripts find it by them)"


def test_table_cells_stay_apart_as_words_when_the_tags_are_dropped():
    from lxml import html as lxml_html

    html = markdown.markdown("| Partner | Wie |\n| --- | --- |\n| Gemeente | Regie<br>en geld |\n", extensions=["tables"])
    words = lxml_html.fragment_fromstring(spaced(labelled(html).replace("\n", "")), create_parent="div").text_content().split()
    assert words == ["Partner", "Wie", "Gemeente", "Regie", "en", "geld"]
