"""Turn data mistakes into notes an editor can act on: file, line, record, what is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

_TYPES = {
    "string": "tekst",
    "array": "een lijst",
    "object": "een blok met velden",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja of nee (true of false)",
    "null": "leeg",
}


@dataclass(frozen=True)
class Problem:
    """One mistake in one place of a content file."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where} {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class EditorError(PluginError):
    """Mistakes an editor made, each with its file and line; MkDocs shows this message without a traceback."""

    where = "De pagina's in docs/ of mkdocs.yml bevatten"

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        heading = "1 fout" if count == 1 else f"{count} fouten"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{self.where} {heading}; er is niets gebouwd.\n{lines}")


class ContentError(EditorError):
    """The data in content/ has mistakes."""

    where = "De gegevens in content/ bevatten"


def describe_schema_error(error) -> list[tuple[tuple, tuple, str]]:
    """Dutch message(s) for one jsonschema error: (path of the line to show, record path, message)."""
    path = tuple(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if kind in ("oneOf", "anyOf", "not") and "foutmelding" in error.schema:
        # Combinations of rules explain themselves in the schema: jsonschema's own text is English.
        return [(path, path, error.schema["foutmelding"])]
    if kind == "required":
        field = re.match(r"'(.+)' is a required property", error.message)
        return [(path, path, f"het veld '{field.group(1) if field else error.message}' ontbreekt")]
    if kind == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        unknown = [key for key in instance if key not in error.schema.get("properties", {})]
        return [(path + (key,), path, f"onbekend veld '{key}'; toegestaan zijn: {allowed}") for key in unknown]
    if kind == "type":
        expected = error.validator_value
        expected = " of ".join(_TYPES.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        return [(path, path, f"moet {expected} zijn, maar is {_describe(instance)}")]
    if kind == "minItems":
        if not instance:
            return [(path, path, "de lijst is leeg; er moet minstens één onderdeel in staan")]
        return [(path, path, f"de lijst heeft {len(instance)} onderdelen; dat moeten er minstens {error.validator_value} zijn")]
    if kind == "maxItems":
        return [(path, path, f"de lijst heeft {len(instance)} onderdelen; dat mogen er hoogstens {error.validator_value} zijn")]
    if kind == "maxLength":
        return [(path, path, f"de tekst is {len(instance)} tekens lang; dat mogen er hoogstens {error.validator_value} "
                             "zijn. Maak er een kortere zin van, of verdeel hem over twee punten")]
    if kind in ("minLength", "pattern") and isinstance(instance, str) and not instance.strip():
        return [(path, path, "de tekst is leeg")]
    if kind == "pattern":
        hint = error.schema.get("description", f"het patroon {error.validator_value}")
        return [(path, path, f"'{instance}' heeft niet de goede vorm; verwacht: {hint}")]
    if kind == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return [(path, path, f"'{instance}' is geen geldige keuze; kies uit: {options}")]
    if kind == "uniqueItems":
        return [(path, path, "de lijst bevat een waarde die er twee keer in staat")]
    return [(path, path, error.message)]


def _describe(value) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f"de tekst '{value}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return type(value).__name__
