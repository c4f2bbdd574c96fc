"""Nothing from outside the project reaches the site or its downloads: no symlinked file, no file:// address."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from scripts.cache import folder
from scripts.files import pdf_render
from tests.conftest import PROJECT, run_build


@pytest.mark.parametrize("where", ["docs/assets/buiten.txt", "content/schema/buiten.json"])
def test_a_symlink_in_the_inputs_is_refused_with_a_dutch_message(project_copy, tmp_path, where):
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-BUITEN-DE-HANDREIKING", encoding="utf-8")
    (project_copy / where).symlink_to(secret)
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{where}:1" in said and "symlink" in said, said
    assert "Traceback" not in said
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("markup", ['<a rel="attachment" href="file://{path}">bijlage</a>',
                                    '<img src="file://{path}" alt="plaatje">'])
def test_a_pdf_embeds_no_file_from_the_disk(tmp_path, markup):
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-BUITEN-DE-HANDREIKING", encoding="utf-8")
    html = (f"<html><head><style>{pdf_render.fonts_css(folder(PROJECT))}</style></head><body><p>Tekst</p>"
            f"{markup.format(path=secret)}</body></html>")
    with pytest.raises(PluginError) as refused:
        pdf_render.render(html)
    assert "buiten de handreiking" in str(refused.value) and str(secret) in str(refused.value)


def test_template_code_in_data_shows_as_text_in_the_mkdocs_build(project_copy, tmp_path):
    from tests.test_engines import POISON, poison_data

    poison_data(project_copy)
    result = run_build(project_copy, tmp_path / "site", "--zonder-offline")
    assert result.returncode == 0, result.stderr
    pages = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")}
    assert any(POISON in html for page, html in pages.items() if "checklists" not in page.parts)
    assert any(POISON in html for page, html in pages.items() if "checklists" in page.parts)
    for page, html in pages.items():
        assert html.count("7*7") == html.count(POISON), f"{page.name} ran template code"
