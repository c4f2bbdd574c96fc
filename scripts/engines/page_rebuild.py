"""`make serve` after a page edit: the changed Markdown pages made again from the last full build, as it makes them.

MkDocs' --dirty build still runs every whole-site step, over pages it did not read. This goes the other way: the last
good build's state stays (its config with the guide, its files, nav and templates), a changed page goes through the
same steps as in that build (MkDocs' reading and rendering, the guide's hooks and checks, the page's own finishing
steps, the edition's security policy), and the preview then runs a full build behind it for what other pages and the
search index take from the page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import _populate_page, build, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from scripts.content import page_checks
from scripts.content.problems import EditorError
from scripts.engines import mkdocs_run, postbuild
from scripts.engines.build import BUILD_INPUTS
from scripts.pages import csp, finished_pages


class NotAlone(Exception):
    """The change needs a full build: more changed than pages that can be made on their own, or making one failed
    (the full build then says why, as it always does)."""


class _Recorder:
    """A plugin on the preview's builds that keeps what MkDocs made: its files, its nav, its template environment."""

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        self.env, self.files = env, files
        return env


def inputs(project_dir: Path) -> dict[str, tuple[int, int]]:
    """{path in the project: (modification time, size)} of every file a build reads. Hidden files (an editor's swap
    file) are left out, as MkDocs leaves them out of docs/."""
    found = {}
    for name in BUILD_INPUTS:
        top = project_dir / name
        for path in [top] if top.is_file() else top.rglob("*"):
            relative = path.relative_to(project_dir)
            if "__pycache__" in relative.parts or any(part.startswith(".") for part in relative.parts):
                continue
            try:
                stat = path.stat()
            except OSError:  # removed while looking
                continue
            if not path.is_dir():
                found[relative.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


@dataclass
class LastBuild:
    """What a good full build of the preview left: enough to make a page again exactly as it made it."""

    project_dir: Path
    config: MkDocsConfig
    recorder: _Recorder
    inputs: dict[str, tuple[int, int]]  # as the build started reading
    policy: str  # the edition's Content Security Policy

    def pages_alone(self, now: dict[str, tuple[int, int]]) -> list[str]:
        """The pages (relative to docs/) changed since this build; NotAlone when anything else changed or one of them
        is filled from all pages (postbuild.WHOLE_SITE_PAGES)."""
        docs = Path(os.path.relpath(self.config.docs_dir, self.project_dir)).as_posix() + "/"
        srcs = []
        for path in sorted(path for path in self.inputs.keys() | now.keys() if self.inputs.get(path) != now.get(path)):
            src = path.removeprefix(docs)
            file = self.recorder.files.get_file_from_path(src) if path.startswith(docs) else None
            if path not in now or file is None or file.page is None or src in postbuild.WHOLE_SITE_PAGES or \
                    (self.project_dir / path).is_symlink():  # the full build refuses it, and says why
                raise NotAlone(path)
            srcs.append(src)
        return srcs

    def remake(self, srcs: list[str]) -> dict[str, str]:
        """{url: finished page} for these pages, byte for byte as the full build writes them. NotAlone on any problem,
        or a page with an inline script the policy does not list: a full build must do those. Whatever else only a
        full build would find (MkDocs' warnings in strict mode, a whole-site step) the full build behind this finds."""
        config, files = self.config, self.recorder.files
        try:
            pages = [files.get_file_from_path(src).page for src in srcs]
            problems = [problem for page in pages
                        for problem in page_checks.source_problems(page.file.src_uri, page.file.content_bytes)]
            if problems:
                raise EditorError(problems)
            for page in pages:
                _populate_page(page, config, files)
            # The guide's checks over every page's links and the lessons' sections, with these pages as they are now.
            config.plugins.on_env(self.recorder.env, config=config, files=files)
            return {page.file.url: self._finished(page) for page in pages}
        except Exception as error:  # said once, by the full build that follows
            raise NotAlone(str(error)) from error

    def _finished(self, page: Page) -> str:
        """The page through the theme's template (MkDocs' _build_page, without its write), then finished as the full
        build finishes every page (finished_pages.finish) and given the edition's policy."""
        config, nav, env = self.config, self.recorder.nav, self.recorder.env
        config._current_page, page.active = page, True
        try:
            context = get_context(nav, self.recorder.files.documentation_pages(inclusion=InclusionLevel.is_in_serve),
                                  config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        finally:
            config._current_page, page.active = None, False
        done = finished_pages.finish(output.encode("utf-8", errors="xmlcharrefreplace").decode("utf-8"))
        if any(csp.source_hash(script) not in self.policy for script in done.scripts):
            raise NotAlone(f"{page.file.src_uri}: een nieuw script op de pagina")
        return csp.with_policy(done.html, self.policy)


def full_build(project_dir: Path, site_dir: Path, address: str, url: str) -> LastBuild:
    """Build the guide into site_dir as the preview serves it; what it leaves for the pages changed next."""
    before = inputs(project_dir)
    config = mkdocs_run.load(project_dir / "mkdocs.yml", site_dir=str(site_dir), dev_addr=address)
    config.site_url = url
    recorder = _Recorder()
    config.plugins["handreiking-voorbeeld"] = recorder
    build(config, serve_url=url)
    policy = csp.site_policy(site_dir)
    if policy is None:
        raise RuntimeError("de gebouwde voorpagina heeft geen beveiligingsbeleid")
    return LastBuild(project_dir, config, recorder, before, policy)
