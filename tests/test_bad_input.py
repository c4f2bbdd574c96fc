"""An editor's mistakes: a Dutch message with file and line, no traceback, site/ unchanged.

A mistake in a page, the config or a template goes through the real `make build`. A mistake in content/ goes
through the check that `make check` runs, in the test's own process: the command adds only its log line, and
test_several_mistakes_are_all_reported_at_once runs it for real.

Each mistake finds its place by the structure of the files (the first corporation's name, the first checklist item),
never by today's wording, so editing the guide never breaks these tests. The table in SCHRIJFWIJZER.md lists them.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from scripts.content import check_project
from scripts.content.problems import EditorError
from tests.conftest import COPY_EPOCH, article_text, copy_with_shared_cache, run_build

# English that MkDocs, Jinja or Python would print instead of the guide's own message.
ENGLISH = ("Traceback", "Error reading page", "Aborted with", "is undefined", "not found among", "Config value",
           "while parsing", "unexpected", "Error:")


@dataclass(frozen=True)
class Mistake:
    """One kind of editor mistake: how to make it in a project copy, and the phrase the message must contain."""

    name: str
    make: Callable[[Path], tuple[str, int | None]]  # -> (file as the message shows it, line or None)
    phrase: str
    command: str = "build"  # "build" (make build) or "check" (make check)
    environment: tuple = ()


# Making mistakes --------------------------------------------------------------------------------

def _edit(project: Path, file: str, pattern: str, replace: Callable[[re.Match], str], line_offset: int = 0):
    """Change the first line matching pattern; return (file, its line + line_offset)."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    found = re.search(pattern, text, re.M)
    assert found, f"{file} has no line matching {pattern!r}"
    path.write_text(text[: found.start()] + replace(found) + text[found.end():], encoding="utf-8")
    return file, text[: found.start()].count("\n") + 1 + line_offset


def _set(pattern: str, new: str, file: str, offset: int = 0):
    return lambda project: _edit(project, file, pattern, lambda m: m.expand(new), offset)


def _write(file: str, text: str, line: int | None = 1, encoding: str = "utf-8"):
    def make(project: Path):
        (project / file).write_bytes(text.encode(encoding))
        return file, line
    return make


def _in_page(page: str, text: str, mistake_line: int = 0):
    """Insert text as its own paragraph two lines below the page's h1 (front matter counted in the line)."""
    def make(project: Path):
        path = project / page
        lines = path.read_text(encoding="utf-8").split("\n")
        position = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 2
        lines[position:position] = text.split("\n") + [""]
        path.write_text("\n".join(lines), encoding="utf-8")
        return page, position + 1 + mistake_line
    return make


def _latin1(file: str):
    def make(project: Path):
        path = project / file
        text = path.read_text(encoding="utf-8")
        first = next(i for i, char in enumerate(text) if ord(char) > 127 and char.encode("latin-1", "ignore"))
        path.write_bytes(text.encode("latin-1", errors="replace"))
        return file, text[:first].count("\n") + 1
    return make


def _remove(file: str):
    def make(project: Path):
        (project / file).unlink()
        return file, 1
    return make


def _page_outside_nav(project: Path):
    (project / "docs" / "nieuwe-pagina.md").write_text("# Nieuwe pagina\n\nEen korte tekst.\n", encoding="utf-8")
    return "docs/nieuwe-pagina.md", 1


def _alias_bomb(project: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{n}: &a{n} [{', '.join(f'*a{n - 1}' for _ in range(9))}]"
                                                      for n in range(1, 10)]
    (project / "content" / "begrippen.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "content/begrippen.yml", 1


DATA = "content/corporaties.yml"
MISTAKES = [
    # Data in content/ ----------------------------------------------------------------------------------------------
    Mistake("yaml-syntax", _set(r"^    naam: (.+)$", r"    naam: [\1", DATA, 1), "de YAML klopt niet", "check"),
    Mistake("yaml-tab", _set(r"^    naam: (.+)$", "\tnaam: \\1", DATA), "er staat een tab", "check"),
    Mistake("yaml-colon", _set(r"^    naam: (.+)$", r"    naam: \1: de corporatie", DATA), "dubbele punt", "check"),
    Mistake("missing-field", _set(r"^            tekst: .+\n", "", "content/checklists.yml", -1),
            "het veld 'tekst' ontbreekt", "check"),
    Mistake("wrong-type", _set(r'^    datum: "(\d{4})"$', r"    datum: \1", "content/bronnen.yml"), "moet tekst zijn",
            "check"),
    Mistake("unknown-source", _set(r"^      - (hfnl-[a-z-]+)$", "      - bestaat-niet", "content/principes.yml"),
            "onbekende bron 'bestaat-niet'", "check"),
    Mistake("duplicate-id", lambda p: _duplicate_second_id(p), "komt twee keer voor", "check"),
    Mistake("source-address-twice", lambda p: _second_source_at_first_address(p), "één bron per pagina", "check"),
    Mistake("empty-list", _set(r"^    taken:\n(      .+\n)+", "    taken: []\n", "content/partners.yml"),
            "de lijst is leeg", "check"),
    Mistake("unknown-field", _set(r"^    naam: (.+)$", r"    naam: \1\n    plaats: Breda", DATA, 1),
            "onbekend veld 'plaats'", "check"),
    Mistake("missing-file", _remove("content/begrippen.yml"), "bestand ontbreekt", "check"),
    Mistake("wrong-choice", _set(r"^    kring: \w+$", "    kring: drie-hoek", "content/partners.yml"),
            "is geen geldige keuze", "check"),
    Mistake("bad-id", _set(r"^  - id: (.+)$", "  - id: Nieuwe Corporatie", DATA), "heeft niet de goede vorm", "check"),
    Mistake("field-twice", _set(r"^    naam: (.+)$", r"    naam: \1\n    naam: \1", DATA, 1),
            "staat twee keer in dit blok", "check"),
    Mistake("latin-1", _latin1(DATA), "niet als UTF-8", "check"),
    Mistake("control-character", _set(r"^    naam: (.+)$", "    naam: \\1\x07", DATA), "onzichtbaar teken", "check"),
    Mistake("yaml-anchor", _set(r"^    naam: (.+)$", r"    naam: &eerste \1", DATA), "YAML-anker", "check"),
    Mistake("alias-bomb", _alias_bomb, "YAML-anker", "check"),
    Mistake("item-too-long", _set(r"^(            tekst: )(.+)$", "\\1" + "Een heel lange zin " * 260,
                                  "content/checklists.yml"), "hoogstens 250", "check"),
    Mistake("not-for-pdf", _set(r"^(            tekst: \")(.+)$", "\\1→ \\2", "content/checklists.yml"),
            "kan niet in de PDF", "check"),
    Mistake("unknown-file", _write("content/corporatie.yml", "corporaties: []\n"), "onbekend bestand", "check"),
    Mistake("route-unknown-checklist", _set(r"^    checklist: .+$", "    checklist: bestaat-niet", "content/route.yml"),
            "onbekende checklist 'bestaat-niet'", "check"),
    Mistake("ladder-unknown-step", _set(r"^    volgende: .+$", "    volgende: bestaat-niet", "content/escalatie.yml"),
            "onbekende stap 'bestaat-niet'", "check"),
    Mistake("scan-unknown-checklist-item", _set(r"^      - zelfscan-principes#.+$", "      - zelfscan-principes#bestaat-niet",
                                                "content/corporatiescan.yml"),
            "checklist 'zelfscan-principes' heeft geen punt 'bestaat-niet'", "check"),
    Mistake("do-with-remark", _set(r"^    soort: botst$", "    soort: do", "content/praktijk.yml", -1),
            "een aanrader (soort: do) heeft geen kanttekening", "check"),
    Mistake("source-without-title", lambda p: _strip_title(p), "geef 'titel'", "check"),
    Mistake("source-address", _set(r"^    adres: https://(.+)$", r"    adres: www.\1", "content/bronnen.yml"),
            "moet het webadres van de pagina zijn", "check"),
    Mistake("item-id-twice", lambda p: _duplicate_item_id(p), "punt-id", "check"),
    Mistake("support-as-lease-condition",
            _set(r"^(            tekst: \")(.+)$", "\\1Zet in het huurcontract de eis dat de huurder begeleiding accepteert.\"",
                 "content/checklists.yml"),
            "maakt begeleiding accepteren tot voorwaarde", "check"),
    Mistake("practice-source-not-about-it", lambda p: _cite_a_source_about_someone_else(p), "gaat niet over", "check"),
    Mistake("source-without-address-or-publisher", lambda p: _strip_publisher(p), "geen adres en geen uitgever",
            "check"),
    Mistake("rule-twice-on-a-page", _in_page("docs/doelgroep.md", "{{ voorwaarden_regel() }}\n\n{{ voorwaarden_regel() }}",
                                             2), "staat al eerder op deze pagina"),
    Mistake("data-through-build", _set(r"^    kring: \w+$", "    kring: drie-hoek", "content/partners.yml"),
            "is geen geldige keuze"),
    # Pages in docs/ -------------------------------------------------------------------------------------------------
    Mistake("undefined-name", _in_page("docs/doelgroep.md", "Een zin met {{ onbekende_naam }}."), "onbekende naam"),
    Mistake("unknown-id", _in_page("docs/overlast.md", 'Een zin {{ bron("bestaat-niet") }}.'), "onbekende id"),
    Mistake("macro-finds-nothing", _in_page("docs/gemengd-wonen.md", '{{ praktijk(thema="gemengd-wonen", soort="tip") }}'),
            "vindt niets"),
    Mistake("macro-without-argument", _in_page("docs/vlaanderen.md", "Een zin {{ bron() }}."),
            "is niet goed aangeroepen"),
    Mistake("macro-without-parentheses", _in_page("docs/referentiegroep.md", "{{ corporaties }}"), "zonder haakjes"),
    Mistake("template-syntax", _in_page("docs/doelgroep.md", 'Een zin {{ bron("hfnl-handreiking" }}.'), "klopt niet"),
    Mistake("unclosed-block", _in_page("docs/kernprincipes.md", "{% if true %}\n\nEen zin die blijft hangen."),
            "niet afgesloten"),
    Mistake("broken-link", _in_page("docs/vlaanderen.md", "Zie [deze pagina](bestaat-niet.md)."), "niet bestaat"),
    Mistake("broken-anchor", _in_page("docs/samenwerken.md", "Zie [de stappen](overlast.md#bestaat-niet)."),
            "#bestaat-niet"),
    Mistake("page-outside-nav", _page_outside_nav, "staat niet in de navigatie"),
    Mistake("page-latin-1", _latin1("docs/vlaanderen.md"), "niet als UTF-8"),
    Mistake("page-control-character", _in_page("docs/overlast.md", "Een zin met een \x0c teken."), "onzichtbaar teken"),
    Mistake("front-matter", _set(r"^description: (.+)$", r"description: Lees dit: \1", "docs/doelgroep.md"),
            "kop van de pagina"),
    # mkdocs.yml and the environment ---------------------------------------------------------------------------------
    Mistake("nav-to-nowhere", _set(r"^  - Bronnen: bronnen\.md$", "  - Bronnen: bronnenlijst.md", "mkdocs.yml"),
            "noemt 'bronnenlijst.md'"),
    Mistake("config-yaml", _set(r"^site_name: (.+)$", r"site_name: [\1", "mkdocs.yml", 1), "de YAML klopt niet"),
    Mistake("config-setting", _set(r"^theme:\n  name: material$", "theme:\n  name: materail", "mkdocs.yml"),
            "de instelling 'theme' klopt niet"),
    Mistake("checklists-section", lambda p: _rename_checklists_section(p), "geen sectie 'Checklists'"),
    Mistake("offline-plugin-missing", lambda p: _remove_offline_plugin(p), "de plugin 'offline' ontbreekt"),
    Mistake("site-url-empty", lambda p: ("SITE_URL", None), "SITE_URL is leeg", environment=(("SITE_URL", ""),)),
    Mistake("site-url-no-scheme", lambda p: ("SITE_URL", None), "SITE_URL is 'www.voorbeeld.nl'",
            environment=(("SITE_URL", "www.voorbeeld.nl"),)),
]


def _duplicate_second_id(project: Path):
    path = project / DATA
    text = path.read_text(encoding="utf-8")
    ids = list(re.finditer(r"^  - id: (.+)$", text, re.M))
    path.write_text(text[: ids[1].start()] + f"  - id: {ids[0].group(1)}" + text[ids[1].end():], encoding="utf-8")
    return DATA, text[: ids[1].start()].count("\n") + 1


def _second_source_at_first_address(project: Path):
    """A second record for a page that already has one: the reader would see the same source twice."""
    file = "content/bronnen.yml"
    path = project / file
    text = path.read_text(encoding="utf-8")
    addresses = list(re.finditer(r"^    adres: (https://.+)$", text, re.M))
    second = addresses[1]
    path.write_text(text[: second.start()] + f"    adres: {addresses[0].group(1)}" + text[second.end():],
                    encoding="utf-8")
    return file, text[: second.start()].count("\n") + 1


def _strip_title(project: Path):
    """The first source loses its title and its description: it no longer says what it is."""
    file = "content/bronnen.yml"
    path = project / file
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^  - id: .+\n(?:    .+\n)+", text, re.M)
    kept = re.sub(r"^    (titel|omschrijving): .+\n", "", first.group(0), flags=re.M)
    path.write_text(text[: first.start()] + kept + text[first.end():], encoding="utf-8")
    return file, text[: first.start()].count("\n") + 1


def _cite_a_source_about_someone_else(project: Path):
    """The first corporation's first source becomes one that is about another organisation only."""
    sources = (project / "content" / "bronnen.yml").read_text(encoding="utf-8")
    names = [n.strip().lower() for n in re.search(r"^    naam: (.+)$", (project / DATA).read_text(encoding="utf-8"),
                                                   re.M).group(1).split(",")]
    other = next(m.group(1) for m in re.finditer(r"^  - id: (.+)\n(?:    (?!over:).+\n)*    over: \[(.+)\]$", sources,
                                                 re.M)
                 if not any(n in m.group(2).lower() for n in names))
    return _edit(project, DATA, r"^      - [a-z0-9-]+$", lambda m: f"      - {other}")


def _strip_publisher(project: Path):
    """The first source without an address loses its publisher (and authors): nothing says where it is from."""
    file = "content/bronnen.yml"
    path = project / file
    text = path.read_text(encoding="utf-8")
    block = next(m for m in re.finditer(r"^  - id: .+\n(?:    .+\n|      .+\n)+", text, re.M)
                 if "    adres: onbekend\n" in m.group(0))
    kept = re.sub(r"^    (uitgever|auteurs): .+\n", "", block.group(0), flags=re.M)
    path.write_text(text[: block.start()] + kept + text[block.end():], encoding="utf-8")
    return file, (text[: block.start()] + kept[: kept.index("    adres: onbekend")]).count("\n") + 1


def _rename_checklists_section(project: Path):
    _edit(project, "mkdocs.yml", r"^  - Checklists:$", lambda m: "  - Lijsten:")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    return "mkdocs.yml", text[: text.index("\nnav:") + 1].count("\n") + 1


def _remove_offline_plugin(project: Path):
    _edit(project, "mkdocs.yml", r"^  - offline:\n      enabled: false\n", lambda m: "")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    return "mkdocs.yml", text[: text.index("\nplugins:") + 1].count("\n") + 1


def _duplicate_item_id(project: Path):
    file = "content/checklists.yml"
    path = project / file
    text = path.read_text(encoding="utf-8")
    items = list(re.finditer(r"^          - id: (.+)$", text, re.M))
    path.write_text(text[: items[1].start()] + f"          - id: {items[0].group(1)}" + text[items[1].end():],
                    encoding="utf-8")
    return file, text[: items[1].start()].count("\n") + 1


# The checks -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def good_site(tmp_path_factory, shared_cache) -> Path:
    """A site from an earlier good build; every failed build below must leave a copy of it intact."""
    project = copy_with_shared_cache(tmp_path_factory.mktemp("good") / "project", shared_cache)
    result = run_build(project, project / "site", "--zonder-offline")
    assert result.returncode == 0, result.stderr
    return project / "site"


def check_in_process(project: Path) -> tuple[int, str]:
    """What `make check` says about a project copy (exit code, message), without starting the command."""
    try:
        check_project(project)
    except EditorError as error:
        return 1, str(error)
    return 0, "content/ is in orde"


def run_check(project: Path) -> subprocess.CompletedProcess:
    """`python -m scripts check` in a project folder, as `make check` runs it."""
    return subprocess.run([sys.executable, "-m", "scripts", "check"], cwd=project, capture_output=True, text=True,
                          timeout=60, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": COPY_EPOCH})


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_every_mistake_gives_a_dutch_message_with_file_and_line(project_copy, good_site, mistake, monkeypatch):
    site = project_copy / "site"
    shutil.copytree(good_site, site)
    before = (site / "index.html").read_bytes()
    file, line = mistake.make(project_copy)
    for name, value in mistake.environment:
        monkeypatch.setenv(name, value)

    if mistake.command == "check":
        returncode, said = check_in_process(project_copy)
    else:
        result = run_build(project_copy, site, "--zonder-offline")
        returncode, said = result.returncode, result.stdout + result.stderr
    assert returncode != 0, said
    assert mistake.phrase in said, said
    assert (f"{file}:{line}" if line else file) in said, said
    assert not [english for english in ENGLISH if english in said], said
    assert (site / "index.html").read_bytes() == before
    assert not list(project_copy.glob(".site-*")), "the failed build left its temporary folder behind"


def test_at_least_thirty_five_kinds_of_mistake_are_covered():
    assert len({m.name for m in MISTAKES}) >= 35


def test_several_mistakes_are_all_reported_at_once(project_copy):
    _remove("content/begrippen.yml")(project_copy)
    _set(r"^    kring: \w+$", "    kring: drie-hoek", "content/partners.yml")(project_copy)
    said = run_check(project_copy).stderr
    assert "De gegevens in content/ bevatten 2 fouten" in said
    assert "content/begrippen.yml:1: bestand ontbreekt" in said and "is geen geldige keuze" in said


def test_a_byte_order_mark_is_accepted_in_data_and_pages(project_copy, tmp_path):
    for file in ("content/corporaties.yml", "docs/vlaanderen.md"):
        path = project_copy / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline")
    assert result.returncode == 0, result.stderr
    assert "\ufeff" not in (tmp_path / "site" / "vlaanderen.html").read_text(encoding="utf-8")


def test_html_in_a_name_shows_as_text(project_copy, tmp_path):
    _set(r"^    naam: (.+)$", "    naam: \"<script>alert('x')</script>\\1\"", DATA)(project_copy)
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "referentiegroep.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html
    assert "<script>alert('x')</script>" in article_text(tmp_path / "site" / "referentiegroep.html")


def test_a_busy_port_gets_a_dutch_hint_for_another_address(project_copy):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "scripts", "serve", "--adres", f"127.0.0.1:{port}"],
                                cwd=project_copy, capture_output=True, text=True, timeout=120,
                                env={"PYTHONPATH": str(project_copy), "PATH": "/usr/bin:/bin",
                                     "SOURCE_DATE_EPOCH": COPY_EPOCH})
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"Poort {port} is al in gebruik" in said and f"make serve ADDRESS=127.0.0.1:{port + 1}" in said, said
    assert "Traceback" not in said


@pytest.mark.parametrize("epoch", ["", "morgen"], ids=["geen git en geen datum", "datum geen getal"])
def test_a_folder_without_git_gets_the_route_to_a_version_date_not_todays_date(project_copy, tmp_path, epoch):
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline", epoch=epoch)
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH=" in said and "README" in said, said
    assert "Traceback" not in said
    assert not (tmp_path / "site").exists()
