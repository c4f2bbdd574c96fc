"""Checks on what an editor writes in docs/ and in the nav: text, front matter, links and anchors, with lines."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

import yaml

from scripts.content.editor_text import text_problem
from scripts.content.problems import Problem
from scripts.content.trust_checks import lease_condition_sentences

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)


def source_problems(src: str, raw: bytes) -> list[Problem]:
    """A page's file: UTF-8 text without invisible characters, and front matter that is valid YAML."""
    shown = f"docs/{src}"
    text, problem = text_problem(raw, shown)
    if problem:
        return [problem]
    front = _FRONT_MATTER.match(text)
    if front:
        try:
            yaml.load(front.group(1), Loader=yaml.CSafeLoader)  # as safe_load, in C: every page, every build
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            return [Problem(shown, mark.line + 2, "", (
                "de kop van de pagina tussen de twee regels --- (front matter) klopt niet; zet een tekst met een "
                "dubbele punt erin tussen aanhalingstekens"))]
    return rule_problems(shown, text)


_RULE_MACRO = re.compile(r"\{\{\s*voorwaarden_regel\s*\(\s*\)")  # the rule in full; kort=true is one line


def rule_problems(shown: str, text: str) -> list[Problem]:
    """The rule on conditions at most once on a page, and no paragraph that makes support a lease condition."""
    problems = []
    calls = [m.start() for m in _RULE_MACRO.finditer(text)]
    for start in calls[1:]:
        problems.append(Problem(shown, text.count("\n", 0, start) + 1, "", (
            "de regel over voorwaarden staat al eerder op deze pagina; link er hier naar met "
            "{{ voorwaarden_regel(kort=true) }} of [de regel over voorwaarden](kernprincipes.md#wat-je-wel-vraagt)")))
    line = 1
    for paragraph in re.split(r"(\n\s*\n)", text):
        for sentence in lease_condition_sentences(re.sub(r"\{\{.*?\}\}", "", paragraph)):
            problems.append(Problem(shown, line, "", (
                f"de zin '{sentence[:90]}' maakt begeleiding accepteren tot voorwaarde. Voor de woning gelden alleen "
                "de gewone huurplichten; schrijf dat begeleiding hoort bij meedoen (deelname) en nooit in het "
                "huurcontract staat")))
        line += paragraph.count("\n")
    return problems


def nav_problems(nav_paths: list[str], pages: set[str], config_text: str) -> list[Problem]:
    """Every page in the nav exists, and every page in docs/ is in the nav."""
    problems = [Problem("mkdocs.yml", _line_of(config_text, path), "", (
                    f"de navigatie (nav) noemt '{path}', maar die pagina staat niet in docs/; "
                    "kijk of de naam goed gespeld is of zet de pagina terug"))
                for path in nav_paths if path not in pages]
    listed = set(nav_paths)
    problems += [Problem(f"docs/{page}", 1, "", (
                     "deze pagina staat niet in de navigatie (nav in mkdocs.yml), dus lezers vinden haar niet; "
                     "zet haar in nav, of haal haar weg"))
                 for page in sorted(pages - listed)]
    return problems


def _targets(root) -> set[str]:
    """What a #fragment can point to on a page: every id, and the name of every anchor."""
    return set(root.xpath("//@id")) | set(root.xpath("//a/@name"))


def _links(root) -> list[str]:
    """Every address a page links to or loads, in document order."""
    return root.xpath("//@href | //@src")


def link_problems(pages: dict[str, tuple[str, str, str]], files: set[str], data_texts: dict[str, str]) -> list[Problem]:
    """Broken internal links and anchors. pages: {src: (url, source text, rendered HTML as a tree)}; files: every url
    of the site; data_texts: {file shown: text} of content/, to find the line of a link made from data."""
    ids = {url: _targets(tree) for url, _, tree in pages.values()}
    problems = []
    for src, (url, source, tree) in pages.items():
        for href in _links(tree):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
                continue
            if parts.path.startswith("/"):
                problems.append(_located(src, source, data_texts, href, (
                    f"de link '{href}' begint met /; link naar het Markdown-bestand, bijvoorbeeld [tekst](overlast.md)")))
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(url), unquote(parts.path))) if parts.path else url
            if target not in files:
                problems.append(_located(src, source, data_texts, href, (
                    f"de link '{_as_written(href)}' wijst naar een pagina of bestand dat niet bestaat; link naar een bestand in "
                    "docs/, bijvoorbeeld [tekst](overlast.md)")))
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target]:
                page = target.removesuffix(".html") + ".md"
                problems.append(_located(src, source, data_texts, href, (
                    f"de link '{_as_written(href)}' wijst naar het anker #{parts.fragment}, maar dat staat niet op "
                    f"{page}; kies een id die er wel staat (de {{ #id }} achter een kop)")))
    return problems


def _as_written(href: str) -> str:
    """A page link as the editor writes it, to the Markdown file."""
    return re.sub(r"\.html(?=#|$)", ".md", href)


def _located(src: str, source: str, data_texts: dict[str, str], href: str, message: str) -> Problem:
    """The problem at the line where the editor wrote the link: in the page, or else in the data it came from."""
    written = [href, _as_written(href)]
    fragment = urlsplit(href).fragment
    for needle in written + ([f"#{fragment}"] if fragment else []):
        line = _line_of(source, needle, default=0)
        if line:
            return Problem(f"docs/{src}", line, "", message)
    for shown, text in data_texts.items():
        for needle in written + [urlsplit(written[1]).path.rsplit("/", 1)[-1]]:
            line = _line_of(text, needle, default=0) if needle else 0
            if line:
                return Problem(shown, line, "", message + f" (de link komt uit {shown}, op docs/{src})")
    return Problem(f"docs/{src}", 1, "", message)


def _line_of(text: str, needle: str, default: int = 1) -> int:
    index = text.find(needle)
    return text[:index].count("\n") + 1 if index >= 0 else default
