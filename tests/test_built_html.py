"""Steps that read or change built HTML, on their own without MkDocs: the cases a regular expression got wrong
(blocks inside blocks, attributes in another order, markup inside a heading) and the names SVG needs."""

from __future__ import annotations

import base64
import hashlib

from scripts.pages import csp, finished_pages, html_tree, page_contents, search_index, section_sources, trainers

SOURCES = {"hfnl": {"id": "hfnl", "kort": "Housing First Nederland"}, "aedes": {"id": "aedes", "kort": "Aedes, 2021"}}


def page(article: str, outside: str = "") -> str:
    """A built page as Material writes it: an icon in the header, the content in its article."""
    return ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>T</title></head><body>'
            '<header><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><linearGradient id="g" '
            'gradientUnits="userSpaceOnUse"/><path d="M3 6h18"/></svg></header>'
            f'<div class="md-content"><article class="md-content__inner md-typeset">{article}</article></div>'
            f"{outside}</body></html>")


def test_a_page_written_back_keeps_the_svg_names_with_capitals():
    written = html_tree.page_html(html_tree.parse_page(page("<h1>T</h1>")))
    assert 'viewBox="0 0 24 24"' in written and "<linearGradient" in written and 'gradientUnits="' in written
    assert "viewbox" not in written


SECTIONS = ('<h2 id="een">Een<a class="headerlink" href="#een">¶</a></h2><p>x</p>'
            '<div class="blok"><div class="kaart"><h2 class="apart" id="twee">Twee <code>code</code> &amp; zo</h2></div></div>'
            '<h2 title="t" id="drie">Drie</h2><h3 id="sub">Sub</h3><h2 id="vier"><em>Vier</em></h2><h2>Zonder id</h2>')


def contents_of(article: str) -> html_tree.HtmlElement | None:
    root = html_tree.parse_page(page(article))
    page_contents.add(root)
    found = html_tree.with_class(root, "details", "paginainhoud")
    return found[0] if found else None


def test_the_contents_list_names_every_h2_with_an_id_nested_or_with_markup_after_the_date_line():
    box = contents_of('<h1 id="t">Titel</h1>\n<p class="handreiking-bijgewerkt">Bijgewerkt op 1 mei</p>\n' + SECTIONS)
    assert box.getprevious().get("class") == "handreiking-bijgewerkt" and box.tail == "\n"
    links = [(a.get("href"), a.text) for a in box.iter("a")]
    assert links == [("#een", "Een"), ("#twee", "Twee code & zo"), ("#drie", "Drie"), ("#vier", "Vier")]
    assert html_tree.text_of(box.find("summary")) == "Op deze pagina"


def test_a_short_page_and_the_home_page_get_no_contents_list():
    assert contents_of('<h1>Titel</h1><h2 id="a">A</h2><h2 id="b">B</h2><h2 id="c">C</h2>') is None
    assert contents_of('<h1>Titel</h1><div class="taken grid cards"><p>kaart</p></div>' + SECTIONS) is None


def test_page_listing_reads_headings_without_their_permalink_and_leaves_the_page_as_it_was():
    root = html_tree.parse_page(page('<h1>Titel <em>nu</em></h1>' + SECTIONS))
    [listed] = trainers.page_listing({"p.md": trainers.headings(root)})
    assert listed["title"] == "Titel nu" and listed["url"] == "p.html"
    assert (2, "Twee code & zo", "twee") in listed["sections"] and (3, "Sub", "sub") in listed["sections"]
    assert html_tree.with_class(root, "a", "headerlink"), "the permalinks stay on the page"


def test_links_to_other_sites_are_marked_whatever_the_order_of_their_attributes():
    root = html_tree.parse_page(page(
        '<p><a title="t" href="https://voorbeeld.nl/a">een bron</a> '
        '<a class="knop" href="http://voorbeeld.nl/b" rel="x">knop</a> '
        '<a href="https://www.voorbeeld.nl/"><code>voorbeeld.nl</code></a> '
        '<a href="bronnen.html#x">intern</a></p>'))
    finished_pages.mark_external_links(root)
    links = {a.text_content(): a for a in root.iter("a")}
    assert links["een bron"].items()[0] == ("class", "extern"), "first, as the guide has always written it"
    assert links["knop"].get("class") == "extern knop" and links["knop"].get("rel") == "x"
    assert "class" not in links["voorbeeld.nl"].attrib, "the text is the address: nothing to add in print"
    assert "class" not in links["intern"].attrib


def with_lines(html: str) -> str:
    root = html_tree.parse_fragment(html)
    section_sources.add_lines(root, SOURCES, "pagina.md")
    return html_tree.fragment_html(root)


def test_a_source_line_stays_in_the_innermost_block_of_its_section():
    html = with_lines('<div class="grid"><div class="kaart"><div class="binnen"><h3 id="a">A</h3>'
                      '<p>Doe dit <span hidden data-bron="hfnl" class="bronmerk"></span>.</p>\n</div>\n</div>\n'
                      '<div class="kaart"><h3 id="b">B</h3><p>Doe dat.</p></div></div>')
    assert '<p>Doe dit.</p>\n<p class="bronregel">Bron: <a href="bronnen.html#hfnl">Housing First Nederland</a></p>' \
           '\n</div>' in html, "a mark with its attributes in another order goes too, with the space before it"
    assert html.count("bronregel") == 1 and "bronmerk" not in html


def test_a_heading_with_attributes_and_markup_starts_a_section_and_a_block_that_opens_the_next_is_left_closed():
    html = with_lines('<p>Open <span class="bronmerk" data-bron="aedes" hidden></span></p>'
                      '<h2 class="x" id="a">A <em>nu</em></h2><p>Tekst<span class="bronmerk" data-bron="hfnl" hidden>'
                      '</span></p><details open><h3 id="b">B</h3><p>Niets.</p></details>')
    assert html.index("#aedes") < html.index('<h2 class="x"') < html.index("#hfnl") < html.index("<details open>")
    assert html.count("bronregel") == 2


def test_search_text_keeps_two_blocks_two_words():
    assert search_index.folded_words(html_tree.plain_text("<p>Coördinatie</p><p>financiën</p>")) == \
        "Coordinatie financien"
    assert html_tree.plain_text("<td>a</td><td>b &amp; c</td>").split() == ["a", "b", "&", "c"]


# As a browser hashes them: the text between the tags, with & and < as written (no entities in a script).
SCRIPT = 'if (a && b < 2) { document.title = "</p> &amp;" }'
BARE_SCRIPT = "var z = 1 && 2;"
CONFIG = '{"base": ".", "search": "assets/javascripts/workers/search.js", "x": "a && b < c"}'
PARTIAL = "<script>var p = 1</script>\n<div class=\"stukje\">Een deel van een sjabloon</div>\n"


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_lists_each_run_script_as_written_and_leaves_config_src_and_partials_out(tmp_path):
    scripts = (f'<script id="__config" type="application/json">{CONFIG}</script>'
               f'<script src="assets/javascripts/bundle.js"></script><script>{SCRIPT}</script>')
    nav_page = html_tree.parse_page(page("<h1>T</h1>", scripts))
    (tmp_path / "zonder-kop.html").write_text(f"<!doctype html>\n<html lang=\"nl\"><body><p>x</p>"
                                              f"<script>{BARE_SCRIPT}</script></body></html>", encoding="utf-8")
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "stukje.html").write_text(PARTIAL, encoding="utf-8")

    the_policy = csp.apply(tmp_path, {tmp_path / "index.html": (csp.inline_scripts(nav_page), [])})
    csp.add_meta(nav_page, the_policy)

    listed = dict(part.split(" ", 1) for part in the_policy.split("; "))["script-src"].split()
    assert listed == ["'self'", *sorted([sha256(SCRIPT), sha256(BARE_SCRIPT)])]
    written = html_tree.page_html(nav_page)
    assert f"<script>{SCRIPT}</script>" in written and f">{CONFIG}</script>" in written  # the round trip keeps them
    assert written.index('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"') < written.index("<script")
    (tmp_path / "index.html").write_text(written, encoding="utf-8")
    assert csp.site_policy(tmp_path) == the_policy
    without_head = html_tree.parse_page((tmp_path / "zonder-kop.html").read_text(encoding="utf-8"))
    assert without_head.xpath("head/meta/@content") == [the_policy] and csp.inline_scripts(without_head) == [BARE_SCRIPT]
    assert (tmp_path / "partials" / "stukje.html").read_text(encoding="utf-8") == PARTIAL



def test_a_finished_page_is_kept_per_page_text_and_gets_its_editions_policy_as_if_it_had_been_in_the_tree(tmp_path,
                                                                                                            monkeypatch):
    written = page("<h1>Titel</h1>" + SECTIONS + '<p><a href="https://voorbeeld.nl/a">bron</a></p>',
                   f"<script>{SCRIPT}</script>")
    (tmp_path / "p.html").write_text(written, encoding="utf-8")
    finish, made = finished_pages.finish, []
    monkeypatch.setattr(finished_pages, "finish", lambda text: made.append(text) or finish(text))

    first, _ = finished_pages.finished(tmp_path / "p.html", tmp_path / "cache")
    again, _ = finished_pages.finished(tmp_path / "p.html", tmp_path / "cache")
    assert again == first and len(made) == 1, "the same page text was finished twice"
    (tmp_path / "p.html").write_text(written.replace("Titel", "Andere titel"), encoding="utf-8")
    changed, _ = finished_pages.finished(tmp_path / "p.html", tmp_path / "cache")
    assert len(made) == 2 and changed.headings[0][1] == "Andere titel"

    the_policy = csp.policy([csp.source_hash(script) for script in first.scripts])
    tree = html_tree.parse_page(written)
    finished_pages.finish_page(tree)
    csp.add_meta(tree, the_policy)
    assert csp.with_policy(first.html, the_policy) == html_tree.page_html(tree)
    assert first.scripts == [SCRIPT] and 'class="extern"' in first.html and "paginainhoud" in first.html
