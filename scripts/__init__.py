"""The guide's build code. mkdocs-macros and Zensical call define_env; importing the package loads every module a
build runs."""

import importlib

from scripts import codeversion

# The modules that start a command (the command line, make build, make serve, make zensical): each is imported as
# its command starts, before any build; a build itself (mkdocs build, a process making PDFs) needs none of them.
COMMANDS = ("__init__", "__main__", "cli", "engines.build", "engines.preview", "engines.page_rebuild",
            "engines.zensical_build")

# Every other module now, so codeversion.RUNNING (taken just before) is the code that runs, even if a file changes
# later.
for _module in sorted(codeversion.RUNNING_SOURCES):
    if _module not in COMMANDS:
        importlib.import_module(f"scripts.{_module}")

from scripts.engines import engine  # noqa: E402  (loaded above; named here for define_env)
from scripts.pages import macros  # noqa: E402


def define_env(env):
    """Register the guide's macros for the page being built, bound to this build's guide."""
    zensical = isinstance(env.conf, dict)  # Zensical gives its config as a dict and its page a .path
    page = (lambda: env.page.path) if zensical else (lambda: env.page.file.src_uri)
    for name, macro in macros.bound(engine.guide_of(env.conf), page).items():
        env.macro(macro, name)
