"""Caches never outlive the code that filled them: code edited during `mkdocs serve` cannot leave a stale download."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from pypdf import PdfReader

from scripts import codeversion
from scripts.pages import compiled_pages
from tests.conftest import COPY_EPOCH, PROJECT, copy_with_shared_cache, run_build

# Two builds in one process, as `mkdocs serve` does, with a code edit in between.
SERVE_LIKE = """
import logging
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.WARNING)
project = Path(sys.argv[1])
build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "first")))
for name, old, new in [("files/checklist_pdf.py", "Vink aan wat klaar is.", "Vink aan wat al gedaan is."),
                       ("pages/render.py", "Waarom dit niet past bij Housing First:", "Waarom dit botst:")]:
    path = project / "scripts" / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
try:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "second")))
    print("TWEEDE BOUW GELUKT")
except Exception as error:
    print("TWEEDE BOUW GEWEIGERD:", error)
"""


def serve_like_then_fresh(project: Path, site: Path) -> tuple[str, str]:
    """Run the two in-process builds, then a fresh `make build`; return what the first process said and the PDF text."""
    env = {**os.environ, "PYTHONPATH": str(project), "SOURCE_DATE_EPOCH": COPY_EPOCH}
    first = subprocess.run([sys.executable, "-c", SERVE_LIKE, str(project)], cwd=project, env=env,
                           capture_output=True, text=True, timeout=300)
    assert "TWEEDE BOUW" in first.stdout, first.stderr[-3000:]
    result = run_build(project, site, "--zonder-offline")
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(io.BytesIO((site / "downloads" / "woning-toewijzen.pdf").read_bytes()))
    return first.stdout + first.stderr, " ".join(page.extract_text() for page in pdf.pages)


def test_code_edited_between_two_builds_in_one_process_never_leaves_a_stale_download(tmp_path, shared_cache):
    # The project's own cache: what the edited code makes is kept under other keys than the running code's.
    project = copy_with_shared_cache(tmp_path / "project", shared_cache)
    said, pdf_text = serve_like_then_fresh(project, tmp_path / "site")
    assert "Vink aan wat al gedaan is." in pdf_text, "the fresh build published the PDF of the old code"
    assert "Vink aan wat klaar is." not in pdf_text
    assert "TWEEDE BOUW GEWEIGERD" in said and "start het opnieuw" in said, said
    page = (tmp_path / "site" / "gemengd-wonen.html").read_text(encoding="utf-8")
    assert "Waarom dit botst:" in page


def test_a_renamed_chapter_is_caught_even_when_the_data_passed_the_check_before(tmp_path):
    """The check reads docs/ (which chapter each lesson belongs to), so the cached verdict must follow docs/ too."""
    from scripts.content import ContentError, load_content

    project = tmp_path / "project"
    for name in ("content", "docs"):
        shutil.copytree(PROJECT / name, project / name)
    checked = tmp_path / "gecontroleerd"
    load_content(project / "content", checked_dir=checked)
    (project / "docs" / "vlaanderen.md").rename(project / "docs" / "vlaanderen-en-brussel.md")
    try:
        load_content(project / "content", checked_dir=checked)
    except ContentError as error:
        assert "vlaanderen.md" in str(error)
    else:
        raise AssertionError("the cached check passed although a lesson's chapter no longer exists")


def test_a_kept_file_follows_the_code_that_makes_it_and_nothing_else():
    """An edit to a page's code keeps the hand-outs (the preview restarts in seconds); an edit to their code remakes them."""
    package = {"maker": b"from pkg import paper\n\ndef make():\n    from pkg.fonts import subset\n",
               "paper": b"import pkg.layout\n", "layout": b"A4 = 1\n", "fonts": b"", "pages": b"from pkg import maker\n"}
    assert set(codeversion.closure(package, "pkg.maker", "pkg")) == {"maker", "paper", "layout", "fonts"}
    before = codeversion.digest(codeversion.closure(package, "pkg.maker", "pkg"))
    edited_page = {**package, "pages": b"from pkg import maker  # edited\n"}
    assert codeversion.digest(codeversion.closure(edited_page, "pkg.maker", "pkg")) == before
    edited_layout = {**package, "layout": b"A4 = 2\n"}
    assert codeversion.digest(codeversion.closure(edited_layout, "pkg.maker", "pkg")) != before


def test_imports_are_found_in_every_form_the_code_uses():
    """Only import statements are parsed (for speed): each way of writing one still names its modules."""
    source = (b'"""Docstring."""\nimport os\nfrom pkg import (cache,  # why\n    links)\n'
              b"def f():\n    try:\n        from pkg.files.maker import make\n    except ImportError:\n"
              b"        import pkg.pages.view\nfrom other import pkg\n")
    assert codeversion.imported(source, "pkg") == {"cache", "links", "files", "files.maker", "files.maker.make",
                                                   "pages.view"}
    assert codeversion.imported(source + b"from pkg import \\\n    page_dates\n", "pkg") >= {"page_dates", "links"}


def test_the_code_of_a_kept_file_is_followed_through_the_folders_of_scripts(tmp_path):
    """scripts/ has folders: a module's key holds the modules it imports from any folder, and their folders' __init__."""
    for name, source in {"__init__.py": "", "cache.py": "", "files/__init__.py": "", "files/maker.py":
                         "from pkg import cache\nfrom pkg.files import paper\n", "files/paper.py":
                         "from pkg.pages.markup import escape\n", "pages/__init__.py": "", "pages/markup.py": "",
                         "pages/view.py": "from pkg.files import maker\n"}.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(source, encoding="utf-8")
    package = codeversion.read(tmp_path)
    assert set(package) == {"__init__", "cache", "files", "files.maker", "files.paper", "pages", "pages.markup",
                            "pages.view"}
    assert set(codeversion.closure(package, "pkg.files.maker", "pkg")) == {
        "files.maker", "cache", "files", "files.paper", "pages", "pages.markup"}



def _compile_counter(jinja, kept) -> list[str]:
    """keep_compiled on jinja, counting the texts it compiles."""
    compiled = []
    compile_text = jinja.compile
    jinja.compile = lambda source, *args, **kwargs: compiled.append(source) or compile_text(source, *args, **kwargs)
    compiled_pages.keep_compiled(jinja, kept)
    return compiled


def test_a_page_compiled_by_an_earlier_build_is_not_compiled_again(tmp_path):
    """mkdocs-macros compiles every page in every build: the code of an unchanged text comes from the cache; a changed
    text, or the same text under other delimiters, is compiled anew; a mistake is said and nothing is kept."""
    kept = jinja2.FileSystemBytecodeCache(str(tmp_path))
    page = "Tekst {{ naam }} en {% if True %}meer{% endif %}."
    jinja = jinja2.Environment()
    first = _compile_counter(jinja, kept)
    assert jinja.from_string(page).render(naam="x") == "Tekst x en meer." and first == [page]
    later = jinja2.Environment()
    again = _compile_counter(later, kept)
    assert later.from_string(page).render(naam="y") == "Tekst y en meer." and again == []
    assert later.from_string(page + " Bewerkt.").render(naam="y").endswith("Bewerkt.") and len(again) == 1
    other_syntax = jinja2.Environment(variable_start_string="[[", variable_end_string="]]")
    anew = _compile_counter(other_syntax, kept)
    assert other_syntax.from_string(page).render(naam="z") == "Tekst {{ naam }} en meer." and anew == [page]
    broken = jinja2.Environment()
    _compile_counter(broken, kept)
    files = set(tmp_path.iterdir())
    with pytest.raises(jinja2.TemplateSyntaxError):
        broken.from_string("{% if %}")
    assert set(tmp_path.iterdir()) == files
