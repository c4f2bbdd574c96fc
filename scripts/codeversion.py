"""The fingerprint of the guide's code as it runs in this process, to key caches and to notice edits."""

from __future__ import annotations

import ast
import functools
import hashlib
import re
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE = PACKAGE_DIR.name


def read(package_dir: Path) -> dict[str, bytes]:
    """{module name in the package: source} of every module of a package and its folders as the files are now:
    'cache', 'files.pdf_render', and 'files' for files/__init__.py."""
    found = {}
    for path in sorted(Path(package_dir).rglob("*.py")):
        parts = path.relative_to(package_dir).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)] = path.read_bytes()
    return found


def digest(sources: dict[str, bytes]) -> str:
    """One hash of the given modules' names and sources."""
    hashed = hashlib.sha256()
    for name in sorted(sources):
        hashed.update(name.encode() + b"\0" + sources[name] + b"\0")
    return hashed.hexdigest()


def imported(source: bytes, package: str = PACKAGE) -> set[str]:
    """The package's modules that source imports, anywhere in it (also inside functions), named as read() names
    them; `from scripts.files import pdf_render` may name a module or something in files/__init__.py: both."""
    names = set()
    try:
        statements = ast.parse(_import_statements(source, package)).body
    except SyntaxError:  # a form the line scan does not know, such as a backslash at the end of a line
        statements = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.stmt)]
    for node in statements:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == package:
            inner = node.module.partition(".")[2]
            parts = inner.split(".") if inner else []
            names.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))  # its folders' __init__ run too
            names.update(f"{inner}.{alias.name}" if inner else alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name.partition(".")[2] for alias in node.names if alias.name.startswith(package + "."))
    return names


def _import_statements(source: bytes, package: str) -> bytes:
    """The statements of source that import from the package, each on its own line at the left: parsing only these
    takes a tenth of the time of the whole file. A line in a string that looks like one only adds a name."""
    pattern = rb"^[ \t]*((?:from[ \t]+%s(?:\.[\w.]+)?[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*))|import[ \t]+%s\.[^\n]*)$"
    found = re.finditer(pattern % (package.encode(), package.encode()), source, re.MULTILINE)
    return b"\n".join(re.sub(rb"#[^\n]*", b"", match.group(1)) for match in found)


def closure(sources: dict[str, bytes], module: str, package: str = PACKAGE) -> dict[str, bytes]:
    """A module (named with or without the package) and every module of the package it imports, directly or
    through another one. Names that are no module (a function imported from one) are passed over."""
    found, todo = {}, [module.removeprefix(package + ".")]
    while todo:
        name = todo.pop()
        if name in found or name not in sources:
            continue
        found[name] = sources[name]
        todo.extend(_imported(sources[name], package))
    return found


@functools.lru_cache(maxsize=None)
def _imported(source: bytes, package: str) -> frozenset[str]:
    """imported(), parsed once per source: every cached file's key walks the same modules."""
    return frozenset(imported(source, package))


# Taken when the package is imported, and scripts/__init__.py imports every module at that moment:
# so this is the code that runs, even after a file changes during `mkdocs serve`.
RUNNING_SOURCES = read(PACKAGE_DIR)
RUNNING = digest(RUNNING_SOURCES)


@functools.cache
def of(module: str) -> str:
    """The running code that makes a file: module (e.g. __name__) and what it imports of scripts/.

    A cached file whose other inputs are in its key depends on this code only, so an edit elsewhere keeps it.
    """
    return digest(closure(RUNNING_SOURCES, module))


def changed_since_start() -> bool:
    """True when a module of scripts/ was edited after this process loaded it."""
    return digest(read(PACKAGE_DIR)) != RUNNING
