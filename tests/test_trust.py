"""A guide corporations can rely on: sources as checked, one rule on conditions, no claim the sources do not make.

Each check is a function of plain text, run on the built site and once on a planted mistake of its kind.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from scripts.content.page_checks import rule_problems
from scripts.content.trust_checks import lease_condition_sentences, practice_source_problems, source_record_problems
from scripts.content.yaml_source import Dataset
from scripts.pages.readability import body_text
from tests.conftest import PROJECT, article_html, article_text, html_pages

CHECKED = {line.split("\t")[0]: line.split("\t")[1]
           for line in (PROJECT / "tests" / "checked_addresses.txt").read_text(encoding="utf-8").splitlines()
           if line and not line.startswith("#")}


def source_problems(source: dict) -> list[str]:
    """A source gives only a checked address, with the publisher found there, and never a site's front page."""
    address = source["adres"]
    if address == "onbekend":
        return []
    if urlsplit(address).path in ("", "/"):
        return [f"{source['id']}: {address} is de voorpagina van een site, niet de pagina van de bron"]
    if address not in CHECKED:
        return [f"{source['id']}: {address} staat niet in tests/checked_addresses.txt"]
    if CHECKED[address] not in source.get("uitgever", ""):
        return [f"{source['id']}: uitgever '{source.get('uitgever')}' is niet '{CHECKED[address]}' van {address}"]
    return []


def discusses_conditions(block: str) -> bool:
    text = block.lower()
    return "voorwaarde" in text and any(word in text for word in ("huurder", "kandidaat", "deelnemer"))


# Ways the guide once contradicted its own rule, or claimed more than a source says.
CONTRADICTIONS = ("geen andere voorwaarden dan", "alleen de voorwaarden die voor elke huurder", "zonder voorwaarden",
                  "de enige eis is dat hij zich aan het huurcontract houdt", "geen voorwaarden buiten het huurcontract")
GENERALISATIONS = ("dezelfde korte lijst", "het eerste jaar hoofdhuurder", "in het eerste jaar het aanspreekpunt")
_WEEKLY = re.compile(r"per week|elke week|wekelijks", re.I)
_WEEKLY_SOURCES = re.compile(r"CAW|Vlaander|Vlaamse|wooncoach|Eindhoven|Woonbedrijf")
_CORPOVENISTA_AS_AUTHOR = re.compile(r"Corpovenista\w*\s+(schreef|schrijft|noemt|zegt|vindt|raadt|stelt)", re.I)


def claim_problems(block: str) -> list[str]:
    """Sentences of one paragraph that contradict the rule on conditions or generalise beyond a source."""
    text = block.lower()
    found = [f"spreekt de regel over voorwaarden tegen: '{p}'" for p in CONTRADICTIONS if p in text]
    found += [f"niet onderbouwd: '{p}'" for p in GENERALISATIONS if p in text]
    if _WEEKLY.search(block) and not _WEEKLY_SOURCES.search(block):
        found.append("wekelijks bezoek zonder te zeggen waar dat geldt (CAW in Vlaanderen, Woonbedrijf in 2016)")
    if _CORPOVENISTA_AS_AUTHOR.search(block):
        found.append("Corpovenista als schrijver; Rohde en De Meere schreven het rapport voor Corpovenista")
    return found


def item_problems(text: str) -> list[str]:
    """A checklist item is an instruction starting with a verb or a yes/no question where yes is good."""
    found = []
    if text.endswith("?") and re.match(r"\w+ (\w+ )?(geen|niet)\b", text, re.I):
        found.append("een ontkennende vraag: bij 'ja' is niet duidelijk of het goed is")
    if not text.endswith("?") and re.match(r"(We|Wij|Het|De|Dit|Er)\b", text):
        found.append("een bewering; schrijf een opdracht of een vraag")
    if "binnen een maand" in text:
        found.append("'binnen een maand' wachten botst met meteen contact opnemen")
    if re.search(r"(tel|houd|hou|registreer)\w*\b.{0,40}huurders met begeleiding", text, re.I):
        found.append("de corporatie registreert wie begeleiding krijgt; dat botst met scheiden van wonen en zorg")
    return found


# Sources ----------------------------------------------------------------------------------------

def test_every_source_address_was_checked(content):
    problems = [p for source in content.bronnen for p in source_problems(source)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("planted", [
    {"id": "woonin", "uitgever": "Valente", "adres": "https://aedes.nl/aandachtsgroepen/woonin-geeft-dakloze-mensen-een-nieuwe-start"},
    {"id": "faq", "uitgever": "Housing First Nederland", "adres": "https://housingfirstnederland.nl/faqs/uitvoering-van-housing-first/"},
    {"id": "trimbos", "uitgever": "Trimbos-instituut", "adres": "https://www.trimbos.nl/"},
], ids=["wrong-publisher", "unchecked-address", "front-page"])
def test_the_source_check_catches_each_kind_of_mistake(planted):
    assert source_problems(planted)


# The rule on conditions ------------------------------------------------------------------------

def test_the_rule_on_conditions_comes_from_one_record_and_shows_at_most_once_per_page(site, content):
    """Every page that discusses conditions shows the rule from begrippen.yml, or links to it; never twice."""
    rule = " ".join(content.find("begrippen", "voorwaarden")["uitleg"].split())
    pages = [p for p in html_pages(site) if any(discusses_conditions(b) for b in body_text(article_html(p)))]
    assert len(pages) >= 4
    missing = [p.relative_to(site).as_posix() for p in pages
               if rule not in article_text(p) and "#voorwaarden" not in article_html(p)
               and "#wat-je-wel-vraagt" not in article_html(p)]
    assert not missing, f"pages that discuss conditions without the rule or a link to it: {missing}"
    shown = {p.relative_to(site).as_posix(): article_html(p).count('class="regel"') for p in html_pages(site)}
    assert 1 <= sum(1 for n in shown.values() if n) and all(n <= 1 for n in shown.values()), shown


def pages_with_the_whole_rule(site, rule: str) -> list[str]:
    """Pages that show the rule on conditions in full: its whole text, or its box."""
    return [p.relative_to(site).as_posix() for p in html_pages(site)
            if rule in article_text(p) or 'class="regel"' in article_html(p)]


def test_the_rule_on_conditions_is_shown_in_full_on_one_page_and_linked_from_the_others(site, content):
    rule = " ".join(content.find("begrippen", "voorwaarden")["uitleg"].split())
    assert pages_with_the_whole_rule(site, rule) == ["kernprincipes.html"]
    short = [p.relative_to(site).as_posix() for p in html_pages(site) if 'class="regel-link"' in article_html(p)]
    assert {"veelgestelde-vragen.html", "voor-trainers.html", "checklists/woning-toewijzen.html"} <= set(short), short
    for page in short:
        assert "kernprincipes.html#wat-je-wel-vraagt" in article_html(site / page), page


def test_no_built_page_makes_accepting_support_a_lease_condition(site):
    problems = [f"{p.relative_to(site)}: '{sentence}'" for p in html_pages(site)
                for block in body_text(article_html(p)) for sentence in lease_condition_sentences(block)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("planted", [
    "Bij Housing First is er één voorwaarde naast de plichten van elke huurder: de huurder accepteert begeleiding.",
    "De enige extra voorwaarde voor de woning is dat hij begeleiding accepteert.",
    "Zet in het huurcontract de eis dat de huurder begeleiding accepteert.",
])
def test_the_lease_condition_check_catches_support_as_a_condition(planted):
    assert lease_condition_sentences(planted)


@pytest.mark.parametrize("fine", [
    "Begeleiding accepteren is nooit een voorwaarde in het huurcontract.",
    "Het bericht noemt voor deelname aan het project voorwaarden, zoals begeleiding accepteren.",
    "De deelnemer accepteert begeleiding.",
])
def test_the_lease_condition_check_lets_the_rule_itself_pass(fine):
    assert not lease_condition_sentences(fine)


def test_a_page_may_show_the_rule_only_once_and_never_as_a_lease_condition():
    text = ("# Pagina\n\n{{ voorwaarden_regel() }}\n\nTekst.\n\n{{ voorwaarden_regel() }}\n\n"
            "Daarnaast is er één voorwaarde: de huurder accepteert begeleiding.\n")
    problems = rule_problems("docs/x.md", text)
    assert [p.line for p in problems] == [7, 9], [str(p) for p in problems]
    assert all(p.file == "docs/x.md" for p in problems)


# Practice under a named organisation, and what a source record shows ------------------------------

def _datasets(**records):
    return {name: Dataset(name, f"content/{name}.yml", {name: value}, {(name,): 1})
            for name, value in records.items()}


def test_a_practice_under_a_name_must_cite_a_source_about_that_organisation():
    bronnen = [{"id": "limor", "kort": "L", "titel": "T", "datum": "z.d.", "adres": "onbekend", "uitgever": "LIMOR",
                "over": ["LIMOR"]},
               {"id": "den-haag", "kort": "D", "titel": "T", "datum": "2017", "adres": "onbekend", "uitgever": "LIMOR",
                "over": ["Staedion", "LIMOR"]}]
    wrong = _datasets(bronnen=bronnen, corporaties=[{"id": "staedion", "naam": "Staedion", "rol": "r",
                                                     "praktijk": "p", "bronnen": ["den-haag", "limor"]}],
                      praktijk=[{"id": "x", "soort": "voorbeeld", "thema": "huur", "titel": "t", "tekst": "t",
                                 "wie": "WonenBreburg", "bron": "limor"}])
    problems = practice_source_problems(wrong)
    assert len(problems) == 2 and all("gaat niet over" in p.message for p in problems)
    assert "corporaties[0].bronnen[1]" in str(problems[0]) and "praktijk[0].bron" in str(problems[1])
    right = _datasets(bronnen=bronnen, corporaties=[{"id": "staedion", "naam": "Staedion", "rol": "r",
                                                     "bronnen": ["den-haag"]}])
    assert not practice_source_problems(right)


def test_a_source_shows_an_address_or_its_publisher_never_not_known():
    base = {"kort": "K", "omschrijving": "O", "datum": "2015", "adres": "onbekend"}
    problems = source_record_problems(_datasets(bronnen=[
        {"id": "zonder-uitgever", **base},
        {"id": "met-uitgever", **base, "uitgever": "Leger des Heils"},
        {"id": "niet-bekend", **base, "uitgever": "Aedes", "toelichting": "Adres niet bekend."},
    ]))
    assert [p.path for p in problems] == ["bronnen[0].adres", "bronnen[2].toelichting"], [str(p) for p in problems]


def test_the_sources_page_never_says_an_address_is_not_known(site):
    assert "niet bekend" not in article_text(site / "bronnen.html").lower()


def test_no_page_contradicts_the_rule_or_claims_more_than_its_sources(site):
    problems = [f"{p.relative_to(site)}: {problem} — '{block[:120]}'"
                for p in html_pages(site) for block in body_text(article_html(p)) for problem in claim_problems(block)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("planted", [
    "Bij Housing First gelden voor de woning alleen de voorwaarden die voor elke huurder gelden.",
    "Corporaties die meedoen, werken met dezelfde korte lijst.",
    "De begeleider komt minstens één keer per week bij de huurder.",
    "Het Kennisplatform Corpovenista schreef het rapport Zorgen over wonen.",
    "Voor de woonconsulent is het Leger des Heils het eerste jaar hoofdhuurder.",
])
def test_the_claim_check_catches_each_kind_of_mistake(planted):
    assert claim_problems(planted)


def test_a_page_where_the_care_organisation_proposes_a_candidate_says_the_candidate_may_refuse(site):
    proposing = re.compile(r"SMO Breda|zorgorganisatie", re.I)
    choosing = re.compile(r"\b(kiest|zoekt|stelt)\b[^.]*\bkandidaat|\bkandidaat\b[^.]*\b(kiest|voor)\b", re.I)
    refusing = re.compile(r"nee (zeggen|te zeggen|zegt)|weiger", re.I)
    silent = [p.relative_to(site).as_posix() for p in html_pages(site)
              if any(proposing.search(b) and choosing.search(b) for b in body_text(article_html(p)))
              and not refusing.search(article_text(p))]
    assert not silent, f"the care organisation chooses, and the page never says the candidate may say no: {silent}"


# Checklists -------------------------------------------------------------------------------------

def test_every_checklist_item_is_an_instruction_or_a_question_where_yes_is_good(content):
    problems = [f"{c['id']}/{p['id']}: {problem}: '{p['tekst']}'"
                for c in content.checklists for s in c["secties"] for p in s["punten"]
                for problem in item_problems(p["tekst"])]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("planted", [
    "Is het geen anonieme gestapelde bouw?",
    "We stellen geen voorwaarden die andere huurders ook niet hebben.",
    "Neem binnen een maand contact op bij een achterstand.",
    "Houd bij hoeveel huurders met begeleiding er in elk complex wonen.",
])
def test_the_item_check_catches_each_kind_of_mistake(planted):
    assert item_problems(planted)


# The route for a first tenant --------------------------------------------------------------------

def test_first_tenant_route_links_every_step_to_its_section_and_checklist(site, content):
    html = article_html(site / "eerste-huurder.html")
    for step in content.route:
        section = re.search(rf'<h2 id="{step["id"]}">.*?(?=<h2 |$)', html, re.S)
        assert section, f"step {step['id']} has no heading"
        page, _, anchor = step["lees"].partition("#")
        checklist = step["checklist"].replace("#", ".html#") if "#" in step["checklist"] else step["checklist"] + ".html"
        # Route links may carry ?stap=<id>, which shows the route bar on the page they open.
        assert re.search(rf'href="{re.escape(page.removesuffix(".md"))}\.html(\?stap=[a-z0-9-]+)?#{re.escape(anchor)}"',
                         section.group(0)), step["id"]
        base, _, item = checklist.partition("#")
        assert re.search(rf'href="checklists/{re.escape(base)}(\?stap=[a-z0-9-]+)?{"#" + re.escape(item) if item else ""}"',
                         section.group(0)), step["id"]
    assert 'href="eerste-huurder.html"' in (site / "index.html").read_text(encoding="utf-8"), "not in the nav"
    assert "eerste-huurder.html#" in (site / "voor-trainers.html").read_text(encoding="utf-8")
