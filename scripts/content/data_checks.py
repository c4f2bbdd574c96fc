"""Checks across records: unique ids, references between datasets, ladders and the scan, text the PDF can print."""

from __future__ import annotations

from pathlib import Path

from scripts.content.problems import Problem
from scripts.content.yaml_source import Dataset, leaves


def problems(datasets: dict, docs_dir: Path) -> list[Problem]:
    """Every cross-record problem in the parsed datasets ({name: Dataset}); docs_dir holds the chapters."""
    return (_id_problems(datasets) + _reference_problems(datasets) + _checklist_reference_problems(datasets)
            + _escalation_problems(datasets) + _checklist_item_problems(datasets) + _scan_problems(datasets)
            + _chapter_problems(datasets, docs_dir) + _printable_problems(datasets))


def _id_problems(datasets: dict) -> list[Problem]:
    """Ids must be unique per dataset, item ids unique per checklist, abbreviations unique."""
    problems = []
    for name, dataset in datasets.items():
        records = dataset.data[name]
        problems += _unique(dataset, [((name, i, "id"), r["id"]) for i, r in enumerate(records)], "id")
    if "checklists" in datasets:
        dataset = datasets["checklists"]
        for c, checklist in enumerate(dataset.data["checklists"]):
            sections = [(("checklists", c, "secties", s, "id"), section["id"])
                        for s, section in enumerate(checklist["secties"])]
            problems += _unique(dataset, sections, "sectie-id")
            points = [(("checklists", c, "secties", s, "punten", p, "id"), point["id"])
                      for s, section in enumerate(checklist["secties"])
                      for p, point in enumerate(section["punten"])]
            problems += _unique(dataset, points, "punt-id")
    if "bronnen" in datasets:
        # One page, one source: two records for the same address show the reader the same source twice.
        dataset = datasets["bronnen"]
        addresses = [(("bronnen", i, "adres"), b["adres"].rstrip("/"))
                     for i, b in enumerate(dataset.data["bronnen"]) if b.get("adres", "onbekend") != "onbekend"]
        problems += _unique(dataset, addresses, "adres", "geef één bron per pagina; verwijs met die id")
    if "begrippen" in datasets:
        dataset = datasets["begrippen"]
        abbreviations = [(("begrippen", i, "afkorting"), b["afkorting"])
                         for i, b in enumerate(dataset.data["begrippen"]) if "afkorting" in b]
        problems += _unique(dataset, abbreviations, "afkorting")
    return problems


def _unique(dataset: Dataset, values: list, what: str, advice: str = "elke id moet uniek zijn") -> list[Problem]:
    first_line: dict = {}
    problems = []
    for path, value in values:
        line = dataset.line(path)
        if value in first_line:
            problems.append(dataset.problem(path, (
                f"{what} '{value}' komt twee keer voor (eerst op regel {first_line[value]}); {advice}"),
                record=path[:-1]))
        else:
            first_line[value] = line
    return problems


def _reference_problems(datasets: dict) -> list[Problem]:
    """Every source id used by another dataset must exist in bronnen.yml."""
    if "bronnen" not in datasets:
        return []
    known = {b["id"] for b in datasets["bronnen"].data["bronnen"]}
    problems = []
    for name, dataset in datasets.items():
        for path, bron_id in _source_references(name, dataset.data[name]):
            if bron_id not in known:
                problems.append(dataset.problem(path, (
                    f"onbekende bron '{bron_id}'; voeg die toe aan content/bronnen.yml of kies een "
                    "bestaande id")))
    return problems


def _chapter_problems(datasets: dict, docs_dir: Path) -> list[Problem]:
    """Lesson material belongs to a chapter that exists, one record per chapter."""
    if "lesmateriaal" not in datasets or not docs_dir.is_dir():
        return []
    dataset = datasets["lesmateriaal"]
    problems, seen = [], {}
    for i, record in enumerate(dataset.data["lesmateriaal"]):
        path = ("lesmateriaal", i, "hoofdstuk")
        line = dataset.line(path)
        if not (docs_dir / record["hoofdstuk"]).is_file():
            problems.append(dataset.problem(path, (
                f"het hoofdstuk '{record['hoofdstuk']}' staat niet in docs/; kies een bestaand hoofdstuk")))
        elif record["hoofdstuk"] in seen:
            problems.append(dataset.problem(path, (
                f"'{record['hoofdstuk']}' heeft al lesmateriaal (regel {seen[record['hoofdstuk']]}); zet alles in één blok")))
        seen.setdefault(record["hoofdstuk"], line)
    return problems


def _checklist_reference_problems(datasets: dict) -> list[Problem]:
    """Every route step must point at a checklist (and section) that exists."""
    if "route" not in datasets or "checklists" not in datasets:
        return []
    sections = {c["id"]: {s["id"] for s in c["secties"]} for c in datasets["checklists"].data["checklists"]}
    dataset = datasets["route"]
    problems = []
    for i, step in enumerate(dataset.data["route"]):
        checklist_id, _, section_id = step["checklist"].partition("#")
        path = ("route", i, "checklist")
        if checklist_id not in sections:
            problems.append(dataset.problem(path, (
                f"onbekende checklist '{checklist_id}'; kies uit: {', '.join(sections)}")))
        elif section_id and section_id not in sections[checklist_id]:
            problems.append(dataset.problem(path, (
                f"checklist '{checklist_id}' heeft geen sectie '{section_id}'; kies uit: "
                f"{', '.join(sorted(sections[checklist_id]))}")))
    return problems


def _checklist_item_problems(datasets: dict) -> list[Problem]:
    """Every 'checklist-id#punt-id' of a ladder step or a scan principle names an item that exists."""
    if "checklists" not in datasets:
        return []
    items = {c["id"]: [p["id"] for s in c["secties"] for p in s["punten"]] for c in datasets["checklists"].data["checklists"]}
    references = []
    if "escalatie" in datasets:
        references += [(datasets["escalatie"], ("escalatie", i, "checklistpunt"), step["checklistpunt"])
                       for i, step in enumerate(datasets["escalatie"].data["escalatie"])]
    if "corporatiescan" in datasets:
        references += [(datasets["corporatiescan"], ("corporatiescan", i, "checklistpunten", j), item)
                       for i, record in enumerate(datasets["corporatiescan"].data["corporatiescan"])
                       for j, item in enumerate(record["checklistpunten"])]
    problems = []
    for dataset, path, reference in references:
        checklist_id, _, item_id = reference.partition("#")
        if checklist_id not in items:
            message = f"onbekende checklist '{checklist_id}'; kies uit: {', '.join(items)}"
        elif item_id not in items[checklist_id]:
            message = (f"checklist '{checklist_id}' heeft geen punt '{item_id}'; kies uit: "
                       + ", ".join(items[checklist_id]))
        else:
            continue
        problems.append(dataset.problem(path, message))
    return problems


def _scan_problems(datasets: dict) -> list[Problem]:
    """The scan has each core principle once, and no statement twice (an answer is kept per statement text)."""
    if "corporatiescan" not in datasets or "principes" not in datasets:
        return []
    dataset = datasets["corporatiescan"]
    principles = [p["id"] for p in datasets["principes"].data["principes"]]
    records = dataset.data["corporatiescan"]
    problems = [dataset.problem(("corporatiescan", i, "id"), (
                    f"onbekend principe '{record['id']}'; kies een id uit content/principes.yml: {', '.join(principles)}"), record=("corporatiescan", i))
                for i, record in enumerate(records) if record["id"] not in principles]
    missing = [p for p in principles if p not in {r["id"] for r in records}]
    if missing:
        problems.append(dataset.problem(("corporatiescan",), (
            f"het principe '{missing[0]}' heeft geen stellingen; elk principe uit content/principes.yml staat in de scan")))
    texts = [(("corporatiescan", i, "stellingen", j, "tekst"), " ".join(s["tekst"].split()))
             for i, record in enumerate(records) for j, s in enumerate(record["stellingen"])]
    return problems + _unique(dataset, texts, "de stelling")


def _escalation_problems(datasets: dict) -> list[Problem]:
    """Every next step and route of a ladder exists on the same ladder, and no path comes back to a step."""
    if "escalatie" not in datasets:
        return []
    dataset = datasets["escalatie"]
    steps = dataset.data["escalatie"]
    ladder_of = {step["id"]: step["ladder"] for step in steps}
    problems = []
    edges: dict[str, list[str]] = {}
    for i, step in enumerate(steps):
        targets = [(("escalatie", i, "volgende"), step["volgende"])] if "volgende" in step else []
        targets += [(("escalatie", i, "routes", r, "naar"), route["naar"]) for r, route in enumerate(step.get("routes", []))]
        for path, target in targets:
            if target not in ladder_of:
                problems.append(dataset.problem(path, (
                    f"onbekende stap '{target}'; kies uit: "
                    + ", ".join(s["id"] for s in steps if s["ladder"] == step["ladder"]))))
            elif ladder_of[target] != step["ladder"]:
                problems.append(dataset.problem(path, (
                    f"de stap '{target}' hoort bij de ladder '{ladder_of[target]}', niet bij '{step['ladder']}'")))
            elif target == step["id"]:
                problems.append(dataset.problem(path, (
                    f"de stap '{target}' wijst naar zichzelf; kies een volgende stap")))
            else:
                edges.setdefault(step["id"], []).append(target)
    for i, step in enumerate(steps):
        if _comes_back(step["id"], edges):
            problems.append(dataset.problem(("escalatie", i, "id"), (
                f"vanaf de stap '{step['id']}' kom je via 'volgende' en 'routes' weer bij die stap; "
                "een ladder moet altijd eindigen in een stap met 'einde'"), record=("escalatie", i)))
    return problems


def _comes_back(start: str, edges: dict[str, list[str]]) -> bool:
    """Whether some path from start leads back to start."""
    seen, todo = set(), list(edges.get(start, []))
    while todo:
        step = todo.pop()
        if step == start:
            return True
        if step not in seen:
            seen.add(step)
            todo += edges.get(step, [])
    return False


def _printable_problems(datasets: dict) -> list[Problem]:
    """Checklist text must fit the PDF's standard fonts (Windows-1252: all Dutch letters, quotes, dashes)."""
    if "checklists" not in datasets:
        return []
    dataset = datasets["checklists"]
    problems = []

    def check(path: tuple, text: str):
        bad = sorted({char for char in text if not _printable(char)})
        if bad:
            shown = " ".join(f"'{char}' (U+{ord(char):04X})" for char in bad)
            problems.append(dataset.problem(path, (
                f"teken {shown} in '{path[-1]}' kan niet in de PDF; gebruik een gewone letter of een gewoon leesteken"), record=path[:-1]))

    for c, checklist in enumerate(dataset.data["checklists"]):
        for field in ("titel", "doel", "voor_wie", "moment"):
            check(("checklists", c, field), checklist[field])
        for s, section in enumerate(checklist["secties"]):
            check(("checklists", c, "secties", s, "titel"), section["titel"])
            for p, point in enumerate(section["punten"]):
                check(("checklists", c, "secties", s, "punten", p, "tekst"), point["tekst"])
    return problems


def _printable(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _source_references(name: str, records: list):
    """(path, source id) of every 'bron' and 'bronnen' field, also inside blocks such as a case."""
    return [(path, value) for path, value in leaves(records, (name,))
            if path[-1] == "bron" or (len(path) > 1 and path[-2] == "bronnen")]
