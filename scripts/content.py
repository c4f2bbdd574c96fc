"""Load the guide's data from content/ once and check it: YAML, schema, ids and references."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from scripts import codeversion, lesson_checks
from scripts.cache import fingerprint
from scripts.problems import Problem, ContentError, describe_schema_error
from scripts.yaml_source import Dataset, format_path, parse, read

DATASETS = ("bronnen", "corporaties", "principes", "checklists", "praktijk", "partners", "begrippen", "route",
            "taken", "synoniemen", "lesmateriaal", "escalatie", "wijzigingen", "corporatiescan")


@dataclass(frozen=True)
class Content:
    """All datasets of the guide, checked; each is a list of records (plain dicts)."""

    bronnen: list
    corporaties: list
    principes: list
    checklists: list
    praktijk: list
    partners: list
    begrippen: list
    route: list
    taken: list
    synoniemen: list
    lesmateriaal: list
    escalatie: list
    wijzigingen: list
    corporatiescan: list

    def find(self, dataset: str, record_id: str) -> dict:
        """The record with this id in one dataset; an unknown id is an editor's mistake, named in Dutch."""
        records = getattr(self, dataset)
        for record in records:
            if record["id"] == record_id:
                return record
        raise UnknownRecord(f"onbekende id '{record_id}' in content/{dataset}.yml; bekend zijn: "
                            + ", ".join(r["id"] for r in records))


class UnknownRecord(LookupError):
    """A page or a route asks for an id that its dataset does not have."""


def load_content(content_dir: Path, shown_as: str = "content", checked_dir: Path | None = None) -> Content:
    """Read and check every dataset; raise ContentError listing every problem found.

    With checked_dir, a set of files that passed every check before is only read again: `mkdocs serve`
    rebuilds after each Markdown edit, and the checks cost more than the rest of loading.
    """
    content_dir = Path(content_dir)
    if checked_dir is not None:
        key = _checked_key(content_dir)
        if (Path(checked_dir) / key).is_file():
            return Content(**{name: parse(content_dir / f"{name}.yml")[name] for name in DATASETS})
        content = load_content(content_dir, shown_as)
        Path(checked_dir).mkdir(parents=True, exist_ok=True)
        (Path(checked_dir) / key).touch()
        return content
    problems: list[Problem] = []
    datasets: dict[str, Dataset] = {}
    validators = _validators(content_dir / "schema")

    expected = {f"{name}.yml" for name in DATASETS}
    for path in sorted(content_dir.glob("*.y*ml")):
        if path.name not in expected:
            problems.append(Problem(f"{shown_as}/{path.name}", 1, "", (
                "onbekend bestand; de handreiking leest alleen " + ", ".join(sorted(expected)))))

    for name in DATASETS:
        shown = f"{shown_as}/{name}.yml"
        path = content_dir / f"{name}.yml"
        if not path.is_file():
            problems.append(Problem(shown, 1, "", "bestand ontbreekt"))
            continue
        dataset, found = read(path, shown, name)
        problems += found
        if dataset is None:
            continue
        schema_problems = _schema_problems(dataset, validators[name])
        problems += schema_problems
        if not schema_problems:
            datasets[name] = dataset

    problems += _id_problems(datasets)
    problems += _reference_problems(datasets)
    problems += _chapter_problems(datasets, content_dir.parent / "docs")
    if "lesmateriaal" in datasets:
        lessons = datasets["lesmateriaal"]
        problems += lesson_checks.plan_problems(lessons) + lesson_checks.quiz_problems(lessons)
    problems += _printable_problems(datasets)
    problems += condition_problems(datasets)
    problems += practice_source_problems(datasets)
    problems += source_record_problems(datasets)
    if problems:
        raise ContentError(problems)
    return Content(**{name: datasets[name].data[name] for name in DATASETS})


def _checked_key(content_dir: Path) -> str:
    """Changes with any data file, schema, the chapters in docs/, or the code and library that check them."""
    inputs = sorted(content_dir.glob("*.y*ml")) + sorted((content_dir / "schema").glob("*.json"))
    docs_dir = content_dir.parent / "docs"
    # The check reads which chapters exist, not what they say: their names are enough.
    chapters = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")) if docs_dir.is_dir() else []
    return fingerprint([p.name for p in inputs], *inputs, chapters, codeversion.RUNNING, version("jsonschema"))


def _validators(schema_dir: Path) -> dict:
    """One validator per dataset; relative $refs between schema files resolve by file name."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.schema.json")}
    registry = Registry().with_resources(
        (file_name, Resource.from_contents(schema)) for file_name, schema in schemas.items()
    )
    return {
        name: Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry)
        for name in DATASETS
    }


def _schema_problems(dataset: Dataset, validator: Draft202012Validator) -> list[Problem]:
    problems = []
    for error in sorted(validator.iter_errors(dataset.data), key=lambda e: [str(p) for p in e.absolute_path]):
        for line_path, record_path, message in describe_schema_error(error):
            problems.append(Problem(dataset.file, _line(dataset, line_path), format_path(record_path), message))
    return sorted(set(problems), key=lambda p: (p.line, p.path, p.message))


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
    if "begrippen" in datasets:
        dataset = datasets["begrippen"]
        abbreviations = [(("begrippen", i, "afkorting"), b["afkorting"])
                         for i, b in enumerate(dataset.data["begrippen"]) if "afkorting" in b]
        problems += _unique(dataset, abbreviations, "afkorting")
    return problems


def _unique(dataset: Dataset, values: list, what: str) -> list[Problem]:
    first_line: dict = {}
    problems = []
    for path, value in values:
        line = _line(dataset, path)
        if value in first_line:
            problems.append(Problem(dataset.file, line, format_path(path[:-1]), (
                f"{what} '{value}' komt twee keer voor (eerst op regel {first_line[value]}); "
                "elke id moet uniek zijn")))
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
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"onbekende bron '{bron_id}'; voeg die toe aan content/bronnen.yml of kies een "
                    "bestaande id")))
    return (problems + _checklist_reference_problems(datasets) + _escalation_problems(datasets)
            + _checklist_item_problems(datasets) + _scan_problems(datasets))


def _chapter_problems(datasets: dict, docs_dir: Path) -> list[Problem]:
    """Lesson material belongs to a chapter that exists, one record per chapter."""
    if "lesmateriaal" not in datasets or not docs_dir.is_dir():
        return []
    dataset = datasets["lesmateriaal"]
    problems, seen = [], {}
    for i, record in enumerate(dataset.data["lesmateriaal"]):
        path = ("lesmateriaal", i, "hoofdstuk")
        line = _line(dataset, path)
        if not (docs_dir / record["hoofdstuk"]).is_file():
            problems.append(Problem(dataset.file, line, format_path(path), (
                f"het hoofdstuk '{record['hoofdstuk']}' staat niet in docs/; kies een bestaand hoofdstuk")))
        elif record["hoofdstuk"] in seen:
            problems.append(Problem(dataset.file, line, format_path(path), (
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
            problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                f"onbekende checklist '{checklist_id}'; kies uit: {', '.join(sections)}")))
        elif section_id and section_id not in sections[checklist_id]:
            problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
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
        problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), message))
    return problems


def _scan_problems(datasets: dict) -> list[Problem]:
    """The scan has each core principle once, and no statement twice (an answer is kept per statement text)."""
    if "corporatiescan" not in datasets or "principes" not in datasets:
        return []
    dataset = datasets["corporatiescan"]
    principles = [p["id"] for p in datasets["principes"].data["principes"]]
    records = dataset.data["corporatiescan"]
    problems = [Problem(dataset.file, _line(dataset, ("corporatiescan", i, "id")), format_path(("corporatiescan", i)), (
                    f"onbekend principe '{record['id']}'; kies een id uit content/principes.yml: {', '.join(principles)}"))
                for i, record in enumerate(records) if record["id"] not in principles]
    missing = [p for p in principles if p not in {r["id"] for r in records}]
    if missing:
        problems.append(Problem(dataset.file, _line(dataset, ("corporatiescan",)), "corporatiescan", (
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
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"onbekende stap '{target}'; kies uit: "
                    + ", ".join(s["id"] for s in steps if s["ladder"] == step["ladder"]))))
            elif ladder_of[target] != step["ladder"]:
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"de stap '{target}' hoort bij de ladder '{ladder_of[target]}', niet bij '{step['ladder']}'")))
            elif target == step["id"]:
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"de stap '{target}' wijst naar zichzelf; kies een volgende stap")))
            else:
                edges.setdefault(step["id"], []).append(target)
    for i, step in enumerate(steps):
        if _comes_back(step["id"], edges):
            problems.append(Problem(dataset.file, _line(dataset, ("escalatie", i, "id")), format_path(("escalatie", i)), (
                f"vanaf de stap '{step['id']}' kom je via 'volgende' en 'routes' weer bij die stap; "
                "een ladder moet altijd eindigen in een stap met 'einde'")))
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
            problems.append(Problem(dataset.file, _line(dataset, path), format_path(path[:-1]), (
                f"teken {shown} in '{path[-1]}' kan niet in de PDF; gebruik een gewone letter of een gewoon leesteken")))

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
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "bron":
                    yield path + (key,), value
                elif key == "bronnen":
                    yield from ((path + (key, j), bron_id) for j, bron_id in enumerate(value))
                else:
                    yield from walk(value, path + (key,))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, path + (index,))
    yield from walk(records, (name,))


def _line(dataset: Dataset, path: tuple) -> int:
    """The line of the nearest recorded ancestor of path."""
    path = tuple(path)
    while path not in dataset.lines:
        path = path[:-1]
    return dataset.lines[path]


# Trust: the rule on conditions, practice under a name, what a source record shows -----------------

# Accepting support, named as a condition. Allowed only when denied ("nooit een voorwaarde in het huurcontract")
# or when it is said of taking part in a programme, never of the home or the lease.
_SUPPORT = re.compile(r"begeleiding\s+(te\s+)?(accepte|aanvaard)|(accepte|aanvaard)\w*\s+(van\s+)?(de\s+)?begeleiding",
                      re.I)
_CONDITION = re.compile(r"voorwaarde|\beis(en)?\b|\bverplicht", re.I)
_DENIED = re.compile(r"\b(geen|nooit|niet)\b", re.I)
_PROGRAMME = re.compile(r"deelname|programma|\bproject|meedoen|begeleidingsovereenkomst", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
CONDITIONS_RECORD = ("begrippen", "voorwaarden")


def lease_condition_sentences(text: str) -> list[str]:
    """Sentences that make accepting support a condition without saying it is one of taking part, not of the home."""
    return [sentence for sentence in _SENTENCE.split(" ".join(text.split()))
            if _SUPPORT.search(sentence) and _CONDITION.search(sentence)
            and not _DENIED.search(sentence) and not _PROGRAMME.search(sentence)]


def condition_problems(datasets: dict) -> list[Problem]:
    """The rule on conditions is one record, and no text anywhere in content/ states support as a lease condition."""
    problems = []
    name, record_id = CONDITIONS_RECORD
    if name in datasets:
        records = datasets[name].data[name]
        rule = next((r for r in records if r["id"] == record_id), None)
        if rule is None:
            problems.append(Problem(datasets[name].file, 1, "", (
                f"het begrip '{record_id}' ontbreekt; daaruit komt de regel over voorwaarden op elke pagina")))
        elif "kort" not in rule:
            path = (name, records.index(rule))
            problems.append(Problem(datasets[name].file, _line(datasets[name], path), format_path(path), (
                "het veld 'kort' ontbreekt: de regel over voorwaarden in één zin, die andere pagina's tonen met "
                "een link naar de hele regel")))
    for name, dataset in datasets.items():
        for path, text in _strings(dataset.data[name], (name,)):
            for sentence in lease_condition_sentences(text):
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"de zin '{sentence[:90]}' maakt begeleiding accepteren tot voorwaarde. Voor de woning gelden "
                    "alleen de gewone huurplichten; schrijf dat begeleiding hoort bij meedoen (deelname) en nooit "
                    "in het huurcontract staat")))
    return problems


def practice_source_problems(datasets: dict) -> list[Problem]:
    """Practice under a named organisation cites only sources that are about that organisation ('over')."""
    if "bronnen" not in datasets:
        return []
    about = {b["id"]: [o.lower() for o in b.get("over", [])] for b in datasets["bronnen"].data["bronnen"]}
    problems = []
    if "corporaties" in datasets:
        dataset = datasets["corporaties"]
        for i, record in enumerate(dataset.data["corporaties"]):
            for j, bron_id in enumerate(record.get("bronnen", [])):
                names = {record["naam"].lower(), record["id"]}  # the id too: a name may carry markup or a typo fix
                if bron_id in about and not names & ({o for o in about[bron_id]} | {_slug(o) for o in about[bron_id]}):
                    path = ("corporaties", i, "bronnen", j)
                    problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                        f"'{record['naam']}' noemt de bron '{bron_id}', maar die bron gaat niet over "
                        f"{record['naam']} (zie 'over' in content/bronnen.yml). Schrijf bij een corporatie alleen "
                        "wat een bron over haar zegt; een algemeen principe hoort op een andere plek")))
    if "praktijk" in datasets:
        dataset = datasets["praktijk"]
        for i, record in enumerate(dataset.data["praktijk"]):
            bron_id = record["bron"]
            if "wie" in record and bron_id in about and not any(o in record["wie"].lower() for o in about[bron_id]):
                path = ("praktijk", i, "bron")
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"'{record['id']}' staat op naam van '{record['wie']}', maar de bron '{bron_id}' gaat niet over "
                    "een van hen (zie 'over' in content/bronnen.yml). Kies een bron over die organisatie, of "
                    "haal de naam weg")))
    return problems


def source_record_problems(datasets: dict) -> list[Problem]:
    """A source shows its checked address, or else who published it (and when); never 'niet bekend'."""
    if "bronnen" not in datasets:
        return []
    dataset = datasets["bronnen"]
    problems = []
    for i, bron in enumerate(dataset.data["bronnen"]):
        if bron["adres"] == "onbekend" and not ("uitgever" in bron or "auteurs" in bron):
            path = ("bronnen", i, "adres")
            problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                f"de bron '{bron['id']}' heeft geen adres en geen uitgever; zoek het adres van de pagina, of geef "
                "'uitgever' (of 'auteurs') en het jaar, zodat een lezer de bron kan vinden")))
        for field, value in bron.items():
            if field != "adres" and isinstance(value, str) and re.search(r"niet bekend|onbekend", value, re.I):
                path = ("bronnen", i, field)
                problems.append(Problem(dataset.file, _line(dataset, path), format_path(path), (
                    f"'{field}' van de bron '{bron['id']}' zegt dat iets niet bekend is; laat weg wat je niet weet "
                    "en noem de uitgever en het jaar")))
    return problems


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _strings(node, path):
    """(path, text) of every string in a dataset."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _strings(item, path + (index,))
