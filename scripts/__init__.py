"""The guide's build code. mkdocs-macros and Zensical call define_env; importing the package loads every module."""

from scripts import codeversion  # noqa: F401  (first: it fingerprints the modules imported next)
from scripts import (build, cache, checklist_pages, content, downloads, engine, hooks, links, macros,  # noqa: F401
                     markup, offline, outputs, page_errors, pipeline, postbuild, problems, readability,
                     redirect_page, render, search_index, tables, trainers, version)


def define_env(env):
    """Register the guide's macros for the page being built, bound to this build's guide."""
    zensical = isinstance(env.conf, dict)  # Zensical gives its config as a dict and its page a .path
    page = (lambda: env.page.path) if zensical else (lambda: env.page.file.src_uri)
    for name, macro in macros.bound(engine.guide_of(env.conf), page).items():
        env.macro(macro, name)
