"""An editor's mistakes, through the real build command: one clear message each, and site/ survives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.build import copy_project
from tests.conftest import PROJECT, article_text, run_build

# (name, file to change, text to find, replacement, expected message with {line} for the changed line)
DATA_MISTAKES = [
    ("yaml-syntax", "content/corporaties.yml", "    naam: WonenBreburg\n", "    naam: [WonenBreburg\n",
     "content/corporaties.yml:{next}: de YAML klopt niet (while parsing a flow sequence did not find expected ',' "
     "or ']'); kijk op of vlak voor deze regel naar inspringen, dubbele punten, haakjes en aanhalingstekens"),
    ("missing-field", "content/checklists.yml",
     '            tekst: "Wijs bij de corporatie één vaste contactpersoon aan voor alle vragen over Housing First."\n',
     "",
     "content/checklists.yml:{prev} checklists[0].secties[0].punten[0]: het veld 'tekst' ontbreekt"),
    ("wrong-type", "content/bronnen.yml", '    datum: "2016"\n', "    datum: 2016\n",
     "content/bronnen.yml:{line} bronnen[4].datum: moet tekst zijn, maar is het getal 2016"),
    ("unknown-reference", "content/principes.yml", "      - hfnl-wat-we-doen\n", "      - bestaat-niet\n",
     "content/principes.yml:{line} principes[0].bronnen[0]: onbekende bron 'bestaat-niet'; voeg die toe aan "
     "content/bronnen.yml of kies een bestaande id"),
    ("duplicate-id", "content/corporaties.yml", "  - id: de-alliantie\n", "  - id: wonenbreburg\n",
     "content/corporaties.yml:{line} corporaties[1]: id 'wonenbreburg' komt twee keer voor (eerst op regel 9); "
     "elke id moet uniek zijn"),
    ("empty-list", "content/partners.yml", None, None,
     "content/partners.yml:{line} partners[0].taken: de lijst is leeg; er moet minstens één onderdeel in staan"),
    ("unknown-key", "content/corporaties.yml", "    naam: WonenBreburg\n",
     "    naam: WonenBreburg\n    items: Breda\n",
     "content/corporaties.yml:{next} corporaties[0]: onbekend veld 'items'; toegestaan zijn: id, naam, rol, "
     "praktijk, bronnen"),
    ("missing-file", "content/begrippen.yml", None, None, "content/begrippen.yml:1: bestand ontbreekt"),
    ("wrong-choice", "content/partners.yml", "    kring: driehoek\n", "    kring: drie-hoek\n",
     "content/partners.yml:{line} partners[0].kring: 'drie-hoek' is geen geldige keuze; kies uit: driehoek, netwerk"),
    ("bad-id", "content/corporaties.yml", "  - id: wonenbreburg\n", "  - id: Wonen Breburg\n",
     "content/corporaties.yml:{line} corporaties[0].id: 'Wonen Breburg' heeft niet de goede vorm; verwacht: kleine "
     "letters, cijfers en streepjes, bijvoorbeeld 'woning-toewijzen'"),
    ("key-twice", "content/corporaties.yml", "    naam: WonenBreburg\n",
     "    naam: WonenBreburg\n    naam: Breburg\n",
     "content/corporaties.yml:{next} corporaties[0]: het veld 'naam' staat twee keer in dit blok (ook op regel {line})"),
]

PAGE_MISTAKES = [
    ("undefined-variable", "docs/doelgroep.md", "{{ onbekende_variabele }}",
     "docs/doelgroep.md:{line}: onbekende naam 'onbekende_variabele'; kijk in SCHRIJFWIJZER.md hoe je macro's "
     "schrijft"),
    ("macro-raising", "docs/overlast.md", '{{ bron("bestaat-niet") }}',
     "docs/overlast.md:{line}: bron(): onbekende id 'bestaat-niet' in content/bronnen.yml; bekend zijn: "),
    ("macro-unknown-option", "docs/gemengd-wonen.md", '{{ praktijk(thema="gemengd-wonen", soort="tip") }}',
     "docs/gemengd-wonen.md:{line}: praktijk(thema='gemengd-wonen', soort='tip') vindt niets in content/praktijk.yml"),
    ("broken-link", "docs/vlaanderen.md", "[kapotte link](bestaat-niet.md)",
     "Doc file 'vlaanderen.md' contains a link 'bestaat-niet.md', but the target is not found among documentation files."),
]


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A site from an earlier good build; every failed build below must leave a copy of it intact."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project", PROJECT)
    result = run_build(project, project / "site", "--zonder-offline")
    assert result.returncode == 0, result.stderr
    return project / "site"


def _break(project: Path, name: str, file: str, find: str | None, replace: str | None) -> int:
    """Apply one mistake; return the 1-based line where it happened."""
    path = project / file
    if name == "missing-file":
        path.unlink()
        return 1
    text = path.read_text(encoding="utf-8")
    if name == "empty-list":
        start = text.index("    taken:\n")
        end = text.index("    bronnen:", start)
        path.write_text(text[:start] + "    taken: []\n" + text[end:], encoding="utf-8")
        return text[:start].count("\n") + 1
    assert find in text, f"{file} no longer contains the text this test changes: {find!r}"
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    return text[: text.index(find)].count("\n") + 1


def _previous_site(good_site: Path, project: Path) -> Path:
    site = project / "site"
    shutil.copytree(good_site, site)
    return site


@pytest.mark.parametrize("name, file, find, replace, expected", DATA_MISTAKES, ids=[m[0] for m in DATA_MISTAKES])
def test_data_mistake_is_reported_and_site_survives(project_copy, good_site, name, file, find, replace, expected):
    site = _previous_site(good_site, project_copy)
    before = (site / "index.html").read_bytes()
    line = _break(project_copy, name, file, find, replace)

    result = run_build(project_copy, site, "--zonder-offline")

    assert result.returncode != 0
    message = expected.format(line=line, next=line + 1, prev=line - 1)
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert "Bouwen mislukt" in result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not list(project_copy.glob(".site-*")), "the failed build left its temporary folder behind"


@pytest.mark.parametrize("name, file, insert, expected", PAGE_MISTAKES, ids=[m[0] for m in PAGE_MISTAKES])
def test_page_mistake_is_reported_and_site_survives(project_copy, good_site, name, file, insert, expected):
    site = _previous_site(good_site, project_copy)
    before = (site / "index.html").read_bytes()
    page = project_copy / file
    lines = page.read_text(encoding="utf-8").split("\n")
    position = next(i for i, text in enumerate(lines) if text.startswith("# ")) + 2
    lines.insert(position, f"Een zin met een fout: {insert}\n")
    page.write_text("\n".join(lines), encoding="utf-8")

    result = run_build(project_copy, site, "--zonder-offline")

    assert result.returncode != 0
    assert expected.format(line=position + 1) in result.stderr, result.stderr
    assert (site / "index.html").read_bytes() == before


def test_several_mistakes_are_all_reported_at_once(project_copy, good_site):
    site = _previous_site(good_site, project_copy)
    _break(project_copy, "missing-file", "content/begrippen.yml", None, None)
    _break(project_copy, "wrong-choice", "content/partners.yml", "    kring: driehoek\n", "    kring: drie-hoek\n")

    result = run_build(project_copy, site, "--zonder-offline")

    assert "De gegevens in content/ bevatten 2 fouten; er is niets gebouwd." in result.stderr
    assert "content/begrippen.yml:1: bestand ontbreekt" in result.stderr
    assert "partners[0].kring: 'drie-hoek' is geen geldige keuze" in result.stderr


def test_html_in_a_name_shows_as_text(project_copy, good_site):
    corporations = project_copy / "content/corporaties.yml"
    text = corporations.read_text(encoding="utf-8")
    corporations.write_text(text.replace("    naam: WonenBreburg\n",
                                         "    naam: \"<script>alert('x')</script>WonenBreburg\"\n", 1), encoding="utf-8")
    site = _previous_site(good_site, project_copy)

    result = run_build(project_copy, site, "--zonder-offline")

    assert result.returncode == 0, result.stderr
    html = (site / "referentiegroep.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;WonenBreburg" in html
    assert "<script>alert('x')</script>WonenBreburg" in article_text(site / "referentiegroep.html")
