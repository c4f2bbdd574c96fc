"""`make serve`: a preview that never dies: a mistake shows in the terminal and on every page, then it recovers."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sys
import tempfile
from html import escape
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.livereload import LiveReloadServer

from scripts import codeversion
from scripts.content.problem_text import collected_messages, explain
from scripts.engines import mkdocs_run

log = logging.getLogger("mkdocs.handreiking.voorbeeld")
WATCHED = ("docs", "content", "overrides", "scripts", "mkdocs.yml")
_BANNER = ('<div role="alert" style="position:sticky;top:0;z-index:10;margin:0;padding:1em 1.5em;'
           'background:#8c1d18;color:#fff;font:16px/1.5 sans-serif;white-space:pre-wrap">'
           "<strong>De laatste wijziging gaf een fout; je ziet de vorige versie.</strong>\n{}</div>")
_ERROR_PAGE = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fout in de handreiking</title>'
               "</head><body>{}<p>Verbeter de fout en bewaar het bestand; deze pagina ververst dan vanzelf.</p>"
               "</body></html>")


class _Preview(LiveReloadServer):
    """MkDocs' live-reload server that shows the last build's mistake at the top of every page it serves."""

    problem: str | None = None

    def _inject_js_into_html(self, content, epoch):
        content = super()._inject_js_into_html(content, epoch)
        if not self.problem:
            return content
        banner = _BANNER.format(escape(self.problem)).encode("utf-8")
        start = content.find(b">", content.find(b"<body")) + 1
        return content[:start] + banner + content[start:]


def _swap(new: Path, served: Path) -> None:
    """Put a finished build where the server looks, with two renames; the old one goes after."""
    old = served.with_name(served.name + "-oud")
    served.rename(old)
    new.rename(served)
    shutil.rmtree(old, ignore_errors=True)


def serve(project_dir: Path, address: str) -> int:
    """Serve the guide on address (host:port) until Ctrl+C; rebuild on every change; return the exit code."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        log.error("Het adres '%s' klopt niet; schrijf het als host:poort, bijvoorbeeld make serve ADDRESS=127.0.0.1:8001",
                  address)
        return 2
    site_dir = tempfile.mkdtemp(prefix="handreiking-voorbeeld-")
    server = _Preview(builder=lambda: None, host=host, port=int(port), root=site_dir)

    def rebuild():
        if codeversion.changed_since_start():
            log.info("De code in scripts/ is veranderd; de voorbeeldweergave start opnieuw.")
            shutil.rmtree(site_dir, ignore_errors=True)
            os.execv(sys.executable, [sys.executable, "-m", "scripts", "serve", "--adres", address])
        # MkDocs empties its site folder first: build beside the served one, swap only a good build in.
        work = tempfile.mkdtemp(prefix="handreiking-bouw-")
        with collected_messages() as messages:
            try:
                config = mkdocs_run.load(project_dir / "mkdocs.yml", site_dir=work, dev_addr=address)
                config.site_url = server.url
                build(config, serve_url=server.url)
                _swap(Path(work), Path(site_dir))
                server.problem = None
                return
            except (Exception, SystemExit) as error:
                server.problem = explain(error, messages)
                shutil.rmtree(work, ignore_errors=True)
        if not messages:
            log.error("%s", server.problem)
        if not (Path(site_dir) / "index.html").is_file():
            (Path(site_dir) / "index.html").write_text(_ERROR_PAGE.format(""), encoding="utf-8")

    server.builder = rebuild
    server.error_handler = lambda code: (_ERROR_PAGE.format(escape(server.problem)).encode("utf-8")
                                         if server.problem else None)
    rebuild()
    for name in WATCHED:
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
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
