"""Load the guide's data from content/ once and check it: YAML and schema here, the rest in the check modules."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from scripts import cache
from scripts.cache import code_version, fingerprint
from scripts.content import data_checks, lesson_checks, trust_checks
from scripts.content.problems import Problem, ContentError, describe_schema_error
from scripts.content.project_files import refuse_symlinks
from scripts.content.yaml_source import Dataset, read

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


def check_project(root: Path, checked_dir: Path | None = None) -> Content:
    """What `make check` checks, and every build first: no symbolic link in docs/ or content/, then content/."""
    refuse_symlinks(root)
    return load_content(Path(root) / "content", checked_dir=checked_dir)


def load_content(content_dir: Path, shown_as: str = "content", checked_dir: Path | None = None) -> Content:
    """Read and check every dataset; raise ContentError listing every problem found.

    With checked_dir, a set of files that passed every check before is not even read again: its data is kept there
    as JSON. `mkdocs serve` rebuilds after each Markdown edit, and checking and parsing YAML cost more than the rest
    of loading.
    """
    content_dir = Path(content_dir)
    if checked_dir is not None:
        key = _checked_key(content_dir)
        kept = cache.kept(checked_dir, key)
        if kept is not None:
            return Content(**json.loads(kept))
        content = load_content(content_dir, shown_as)
        data = dataclasses.asdict(content)
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) == data:  # JSON keeps YAML's text, numbers and lists; a number as a key it would not
            cache.keep(checked_dir, key, text.encode("utf-8"))
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

    problems += data_checks.problems(datasets, content_dir.parent / "docs")
    if "lesmateriaal" in datasets:
        lessons = datasets["lesmateriaal"]
        problems += lesson_checks.plan_problems(lessons) + lesson_checks.quiz_problems(lessons)
    problems += trust_checks.problems(datasets)
    if problems:
        raise ContentError(problems)
    return Content(**{name: datasets[name].data[name] for name in DATASETS})


def _checked_key(content_dir: Path) -> str:
    """Changes with any data file, schema, the chapters in docs/, or the code and library that check them."""
    inputs = sorted(content_dir.glob("*.y*ml")) + sorted((content_dir / "schema").glob("*.json"))
    docs_dir = content_dir.parent / "docs"
    # The check reads which chapters exist, not what they say: their names are enough.
    chapters = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")) if docs_dir.is_dir() else []
    return fingerprint([p.name for p in inputs], *inputs, chapters, code_version(__name__))


def _validators(schema_dir: Path) -> dict:
    """One validator per dataset; relative $refs between schema files resolve by file name."""
    # Imported here: a build whose content passed before never validates, and jsonschema takes 40 ms to load.
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.schema.json")}
    registry = Registry().with_resources(
        (file_name, Resource.from_contents(schema)) for file_name, schema in schemas.items()
    )
    return {
        name: Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry)
        for name in DATASETS
    }


def _schema_problems(dataset: Dataset, validator) -> list[Problem]:
    problems = []
    for error in sorted(validator.iter_errors(dataset.data), key=lambda e: [str(p) for p in e.absolute_path]):
        for line_path, record_path, message in describe_schema_error(error):
            problems.append(dataset.problem(line_path, message, record=record_path))
    return sorted(set(problems), key=lambda p: (p.line, p.path, p.message))


def _line(dataset: Dataset, path: tuple) -> int:
    """The line of the nearest recorded ancestor of path."""
    path = tuple(path)
    while path not in dataset.lines:
        path = path[:-1]
    return dataset.lines[path]
