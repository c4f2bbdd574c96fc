"""What an engine (MkDocs or Zensical) takes from the pipeline: the build's guide, generated files, the nav."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lxml.html import HtmlElement
from mkdocs.exceptions import PluginError

from scripts import outputs, pipeline, publication, site_nav
from scripts.content.problems import EditorError, Problem
from scripts.files import offline
from scripts.pages import html_tree
from scripts.pages.markup import html_text

# The guide and its options ride along with the one MkDocs config of a build (not in config.extra): a new build has
# a new config.
_ATTRIBUTE = "_handreiking_guide"
_OPTIONS = "_handreiking_options"
_TREE = "_handreiking_tree"  # on a page: its rendered content and that content as a tree


def options_of(config) -> pipeline.Options:
    """Build options from an engine's config: MkDocs' config object (with what make build gave it, see
    set_edition), or the dict Zensical gives its macros. Without more, the online edition."""
    if isinstance(config, dict):
        return pipeline.Options(Path(config["root_dir"]), config.get("site_url") or "")
    return getattr(config, _OPTIONS, None) or pipeline.Options(Path(config.config_file_path).parent, config.site_url)


def set_edition(config, **edition) -> None:
    """Which edition a MkDocs config builds, before its build starts: offline, offline_zip, pdf_dir (Options)."""
    setattr(config, _OPTIONS, replace(options_of(config), **edition))


def guide_of(config) -> pipeline.Guide:
    """The guide of the build this config belongs to, made on first use; Zensical's dicts get a fresh one."""
    if isinstance(config, dict):
        return pipeline.load(options_of(config))
    guide = getattr(config, _ATTRIBUTE, None)
    if guide is None:
        guide = pipeline.load(options_of(config))
        setattr(config, _ATTRIBUTE, guide)
    return guide


def offline_plugin(config):
    """Material's offline plugin as mkdocs.yml lists it: make build switches it on for the offline edition."""
    plugin = config.plugins.get(offline.PLUGIN)
    if plugin is None:
        text = Path(config.config_file_path).read_text(encoding="utf-8-sig")
        raise EditorError([Problem("mkdocs.yml", site_nav.line_of_key(text, "plugins"), "plugins", (
            "de plugin 'offline' ontbreekt; make build heeft hem nodig voor de offline versie (zoeken zonder "
            "internet). Zet onder plugins weer '- offline:' met daaronder 'enabled: false'"))])
    return plugin


def template_settings(guide: pipeline.Guide) -> dict:
    """What overrides/main.html reads from config.extra: the preview flag and whether there is a feed to link."""
    return {"proefversie": outputs.is_preview(guide.options.site_url), "feed": guide.has_feed}


def footer(copyright_text: str | None, guide: pipeline.Guide) -> str:
    """The footer line of every page: mkdocs.yml's copyright, then the licence (escaped: the theme prints it raw)."""
    return html_text(" ".join(filter(None, (copyright_text, publication.licence_line(guide.publication)))))


def generated_files(guide: pipeline.Guide, root: Path) -> dict[str, dict]:
    """Every file the build adds to docs/: {path: {'content': text or bytes} or {'abs_src_path': file}}."""
    files = {path: {"content": markdown} for path, markdown in guide.pages().items()}
    files.update({path: {"content": data} for path, data in guide.downloads.items()})
    if guide.has_feed:
        files[outputs.CHANGES_FEED] = {"content": guide.feed()}
    if guide.options.offline:
        shim = root / offline.SHIM_SOURCE
        if not shim.is_file():
            raise PluginError(f"{offline.SHIM_SOURCE} ontbreekt; installeer de npm-pakketten met `npm ci` "
                              "(make build doet dat)")
        files[offline.SHIM_URI] = {"abs_src_path": str(shim)}
    elif guide.options.offline_zip:
        files[outputs.OFFLINE_ZIP] = {"abs_src_path": str(guide.options.offline_zip)}
    files.update({path: {"abs_src_path": str(file)} for path, file in guide.book_pdfs().items()})
    return files


def with_tree(page, content: str, tree: HtmlElement) -> str:
    """A page's rendered content, its tree kept with it for the checks that read every page (rendered_pages)."""
    setattr(page, _TREE, (content, tree))
    return content


def rendered_pages(files) -> dict[str, tuple[str, str, HtmlElement]]:
    """{src: (url, source text, rendered HTML as a tree)} of every page MkDocs rendered in this build, each parsed once
    for every check that reads it."""
    return {f.src_uri: (f.url, f.content_string, _content_tree(f.page))
            for f in files.documentation_pages() if f.page is not None}


def _content_tree(page) -> HtmlElement:
    """The tree kept with the page's content (with_tree), or the content parsed when something changed it since."""
    content, tree = getattr(page, _TREE, (None, None))
    return tree if content is not None and content is page.content else html_tree.parse_fragment(page.content or "")


def data_texts(root: Path) -> dict[str, str]:
    """The text of every data file, to find where a link made from data was written."""
    return {f"content/{p.name}": p.read_text(encoding="utf-8-sig") for p in sorted((root / "content").glob("*.yml"))}
