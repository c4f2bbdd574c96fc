"""Wire the guide into MkDocs' build events; each handler hands its one job to a module of scripts/."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from scripts import checklist_pages, offline, redirect_page, render, search_index, tables, trainers
from scripts.guide import load_guide

log = logging.getLogger("mkdocs.hooks.handreiking")


def _is_offline(config) -> bool:
    return config.plugins["material/offline"].config.enabled


@event_priority(100)  # before mkdocs-macros and the offline plugin read the config
def on_config(config):
    project_dir = Path(config.config_file_path).parent
    zip_path = os.environ.get(offline.ZIP_ENV)
    guide = load_guide(project_dir, offline=_is_offline(config), offline_zip=Path(zip_path) if zip_path else None)
    config.extra["handreiking"] = guide
    checklist_pages.add_to_nav(config.nav, guide.content.checklists)
    if guide.offline:
        offline.configure(config)
    redirect_page.use_dutch_template()
    log.debug("content/ geladen: %d checklists, versie %s", len(guide.content.checklists), guide.version)
    return config


def on_files(files, config):
    guide = config.extra["handreiking"]
    for checklist in guide.content.checklists:
        files.append(File.generated(config, checklist_pages.page_path(checklist),
                                    content=checklist_pages.page_markdown(checklist)))
    for path, data in guide.downloads.items():
        files.append(File.generated(config, path, content=data))
    if guide.offline:
        files.append(offline.shim_file(config, Path(config.config_file_path).parent))
    elif guide.offline_zip:
        files.append(File.generated(config, render.OFFLINE_ZIP, abs_src_path=str(guide.offline_zip)))
    return files


def on_page_markdown(markdown, page, config, files):
    return markdown + render.abbreviations(config.extra["handreiking"].content.begrippen)


def on_page_content(html, page, config, files):
    return tables.label_markdown_tables(html)


def on_page_context(context, page, config, nav):
    if page.file.src_uri != trainers.PAGE:
        return context
    guide = config.extra["handreiking"]
    downloads = trainers.download_addresses(guide.content.checklists, with_offline_zip=bool(guide.offline_zip))
    page.content = trainers.fill(page.content, trainers.page_addresses(nav.pages), downloads, config.site_url)
    return context


@event_priority(-50)  # after the search plugin wrote its index, before the offline plugin inlines it
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        search_index.fold_index_file(index)
