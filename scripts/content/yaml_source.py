"""Read an editor's YAML file: UTF-8 text, no stray control characters or aliases, Dutch syntax errors, lines per record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.content.editor_text import text_problem
from scripts.content.problems import Problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml when present: several times faster) that keeps dates as text, as typed."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# YAML's own explanations, in English, and what an editor should do instead.
_SYNTAX_HINTS = (
    ("mapping values are not allowed", "een dubbele punt midden in een tekst: zet de tekst tussen aanhalingstekens"),
    ("flow sequence", "een [ of ] mist of staat te veel"),
    ("flow mapping", "een { of } mist of staat te veel"),
    ("could not find expected ':'", "een regel mist de dubbele punt na de naam van het veld"),
    ("found unexpected end of stream", "een aanhalingsteken is niet gesloten"),
    ("found unknown escape character", "een \\ in een tekst tussen dubbele aanhalingstekens; gebruik enkele"),
    ("expected <block end>", "de regel springt niet even ver in als de regels erboven"),
    ("did not find expected key", "de regel springt niet even ver in als de regels erboven"),
    ("did not find expected '-' indicator", "een punt van de lijst springt anders in dan de andere"),
)


@dataclass
class Dataset:
    """One parsed file: its data and the line of every record and field."""

    name: str
    file: str
    data: object
    lines: dict

    def line(self, path: tuple) -> int:
        """The line of the nearest recorded ancestor of path."""
        path = tuple(path)
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path]

    def problem(self, path: tuple, message: str, record: tuple | None = None) -> Problem:
        """A problem at path's line, named by record (by path itself when not given)."""
        return Problem(self.file, self.line(path), format_path(path if record is None else record), message)


def read(path: Path, shown: str, name: str) -> tuple[Dataset | None, list[Problem]]:
    """Parse one YAML file into data plus a map from record path to line number, or say what is wrong."""
    text, problem = text_problem(path.read_bytes(), shown)
    if problem:
        return None, [problem]
    problem = _alias_problem(text, shown)
    if problem:
        return None, [problem]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return None, [Problem(shown, mark.line + 1, "", syntax_message(error, text.split("\n")[mark.line]))]
    finally:
        loader.dispose()
    lines: dict = {(): 1}
    duplicates: list[Problem] = []
    if node is not None:
        _map_lines(node, (), lines, duplicates, shown)
    return Dataset(name, shown, data, lines), duplicates


def _alias_problem(text: str, shown: str) -> Problem | None:
    """Anchors (&) and aliases (*) are refused: editors do not need them, and nested ones explode in size."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return Problem(shown, token.start_mark.line + 1, "", (
                    "een & of * aan het begin van een waarde maakt een YAML-anker of -verwijzing; die gebruikt de "
                    "handreiking niet. Schrijf de tekst voluit, of zet hem tussen aanhalingstekens"))
    except yaml.MarkedYAMLError:
        return None  # the parser reports the syntax error itself
    return None


def syntax_message(error: yaml.MarkedYAMLError, line: str = "") -> str:
    """YAML's complaint in Dutch, with what to do; the line itself tells a tab apart from other trouble."""
    english = " ".join(part for part in (error.context, error.problem) if part)
    hint = "er staat een tab; spring in met spaties" if "\t" in line else next(
        (dutch for pattern, dutch in _SYNTAX_HINTS if pattern in english), None)
    general = "kijk op of vlak voor deze regel naar inspringen, dubbele punten, haakjes en aanhalingstekens"
    return f"de YAML klopt niet: {hint}; {general}" if hint else f"de YAML klopt niet; {general}"


def _map_lines(node, path: tuple, lines: dict, duplicates: list, shown: str) -> None:
    """Record the line of every record and field; report keys written twice in one block."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                duplicates.append(Problem(shown, key_node.start_mark.line + 1, format_path(path), (
                    f"het veld '{key}' staat twee keer in dit blok (ook op regel {seen[key]})")))
            seen[key] = key_node.start_mark.line + 1
            lines[path + (key,)] = key_node.start_mark.line + 1
            _map_lines(value_node, path + (key,), lines, duplicates, shown)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _map_lines(item, path + (index,), lines, duplicates, shown)


def leaves(node, path: tuple):
    """(path, value) of every value in nested data that is not itself a dict or a list."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from leaves(item, path + (index,))
    else:
        yield path, node


def format_path(path) -> str:
    """('checklists', 2, 'secties', 0) -> 'checklists[2].secties[0]'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
