"""The guide to take along: the offline edition (zip) and the whole guide as PDF, as offered on the pages."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from scripts import outputs
from scripts.pages.markup import file_size, link

# The path must contain 'iframe-worker': then Material's offline plugin adds no CDN copy.
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URI = "assets/javascripts/iframe-worker/shim.js"
# Material's plugin for a site read from disk, as MkDocs names it; the offline edition switches it on.
PLUGIN = "material/offline"
ZIP_ROOT = "handreiking-offline"
# Instant navigation needs a web server; from file:// it would break every link.
SERVER_ONLY_FEATURES = ("navigation.instant",)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# The sitemap serves search engines on the published site; a copy on someone's disk has no use for it.
LEFT_OUT = frozenset({"sitemap.xml", "sitemap.xml.gz"})


def offer(is_offline: bool, zip_size: int | None, from_src: str) -> str:
    """The home page's offer of the offline edition, or a note inside the offline edition itself."""
    if is_offline:
        return ('!!! info "Je leest de offline versie"\n\n'
                "    Deze versie werkt zonder internet. De nieuwste versie staat online.\n")
    if zip_size is None:
        return ('!!! info "Offline versie"\n\n'
                "    De offline versie hoort bij de gepubliceerde site. `make build` maakt hem; "
                "`make serve` slaat hem over om sneller te zijn.\n")
    name = outputs.OFFLINE_ZIP.rsplit("/", 1)[-1]
    return (f"[Download de offline versie ({file_size(zip_size)})]({link(from_src, outputs.OFFLINE_ZIP)})"
            f'{{ .md-button .md-button--primary download="{name}" }}\n')


def book_offer(offered: bool, size: int | None, from_src: str) -> str:
    """The download button for the whole guide as PDF (size None: not known yet), or a note where this build has
    none (make serve)."""
    if not offered:
        return ('!!! info "De hele handreiking als PDF"\n\n'
                "    De PDF hoort bij de gepubliceerde site. `make build` maakt hem; `make serve` slaat hem over.\n")
    name = outputs.BOOK_PDF.rsplit("/", 1)[-1]
    shown_size = f" ({file_size(size)})" if size is not None else ""
    return (f"[Download de hele handreiking als PDF{shown_size}]({link(from_src, outputs.BOOK_PDF)})"
            f'{{ .md-button .md-button--primary download="{name}" }}\n')


def write_zip(site_dir: Path, zip_path: Path) -> None:
    """Zip the built offline site under one folder, in a fixed order with fixed dates."""
    site_dir = Path(site_dir)
    paths = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.name not in LEFT_OUT)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{path.relative_to(site_dir).as_posix()}", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    os.utime(zip_path, (0, 0))
