"""The escalation ladders as data: every path ends in an action, the conditional routes are there, the page shows
when, what, who and where next, and a mistake in content/escalatie.yml is named in Dutch with file and line."""

from __future__ import annotations

import re
import shutil

import markdown
import pytest

from scripts.content import load_content
from scripts.content.problems import ContentError
from scripts.pages import render
from tests.conftest import PROJECT

SOURCES = {"bron-a": {"id": "bron-a", "kort": "Bron <A>"}}
STEPS = [
    {"id": "melding", "ladder": "overlast", "titel": "Melding", "aanleiding": "Er komt een klacht.",
     "wat": "Leg de klacht vast.", "wie": "De wijkbeheerder.", "volgende": "bemiddeling",
     "verder_als": "Het probleem blijft.", "bronnen": ["bron-a"],
     "routes": [{"als": "Spelen psychische problemen mee?", "naar": "overleg"}]},
    {"id": "bemiddeling", "ladder": "overlast", "titel": "Buurt*bemiddeling*", "aanleiding": "Een burenruzie.",
     "wat": "Bemiddelaars praten.", "wie": "De bemiddelaar.", "volgende": "overleg",
     "verder_als": "Het lukt niet.", "bronnen": ["bron-a"]},
    {"id": "overleg", "ladder": "overlast", "titel": "Casusoverleg", "aanleiding": "Zorgen.",
     "wat": "Samen kijken.", "wie": "De driehoek.", "einde": "Geen stap naar de straat.", "bronnen": ["bron-a"]},
    {"id": "mist", "ladder": "huurachterstand", "titel": "Betaling mist", "aanleiding": "Geen huur.",
     "wat": "Bel.", "wie": "Incasso.", "einde": "Klaar.", "bronnen": ["bron-a"]},
]


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html"])


# The render function on its own ----------------------------------------------------------------------------------

def test_a_ladder_shows_each_step_with_anchor_when_what_who_and_next_step():
    html = _html(render.escalation_ladder(STEPS, "overlast", SOURCES, "overlast.md"))
    assert [m for m in re.findall(r'<h3 id="([^"]+)"', html)] == ["stap-melding", "stap-bemiddeling", "stap-overleg"]
    text = re.sub(r"<[^>]+>", "", html)
    assert "Wanneer: Er komt een klacht." in text and "Wie: De wijkbeheerder." in text
    assert 'href="#stap-bemiddeling"' in html and "Ga dan naar stap 2" in text
    assert "Daarna: Geen stap naar de straat." in text
    assert "Betaling mist" not in text, "a ladder shows only its own steps"


def test_a_conditional_route_sends_the_reader_straight_to_its_step():
    html = _html(render.escalation_ladder(STEPS, "overlast", SOURCES, "overlast.md"))
    text = re.sub(r"<[^>]+>", "", html)
    assert "Andere route: Spelen psychische problemen mee? Ga dan meteen naar stap 3, Casusoverleg." in text
    assert html.count('href="#stap-overleg"') == 2


def test_data_text_in_a_ladder_is_escaped_and_sources_link_to_the_sources_page():
    html = _html(render.escalation_ladder(STEPS, "overlast", SOURCES, "overlast.md"))
    assert "<em>" not in html and "Bron &lt;A&gt;" in html
    assert 'href="bronnen.md#bron-a"' in html


# The guide's own data -------------------------------------------------------------------------------------------

def _paths(steps: list[dict], start: str, seen: tuple = ()) -> list[tuple]:
    by_id = {s["id"]: s for s in steps}
    step = by_id[start]
    assert start not in seen, f"loop: {' -> '.join(seen + (start,))}"
    targets = ([step["volgende"]] if "volgende" in step else []) + [r["naar"] for r in step.get("routes", [])]
    if not targets:
        assert "einde" in step, f"dead end at {start}"
        return [seen + (start,)]
    return [p for t in targets for p in _paths(steps, t, seen + (start,))]


@pytest.mark.parametrize("ladder", ["overlast", "huurachterstand"])
def test_every_path_of_each_ladder_ends_in_an_action_without_a_loop(content, ladder):
    steps = [s for s in content.escalatie if s["ladder"] == ladder]
    paths = _paths(steps, steps[0]["id"])
    assert paths and all("einde" in {s["id"]: s for s in steps}[p[-1]] for p in paths)


def test_psychiatric_problems_or_substance_use_go_straight_to_a_case_conference(content):
    first = next(s for s in content.escalatie if s["ladder"] == "overlast")
    routes = {r["naar"]: r["als"] for r in first.get("routes", [])}
    case_conference = next(s for s in content.escalatie if s["ladder"] == "overlast" and "casusoverleg" in s["titel"].lower())
    assert case_conference["id"] in routes and "psychische" in routes[case_conference["id"]]
    mediation = next(s for s in content.escalatie if "buurtbemiddeling" in s["titel"].lower())
    direct = [p for p in _paths(content.escalatie, first["id"]) if p[1] == case_conference["id"]]
    assert direct and all(mediation["id"] not in p for p in direct), "the route skips neighbour mediation"


def test_the_crisis_route_is_reachable_from_the_first_step_and_the_arrears_ladder_holds_vroegsignalering(content):
    first = next(s for s in content.escalatie if s["ladder"] == "overlast")
    crisis = [s for s in content.escalatie if "112" in s["wat"]]
    assert crisis and crisis[0]["id"] in {r["naar"] for r in first["routes"]}
    assert any("vroegsignalering" in s["titel"].lower() for s in content.escalatie if s["ladder"] == "huurachterstand")


# Mistakes in content/escalatie.yml ---------------------------------------------------------------------------------

def _content_with(tmp_path, edit) -> str:
    target = tmp_path / "content"
    shutil.copytree(PROJECT / "content", target)
    path = target / "escalatie.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(target)
    return str(caught.value)


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize("name, edit, needle, phrase", [
    ("unknown-step", lambda t: t.replace("    volgende: gesprek", "    volgende: bestaat-niet", 1),
     "volgende: bestaat-niet", "onbekende stap 'bestaat-niet'"),
    ("other-ladder", lambda t: t.replace("    volgende: gesprek", "    volgende: betaling-mist", 1),
     "volgende: betaling-mist", "hoort bij de ladder 'huurachterstand'"),
    ("loop", lambda t: t.replace("    volgende: formele-stappen", "    volgende: signaal", 1),
     "- id: signaal", "kom je via 'volgende' en 'routes' weer bij die stap"),
    ("next-and-end", lambda t: t.replace("    volgende: gesprek\n", "    volgende: gesprek\n    einde: Klaar.\n", 1),
     "- id: signaal", "geef 'volgende' met 'verder_als'"),
    ("wrong-ladder-name", lambda t: t.replace("    ladder: overlast", "    ladder: overlast-en-zo", 1),
     "ladder: overlast-en-zo", "is geen geldige keuze"),
])
def test_a_mistake_in_the_ladder_is_named_in_dutch_with_file_and_line(tmp_path, name, edit, needle, phrase):
    edited = edit((PROJECT / "content" / "escalatie.yml").read_text(encoding="utf-8"))
    message = _content_with(tmp_path, edit)
    assert phrase in message, message
    assert f"content/escalatie.yml:{_line_of(edited, needle)}" in message, message
    assert "Traceback" not in message
