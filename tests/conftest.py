"""Shared fixtures: the guide built once per test run (strict, both editions) and helpers to read it."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
from datetime import datetime, time, timezone
from functools import cache, partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest

from scripts.cache import FOLDER
from scripts.content import load_content
from scripts.engines.build import build_site, copy_project
from scripts.version import version_date

PROJECT = Path(__file__).resolve().parent.parent
# As the Makefile does: no end-of-life banners from Material and mkdocs-redirects in test output.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


# The files that take longest, longest first: pytest-xdist hands out whole files in collection order (see addopts in
# pyproject.toml), so no worker is left running a long file alone at the end. Those that build a project copy of
# their own come first, while one worker builds the guide the others share. Files not listed follow by name.
LONGEST_FIRST = ("test_editor_recipes.py", "test_publication.py", "test_bad_input.py", "test_downloads.py",
                 "test_accessibility.py", "test_reader.py", "test_links.py", "test_pdfs.py", "test_scan.py",
                 "test_search.py", "test_stale_cache.py", "test_engines.py", "test_privacy.py", "test_trainers.py",
                 "test_preview.py", "test_wat_nu.py")


def pytest_collection_modifyitems(items):
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id) -> Path:
    """The complete guide, built exactly as `make build` builds it: once per test run, the workers share it (the
    pattern of pytest-xdist's documentation). Tests only read it; one that changes a site copies it first."""
    if worker_id == "master":  # not under xdist
        site_dir = tmp_path_factory.mktemp("build") / "site"
        build_site(site_dir, PROJECT)
        return site_dir
    run_dir = tmp_path_factory.getbasetemp().parent  # this run's folder, shared by its workers
    site_dir = run_dir / "site"
    with open(run_dir / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other worker waits and then takes the finished site
        if not (run_dir / "site.done").exists():
            build_site(site_dir, PROJECT)
            (run_dir / "site.done").touch()
    return site_dir


@pytest.fixture(scope="session")
def content():
    return load_content(PROJECT / "content")


@pytest.fixture(scope="session")
def shared_cache(site) -> Path:
    """The project's own build cache, for the project copies that tests build. Every file in it is keyed by all it
    is made of (code included), so a copy takes from it only what it would have made the same, and what a copy makes
    of its changes is kept apart under its own key. The tests that need files made from nothing
    (test_downloads, test_stale_cache) keep a cache of their own. Given after the run's own build (site): a copy
    built at the same time would make the same downloads a second time."""
    cache = PROJECT / FOLDER
    cache.mkdir(exist_ok=True)
    return cache


def copy_with_shared_cache(target: Path, cache: Path) -> Path:
    project = copy_project(target, PROJECT)
    (project / FOLDER).symlink_to(cache, target_is_directory=True)
    return project


@pytest.fixture
def project_copy(tmp_path, shared_cache) -> Path:
    """A copy of the project's build inputs that a test may break."""
    return copy_with_shared_cache(tmp_path / "project", shared_cache)


# A copy of the project is no git clone, so its builds are given a version date, as the README tells anyone who builds
# from a folder without .git: the project's own, so a copy takes from the shared cache the downloads the run's own
# build made, instead of making all of them again for another date.
COPY_EPOCH = str(int(datetime.combine(version_date(PROJECT), time(), tzinfo=timezone.utc).timestamp()))


def pdf_pages(pdf: bytes | Path, first: int | None = None, last: int | None = None,
              area: tuple[int, int, int, int] | None = None, drawn_order: bool = False) -> list[str]:
    """The text of each page of a PDF (from first to last) as a reader copies it, read by Poppler's pdftotext:
    pypdf took a minute for the whole guide. Poppler reads a page's running head first. Only the text inside
    area (left, top, width, height in points), when given: the page without its margins. In drawn_order, the text
    comes in the order the PDF draws it, and a word broken at a line's end keeps its hyphen (an address does)."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else []),
             *(["-raw"] if drawn_order else [])]
    if area:
        pages += [option for name, value in zip(("-x", "-y", "-W", "-H"), area) for option in (name, str(value))]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, "-", "-"], input=data, capture_output=True, check=True,
                          timeout=120).stdout.decode("utf-8")
    return text.split("\f")[:-1]  # each page ends in a form feed


def run_build(project: Path, site_dir: Path, *args: str, epoch: str = COPY_EPOCH) -> subprocess.CompletedProcess:
    """`python -m scripts build` in a project folder, as an editor runs it through `make build`; epoch sets the
    version date (SOURCE_DATE_EPOCH)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, "-m", "scripts", "build", "--site-dir", str(site_dir), *args],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


class PageParser(HTMLParser):
    """Collects what tests ask of a built page: ids, links, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sources: list[str] = []
        self.text_parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("script", "img", "link", "source") and (attributes.get("src") or attributes.get("href")):
            self.sources.append(attributes.get("src") or attributes.get("href"))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text_parts))


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article_html(path: Path) -> str:
    """The page's own content (Material's article), without navigation and search."""
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, f"{path} has no article"
    return match.group(1)


def article_text(path: Path) -> str:
    parser = PageParser()
    parser.feed(article_html(path))
    return parser.text


@cache
def checklist_ids() -> tuple[str, ...]:
    """For parametrizing tests per checklist at collection time: read once, nine test files ask."""
    return tuple(c["id"] for c in load_content(PROJECT / "content").checklists)


def html_pages(site: Path) -> list[Path]:
    """Every page of the site (not redirects, not the 404 page)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "md-content" in p.read_text("utf-8"))


# Browser ---------------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


def real_clock(env: dict[str, str]) -> dict[str, str]:
    """env without libfaketime, for the long-running processes tests start (the browser, `make serve`, Zensical).
    Under `faketime make test` (the clock a month ahead, see README) libfaketime 0.9.10 cannot fake a timed wait
    between threads: those processes would hang. The build's own dates are tested under a fake clock apart."""
    return {key: value for key, value in env.items() if key != "LD_PRELOAD" and not key.startswith("FAKETIME")}


BROWSER_ENV = real_clock(dict(os.environ))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; in CI a missing browser is an error, never a skip."""
    if not CHROMIUM.exists():
        message = "Chromium ontbreekt (/usr/bin/chromium); `make test` installeert het met apt"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=BROWSER_ENV)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 (a free port) in a thread; returns (base url, server)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def served_site(site):
    base, server = serve(site)
    yield base
    server.shutdown()


@pytest.fixture
def page_in(browser):
    """Open pages in a fresh context; call with the Playwright context options you need."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
