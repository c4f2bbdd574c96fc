"""Keep generated files on disk, keyed by everything they are made from, so a rebuild makes only what changed."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from scripts import codeversion

# Not .cache/: Zensical treats that folder as its own and `zensical build --clean` empties it.
FOLDER = ".build-cache"

# The libraries whose output ends up in kept files: a new pin of any of them makes every file again.
LIBRARIES = ("weasyprint", "pydyf", "pikepdf", "python-docx", "fonttools", "jsonschema", "textstat", "lxml",
             "mkdocs", "mkdocs-material")

# A kept file no build has used for this long belongs to old content or old code.
KEEP_DAYS = 30


def folder(root: Path) -> Path:
    """Where a project's generated files are kept between builds."""
    return Path(root) / FOLDER


def fingerprint(*parts) -> str:
    """A key that changes when any part changes: data as JSON, files by their bytes."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            digest.update(part.read_bytes())
        else:
            digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@functools.cache
def code_version() -> str:
    """The guide's code as it runs and the versions of LIBRARIES: the part of every key that is not content."""
    return fingerprint(codeversion.RUNNING, [(name, version(name)) for name in LIBRARIES])


def cached(cache_dir: Path, key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under key, or make them once and store them (written atomically)."""
    path = Path(cache_dir) / key[:2] / key
    if path.is_file():
        os.utime(path)  # used now: prune() keeps it
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)
    return data


def prune(cache_dir: Path, keep_days: int = KEEP_DAYS) -> int:
    """Remove kept files that no build used in keep_days days; return how many went."""
    cutoff = time.time() - keep_days * 86400
    removed = 0
    for path in Path(cache_dir).rglob("*"):
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink()
            removed += 1
    return removed
