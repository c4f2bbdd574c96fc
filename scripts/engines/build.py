"""Build the whole guide into site/ without ever leaving a broken site/: offline edition first, then online."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from scripts import cache, pipeline
from scripts.engines import mkdocs_run
from scripts.files import offline

PROJECT_DIR = Path(__file__).resolve().parents[2]
log = logging.getLogger("mkdocs.handreiking.build")


# Everything a build reads; a copy of these builds the same guide elsewhere (tests, benchmark).
BUILD_INPUTS = ("docs", "content", "overrides", "scripts", "mkdocs.yml")


def copy_project(target: Path, project_dir: Path = PROJECT_DIR) -> Path:
    """A private copy of the build inputs, to change or grow without touching the repository."""
    target.mkdir(parents=True)
    for name in BUILD_INPUTS:
        source = project_dir / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(project_dir / "node_modules")
    return target


class BuildFailed(Exception):
    """MkDocs stopped; its own messages were already shown."""


def mkdocs_build(site_dir: Path, project_dir: Path = PROJECT_DIR, **edition) -> None:
    """One strict MkDocs build of an edition (engine.set_edition) in this process, as `make serve` builds too."""
    if not mkdocs_run.run(project_dir / "mkdocs.yml", site_dir, **edition):
        raise BuildFailed()


def build_site(site_dir: Path, project_dir: Path = PROJECT_DIR, with_offline: bool = True) -> None:
    """Build into a temporary folder next to site_dir and swap it in only when everything succeeded."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".site-", dir=site_dir.parent) as work:
        work = Path(work)
        edition = {}
        if with_offline:
            # The offline edition first: its pages become the guide's PDFs, and both go into its zip.
            mkdocs_build(work / "offline", project_dir, offline=True)
            books = _book_pdfs(work / "offline", work / "boeken", project_dir)
            shutil.copytree(work / "boeken" / "downloads", work / "offline" / "downloads", dirs_exist_ok=True)
            zip_path = work / "handreiking-offline.zip"
            offline.write_zip(work / "offline", zip_path)
            edition = {"offline_zip": zip_path, "pdf_dir": books}
        mkdocs_build(work / "site", project_dir, **edition)
        _swap(work / "site", site_dir, work / "previous")
    removed = cache.prune(cache.folder(project_dir))
    if removed:
        log.info("%d bestanden die geen bouw meer gebruikt uit %s/ gehaald.", removed, cache.FOLDER)


def _book_pdfs(site: Path, target: Path, project_dir: Path) -> Path:
    """The whole guide and each chapter as PDF, made from a built edition; the folder they are in."""
    from mkdocs.exceptions import PluginError

    from scripts.files import guide_pdf
    from scripts import site_nav

    try:
        site_url = site_nav.read_mkdocs_yml(project_dir / "mkdocs.yml")["site_url"]
        guide_pdf.write_all(site, pipeline.load(pipeline.Options(project_dir, site_url)), target)
    except PluginError as error:
        log.error("%s", error)
        raise BuildFailed() from None
    return target


def _swap(new: Path, target: Path, parking: Path) -> None:
    """Replace target by new with two renames; the old site is removed only after the new one is in place."""
    if target.exists():
        target.rename(parking)
    new.rename(target)
    shutil.rmtree(parking, ignore_errors=True)
