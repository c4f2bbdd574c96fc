"""`make zensical`: the same guide built by Zensical, MkDocs' successor, from the same pipeline and mkdocs.yml."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts import pipeline, site_nav
from scripts.engines import engine, postbuild
from scripts.pages import html_tree, section_sources, tables

STAGE = ".zensical"  # beside docs/: the pages as Zensical gets them, made anew on every run
# Zensical has no hooks: what MkDocs' hooks do happens here, and what it cannot read is left out.
_DROPPED = ("hooks", "strict", "validation", "watch")
_DROPPED_PLUGINS = ("offline",)


class ZensicalFailed(Exception):
    """Zensical stopped; its own output says why."""


def build_with_zensical(project_dir: Path, site_dir: Path) -> None:
    """Stage docs/ with the generated pages and files, write a Zensical config, build, then finish the site."""
    project_dir, site_dir = Path(project_dir).resolve(), Path(site_dir).resolve()
    config = site_nav.read_mkdocs_yml(project_dir / "mkdocs.yml")
    guide = pipeline.load(pipeline.Options(project_dir, config["site_url"]))
    stage = project_dir / STAGE
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(project_dir / "docs", stage / "docs")
    for path, content in engine.generated_files(guide, project_dir).items():
        target = stage / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content["content"]
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    for page in (stage / "docs").rglob("*.md"):
        src = page.relative_to(stage / "docs").as_posix()
        text = page.read_text(encoding="utf-8")
        additions = guide.page_additions(src)
        page.write_text(guide.dated(src, text) + (jinja_literal(additions) if _renders_macros(text) else additions), encoding="utf-8")

    zensical_config = stage_config(config, guide, stage, site_dir)
    config_file = project_dir / f"{STAGE}.yml"  # in the project root: Zensical finds scripts/ from there
    config_file.write_text(yaml.safe_dump(zensical_config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(project_dir)}
    command = [str(Path(sys.executable).with_name("zensical")), "build", "--clean", "--config-file", str(config_file)]
    if subprocess.run(command, cwd=project_dir, env=env).returncode != 0:
        raise ZensicalFailed(f"zie de meldingen van Zensical hierboven ({config_file.name})")
    for page in site_dir.rglob("*.html"):
        src = page.relative_to(site_dir).with_suffix(".md").as_posix()
        tree = html_tree.parse_page(page.read_text(encoding="utf-8"))
        changed = [section_sources.add_lines_to_page(tree, guide.sources_by_id(), src), tables.label_markdown_tables(tree)]
        if any(changed):
            page.write_text(html_tree.page_html(tree), encoding="utf-8")
    postbuild.finish(site_dir, guide)


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def jinja_literal(markdown: str) -> str:
    """Made Markdown that Zensical's macros pass through as it is: unlike MkDocs' hooks, Zensical renders every page
    as a template after the guide added its data, so a brace that would open a tag ({{, {%, {#) is written as an
    expression that prints it. Attribute lists ({ #id }) have a space and stay as they are."""
    return _JINJA_OPENER.sub("{{ '{' }}", markdown)


def _renders_macros(markdown: str) -> bool:
    """Whether the macros render this page: the made checklist pages say no in their front matter."""
    front = markdown.split("\n---\n", 1)[0] if markdown.startswith("---\n") else ""
    return "\nrender_macros: false" not in front


def stage_config(config: dict, guide: pipeline.Guide, stage: Path, site_dir: Path) -> dict:
    """mkdocs.yml as Zensical reads it: staged docs, the checklist pages in the nav, no MkDocs-only settings."""
    staged = {key: value for key, value in config.items() if key not in _DROPPED}
    # Zensical wants both folders relative to the config's folder, the project root.
    staged["docs_dir"] = os.path.relpath(stage / "docs", stage.parent)
    staged["site_dir"] = os.path.relpath(site_dir, stage.parent)
    staged["extra"] = {**config.get("extra", {}), "versie": guide.version_label, **engine.template_settings(guide)}
    staged["copyright"] = engine.footer(config.get("copyright"), guide)
    staged["plugins"] = [p for p in config["plugins"]
                         if (next(iter(p)) if isinstance(p, dict) else p) not in _DROPPED_PLUGINS]
    staged["nav"] = guide.nav
    return staged
