"""mkdocs.yml's nav as the pipeline reads it (any engine): the checklist pages added, pages in reading order, groups."""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import yaml

from scripts.content.problems import EditorError, Problem


class _EnvLoader(yaml.CSafeLoader):
    """Reads mkdocs.yml's !ENV [NAME, default] the way MkDocs does. In C (libyaml): MkDocs has checked the file
    already; the pipeline reads it again for its own settings."""


def _env(loader, node):
    name, default = loader.construct_sequence(node)
    return os.environ.get(name, default)


_EnvLoader.add_constructor("!ENV", _env)


def line_of_key(config_text: str, name: str) -> int:
    """The line of mkdocs.yml where a setting is written (the last part of a dotted name, also as a list item), for
    a message that says where to look; 1 when it is not there."""
    key = name.split(".")[-1]
    found = re.search(rf"^[ \t]*-?[ \t]*{re.escape(key)}[ \t]*:", config_text, re.M)
    return config_text[: found.start()].count("\n") + 1 if found else 1


def read_mkdocs_yml(path: Path) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8-sig"), Loader=_EnvLoader)


def with_section_entries(nav: list, section: str, entries: list[dict], config_text: str) -> list:
    """A copy of the nav with entries appended to one of its sections; the section must be there."""
    nav = copy.deepcopy(nav)
    add_to_section(nav, section, entries, config_text)
    return nav


def add_to_section(nav: list, section: str, entries: list[dict], config_text: str) -> None:
    """Append entries to a section of the nav from mkdocs.yml; the section must be there."""
    for entry in nav:
        if isinstance(entry, dict) and section in entry:
            entry[section].extend(entries)
            return
    line = config_text[: max(0, config_text.find("\nnav:") + 1)].count("\n") + 1
    raise EditorError([Problem("mkdocs.yml", line, "", (
        f"de navigatie (nav) heeft geen sectie '{section}'; daar zet de handreiking de checklists. "
        f"Zet '- {section}:' terug in nav, met daaronder '- checklists/index.md'"))])


def nav_pages(nav: list) -> list[str]:
    """The Markdown pages of a nav, in reading order (sections opened, external links left out)."""
    pages = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            pages += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def nav_titles(nav: list) -> dict[str, str]:
    """The title the nav gives each page: {src: title}."""
    titles = {}
    for entry in nav:
        if isinstance(entry, dict):
            title, value = next(iter(entry.items()))
            if isinstance(value, list):
                titles.update(nav_titles(value))
            elif isinstance(value, str):
                titles[value] = title
    return titles


def nav_groups(nav: list) -> list[tuple[str, list[str]]]:
    """(title, pages) per top-level entry of the nav: a page on its own, or a section with its pages."""
    groups = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (entry, entry)
        pages = nav_pages(value) if isinstance(value, list) else [value] if str(value).endswith(".md") else []
        if pages:
            groups.append((title, pages))
    return groups


def redirect_maps(config: dict) -> dict[str, str]:
    """mkdocs-redirects' map of moved pages, old.md -> new.md, from mkdocs.yml's plugins."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "redirects" in plugin:
            return dict((plugin["redirects"] or {}).get("redirect_maps") or {})
    return {}
