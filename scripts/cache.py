"""Keep generated files on disk, keyed by everything they are made from, so a rebuild makes only what changed."""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Callable

import jinja2

from scripts import codeversion

# Not .cache/: Zensical treats that folder as its own and `zensical build --clean` empties it.
FOLDER = ".build-cache"

# The libraries whose output ends up in kept files: a new pin of any of them makes every file again.
LIBRARIES = ("weasyprint", "pydyf", "pikepdf", "python-docx", "fonttools", "jsonschema", "textstat", "lxml",
             "mkdocs", "mkdocs-material")

# Kept and placed files, as a file written into a site gets them: a web server must read it.
_READABLE = 0o644

# A kept file no build has used for this long belongs to old content or old code.
KEEP_DAYS = 30

# Fewer missing files than this are made sooner in the build's own process than in the makers' processes, whose
# server first loads WeasyPrint (about a second): one edit in `make serve` stays quick.
_SIDE_BY_SIDE_FROM = 4


def folder(root: Path) -> Path:
    """Where a project's generated files are kept between builds."""
    return Path(root) / FOLDER


def templates(root: Path) -> jinja2.BytecodeCache:
    """Where the theme's compiled templates are kept: compiling them anew took a tenth of every build. Jinja keys each
    by its source, so an edited template is compiled again."""
    path = folder(root) / "sjablonen"
    path.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(path))


def fingerprint(*parts) -> str:
    """A key that changes when any part changes: texts as they are, other data as JSON, files by their bytes."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            data = b"f" + part.read_bytes()
        elif isinstance(part, str):  # as it is: JSON would first escape a long text (a hand-out's blocks) in Python
            data = b"s" + part.encode("utf-8", "surrogatepass")
        else:
            data = b"j" + json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
        digest.update(b"%d:" % len(data) + data)  # its length first: no two lists of parts hash the same bytes
    return digest.hexdigest()


@functools.cache
def code_version(module: str) -> str:
    """The running code of module and what it imports of scripts/, and the versions of LIBRARIES: the part of a
    key that is not content. Pass the module that turns the key's other parts into the file."""
    return fingerprint(codeversion.of(module), _library_versions())


@functools.cache
def _library_versions() -> tuple[tuple[str, str], ...]:
    """Looked up once per process: the installed versions cannot change under running code."""
    return tuple((name, version(name)) for name in LIBRARIES)


def cached(cache_dir: Path, key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under key, or make them once and store them (written atomically)."""
    data = kept(cache_dir, key)
    if data is None:
        data = make()
        keep(cache_dir, key, data)
    return data


def cached_all(cache_dir: Path, jobs: dict[str, tuple[Callable[..., bytes], tuple]]) -> dict[str, bytes]:
    """cached() for many files at once, {key: (function, arguments)}: the ones not kept yet are made side by side,
    one process per core, so a build from nothing waits for the slowest rather than for all of them in a row."""
    return {key: path.read_bytes() for key, path in kept_files(cache_dir, jobs).items()}


def kept_files(cache_dir: Path, jobs: dict[str, tuple[Callable[..., bytes], tuple]]) -> dict[str, Path]:
    """cached_all() as the kept files themselves, for a build to place() into a site without reading them."""
    found = {key: _kept_file(cache_dir, key) for key in jobs}
    missing = [key for key, path in found.items() if path is None]
    if len(missing) >= _SIDE_BY_SIDE_FROM and _cores() > 1:
        with ProcessPoolExecutor(min(_cores(), len(missing)), mp_context=_makers()) as pool:
            futures = {key: pool.submit(jobs[key][0], *jobs[key][1]) for key in missing}
            made = {key: future.result() for key, future in futures.items()}
    else:
        made = {key: jobs[key][0](*jobs[key][1]) for key in missing}
    for key, data in made.items():
        found[key] = keep(cache_dir, key, data)
    return found


def place(kept_file: Path, target: Path) -> None:
    """Put a kept file into a built site as a second name of the same file (nothing is written: a build placed some
    3 MB of hand-outs this way), or as a copy where the two folders are on different disks. Nothing writes into a
    placed file: a kept file is only ever replaced whole (keep)."""
    try:
        os.link(kept_file, target)
    except OSError:
        shutil.copyfile(kept_file, target)
    os.chmod(target, _READABLE)  # a web server reads the site as another user; kept files were once private


def _makers() -> multiprocessing.context.BaseContext:
    """Processes forked from one fresh server that loaded the makers once (a cold build started six, each loading
    WeasyPrint anew); not copies of this process, which can hang on a lock held by one of its threads (the preview
    server, a test worker). The server lives as long as this process, and so does the code it loaded: the code
    this process runs, or a build is refused (scripts/codeversion.py)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", "scripts"])
    return context


def kept(cache_dir: Path, key: str) -> bytes | None:
    """The bytes stored under key, or None."""
    path = _kept_file(cache_dir, key)
    try:
        return path.read_bytes() if path else None
    except FileNotFoundError:  # pruned by another build a moment ago
        return None


def _kept_file(cache_dir: Path, key: str) -> Path | None:
    """The file stored under key, marked as used now (prune() keeps it), or None."""
    path = Path(cache_dir) / key[:2] / key
    try:
        os.utime(path)
    except FileNotFoundError:  # not made yet, or pruned by another build a moment ago
        return None
    return path


def keep(cache_dir: Path, key: str, data: bytes) -> Path:
    """Store bytes under key, written atomically: a build that stops halfway leaves no half file. Returns the file."""
    path = Path(cache_dir) / key[:2] / key
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        handle.write(data)
    os.chmod(handle.name, _READABLE)
    os.replace(handle.name, path)
    return path


def _cores() -> int:
    return len(os.sched_getaffinity(0))


def prune(cache_dir: Path, keep_days: int = KEEP_DAYS) -> int:
    """Remove kept files that no build used in the keep_days before the last use of any; return how many went.

    Measured from the newest file, not from the clock: the result does not depend on when (or under which
    faked clock) the build runs.
    """
    files = {}
    for path in Path(cache_dir).rglob("*"):
        try:
            if path.is_file():
                files[path] = path.stat().st_mtime
        except FileNotFoundError:  # another build replaced it just now
            continue
    if not files:
        return 0
    cutoff = max(files.values()) - keep_days * 86400
    old = [path for path, used in files.items() if used < cutoff]
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)
