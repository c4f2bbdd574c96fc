"""The guide's version date: fixed per commit, so every build of the same content is identical on any day."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

from mkdocs.exceptions import PluginError

_HOW = ("Bouw vanuit een git-clone van de handreiking, of geef de datum van deze versie zelf mee als "
        "SOURCE_DATE_EPOCH (seconden sinds 1970), bijvoorbeeld: SOURCE_DATE_EPOCH=$(date -u -d 2026-12-04 +%s) "
        "make build. De README legt het uit onder 'De versiedatum'.")


class VersionUnknown(PluginError):
    """Neither SOURCE_DATE_EPOCH nor git tells the version date; the clock is never asked."""


def version_date(project_dir: Path) -> date:
    """SOURCE_DATE_EPOCH when set, else the date of the last commit that touched the guide."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _last_commit_epoch(project_dir)
    if not epoch:
        raise VersionUnknown("De versiedatum van de handreiking is niet te bepalen: deze map is geen git-clone "
                             f"(of git ontbreekt) en SOURCE_DATE_EPOCH is niet gezet. {_HOW}")
    try:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise VersionUnknown(f"SOURCE_DATE_EPOCH is '{epoch}'; dat is geen aantal seconden sinds 1970. {_HOW}") from None


def _last_commit_epoch(project_dir: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "content", "docs"],
            cwd=project_dir, capture_output=True, text=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip() or None
