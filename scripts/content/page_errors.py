"""Dutch messages, with file and line, for mistakes in a page's macros and template code (through mkdocs-macros)."""

from __future__ import annotations

import re
import traceback

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs_macros.errors import format_error

from scripts.pages.macros import MacroError

_HINT = "kijk in SCHRIJFWIJZER.md hoe je macro's schrijft"


class PageError(PluginError):
    """A page in docs/ has a mistake in its macro or template code; MkDocs shows this without a traceback."""


@format_error.register(Exception)
@format_error.register(TemplateSyntaxError)  # mkdocs-macros has its own for this one; the guide's must win
def _refuse(error: Exception, markdown: str, page) -> str:
    """mkdocs-macros asks how to show an error in the page; never in the page: stop the build with a note."""
    source = page.file.content_string
    offset = _front_matter_lines(source, markdown)
    line = _line(error, markdown)
    raise PageError(f"docs/{page.file.src_path}:{line + offset if line else '?'}: {describe(error)}") from None


def describe(error: Exception) -> str:
    """What is wrong, for an editor: no Python or Jinja terms where a plain word will do."""
    if isinstance(error, MacroError):
        return str(error)
    if isinstance(error, UndefinedError):
        name = re.search(r"'([^']+)' is undefined", str(error))
        shown = f"'{name.group(1)}'" if name else "in de macro-code"
        return f"onbekende naam {shown}; {_HINT}, of zet er haakjes achter als het een macro is"
    if isinstance(error, TemplateSyntaxError):
        return _syntax(error.message or "")
    return f"een macro liep vast ({type(error).__name__}: {error}); {_HINT}"


def _syntax(message: str) -> str:
    block = re.search(r"looking for the following tags: '(\w+)'", message)
    if block:
        return f"een blok is niet afgesloten: zet {{% {block.group(1)} %}} aan het eind van het blok"
    tag = re.search(r"unknown tag '(\w+)'", message)
    if tag:
        return f"onbekende opdracht '{{% {tag.group(1)} %}}'; {_HINT}"
    return ("de code tussen {{ en }} of {% en %} klopt niet: kijk of elk haakje en elk aanhalingsteken "
            f"gesloten is; {_HINT}")


def _line(error: Exception, markdown: str) -> int | None:
    """The line in the rendered Markdown where Jinja stopped; for an unclosed block, where the block opened."""
    if isinstance(error, TemplateSyntaxError):
        block = re.search(r"innermost block that needs to be closed is '(\w+)'", error.message or "")
        if block:
            openings = [n for n, text in enumerate(markdown.splitlines(), start=1)
                        if re.search(r"\{%-?\s*" + block.group(1) + r"\b", text)]
            if openings:
                return openings[-1]
        return error.lineno
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    return lines[-1] if lines else None


def _front_matter_lines(source: str, markdown: str) -> int:
    """MkDocs gives mkdocs-macros the page without its front matter: count the lines it took off."""
    body = markdown.lstrip("\n")
    start = source.find(body[:200]) if body else -1
    return source[:start].count("\n") - (len(markdown) - len(body)) if start > 0 else 0
