"""Keep generated files on disk, keyed by everything they are made from, so a rebuild makes only what changed."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

# Not .cache/: Zensical treats that folder as its own and `zensical build --clean` empties it.
FOLDER = ".build-cache"


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


def cached(cache_dir: Path, key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under key, or make them once and store them (written atomically)."""
    path = Path(cache_dir) / key[:2] / key
    if path.is_file():
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)
    return data
