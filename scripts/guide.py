"""What one build knows about the guide: the checked content, its version date and the downloads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import reportlab

from scripts import downloads
from scripts.cache import cached, fingerprint
from scripts.content import Content, load_content
from scripts.render import date_nl
from scripts.version import version_date


@dataclass(frozen=True)
class Guide:
    """Made once per build (see hooks.on_config) and shared by macros and hooks through the config."""

    content: Content
    version: date
    downloads: dict  # "downloads/<id>.pdf" -> bytes
    offline: bool  # this build is the offline edition
    offline_zip: Path | None  # the offline edition to offer for download, when it was made first

    def download_sizes(self) -> dict:
        """{checklist id: {"pdf": bytes, "docx": bytes}} as sizes in bytes."""
        return {
            c["id"]: {kind: len(self.downloads[f"downloads/{c['id']}.{kind}"]) for kind in ("pdf", "docx")}
            for c in self.content.checklists
        }

    @property
    def version_label(self) -> str:
        """The version date as readers see it: '23 november 2026'."""
        return date_nl(self.version.isoformat())

    def offline_zip_size(self) -> int | None:
        return self.offline_zip.stat().st_size if self.offline_zip else None


# The downloads depend on these besides the data: when one changes, every cached file is made anew.
_GENERATOR = (Path(downloads.__file__), Path(__file__).with_name("render.py"), reportlab.Version, docx.__version__)
_MAKERS = {"pdf": downloads.checklist_pdf, "docx": downloads.checklist_docx}


def load_guide(project_dir: Path, offline: bool = False, offline_zip: Path | None = None) -> Guide:
    """Load and check content/, then make each checklist download, or take it from .cache/ if unchanged."""
    content = load_content(project_dir / "content", checked_dir=project_dir / ".cache" / "gecontroleerd")
    version = version_date(project_dir)
    files = {}
    for checklist in content.checklists:
        sources = [content.bron(b) for b in checklist["bronnen"]]
        for kind, make in _MAKERS.items():
            key = fingerprint(kind, checklist, sources, version.isoformat(), *_GENERATOR)
            files[f"downloads/{checklist['id']}.{kind}"] = cached(
                project_dir / ".cache" / "downloads", key, lambda: make(checklist, sources, version))
    return Guide(content, version, files, offline, offline_zip)
