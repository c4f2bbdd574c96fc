"""The projects the benchmark builds: bare Material on the same Markdown, the guide grown by a factor."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import event_priority

EXPAND_ENV = "HANDREIKING_BENCH_UITGESCHREVEN"


def write_bare_config(project: Path, docs: str = "docs", name: str = "mkdocs.bare.yml") -> Path:
    """The same docs/ and Markdown extensions with Material and search only: no macros, hooks or checks."""
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)
    bare = {
        "site_name": ours["site_name"],
        "docs_dir": docs,
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [{"search": {"lang": "nl"}}],
        "markdown_extensions": ours["markdown_extensions"],
        "validation": {"links": {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore"},
                       "nav": {"omitted_files": "ignore"}},
    }
    path = project / name
    path.write_text(yaml.safe_dump(bare, allow_unicode=True), encoding="utf-8")
    return path


class _IgnoreTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tags as plain values."""


_IgnoreTagsLoader.add_constructor("!ENV", lambda loader, node: None)


def scale_project(project: Path, factor: int) -> dict:
    """Multiply corporations, practice records, checklists (with more items) and chapters by factor."""
    content = project / "content"

    # A copied corporation keeps its name: its sources are about that name ('over' in bronnen.yml, checked).
    def grow(name: str, key: str, change=None, renamed=("naam", "titel")):
        path = content / f"{name}.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        records = data[key]
        grown = list(records)
        for copy in range(2, factor + 1):
            for record in records:
                clone = json.loads(json.dumps(record))
                clone["id"] = f"{record['id']}-{copy}"
                for field in renamed:
                    if field in clone:
                        clone[field] = f"{clone[field]} ({copy})"
                if change:
                    change(clone, copy)
                grown.append(clone)
        data[key] = grown
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return len(grown)

    def more_items(checklist, copy):
        for section in checklist["secties"]:
            section["punten"] = section["punten"] + [
                {**point, "id": f"{point['id']}-extra"} for point in section["punten"]]

    counts = {
        "corporaties": grow("corporaties", "corporaties", renamed=("titel",)),
        "praktijk": grow("praktijk", "praktijk"),
        "checklists": grow("checklists", "checklists", more_items if factor > 1 else None),
    }
    chapters = [p for p in sorted((project / "docs").glob("*.md")) if p.name not in ("index.md", "voor-trainers.md")]
    # A copied chapter keeps its text and citations, not the tables of whole datasets: those belong on one
    # page each, which grows with the data. Otherwise every copy would grow too and nothing would be linear.
    whole_dataset = re.compile(r"^\{\{ (corporaties|principes|praktijk|partners|begrippen|alle_bronnen|"
                               r"checklists_overzicht)\(.*\) \}\}$", re.M)
    extra_nav = []
    for copy in range(2, factor + 1):
        folder = project / "docs" / f"kopie-{copy}"
        folder.mkdir()
        for chapter in chapters:
            text = chapter.read_text(encoding="utf-8")
            text = re.sub(r"\]\((?!https?:)([^)#]+\.md)", r"](../\1", text)  # links now start one folder deeper
            text = whole_dataset.sub("", text)
            # The whole rule on conditions stands on one page (checked); a copy points to it, as other chapters do.
            text = text.replace("{{ voorwaarden_regel() }}", "{{ voorwaarden_regel(kort=true) }}")
            (folder / chapter.name).write_text(text, encoding="utf-8")
            extra_nav.append(f"kopie-{copy}/{chapter.name}")
    config = project / "mkdocs.yml"
    if extra_nav:
        config.write_text(config.read_text(encoding="utf-8") + "  - Kopieën:\n" +
                          "".join(f"      - {page}\n" for page in extra_nav), encoding="utf-8")
    counts["pages"] = len(list((project / "docs").rglob("*.md"))) + counts["checklists"]
    return counts


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    """Bench-only hook: keep each page's Markdown after the macros ran, for a bare build of the same text."""
    target = Path(os.environ[EXPAND_ENV]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown


def expand_docs(project: Path, work: Path) -> Path:
    """docs/ as readers get it: macros filled in, checklist pages written out. Built bare, it measures content."""
    expanded = project / "uitgeschreven"
    os.environ[EXPAND_ENV] = str(expanded)
    try:
        hooks = [str(project / "scripts" / "engines" / "hooks.py"), __file__]
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(work / "expand-site"), hooks=hooks))
    finally:
        del os.environ[EXPAND_ENV]
    return expanded


