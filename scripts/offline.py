"""The offline edition: no server-only features, the search shim from npm, and one stable zip."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# The path must contain 'iframe-worker': then Material's offline plugin adds no CDN copy.
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URI = "assets/javascripts/iframe-worker/shim.js"
ZIP_ROOT = "handreiking-offline"
# scripts/build.py makes the offline edition first and passes its zip to the online build in this variable.
ZIP_ENV = "HANDREIKING_OFFLINE_ZIP"
_SERVER_ONLY_FEATURES = ("navigation.instant",)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def configure(config) -> None:
    """Drop features that need a web server and load the local search shim."""
    features = config.theme["features"]
    features[:] = [f for f in features if not f.startswith(_SERVER_ONLY_FEATURES)]
    config.extra["polyfills"] = [SHIM_URI]


def shim_file(config, project_dir: Path) -> File:
    source = project_dir / SHIM_SOURCE
    if not source.is_file():
        raise PluginError(f"{SHIM_SOURCE} ontbreekt; installeer de npm-pakketten met `npm ci` (make build doet dat)")
    return File.generated(config, SHIM_URI, abs_src_path=str(source))


def write_zip(site_dir: Path, zip_path: Path) -> None:
    """Zip the built offline site under one folder, in a fixed order with fixed dates."""
    site_dir = Path(site_dir)
    paths = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{path.relative_to(site_dir).as_posix()}", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    os.utime(zip_path, (0, 0))
