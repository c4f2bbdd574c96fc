"""The link contract: every published address (page, section anchor, download) and whether it still works."""

from __future__ import annotations

import logging
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
CONTRACT = PROJECT_DIR / "tests" / "published_links.txt"
_HEADER = """\
# Every address of the guide that has been published: pages, their h2/h3 anchors, and downloads.
# Trainers link to these from course material, so each must keep working (tests/test_links.py).
# Add new addresses with `make links`. Never remove a line: give a moved page a redirect in
# mkdocs.yml (redirect_maps) and a removed heading an alias <a id="old-id"></a> at its new place.
"""
log = logging.getLogger("mkdocs.handreiking.links")


class _PageFacts(HTMLParser):
    """Ids on a page, the anchors of headings with a permalink, and a redirect target if any."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.section_ids: list[str] = []
        self.redirect: str | None = None
        self.is_page = False
        self._heading: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "article" and "md-content__inner" in (attributes.get("class") or ""):
            self.is_page = True
        if tag in ("h2", "h3") and "id" in attributes:
            self._heading = attributes["id"]
        if tag == "a" and self._heading and "headerlink" in (attributes.get("class") or ""):
            self.section_ids.append(self._heading)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.redirect = re.sub(r"^\s*\d+\s*;\s*url=", "", attributes.get("content") or "", flags=re.I)

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self._heading = None


def _facts(path: Path) -> _PageFacts:
    facts = _PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    return facts


def site_addresses(site_dir: Path) -> list[str]:
    """Every address a reader can reach in a built site, relative to the site root."""
    site_dir = Path(site_dir)
    addresses = []
    for path in sorted(site_dir.rglob("*.html")):
        if path.name == "404.html":
            continue
        facts = _facts(path)
        if not facts.is_page:
            continue
        page = path.relative_to(site_dir).as_posix()
        addresses.append(page)
        addresses += [f"{page}#{anchor}" for anchor in facts.section_ids]
    addresses += sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "downloads").glob("*"))
    return addresses


def broken_addresses(site_dir: Path, addresses: list[str]) -> list[str]:
    """The addresses that no longer lead to their page and anchor, each with the reason."""
    site_dir = Path(site_dir)
    broken = []
    read: dict[Path, _PageFacts] = {}

    def facts_of(page: Path) -> _PageFacts:  # most pages are named by many addresses, one per section: read once
        if page not in read:
            read[page] = _facts(page)
        return read[page]

    for address in addresses:
        path, _, anchor = address.partition("#")
        target = site_dir / path
        hops = 0
        while target.is_file() and target.suffix == ".html" and hops < 5:
            facts = facts_of(target)
            if facts.redirect is None:
                break
            redirected = urlsplit(urljoin(target.relative_to(site_dir).as_posix(), facts.redirect))
            target = site_dir / redirected.path
            anchor = anchor or redirected.fragment
            hops += 1
        if not target.is_file():
            broken.append(f"{address}: de pagina of het bestand bestaat niet meer")
        elif anchor and target.suffix == ".html" and anchor not in facts_of(target).ids:
            broken.append(f"{address}: het anker #{anchor} staat niet meer op {target.relative_to(site_dir).as_posix()}")
    return broken


def read_contract(path: Path = CONTRACT) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_contract(addresses: list[str], path: Path = CONTRACT) -> list[str]:
    """Add new addresses to the contract; existing ones stay, even if they now redirect. Returns the new ones."""
    known = read_contract(path) if path.exists() else []
    new = [a for a in addresses if a not in known]
    path.write_text(_HEADER + "\n".join(sorted(set(known) | set(addresses))) + "\n", encoding="utf-8")
    return new


def update_contract() -> bool:
    """Build the guide, check every published address still works, then add the new ones to the contract."""
    from scripts.engines.build import BuildFailed, build_site

    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        try:
            build_site(site)
        except BuildFailed:
            log.error("Bouwen mislukt; %s is niet veranderd.", CONTRACT.relative_to(PROJECT_DIR))
            return False
        broken = broken_addresses(site, read_contract() if CONTRACT.exists() else [])
        if broken:
            log.error("Deze gepubliceerde adressen werken niet meer; maak een doorverwijzing of een extra anker:\n  %s",
                      "\n  ".join(broken))
            return False
        new = write_contract(site_addresses(site))
    log.info("%s bijgewerkt: %d nieuwe adressen.", CONTRACT.relative_to(PROJECT_DIR), len(new))
    for address in new:
        log.info("  + %s", address)
    return True
