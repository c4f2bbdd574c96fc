"""Valid HTML: the Nu Html Checker finds no error in any page, apart from a few in Material's own templates."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import PROJECT

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material for MkDocs' templates, not from this guide: (message start, extract pattern).
MATERIAL_ERRORS = [
    # base.html: the hidden checkboxes that open the drawer and the search carry autocomplete="off".
    ("Attribute “autocomplete” is only allowed when the input type is", r'<input class="md-toggle"'),
    # partials/nav-item.html: nested navigation labels get tabindex="" when they are not focusable.
    ("Bad value “” for attribute “tabindex” on element “label”", r'<label class="md-nav__link'),
    # partials/toc.html: a section's index page (navigation.indexes) has a contents label but no __toc toggle.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'<label class="md-nav__title" for="__toc">'),
]


def vnu_errors(paths) -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("Java ontbreekt; `make test` installeert het met apt")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
                            capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr)["messages"]


def is_material_error(message: dict) -> bool:
    return any(message["message"].startswith(start) and re.search(pattern, message.get("extract", ""))
               for start, pattern in MATERIAL_ERRORS)


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory) -> dict[str, list[dict]]:
    """One run of the checker (its Java takes seconds to start) over every page and a page with planted faults:
    two elements with one id, and a label pointing nowhere. {'site' or 'fout': its errors}."""
    planted = tmp_path_factory.mktemp("fout") / "fout.html"
    planted.write_text('<!doctype html><html lang="nl"><head><title>x</title></head><body>'
                       '<p id="dubbel">a</p><p id="dubbel">b</p><label for="niets">c</label></body></html>',
                       encoding="utf-8")
    errors = [m for m in vnu_errors([*sorted(site.rglob("*.html")), planted]) if not is_material_error(m)]
    return {"fout": [m for m in errors if m["url"].endswith("/fout.html")],
            "site": [m for m in errors if not m["url"].endswith("/fout.html")]}


def test_every_page_is_valid_html(checked):
    report = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in checked["site"]]
    assert not report, "\n".join(report)


def test_the_checker_reports_a_real_error(checked):
    """Planted fault: the same run reports the duplicate id and the label pointing nowhere."""
    errors = [m["message"] for m in checked["fout"]]
    assert any("Duplicate ID “dubbel”" in e for e in errors)
    assert any("“for” attribute" in e for e in errors)
