"""`make bench`: the guide's build against bare Material, rebuild times, growth with content, and page weight."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

import pikepdf
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bench import lighthouse
from bench.projects import expand_docs, scale_project, write_bare_config
from bench.report_text import machine, markdown_report
from scripts.cache import folder
from scripts.content import load_content
from scripts.engines.build import build_site, copy_project
from scripts.engines.preview import Builds
from scripts.files.checklist_pdf import checklist_pdf
from scripts.files.downloads import checklist_docx
from scripts.files.guide_pdf import book_pages, book_pdf
from scripts.files.pdf_render import fonts_css
from scripts.pipeline import Options, load
from scripts.version import version_date

PROJECT_DIR = Path(__file__).resolve().parent.parent
REPORT_DIR = PROJECT_DIR / "bench"
RUNS = 5
SCALES = (1, 10, 50)
# A 50x book is some 5,000 A4 pages and takes WeasyPrint half an hour: no reader gets that, so it is not made.
BOOK_SCALES = (1, 10)
GOAL = 1.3
OWN_ASSETS = ("assets/stylesheets/handreiking.css", "assets/javascripts/handreiking.js")
log = logging.getLogger("mkdocs.handreiking.bench")
log.setLevel(logging.INFO)  # its progress must show while quiet_logs() silences the builds it measures


# Measuring --------------------------------------------------------------------------------------

@contextmanager
def quiet_logs():
    """MkDocs and macros log every build at INFO; keep their warnings (strict mode counts them), drop the rest."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def timed_build(config_file: Path, site_dir: Path, serve: bool = False) -> float:
    """Seconds for what `mkdocs build` (or one `mkdocs serve` rebuild) does: read the config, build."""
    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=str(site_dir))
    build(config, serve_url="http://127.0.0.1:8000/" if serve else None)
    return time.perf_counter() - start


def timed_process(config_file: Path, site_dir: Path) -> float:
    """Seconds for a whole `mkdocs build` process, as an editor or a server starts it: imports included."""
    # Python keeps compiled code beside the source, as on an editor's computer; a machine that forbids that (as
    # some sandboxes do) would charge the guide's own code a compile on every run and bare Material's never.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
                    "--site-dir", str(site_dir)], cwd=config_file.parent, check=True,
                   env={**env, "PYTHONPATH": str(config_file.parent)})
    return time.perf_counter() - start


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def alternate(runs: int, **builds) -> dict:
    """Run each build in turn, runs times, so drift of the machine hits all of them alike."""
    times = {name: [] for name in builds}
    for _ in range(runs):
        for name, run in builds.items():
            times[name].append(run())
    return {name: {"median": statistics.median(values), "runs": values} for name, values in times.items()}


def touch(path: Path, counter: list) -> None:
    """Save a small change at the end of the file, as an editor does: a sentence or a comment."""
    counter[0] += 1
    marker = "Wijziging" if path.suffix == ".md" else "# wijziging"
    text = re.sub(rf"\n{marker} \d+\.\n\Z", "\n", path.read_text(encoding="utf-8"))
    path.write_text(f"{text}\n{marker} {counter[0]}.\n", encoding="utf-8")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weights(site: Path, assets: tuple) -> list[int]:
    extra = sum(gz((site / asset).read_bytes()) for asset in assets if (site / asset).exists())
    pages = [p for p in site.rglob("*.html") if "md-content" in p.read_text(encoding="utf-8")]
    return [gz(p.read_bytes()) + extra for p in pages]


def download_seconds(project: Path) -> tuple[float, int, int]:
    """Time to make every checklist download of a project with the pure functions; downloads; items."""
    content = load_content(project / "content")
    fonts = fonts_css(folder(project))
    start = time.perf_counter()
    count = items = 0
    for checklist in content.checklists:
        items += 2 * sum(len(section["punten"]) for section in checklist["secties"])
        sources = [content.find("bronnen", b) for b in checklist["bronnen"]]
        checklist_pdf(checklist, sources, date(2026, 1, 1), None, fonts)
        checklist_docx(checklist, sources, date(2026, 1, 1))
        count += 2
    return time.perf_counter() - start, count, items


def book_seconds(project: Path, site: Path) -> tuple[float, int, int]:
    """Seconds to make the whole guide as one PDF from a built site, its size and its number of A4 pages."""
    guide = load(Options(project, "http://127.0.0.1:8000/"))
    pages = book_pages(site, guide)
    fonts = fonts_css(folder(project))
    start = time.perf_counter()
    data = book_pdf(pages, guide.version, guide.options.site_url, fonts)
    seconds = time.perf_counter() - start
    return seconds, len(data), len(pikepdf.open(io.BytesIO(data)).pages)


# The report -------------------------------------------------------------------------------------

def run(work: Path) -> dict:
    report = {"machine": machine(), "goal_overhead": GOAL, "runs": RUNS}
    project = copy_project(work / "project")
    bare = write_bare_config(project)
    ours = project / "mkdocs.yml"

    log.info("1/5 volledige bouw tegen kale Material (%d keer om en om): hele processen, dan in één proces", RUNS)
    expanded = write_bare_config(project, expand_docs(project, work).name, "mkdocs.uitgeschreven.yml")
    for config, name in ((ours, "ours"), (bare, "bare"), (expanded, "expanded")):
        timed_build(config, work / name)  # the first build in a process also pays for imports: not counted
        timed_process(config, work / name)  # the first process writes the compiled code: not counted either
    report["processes"] = _overhead(alternate(RUNS, handreiking=lambda: timed_process(ours, work / "ours"),
                                              bare=lambda: timed_process(bare, work / "bare"),
                                              bare_expanded=lambda: timed_process(expanded, work / "expanded")))
    report["overhead"] = _overhead(alternate(RUNS, handreiking=lambda: timed_build(ours, work / "ours"),
                                             bare=lambda: timed_build(bare, work / "bare"),
                                             bare_expanded=lambda: timed_build(expanded, work / "expanded")))

    log.info("2/5 opnieuw bouwen na een wijziging, zoals make serve")
    counter = [0]
    markdown_file, yaml_file = project / "docs" / "overlast.md", project / "content" / "corporaties.yml"
    (work / "serve").mkdir()
    preview = Builds(project, "127.0.0.1:8000", "http://127.0.0.1:8000/", work / "serve")
    preview.rebuild()
    report["rebuild"] = alternate(
        RUNS,
        markdown=lambda: (touch(markdown_file, counter), timed(preview.rebuild))[1],
        markdown_all=lambda: timed(preview.wait),  # the full build behind that page, until it is served
        yaml=lambda: (touch(yaml_file, counter), timed(preview.rebuild))[1],
        bare_markdown=lambda: (touch(markdown_file, counter), timed_build(bare, work / "serve-bare", serve=True))[1],
    )
    preview.close()

    log.info("3/5 groei: %s keer zoveel inhoud", ", ".join(map(str, SCALES)))
    report["scale"] = []
    for factor in SCALES:
        scaled = copy_project(work / f"scale-{factor}")
        counts = scale_project(scaled, factor)
        seconds = timed_build(scaled / "mkdocs.yml", work / f"scale-{factor}-site")
        bare_pages = len(list((scaled / "docs").rglob("*.md")))
        bare_seconds = timed_build(write_bare_config(scaled), work / f"scale-{factor}-bare")
        download_time, downloads, items = download_seconds(scaled)
        book_time, book_size, book_pages = (book_seconds(scaled, work / f"scale-{factor}-site")
                                            if factor in BOOK_SCALES else (None, None, None))
        report["scale"].append({"factor": factor, **counts, "build_seconds": seconds,
                                "ms_per_page": 1000 * seconds / counts["pages"],
                                "bare_seconds": bare_seconds, "bare_ms_per_page": 1000 * bare_seconds / bare_pages,
                                "downloads": downloads, "ms_per_download": 1000 * download_time / downloads,
                                "ms_per_item": 1000 * download_time / items,
                                "book_seconds": book_time, "book_bytes": book_size, "book_pages": book_pages})
        shutil.rmtree(scaled)

    log.info("4/5 de volledige bouw van make build, koud en warm; gewicht van pagina's, zoekindex en downloads")
    full = work / "full-site"
    shutil.rmtree(folder(project), ignore_errors=True)
    report["full_build"] = {"cold": timed(lambda: build_site(full, project)),
                            "warm": statistics.median(timed(lambda: build_site(full, project)) for _ in range(3))}
    weights, bare_weights = page_weights(full, OWN_ASSETS), page_weights(work / "bare", ())
    index = (full / "search" / "search_index.json").read_bytes()
    bare_index = (work / "bare" / "search" / "search_index.json").read_bytes()
    report["weight"] = {
        "page_gzip_median": statistics.median(weights), "page_gzip_max": max(weights),
        "bare_page_gzip_median": statistics.median(bare_weights),
        "own_assets_gzip": sum(gz((full / a).read_bytes()) for a in OWN_ASSETS),
        "search_index": len(index), "search_index_gzip": gz(index),
        "bare_search_index": len(bare_index), "bare_search_index_gzip": gz(bare_index),
        "downloads": {p.name: p.stat().st_size for p in sorted((full / "downloads").iterdir())},
    }

    pages = ["index.html", lighthouse.longest_chapter(full), "checklists/woning-toewijzen.html"]
    log.info("5/5 Lighthouse op een telefoon: %s, %d keer, tegen kale Material", ", ".join(pages), lighthouse.RUNS)
    report["lighthouse"] = {"pages": pages, "runs": lighthouse.RUNS,
                            **lighthouse.measure({"handreiking": full, "bare": work / "expanded"}, pages)}
    return report


def _overhead(builds: dict) -> dict:
    """The builds with the guide's time as a multiple of bare Material's, on the same and on the expanded docs/."""
    return {**builds, "ratio": builds["handreiking"]["median"] / builds["bare"]["median"],
            "ratio_expanded": builds["handreiking"]["median"] / builds["bare_expanded"]["median"]}


def give_copies_the_version_date() -> None:
    """The copies the bench builds have no .git: they get this clone's version date, as the README tells anyone who
    builds from a folder without .git (SOURCE_DATE_EPOCH)."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        day = version_date(PROJECT_DIR)
        midnight = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))


def main() -> int:
    REPORT_DIR.mkdir(exist_ok=True)
    give_copies_the_version_date()
    with tempfile.TemporaryDirectory(prefix="bench-") as work, quiet_logs():
        report = run(Path(work))
    (REPORT_DIR / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (REPORT_DIR / "report.md").write_text(markdown_report(report), encoding="utf-8")
    log.info("Geschreven: bench/report.md en bench/report.json (verhouding %.2f× tegen de ingevulde tekst, hele processen)",
             report["processes"]["ratio_expanded"])
    return 0

