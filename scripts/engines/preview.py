"""`make serve`: a preview that never dies: a mistake shows in the terminal and on every page, then it recovers.

A changed page shows within a fraction of a second (page_rebuild); a full build follows behind it and is swapped in
whole, as is every build after a change to anything else.
"""

from __future__ import annotations

import errno
import itertools
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from html import escape
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from scripts import codeversion
from scripts.content.problem_text import collected_messages, explain
from scripts.engines import page_rebuild
from scripts.engines.build import BUILD_INPUTS

log = logging.getLogger("mkdocs.handreiking.voorbeeld")
# Put into every build the preview serves, and loaded by every page it serves.
RELOAD_SCRIPT = Path(__file__).with_name("herladen.js")
_BANNER = ('<div role="alert" style="position:sticky;top:0;z-index:10;margin:0;padding:1em 1.5em;'
           'background:#8c1d18;color:#fff;font:16px/1.5 sans-serif;white-space:pre-wrap">'
           "<strong>De laatste wijziging gaf een fout; je ziet de vorige versie.</strong>\n{}</div>")
_ERROR_PAGE = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fout in de handreiking</title>'
               "</head><body>{}<p>Verbeter de fout en bewaar het bestand; deze pagina ververst dan vanzelf.</p>"
               "</body></html>")


class _Preview(LiveReloadServer):
    """MkDocs' live-reload server that shows the last build's mistake at the top of every page it serves."""

    builds: Builds

    def _inject_js_into_html(self, content, epoch):
        # MkDocs adds its reload script inline, and the page's security policy (scripts/pages/csp.py) refuses it:
        # the same script as a file of the site instead, this page's epoch in its attributes.
        tag = (f'<script src="{self.mount_path}{RELOAD_SCRIPT.name}" data-epoch="{epoch}" '
               f'data-request="{time.monotonic_ns() // 1_000_000}"></script>').encode("utf-8")
        end = content.rfind(b"</body>")
        content = content[:end] + tag + content[end:] if end >= 0 else content + tag
        if not self.builds.problem:
            return content
        banner = _BANNER.format(escape(self.builds.problem)).encode("utf-8")
        start = content.find(b">", content.find(b"<body")) + 1
        return content[:start] + banner + content[start:]

    def reload_browsers(self) -> None:
        """Open pages load again: a build behind the served one changed what they show."""
        with self._epoch_cond:
            if self._visible_epoch == self._wanted_epoch:  # during a rebuild its own end reloads them
                self._visible_epoch = self._wanted_epoch = self._visible_epoch + 1
                self._epoch_cond.notify_all()


_REQUEST_LINE = re.compile(r'"[A-Z]+ [^"]*" code \d+$')  # '[12:00:00] "GET /x.png HTTP/1.1" code 404'


class _RequestLines(logging.Filter):
    """The server's line for a missing file is a note: a strict build running beside it would count it as a warning
    of its own and stop."""

    def filter(self, record):
        if record.levelno == logging.WARNING and _REQUEST_LINE.search(record.getMessage()):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


class Builds:
    """The preview's site: full builds beside the served one, swapped in whole when good; changed pages alone between."""

    def __init__(self, project_dir: Path, address: str, url: str, folder: Path, reload_browsers=lambda: None):
        self.project_dir, self.address, self.url, self.folder = project_dir, address, url, folder
        self.reload_browsers = reload_browsers
        self.served = folder / "site"  # a link to the build being served, replaced in one step
        self.problem: str | None = None  # the last build's mistake, in the editor's words
        self.last: page_rebuild.LastBuild | None = None
        self._behind: threading.Thread | None = None
        self._numbers = itertools.count(1)

    def rebuild(self) -> str:
        """Bring the served site up to the files: 'pagina' when the changed pages were made alone (a full build then
        follows behind), 'volledig' after a full build, 'niets' when no file a build reads changed."""
        self.wait()
        if self.last is not None and self.problem is None:
            start = time.perf_counter()
            try:
                srcs = self.last.pages_alone(page_rebuild.inputs(self.project_dir))
                if not srcs:
                    return "niets"
                made = self.last.remake(srcs)
            except page_rebuild.NotAlone as reason:
                log.debug("Een volledige bouw: %s", reason)
            else:
                for url, html in made.items():
                    _write(self.served / url, html)
                log.info("%s opnieuw gemaakt in %s s; de rest van de site volgt.", ", ".join(srcs),
                         f"{time.perf_counter() - start:.2f}".replace(".", ","))
                self._behind = threading.Thread(target=self.full, args=(made,), daemon=True)
                self._behind.start()
                return "pagina"
        self.full()
        return "volledig"

    def full(self, shown: dict[str, str] | None = None) -> None:
        """A full build into a new folder, served when it succeeds. shown: pages made alone just before; open pages
        reload only when this build made one of them differently, or failed."""
        work = self.folder / f"bouw-{next(self._numbers)}"
        problem = None
        with collected_messages() as messages:
            try:
                self.last = page_rebuild.full_build(self.project_dir, work, self.address, self.url)
            except (Exception, SystemExit) as error:
                problem = explain(error, messages)
        if problem is None:
            self._serve(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
            if not messages:
                log.error("%s", problem)
            if not self.served.exists():
                work.mkdir()
                (work / "index.html").write_text(_ERROR_PAGE.format(""), encoding="utf-8")
                self._serve(work)
        changed = problem != self.problem or any(_text(self.served / url) != html for url, html in (shown or {}).items())
        self.problem = problem
        if shown is not None and changed:
            self.reload_browsers()

    def wait(self) -> None:
        """Until the full build behind a page made alone is done."""
        if self._behind is not None:
            self._behind.join()
            self._behind = None

    def close(self) -> None:
        self.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _serve(self, build: Path) -> None:
        """Point the served link at a finished build in one step; the build served before goes."""
        shutil.copyfile(RELOAD_SCRIPT, build / RELOAD_SCRIPT.name)
        old = self.served.resolve() if self.served.is_symlink() else None
        link = self.folder / "site-nieuw"
        link.unlink(missing_ok=True)
        link.symlink_to(build.name)
        os.replace(link, self.served)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:  # the page is gone
        return None


def _write(path: Path, text: str) -> None:
    """Replace a served file in one step: a browser loading it meanwhile gets the old or the new page, never half."""
    new = path.with_name(path.name + ".nieuw")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def serve(project_dir: Path, address: str) -> int:
    """Serve the guide on address (host:port) until Ctrl+C; rebuild on every change; return the exit code."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        log.error("Het adres '%s' klopt niet; schrijf het als host:poort, bijvoorbeeld make serve ADDRESS=127.0.0.1:8001",
                  address)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="handreiking-voorbeeld-"))
    server = _Preview(builder=lambda: None, host=host, port=int(port), root=str(folder / "site"))
    builds = server.builds = Builds(project_dir, address, server.url, folder, server.reload_browsers)

    def rebuild():
        builds.wait()
        if codeversion.changed_since_start():
            log.info("De code in scripts/ is veranderd; de voorbeeldweergave start opnieuw.")
            builds.close()
            os.execv(sys.executable, [sys.executable, "-m", "scripts", "serve", "--adres", address])
        builds.rebuild()

    server.builder = rebuild
    server.error_handler = lambda code: (_ERROR_PAGE.format(escape(builds.problem)).encode("utf-8")
                                         if builds.problem else None)
    logging.getLogger("mkdocs.livereload").addFilter(_RequestLines())
    rebuild()
    for name in BUILD_INPUTS:
        server.watch(str(project_dir / name))
    try:
        server.serve()
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        log.error("Poort %s is al in gebruik, misschien door een andere voorbeeldweergave. Kies een andere poort: "
                  "make serve ADDRESS=%s:%d", port, host, int(port) + 1)
        return 1
    except KeyboardInterrupt:
        log.info("De voorbeeldweergave is gestopt.")
    finally:
        server.shutdown()
        builds.close()
    return 0
