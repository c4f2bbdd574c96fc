"""The built guide as a reader gets it: Dutch, complete, every record where its macro is used, no broken links."""

from __future__ import annotations

import ast
import re
from urllib.parse import unquote, urlsplit

import pytest

from scripts.pages.macros import MACROS

from tests.conftest import PROJECT, PageParser, article_html, article_text, html_pages, parse_page

MACRO_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


def macro_calls(name: str) -> list[tuple[str, dict]]:
    """(built page, keyword arguments) for every use of a macro in docs/."""
    calls = []
    for source in sorted((PROJECT / "docs").rglob("*.md")):
        for found, arguments in MACRO_CALL.findall(source.read_text(encoding="utf-8")):
            if found == name:
                call = ast.parse(f"f({arguments.replace('=true', '=True')})", mode="eval").body
                keywords = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
                positional = [ast.literal_eval(a) for a in call.args]
                page = source.relative_to(PROJECT / "docs").with_suffix(".html").as_posix()
                calls.append((page, {**keywords, "_args": positional}))
    return calls


def test_every_page_is_dutch(site):
    for page in html_pages(site):
        assert '<html lang="nl"' in page.read_text(encoding="utf-8"), page


def test_no_template_code_leaks_into_pages(site):
    for page in html_pages(site):
        text = article_html(page)
        for leftover in ("{{", "}}", "{%", "%}", "{#"):
            assert leftover not in text, f"{page.relative_to(site)} shows '{leftover}'"


def test_every_local_link_and_anchor_resolves(site):
    broken = []
    ids = {}
    for page in site.rglob("*.html"):
        parsed = parse_page(page)
        for link in parsed.links + parsed.sources:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            # Only the 404 page uses root-based links: a server shows it at any depth.
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse_page(target).ids
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)} -> {link} (anchor missing)")
    assert not broken, "\n".join(broken)


def test_every_h2_and_h3_has_a_permalink(site):
    for page in html_pages(site):
        for level, attributes, inner in re.findall(r"<h([23])([^>]*)>(.*?)</h\1>", article_html(page), re.S):
            if "adressen-" in attributes:  # the trainers' generated lists
                continue
            assert 'id="' in attributes, f"{page.relative_to(site)}: <h{level}> without id"
            assert 'class="headerlink"' in inner, f"{page.relative_to(site)}: <h{level}{attributes}> without permalink"


def test_every_chapter_heading_id_is_written_by_hand():
    """Ids must not come from the title's wording, or a reworded title breaks trainers' links."""
    missing = []
    for source in sorted((PROJECT / "docs").rglob("*.md")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(r"#{2,3} ", line) and not re.search(r"\{ #[a-z0-9-]+ \}\s*$", line):
                missing.append(f"docs/{source.relative_to(PROJECT / 'docs')}:{number}: {line}")
    assert not missing, "headings without '{ #id }':\n" + "\n".join(missing)


def test_every_corporation_is_in_the_reference_group_table(site, content):
    for page, _ in macro_calls("corporaties"):
        text = article_text(site / page)
        for corporation in content.corporaties:
            assert corporation["naam"] in text, f"{corporation['naam']} missing from {page}"


def test_corporation_practice_appears_where_called(site, content):
    for page, arguments in macro_calls("corporatie"):
        record = content.corporaties[[c["id"] for c in content.corporaties].index(arguments["_args"][0])]
        assert " ".join(record["praktijk"].split()) in article_text(site / page)


def test_every_principle_has_its_own_section(site, content):
    calls = [page for page, arguments in macro_calls("principes") if not arguments.get("kort")]
    assert calls, "no page shows the principles"
    for page in calls:
        parsed = parse_page(site / page)
        for principle in content.principes:
            assert principle["id"] in parsed.ids
            assert " ".join(principle["voor_de_corporatie"].split()) in parsed.text


def test_every_practice_record_is_shown_somewhere(site, content):
    shown = {}
    for page, arguments in macro_calls("praktijk"):
        text = article_text(site / page)
        for record in content.praktijk:
            kinds = arguments.get("soort") or [record["soort"]]
            if arguments.get("thema") in (None, record["thema"]) and record["soort"] in kinds:
                assert record["titel"] in text, f"{record['id']} missing from {page}"
                shown[record["id"]] = page
    unshown = [r["id"] for r in content.praktijk if r["id"] not in shown]
    assert not unshown, f"practice records no page shows (check their thema/soort): {unshown}"


def test_every_partner_is_in_a_role_table(site, content):
    text = " ".join(article_text(site / page) for page, _ in macro_calls("partners"))
    for partner in content.partners:
        assert partner["naam"] in text
        for task in partner["taken"]:
            assert " ".join(task.split()) in text


def test_every_glossary_term_is_listed(site, content):
    for page, _ in macro_calls("begrippen"):
        parsed = parse_page(site / page)
        for term in content.begrippen:
            # The rule on conditions shows its short form here ('kort'); only Kernprincipes has it in full.
            shown = term.get("kort", term["uitleg"])
            assert term["id"] in parsed.ids and " ".join(shown.split()) in parsed.text


def test_every_source_is_on_the_sources_page(site, content):
    for page, _ in macro_calls("alle_bronnen"):
        parsed = parse_page(site / page)
        for source in content.bronnen:
            assert source["id"] in parsed.ids and (source.get("titel") or source["omschrijving"]) in parsed.text


def test_every_checklist_has_a_page_with_all_items(site, content):
    for checklist in content.checklists:
        page = site / "checklists" / f"{checklist['id']}.html"
        html = article_html(page)
        items = [p for s in checklist["secties"] for p in s["punten"]]
        assert html.count('type="checkbox"') == len(items)
        for item in items:
            assert f'<label for="punt-{item["id"]}">' in html


def test_every_chapter_ends_with_its_sources(site):
    # The tools and the change log show the sources of each statement, step or change where it stands.
    not_chapters = ("bronnen.html", "voor-trainers.html", "toegankelijkheid.html", "corporatiescan.html", "wat-nu.html",
                    "wat-is-er-veranderd.html")
    chapters = [p for p in html_pages(site) if p.name not in not_chapters]
    for page in chapters:
        html = article_html(page)
        assert 'id="bronnen"' in html, f"{page.relative_to(site)} has no source list"


def test_abbreviations_explain_themselves_on_every_page(site, content):
    abbreviations = {b["afkorting"]: b["term"] for b in content.begrippen if "afkorting" in b}
    seen = set()
    for page in html_pages(site):
        for title, short in re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', article_html(page)):
            assert abbreviations[short] == title
            seen.add(short)
    assert {"GGZ", "VWS"} <= seen


@pytest.mark.parametrize("page", ["index.html", "kernprincipes.html", "checklists/woning-toewijzen.html"])
def test_pages_name_the_version_date(site, page):
    assert "Versie van " in parse_page(site / page).text


def test_no_garbled_characters_anywhere(site):
    for page in html_pages(site):
        text = article_text(page)
        for garbled in ("Ć", "ƫ", "ā€", "Ã©", "Ã«", "\ufffd"):
            assert garbled not in text, f"{page.relative_to(site)} contains '{garbled}'"


def test_every_cited_source_is_in_the_pages_source_list(site, content):
    """A citation in the text or in a data block must also be in the 'Bronnen' list at the end."""
    titles = {b["id"]: b.get("titel") or b["omschrijving"] for b in content.bronnen}
    missing = []
    for page in html_pages(site):
        html = article_html(page)
        if 'id="bronnen"' not in html:
            continue
        body, _, source_list = html.partition('id="bronnen"')
        listed = PageParser()
        listed.feed(source_list)
        for cited in sorted(set(re.findall(r'bronnen\.html#([a-z0-9-]+)"', body))):
            if " ".join(titles[cited].split()) not in listed.text:
                missing.append(f"{page.relative_to(site)}: {cited}")
    assert not missing, "cited but not in the page's source list:\n" + "\n".join(missing)


def test_every_macro_is_used_on_some_page():
    unused = [macro.__name__ for macro in MACROS if not macro_calls(macro.__name__)]
    assert len(MACROS) >= 10
    assert not unused, f"macros no page uses: {unused}"


def test_home_page_links_to_every_checklist(site, content):
    links = parse_page(site / "index.html").links
    for checklist in content.checklists:
        assert f"checklists/{checklist['id']}.html" in links, f"index.md mist een snelle link naar {checklist['id']}"
