"""Every place the guide leans on a library's internals, with the version it was written for.

A new pin of one of these libraries makes a test here fail, so whoever bumps it re-checks the patch (and then
updates the version below) instead of finding out from a broken build or, worse, a quietly wrong one.
"""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version

import pytest

from tests.conftest import PROJECT

# (distribution, version the patch was written for, where, what it relies on)
PATCHES = [
    ("pydyf", "0.13.0", "scripts/files/pdf_render.py",
     "PDF.page_references is a property listing every page anew; made linear for books of 100+ pages"),
    ("weasyprint", "70.0", "scripts/files/pdf_render.py",
     "TargetCollector.collect_missing_counters gets the target's list as the box's own (build.py reuses a name); "
     "cache_target_page_counters tells references of any change in a target's page counters, the total included"),
    ("mkdocs-redirects", "1.2.3", "scripts/pages/redirect_page.py",
     "the module constant HTML_TEMPLATE is the redirect page; replaced by a Dutch page carrying the anchor"),
    ("mkdocs-macros-plugin", "1.5.0", "scripts/content/page_errors.py",
     "errors.format_error is a singledispatch function; the guide registers its Dutch messages"),
    ("mkdocs-macros-plugin", "1.5.0", "scripts/pages/compiled_pages.py, scripts/engines/hooks.py",
     "MacrosPlugin.render makes each page a template with env.from_string(markdown), env being ready after its "
     "on_config; the guide's from_string takes the code of a text compiled before from the cache"),
    ("mkdocs", "1.6.1", "scripts/engines/preview.py",
     "LiveReloadServer._inject_js_into_html adds its reload script inline, which the pages' policy refuses; the "
     "preview adds the same protocol as a file (scripts/engines/herladen.js: /livereload/<epoch>/<id> answers with a "
     "newer epoch) and its own banner. "
     "It keeps _epoch_cond, _visible_epoch and _wanted_epoch; reload_browsers moves the epoch on when no rebuild is "
     "under way. Its request lines read '\"GET /x HTTP/1.1\" code 404'"),
    ("mkdocs", "1.6.1", "scripts/engines/page_rebuild.py",
     "mkdocs.commands.build._populate_page makes one page with its plugin events; a page made alone follows "
     "_build_page's steps (get_context, on_page_context, template.render, on_post_page) without its write"),
    ("mkdocs", "1.6.1", "scripts/engines/mkdocs_run.py",
     "configuration errors are logged as English lines \"Config value 'x': ...\"; they are said in Dutch instead"),
    ("Jinja2", "3.1.6", "scripts/content/page_errors.py",
     "the English wording of Jinja's syntax errors names the tag or block; read to give Dutch advice"),
    ("mkdocs-material", "9.8.1", "overrides/partials/header.html, overrides/partials/search.html",
     "copies of Material's partials with one change each (no block exists for it)"),
    ("mkdocs-material", "9.8.1", "overrides/partials/zoekvragen.js",
     "the search worker gets the index as {type: 0, data: index} and each query as {type: 2, data: text}"),
    ("mkdocs-material", "9.8.1", "tests/test_search.py",
     "the search worker answers each query {type: 2} with one message {type: 3}; the search tests wait on it"),
]


@pytest.mark.parametrize("library, written_for, where, relies_on", PATCHES,
                         ids=[f"{p[0]}-{p[2].split('/')[-1]}" for p in PATCHES])
def test_each_patched_library_is_the_version_the_patch_was_written_for(library, written_for, where, relies_on):
    installed = version(library)
    assert installed == written_for, (
        f"{library} is now {installed}; {where} relies on its internals ({relies_on}). Check that against "
        f"{library} {installed}, then set the version in tests/test_patches.py")


def test_the_patched_internals_still_exist():
    import mkdocs.commands.build
    import mkdocs.livereload
    import mkdocs_macros.errors
    import mkdocs_macros.plugin
    import mkdocs_redirects.plugin
    import pydyf
    from mkdocs.livereload import LiveReloadServer
    from weasyprint.css.targets import TargetCollector

    assert isinstance(pydyf.PDF.__dict__.get("page_references"), property)
    for method in ("collect_missing_counters", "cache_target_page_counters"):
        assert callable(getattr(TargetCollector, method, None))
    assert isinstance(mkdocs_redirects.plugin.HTML_TEMPLATE, str)
    assert hasattr(mkdocs_macros.errors.format_error, "register")
    assert callable(getattr(LiveReloadServer, "_inject_js_into_html", None))
    protocol = mkdocs.livereload._SCRIPT_TEMPLATE_STR
    assert '"/livereload/" + epoch + "/" + requestId' in protocol and "parseFloat(this.responseText) > epoch" in protocol
    server_start = inspect.getsource(LiveReloadServer.__init__)
    assert all(f"self.{name} =" in server_start for name in ("_epoch_cond", "_visible_epoch", "_wanted_epoch"))
    assert 'f\'"{self.requestline}" code {code}\'' in inspect.getsource(mkdocs.livereload._Handler.log_request)
    assert list(inspect.signature(mkdocs.commands.build._populate_page).parameters) == ["page", "config", "files",
                                                                                       "dirty"]
    steps = ["get_context(nav, doc_files, config, page)", "env.get_template(page.meta.get('template', 'main.html'))",
             "config.plugins.on_page_context(", "template.render(context)", "config.plugins.on_post_page("]
    build_page = inspect.getsource(mkdocs.commands.build._build_page)
    assert [step in build_page for step in steps] == [True] * len(steps)
    assert [build_page.index(step) for step in steps] == sorted(build_page.index(step) for step in steps)
    assert "self.env.from_string(markdown)" in inspect.getsource(mkdocs_macros.plugin.MacrosPlugin.render)


def test_each_copied_partial_names_the_material_version_it_was_copied_from():
    material = version("mkdocs-material")
    for partial in ("header.html", "search.html"):
        head = (PROJECT / "overrides" / "partials" / partial).read_text(encoding="utf-8")[:400]
        copied_from = re.search(r"Material's \w+ \(([\d.]+)\)", head)
        assert copied_from, f"overrides/partials/{partial} does not say which Material it was copied from"
        assert copied_from.group(1) == material, f"overrides/partials/{partial}: compare with Material {material}"
