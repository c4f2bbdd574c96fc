"""When each page last changed: the newest commit that touched its Markdown or the data it shows, from one git log.

Computed here rather than with mkdocs-git-revision-date-localized-plugin: the pipeline feeds MkDocs and Zensical
alike (Zensical runs no MkDocs plugins), a page's date must follow the data files its macros render (the plugin
only sees the page's own file), and the plugin runs git once per page. Dates come from commits only, never from
the clock or a file's mtime, so a fresh clone builds the same dates on any day.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Mapping

from scripts.pages.markup import date_nl

_TRACKED = ("docs", "content")
_MACRO_CALL = re.compile(r"\{\{-?\s*([a-z_]+)\s*\(")
# Made pages (one per checklist) have no file in docs/: they show these data files.
CHECKLIST_PAGE_INPUTS = ("content/checklists.yml", "content/bronnen.yml", "content/begrippen.yml")
# Said on the page under its title; left out of search (it answers no question) and set apart by its class.
_LINE = ('<p class="handreiking-bijgewerkt" data-search-exclude>Bijgewerkt op '
         '<time datetime="{iso}">{label}</time></p>')


def history(root: Path) -> tuple[dict[str, date], set[str]] | None:
    """({file: date of the newest commit that changed it}, files changed but not committed) under docs/ and
    content/; None outside a git clone. One `git log` for the whole build."""
    try:
        log = _git(root, "log", "--full-history", "--no-renames", "--format=%x00%ct", "--name-only", "--", *_TRACKED)
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--no-renames", "--", *_TRACKED)
    except (OSError, subprocess.CalledProcessError):
        return None
    changed: dict[str, date] = {}
    for commit in log.split("\0")[1:]:
        stamp, *names = commit.strip().splitlines()
        day = datetime.fromtimestamp(int(stamp), tz=timezone.utc).date()
        for name in names:
            if name and (name not in changed or changed[name] < day):
                changed[name] = day
    return changed, {line[3:].strip('"') for line in status.splitlines() if len(line) > 3}


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def macros_used(markdown: str) -> set[str]:
    """The names of the macros a page calls: {{ bron("...") }} -> 'bron'."""
    return set(_MACRO_CALL.findall(markdown))


def page_inputs(src: str, markdown: str, reads: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The files a page is made of: its Markdown in docs/ and the data files of the macros it calls."""
    inputs = {f"docs/{src}"}
    for name in macros_used(markdown):
        inputs.update(f"content/{data}.yml" if not data.endswith("/") else data for data in reads.get(name, ()))
    return inputs


def page_date(inputs: Iterable[str], known: tuple[dict[str, date], set[str]] | None, version: date) -> date:
    """The newest commit of the page's files, never later than the guide's version date; the version date itself
    when one of them has uncommitted changes (or there is no git), as for the guide as a whole (scripts/version.py)."""
    if known is None:
        return version
    changed, uncommitted = known
    dates = []
    for name in inputs:
        matches = [n for n in (changed.keys() | uncommitted) if n == name or (name.endswith("/") and n.startswith(name))]
        if not matches or any(n in uncommitted for n in matches):
            return version  # not committed yet: it is as new as this version
        dates += [changed[n] for n in matches]
    return min(max(dates), version) if dates else version


def under_title(markdown: str, day: date) -> str:
    """The page's Markdown with 'Bijgewerkt op <date>' under its first heading (after any front matter)."""
    line = _LINE.format(iso=day.isoformat(), label=date_nl(day.isoformat()))
    start = 0
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        start = end + 5 if end != -1 else 0
    heading = re.compile(r"^# .*$", re.M).search(markdown, start)
    if heading is None:
        return markdown[:start] + line + "\n\n" + markdown[start:]
    return markdown[: heading.end()] + "\n\n" + line + "\n" + markdown[heading.end():]
