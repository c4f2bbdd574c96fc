"""The guide's version date: fixed per commit, so every build of the same content is identical."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path


def version_date(project_dir: Path) -> date:
    """SOURCE_DATE_EPOCH when set, else the date of the last commit that touched the guide."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        epoch = _last_commit_epoch(project_dir)
    if not epoch:
        return date.today()
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()


def _last_commit_epoch(project_dir: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "content", "docs"],
            cwd=project_dir, capture_output=True, text=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip() or None
