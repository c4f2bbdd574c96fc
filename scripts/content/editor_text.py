"""An editor's file as text: UTF-8 with or without a byte order mark, without invisible control characters."""

from __future__ import annotations

import re
import unicodedata

from scripts.content.problems import Problem

# Control characters, zero-width characters and odd line separators: invisible, and copied in from Word or PDFs.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029]")


def text_problem(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """The file as text: UTF-8 with or without a byte order mark, without control characters."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(shown, line, "", (
            "het bestand is niet als UTF-8 opgeslagen (op deze regel staat een teken dat geen UTF-8 is, bijvoorbeeld "
            "een é uit een ouder programma); sla het bestand op als UTF-8"))
    bad = _CONTROL.search(text)
    if bad:
        line = text[: bad.start()].count("\n") + 1
        name = unicodedata.name(bad.group(), "stuurteken")
        return "", Problem(shown, line, "", (
            f"een onzichtbaar teken (U+{ord(bad.group()):04X}, {name.lower()}) staat op deze regel, vaak meegekopieerd "
            "uit Word of een PDF; typ de regel opnieuw"))
    return text, None
