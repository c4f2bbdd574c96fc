"""MkDocs adapter: each handler hands one job to the pipeline or another module of scripts/ and keeps no state."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from scripts import cache, outputs, site_nav
from scripts.content import lesson_checks, page_checks, problem_text
from scripts.content.problems import EditorError
from scripts.engines import engine, postbuild
from scripts.files import offline
from scripts.pages import compiled_pages, html_tree, redirect_page, section_sources, tables

log = logging.getLogger("mkdocs.handreiking")


def on_startup(command, dirty):
    # Only the `mkdocs build` command: `make build` says it itself (its two builds would say it twice), serve always
    # is a preview.
    if command == "build" and outputs.is_preview(os.environ.get("SITE_URL", "")):
        log.info(outputs.PREVIEW_BUILD)


@event_priority(100)  # before mkdocs-macros registers the macros and the offline plugin reads its settings
def on_config(config):
    problem_text.drop_english_page_headers()
    guide = engine.guide_of(config)
    config.nav = guide.nav
    config.extra["versie"] = guide.version_label
    config.extra.update(engine.template_settings(guide))
    config.copyright = engine.footer(config.copyright, guide)
    search_on_disk = engine.offline_plugin(config)  # in every build: a missing one is said before make build needs it
    if guide.options.offline:
        config.theme["features"] = [f for f in config.theme["features"] if f not in offline.SERVER_ONLY_FEATURES]
        config.extra["polyfills"] = [offline.SHIM_URI]
        search_on_disk.config.enabled = True  # its search index as a script, for file://
    redirect_page.use_dutch_template()
    return config


def on_pre_build(config):
    # mkdocs-macros made its Jinja environment in its on_config; pages it compiled before are taken from the cache.
    compiled_pages.keep_compiled(config.plugins["macros"].env, cache.templates(engine.guide_of(config).options.root))


def on_files(files, config):
    problems = [p for f in files.documentation_pages() for p in page_checks.source_problems(f.src_uri, f.content_bytes)]
    for path, content in engine.generated_files(engine.guide_of(config), Path(config.config_file_path).parent).items():
        files.append(File.generated(config, path, **content))
    problems += page_checks.nav_problems(site_nav.nav_pages(config.nav), {f.src_uri for f in files.documentation_pages()},
                                         Path(config.config_file_path).read_text(encoding="utf-8"))
    if problems:
        raise EditorError(problems)
    for source_map in [f for f in files if postbuild.is_source_map(f.src_uri)]:
        files.remove(source_map)  # not written at all rather than removed after the build
    return files


def on_pre_page(page, config, files):
    # MkDocs dates every page (the sitemap's lastmod and its .gz header) by the clock; here by the page's last change.
    guide = engine.guide_of(config)
    page.update_date = guide.page_dates.get(page.file.src_uri, guide.version).isoformat()
    if outputs.is_preview(guide.options.site_url):
        page.canonical_url = None  # this computer's address is no page's real one: no canonical link, no sitemap entry
    return page


def on_page_markdown(markdown, page, config, files):
    return engine.guide_of(config).page_markdown(page.file.src_uri, markdown)


def on_page_content(html, page, config, files):
    guide = engine.guide_of(config)
    root = html_tree.parse_fragment(html)  # once: for the three steps that change the content, and the checks in on_env
    changed = [section_sources.add_lines(root, guide.sources_by_id(), page.file.src_uri),
               tables.label_markdown_tables(root), tables.space_cells(root)]
    return engine.with_tree(page, html_tree.fragment_html(root) if any(changed) else html, root)


def on_env(env, config, files):
    guide = engine.guide_of(config)
    env.bytecode_cache = cache.templates(guide.options.root)
    # Written later: the hand-outs and addresses by on_post_build, the offline edition's PDFs by make build.
    coming = outputs.post_build_paths(guide.content.lesmateriaal) + list(guide.pdf_offers())
    root, pages = Path(config.config_file_path).parent, engine.rendered_pages(files)
    problems = page_checks.link_problems(pages, {f.url for f in files} | set(coming), engine.data_texts(root))
    # Lesson material names sections ('sectie') that hand-outs and quizzes link to: each must be a built heading.
    problems += lesson_checks.built_section_problems(root / "content" / "lesmateriaal.yml", guide.content.lesmateriaal,
                                                     {src: tree for src, (_, _, tree) in pages.items()})
    if problems:
        raise EditorError(problems)
    return env


@event_priority(-50)  # after the search plugin wrote its index, before the offline plugin inlines it
def on_post_build(config):
    postbuild.finish(Path(config.site_dir), engine.guide_of(config))
