"""`make serve` as an editor lives with it: a mistake shows on the page, the fix shows within seconds, it never dies."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

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
