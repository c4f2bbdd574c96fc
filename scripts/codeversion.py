"""The fingerprint of the guide's code as it runs in this process, to key caches and to notice edits."""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def on_disk() -> str:
    """A hash of every module of scripts/ as the files are now."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# Taken when the package is imported, and scripts/__init__.py imports every module at that moment:
# so this is the code that runs, even after a file changes during `mkdocs serve`.
RUNNING = on_disk()


def changed_since_start() -> bool:
    """True when a module of scripts/ was edited after this process loaded it."""
    return on_disk() != RUNNING
