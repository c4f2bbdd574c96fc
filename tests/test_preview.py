"""`make serve` as an editor lives with it: a mistake shows on the page, the fix shows within seconds, it never dies."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from scripts.pages import html_tree
from tests.conftest import COPY_EPOCH, real_clock


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, condition, seconds: float) -> tuple[bool, str, float]:
    """Poll url until condition(text) holds; (held, last text, seconds it took)."""
    start, text = time.monotonic(), ""
    while time.monotonic() - start < seconds:
        try:
            text = fetch(url)
            if condition(text):
                return True, text, time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    return False, text, time.monotonic() - start


@pytest.fixture
def preview(project_copy):
    """`python -m scripts serve`, the command `make serve` runs, on a free port in a copy of the project."""
    port = free_port()
    env = real_clock({**os.environ, "PYTHONPATH": str(project_copy), "SOURCE_DATE_EPOCH": COPY_EPOCH})
    process = subprocess.Popen([sys.executable, "-m", "scripts", "serve", "--adres", f"127.0.0.1:{port}"],
                               cwd=project_copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    started, _, _ = wait_for(base + "index.html", lambda text: "Housing First" in text, 120)
    assert started, "the preview did not start"
    yield project_copy, base, process
    process.terminate()
    process.wait(timeout=30)


def test_a_template_mistake_shows_on_the_page_and_the_fix_shows_without_a_restart(preview):
    project, base, process = preview
    page = project / "docs" / "vlaanderen.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("\n# ", '\nEen zin {{ bron("hfnl-handreiking" }}.\n\n# ', 1), encoding="utf-8")

    shown, text, _ = wait_for(base + "vlaanderen.html", lambda t: 'role="alert"' in t, 30)
    assert shown, "the mistake is not shown on the page"
    assert "docs/vlaanderen.md:" in text and "klopt niet" in text
    assert process.poll() is None, "the preview stopped"

    page.write_text(good, encoding="utf-8")
    # How fast is measured by `make bench` (serve rebuild); here only that the fix comes back by itself.
    fixed, text, seconds = wait_for(base + "vlaanderen.html", lambda t: 'role="alert"' not in t, 30)
    assert fixed, f"the fixed page did not come back within 30 seconds (last page: {text[:200]})"
    assert process.poll() is None


def test_a_data_mistake_before_any_good_build_shows_an_error_page_then_the_guide(preview):
    project, base, process = preview
    data = project / "content" / "partners.yml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("kring: driehoek", "kring: drie-hoek", 1), encoding="utf-8")
    shown, text, _ = wait_for(base + "samenwerken.html", lambda t: 'role="alert"' in t, 30)
    assert shown and "content/partners.yml:" in text and "is geen geldige keuze" in text
    data.write_text(good, encoding="utf-8")
    fixed, _, _ = wait_for(base + "samenwerken.html", lambda t: 'role="alert"' not in t, 30)
    assert fixed, "the fixed data did not come back within 30 seconds"
    assert process.poll() is None


def test_editing_the_code_restarts_the_preview_with_the_new_code(preview):
    project, base, process = preview
    module = project / "scripts" / "pages" / "render.py"
    module.write_text(module.read_text(encoding="utf-8").replace("De regel over voorwaarden", "De regel (nieuw)"),
                      encoding="utf-8")
    restarted, _, _ = wait_for(base + "kernprincipes.html", lambda t: "De regel (nieuw)" in t, 120)
    assert restarted, "the preview kept running the old code"
    assert process.poll() is None, "the preview stopped instead of restarting"


# The preview's builds in this process, without the server: which way a change is built, and what it then serves.

@pytest.fixture
def builds(project_copy, tmp_path, monkeypatch):
    """The preview's builds of a copy of the project, after its first (full) build; .reloads counts reloads."""
    from scripts.engines.preview import Builds

    monkeypatch.setenv("SOURCE_DATE_EPOCH", COPY_EPOCH)
    (tmp_path / "voorbeeld").mkdir()
    reloads = []
    made = Builds(project_copy, "127.0.0.1:8000", "http://127.0.0.1:8000/", tmp_path / "voorbeeld",
                  lambda: reloads.append(1))
    made.reloads = reloads
    assert made.rebuild() == "volledig" and made.problem is None
    yield made
    made.close()


def add_line(path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_an_edited_page_is_made_alone_exactly_as_the_full_build_behind_it_makes_it(builds):
    add_line(builds.project_dir / "docs" / "overlast.md", "Een nieuwe zin over burenruzie.")
    assert builds.rebuild() == "pagina"
    alone = (builds.served / "overlast.html").read_bytes()
    assert "Een nieuwe zin over burenruzie." in alone.decode("utf-8")
    assert "Een nieuwe zin" not in (builds.served / "search" / "search_index.json").read_text(encoding="utf-8")

    builds.wait()  # the full build behind it, now served
    assert (builds.served / "overlast.html").read_bytes() == alone
    assert "Een nieuwe zin over burenruzie." in (builds.served / "search" / "search_index.json").read_text(encoding="utf-8")
    assert builds.reloads == [], "open pages reloaded though the full build made the page the same"


def test_a_change_beyond_pages_that_stand_alone_gets_a_full_build(builds):
    from scripts.engines import page_rebuild

    def changed_alone():
        return builds.last.pages_alone(page_rebuild.inputs(builds.project_dir))

    assert builds.rebuild() == "niets"
    for path, line in (("content/corporaties.yml", "# een opmerking"),
                       ("docs/voor-trainers.md", "Een zin."),  # filled from every page's sections
                       ("overrides/main.html", ""),
                       ("docs/nieuw.md", "# Nieuw")):
        changed = builds.project_dir / path
        before = changed.read_bytes() if changed.exists() else None
        changed.write_bytes((before or b"") + f"\n{line}\n".encode("utf-8"))
        with pytest.raises(page_rebuild.NotAlone):  # rebuild() then builds everything, as the tests above show
            changed_alone()
        if before is None:
            changed.unlink()
        else:  # as it was, so the next change is the only one
            changed.write_bytes(before)
            modified, _ = builds.last.inputs[path]
            os.utime(changed, ns=(modified, modified))
        assert changed_alone() == []


def test_a_mistake_in_an_edited_page_is_said_once_and_the_page_stays_as_it_was(builds, caplog):
    before = (builds.served / "overlast.html").read_bytes()
    for line, named in (("[een kapotte link](bestaat-niet.md)", "bestaat-niet.md"),
                        ('Een zin {{ bron("hfnl-handreiking" }}.', "klopt niet")):
        caplog.clear()
        page = builds.project_dir / "docs" / "overlast.md"
        good = page.read_text(encoding="utf-8")
        add_line(page, line)
        assert builds.rebuild() == "volledig"
        assert "docs/overlast.md:" in builds.problem and named in builds.problem
        said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert sum(named in message for message in said) == 1, f"the mistake was said more than once: {said}"
        assert (builds.served / "overlast.html").read_bytes() == before
        page.write_text(good, encoding="utf-8")
        assert builds.rebuild() == "volledig" and builds.problem is None


def test_a_page_with_a_new_inline_script_gets_a_full_build_whose_policy_lets_that_script_run(builds):
    from scripts.pages import csp

    add_line(builds.project_dir / "docs" / "overlast.md", "<script>console.log('nieuw op de pagina')</script>")
    assert builds.rebuild() == "volledig"
    served = (builds.served / "overlast.html").read_text(encoding="utf-8")
    assert csp.source_hash("console.log('nieuw op de pagina')") in csp.site_policy(builds.served)
    assert "nieuw op de pagina" in served


def test_a_page_replaced_by_a_link_to_a_file_elsewhere_is_refused_and_its_target_never_shown(builds, tmp_path):
    page = builds.project_dir / "docs" / "overlast.md"
    secret = tmp_path / "elders.md"  # the page's own text and one line more, so nothing else about it is wrong
    secret.write_text(page.read_text(encoding="utf-8") + "\nGEHEIM-BUITEN-DE-HANDREIKING\n", encoding="utf-8")
    page.unlink()
    page.symlink_to(secret)
    assert builds.rebuild() == "volledig"
    assert "docs/overlast.md" in builds.problem
    assert "GEHEIM" not in (builds.served / "overlast.html").read_text(encoding="utf-8")


def test_open_pages_reload_when_the_full_build_behind_a_page_fails(builds, monkeypatch):
    from scripts.content.problems import EditorError, Problem
    from scripts.engines import page_rebuild

    def failing(*args):
        raise EditorError([Problem("docs/overlast.md", 1, "", "een fout die alleen de hele site laat zien")])

    monkeypatch.setattr(page_rebuild, "full_build", failing)
    add_line(builds.project_dir / "docs" / "overlast.md", "Nog een zin.")
    assert builds.rebuild() == "pagina"
    builds.wait()
    assert "alleen de hele site" in builds.problem
    assert builds.reloads == [1], "open pages did not reload to show the mistake"


def test_a_missing_file_asked_for_during_the_full_build_behind_a_page_does_not_stop_that_build(preview):
    project, base, process = preview
    add_line(project / "docs" / "overlast.md", "Een zin over een portiek.")
    shown, _, _ = wait_for(base + "overlast.html", lambda t: "Een zin over een portiek." in t, 30)
    assert shown
    # Browsers ask for files that are not there (an old bookmark, a favicon); the server says so while the full
    # build runs behind the page, and that build is strict about warnings.
    for _ in range(20):
        with pytest.raises(urllib.error.HTTPError):
            fetch(base + "bestaat-niet.png")
    done, text, _ = wait_for(base + "search/search_index.json", lambda t: "over een portiek" in t, 30)
    assert done, "the full build behind the page did not finish"
    assert 'role="alert"' not in fetch(base + "overlast.html")


def test_reloading_open_pages_answers_the_reload_script_every_served_page_carries(tmp_path):
    from types import SimpleNamespace

    from scripts.engines.preview import _Preview

    (tmp_path / "index.html").write_text("<!doctype html><html><body><p>Tekst</p></body></html>", encoding="utf-8")
    port = free_port()
    server = _Preview(builder=lambda: None, host="127.0.0.1", port=port, root=str(tmp_path))
    server.builds = SimpleNamespace(problem=None)
    server.watch(str(tmp_path))
    threading.Thread(target=server.serve, daemon=True).start()
    try:
        ready, page, _ = wait_for(f"http://127.0.0.1:{port}/index.html", lambda t: "data-epoch=" in t, 10)
        assert ready
        epoch = html_tree.parse_page(page).xpath("//script/@data-epoch")[0]
        answer = []
        poll = threading.Thread(target=lambda: answer.append(fetch(f"http://127.0.0.1:{port}/livereload/{epoch}/1")))
        poll.start()
        server.reload_browsers()
        poll.join(timeout=10)
        assert answer and int(answer[0]) > int(epoch), "the page's reload script was not told to reload"
    finally:
        server.shutdown()


@pytest.mark.browser
def test_an_open_page_shows_a_saved_edit_by_itself_and_the_policy_blocks_nothing(preview, browser):
    project, base, process = preview
    page = browser.new_page()
    refused = []
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    page.goto(base + "overlast.html")
    page.wait_for_load_state("load")
    add_line(project / "docs" / "overlast.md", "Een zin die de open pagina vanzelf laat zien.")
    page.get_by_text("Een zin die de open pagina vanzelf laat zien.").wait_for(timeout=30000)
    assert not refused, refused
    page.close()
