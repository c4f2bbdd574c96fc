"""The trainers' files made from the built pages: a hand-out per chapter and every published address as a CSV."""

from __future__ import annotations

import csv
import io
from importlib.metadata import version as package_version
from pathlib import Path

from scripts import codeversion, handouts, links, outputs, pdf_render, publication
from scripts.cache import cached, fingerprint, folder
from scripts.pipeline import Guide


def write(site_dir: Path, guide: Guide, listing: list[dict]) -> None:
    """Hand-outs first (the table of addresses lists them), then the table itself."""
    downloads = site_dir / "downloads"
    downloads.mkdir(exist_ok=True)
    cache = folder(guide.options.root)
    fonts = pdf_render.fonts_css(cache)
    pages = {page["src"]: page for page in listing}
    for lesson in guide.content.lesmateriaal:
        page = pages[lesson["hoofdstuk"]]
        content = handouts.parts(lesson, page["title"], page["sections"], page["url"], guide.options.site_url,
                                 publication.licence_texts(guide.publication))
        source = guide.content.find("bronnen", lesson["casus"]["bron"])
        for kind, make in (("pdf", lambda: handouts.handout_pdf(content, source, guide.version, fonts)),
                           ("docx", lambda: handouts.handout_docx(content, source, guide.version))):
            key = fingerprint("hand-out", kind, content, source, fonts, guide.version.isoformat(), codeversion.RUNNING,
                              package_version("weasyprint"), package_version("python-docx"))
            (site_dir / outputs.handout(lesson["id"], kind)).write_bytes(cached(cache / "downloads", key, make))
    contract = guide.options.root / "tests" / "published_links.txt"
    published = links.read_contract(contract) if contract.is_file() else []
    (site_dir / outputs.ADDRESSES_CSV).write_bytes(addresses_csv(listing, site_dir, guide.options.site_url, published))


def addresses_csv(listing: list[dict], site_dir: Path, site_url: str, published: list[str]) -> bytes:
    """Title, chapter and address of every page, section and download, and of older published addresses that
    still work (tests/published_links.txt); UTF-8 with a BOM and ';', as Dutch Excel expects."""
    rows = []
    for page in listing:
        rows.append([page["title"], page["title"], page["url"]])
        rows += [[title, page["title"], f"{page['url']}#{anchor}"] for _, title, anchor in page["sections"]]
    files = sorted({p.relative_to(site_dir).as_posix() for p in (site_dir / "downloads").glob("*")}
                   | {outputs.ADDRESSES_CSV})
    rows += [[path.rsplit("/", 1)[-1], "Downloads", path] for path in files]
    titles = {page["url"]: page["title"] for page in listing}
    known = {row[2] for row in rows}
    rows += [["Ouder adres; werkt nog", titles.get(address.partition("#")[0], ""), address]
             for address in published if address not in known]
    buffer = io.StringIO()
    table = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    table.writerow(["titel", "hoofdstuk", "adres"])
    table.writerows([title, chapter, outputs.shared_address(site_url, path)] for title, chapter, path in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
