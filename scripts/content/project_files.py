"""What the site may be made of: only files that are really inside docs/ and content/, never a symlink out of them."""

from __future__ import annotations

import os
from pathlib import Path

from scripts.content.problems import EditorError, Problem

INPUT_FOLDERS = ("docs", "content")


def symlink_problems(root: Path) -> list[Problem]:
    """Every symbolic link in the guide's input folders: MkDocs would publish whatever it points at."""
    problems = []
    for folder in INPUT_FOLDERS:
        for directory, subfolders, names in os.walk(Path(root) / folder):
            for name in sorted(subfolders + names):
                path = Path(directory) / name
                if path.is_symlink():
                    shown = path.relative_to(root).as_posix()
                    problems.append(Problem(shown, 1, "", (
                        f"dit is een snelkoppeling (symlink) naar {os.readlink(path)}; de handreiking neemt alleen "
                        f"echte bestanden uit {folder}/ op. Zet een kopie van het bestand op deze plek, of haal de "
                        "snelkoppeling weg.")))
    return problems


def refuse_symlinks(root: Path) -> None:
    """Stop the build or check with a Dutch message when docs/ or content/ holds a symbolic link."""
    problems = symlink_problems(root)
    if problems:
        raise EditorError(problems)
