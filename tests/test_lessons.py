"""Lesson material checks that a schema cannot make, on a small fixture record (no MkDocs needed)."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.content import lesson_checks
from scripts.content.yaml_source import read

FIXTURE = Path(__file__).parent / "fixtures" / "lesmateriaal.yml"
ANCHORS = {"overlast.md": {"escalatieladder", "overlast-voorkomen"}, "kernprincipes.md": set()}


def fixture_lessons() -> list[dict]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["lesmateriaal"]


def dataset_of(tmp_path: Path, change=None):
    """The fixture as an editor's file (so problems have lines), after change(text) -> text."""
    text = FIXTURE.read_text(encoding="utf-8")
    path = tmp_path / "lesmateriaal.yml"
    path.write_text(change(text) if change else text, encoding="utf-8")
    dataset, problems = read(path, "content/lesmateriaal.yml", "lesmateriaal")
    assert not problems
    return dataset


def test_the_fixture_passes_every_check(tmp_path):
    dataset = dataset_of(tmp_path)
    assert lesson_checks.plan_problems(dataset) == []
    assert lesson_checks.quiz_problems(dataset) == []
    assert lesson_checks.section_problems(dataset, ANCHORS) == []


def test_a_half_day_that_does_not_add_up_is_named_with_its_line_and_total(tmp_path):
    dataset = dataset_of(tmp_path, lambda t: t.replace("{ onderdeel: pauze, minuten: 15", "{ onderdeel: pauze, minuten: 25"))
    [problem] = lesson_checks.plan_problems(dataset)
    assert problem.file == "content/lesmateriaal.yml" and problem.path == "lesmateriaal[0].sessieplan.dagdeel"
    assert "190" in problem.message and "180" in problem.message
    assert FIXTURE.read_text(encoding="utf-8").splitlines()[problem.line - 1].strip() == "dagdeel:"


def test_an_hour_that_does_not_add_up_is_named(tmp_path):
    dataset = dataset_of(tmp_path, lambda t: t.replace("minuten: 5, wat: Doelen.", "minuten: 10, wat: Doelen."))
    [problem] = lesson_checks.plan_problems(dataset)
    assert problem.path == "lesmateriaal[0].sessieplan.uur" and "65" in problem.message


def test_a_question_with_two_right_answers_or_none_is_refused(tmp_path):
    two = dataset_of(tmp_path, lambda t: t.replace("- tekst: De huur opzeggen.", "- tekst: De huur opzeggen.\n            juist: true"))
    [problem] = lesson_checks.quiz_problems(two)
    assert problem.path == "lesmateriaal[0].zelftoets[0].antwoorden" and "2" in problem.message
    none = dataset_of(tmp_path, lambda t: t.replace("          - tekst: Onjuist\n            juist: true", "          - tekst: Onjuist"))
    [problem] = lesson_checks.quiz_problems(none)
    assert problem.path == "lesmateriaal[0].zelftoets[1].antwoorden" and "geen" in problem.message


def test_a_true_false_question_must_offer_juist_and_onjuist(tmp_path):
    dataset = dataset_of(tmp_path, lambda t: t.replace("- tekst: Juist\n", "- tekst: Klopt\n"))
    [problem] = lesson_checks.quiz_problems(dataset)
    assert problem.path == "lesmateriaal[0].zelftoets[1].antwoorden" and "'Klopt'" in problem.message


def test_a_section_that_is_not_a_heading_or_not_a_page_is_named_with_its_record(tmp_path):
    dataset = dataset_of(tmp_path, lambda t: t.replace("sectie: overlast.md#escalatieladder\n          - punt",
                                                        "sectie: overlast.md#ladder\n          - punt")
                         .replace("wat: De casus lezen en bespreken., sectie: overlast.md#escalatieladder",
                                  "wat: De casus lezen en bespreken., sectie: bestaat-niet.md"))
    problems = lesson_checks.section_problems(dataset, ANCHORS)
    assert {p.path for p in problems} == {"lesmateriaal[0].vragen[0].antwoordpunten[0].sectie",
                                          "lesmateriaal[0].sessieplan.dagdeel[1].sectie"}
    by_path = {p.path: p for p in problems}
    assert "#ladder" in by_path["lesmateriaal[0].vragen[0].antwoordpunten[0].sectie"].message
    assert "bestaat-niet.md" in by_path["lesmateriaal[0].sessieplan.dagdeel[1].sectie"].message
    assert all(p.line > 1 for p in problems)


def test_every_kind_of_section_reference_is_checked():
    paths = {path[2] for path, _ in lesson_checks.section_references(fixture_lessons())}
    assert paths == {"sessieplan", "vragen", "dilemmas", "zelftoets"}


def test_the_fixture_is_valid_lesson_material_by_the_schema():
    from scripts.content import _validators

    validator = _validators(Path(__file__).parent.parent / "content" / "schema")["lesmateriaal"]
    assert [e.message for e in validator.iter_errors(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))] == []


def test_a_built_page_without_the_named_heading_is_reported_with_the_line_in_the_file():
    """The build checks against its already loaded lessons and reads the file again only for the lines of mistakes."""
    from lxml.html import fragment_fromstring

    def page(*ids):
        return fragment_fromstring("".join(f'<h2 id="{i}">Kop</h2>' for i in ids), create_parent="div")

    built = {"overlast.md": page("escalatieladder", "overlast-voorkomen"), "kernprincipes.md": page()}
    assert lesson_checks.built_section_problems(FIXTURE, fixture_lessons(), built) == []
    built["overlast.md"] = page("overlast-voorkomen")
    problems = lesson_checks.built_section_problems(FIXTURE, fixture_lessons(), built)
    assert problems and all("#escalatieladder" in p.message for p in problems)
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert all(p.file == "content/lesmateriaal.yml" and "overlast.md#escalatieladder" in lines[p.line - 1]
               for p in problems)
