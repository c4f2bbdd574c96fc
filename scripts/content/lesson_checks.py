"""Checks on lesson material that a schema cannot make: plans add up, one right answer, every section exists."""

from __future__ import annotations

from pathlib import Path

from lxml.html import HtmlElement

from scripts.content.problems import Problem
from scripts.content.yaml_source import Dataset, read

# A session plan's two lengths: a half day and a one-hour slot, in minutes.
PLAN_MINUTES = {"dagdeel": 180, "uur": 60}
PLAN_NAMES = {"dagdeel": "een dagdeel", "uur": "een uur"}
TRUE_FALSE = ("Juist", "Onjuist")


def plan_problems(dataset: Dataset) -> list[Problem]:
    """The blocks of a half day add up to 180 minutes, those of an hour to 60."""
    problems = []
    for i, lesson in enumerate(dataset.data["lesmateriaal"]):
        for length, minutes in PLAN_MINUTES.items():
            blocks = lesson.get("sessieplan", {}).get(length)
            if blocks is None:
                continue
            total = sum(block["minuten"] for block in blocks)
            if total != minutes:
                shown = " + ".join(str(block["minuten"]) for block in blocks)
                problems.append(dataset.problem(("lesmateriaal", i, "sessieplan", length), (
                    f"de blokken van {PLAN_NAMES[length]} duren samen {total} minuten ({shown}), niet {minutes}; "
                    f"maak een blok korter of langer tot het samen {minutes} is")))
    return problems


def quiz_problems(dataset: Dataset) -> list[Problem]:
    """Every self-test question has exactly one right answer; a true/false one has the answers Juist and Onjuist."""
    problems = []
    for i, lesson in enumerate(dataset.data["lesmateriaal"]):
        for q, question in enumerate(lesson.get("zelftoets", [])):
            path = ("lesmateriaal", i, "zelftoets", q)
            right = [a["tekst"] for a in question["antwoorden"] if a.get("juist")]
            if len(right) != 1:
                found = "geen" if not right else f"{len(right)} ({', '.join(right)})"
                problems.append(dataset.problem(path + ("antwoorden",), (
                    f"deze toetsvraag heeft {found} goede antwoorden; zet 'juist: true' bij precies één antwoord")))
            texts = [a["tekst"] for a in question["antwoorden"]]
            if question["soort"] == "juist-onjuist" and sorted(texts) != sorted(TRUE_FALSE):
                problems.append(dataset.problem(path + ("antwoorden",), (
                    f"een vraag van de soort juist-onjuist heeft precies de antwoorden 'Juist' en 'Onjuist', niet "
                    f"{', '.join(repr(t) for t in texts)}; of kies soort: meerkeuze")))
    return problems


def section_references(lessons: list[dict]) -> list[tuple[tuple, str]]:
    """(path, 'pagina.md#anker') of every 'sectie' in the lesson material: plans, answer points, dilemmas, self-test."""
    found = []
    for i, lesson in enumerate(lessons):
        base = ("lesmateriaal", i)
        for length in PLAN_MINUTES:
            for b, block in enumerate(lesson.get("sessieplan", {}).get(length, [])):
                if "sectie" in block:
                    found.append((base + ("sessieplan", length, b, "sectie"), block["sectie"]))
        for q, question in enumerate(lesson["vragen"]):
            for p, point in enumerate(question.get("antwoordpunten", [])):
                found.append((base + ("vragen", q, "antwoordpunten", p, "sectie"), point["sectie"]))
        for d, dilemma in enumerate(lesson.get("dilemmas", [])):
            for m, moment in enumerate(dilemma["momenten"]):
                found.append((base + ("dilemmas", d, "momenten", m, "sectie"), moment["sectie"]))
        for q, question in enumerate(lesson.get("zelftoets", [])):
            found.append((base + ("zelftoets", q, "sectie"), question["sectie"]))
    return found


def section_problems(dataset: Dataset, anchors: dict[str, set[str]]) -> list[Problem]:
    """Every 'sectie' names a page of the guide and a heading anchor on it. anchors: {page.md: heading ids}."""
    problems = []
    for path, section in section_references(dataset.data["lesmateriaal"]):
        page, _, anchor = section.partition("#")
        if page not in anchors:
            problems.append(dataset.problem(path, (
                f"de sectie '{section}' wijst naar de pagina '{page}', die niet bestaat; schrijf pagina.md#anker, "
                "bijvoorbeeld overlast.md#escalatieladder")))
        elif anchor and anchor not in anchors[page]:
            problems.append(dataset.problem(path, (
                f"de sectie '{section}' wijst naar het anker #{anchor}, maar {page} heeft geen kop met dat anker; "
                "kies een id die achter een kop staat ({ #id })")))
    return problems


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def built_section_problems(content_file: Path, lessons: list[dict], pages: dict[str, HtmlElement]) -> list[Problem]:
    """section_problems against the pages as the engine built them. lessons: the checked data of content_file;
    pages: {page.md: rendered HTML as a tree}."""
    anchors = {src: {h.get("id") for h in tree.iter(*_HEADINGS) if h.get("id")} for src, tree in pages.items()}
    shown = f"content/{content_file.name}"
    if not section_problems(Dataset("lesmateriaal", shown, {"lesmateriaal": lessons}, {(): 1}), anchors):
        return []
    # Only now the file again, for the line of each mistake: reading it with lines takes longer than the check.
    dataset, problems = read(content_file, shown, "lesmateriaal")
    if dataset is None or problems:
        return problems
    return section_problems(dataset, anchors)
