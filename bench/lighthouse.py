"""Lighthouse on a phone, for the guide and for bare Material on the same Markdown: the median of five runs per page."""

from __future__ import annotations

import gzip
import io
import json
import os
import statistics
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# The flags the test suite uses: without the background-networking ones Chromium calls Google at start.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
RUNS = 5
METRICS = {"largest-contentful-paint": "lcp_ms", "total-blocking-time": "tbt_ms", "first-contentful-paint": "fcp_ms",
           "dom-size-insight": "dom_elements"}


class _Quiet(SimpleHTTPRequestHandler):
    """Serves a built site as a web host does: quietly, and gzip-compressed when the browser asks for it."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        data = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def _serve(site: Path) -> tuple[str, ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def _run(url: str) -> dict:
    """One mobile Lighthouse run (Lighthouse's default: a mid-range phone on a slow 4G connection)."""
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout", f"--chrome-flags={CHROME_FLAGS}",
         "--only-categories=performance,accessibility"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(result.stdout)
    scores = {name: round(100 * category["score"]) for name, category in report["categories"].items()}
    scores.update({key: report["audits"][audit].get("numericValue") for audit, key in METRICS.items()})
    scores["failing"] = sorted(audit_id for audit_id, audit in report["audits"].items()
                               if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0)
    return scores


def measure(sites: dict[str, Path], pages: list[str], runs: int = RUNS) -> dict:
    """{site name: {page: median scores}}; the sites take turns, so drift of the machine hits all alike."""
    servers = {name: _serve(site) for name, site in sites.items()}
    found: dict = {name: {page: [] for page in pages} for name in sites}
    try:
        for _ in range(runs):
            for page in pages:
                for name, (base, _) in servers.items():
                    found[name][page].append(_run(base + page))
    finally:
        for _, server in servers.values():
            server.shutdown()
    return {name: {page: _median(results) for page, results in by_page.items()} for name, by_page in found.items()}


def _median(results: list[dict]) -> dict:
    keys = [key for key in results[0] if key != "failing"]
    median = {key: statistics.median(r[key] for r in results if r[key] is not None) for key in keys}
    median["failing"] = sorted({audit for r in results for audit in r["failing"]})
    return median


def longest_chapter(site: Path) -> str:
    """The chapter with the most HTML: the one a phone struggles with first (lists of addresses and terms left out)."""
    pages = [p for p in site.glob("*.html") if p.name not in ("voor-trainers.html", "begrippen.html", "bronnen.html",
                                                             "404.html", "index.html")]
    return max(pages, key=lambda p: len(p.read_bytes())).name
