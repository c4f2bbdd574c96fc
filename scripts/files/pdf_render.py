"""HTML to an accessible PDF (PDF/UA-1, tagged, form fields named) with WeasyPrint: one font, the same bytes every time."""

from __future__ import annotations

import base64
import copy
import io
import logging
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.cache import cached, fingerprint
from scripts.outputs import PREVIEW_MARK
from scripts.pages.markup import css_string

# Debian's fonts-dejavu-core (the Makefile installs it). Subset to what Dutch text and the guide's signs need: a
# form field embeds its whole font, and all of DejaVu Sans is 700 kB.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
_UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A, 0x20AC,
             0x2122, 0x2190, 0x2192, 0x2610, 0x2611, 0x25CF]
log = logging.getLogger("mkdocs.handreiking.pdf")


def fonts_css(cache_dir: Path) -> str:
    """@font-face rules for the guide's PDF font, subset once and kept in the build cache."""
    rules = []
    for weight, name in FONTS.items():
        source = FONT_DIR / name
        if not source.is_file():
            raise PluginError(f"het lettertype {source} ontbreekt; installeer het Debian-pakket fonts-dejavu-core "
                              "(make test doet dat)")
        font = cached(Path(cache_dir) / "lettertypen", fingerprint("lettertype", source, _UNICODES, version("fonttools")),
                      lambda: _subset(source))
        # Inside the page itself: WeasyPrint may read no file at all (see render()).
        rules.append(f'@font-face {{ font-family: "Handreiking"; font-weight: {weight}; '
                     f'src: url("data:font/ttf;base64,{base64.b64encode(font).decode("ascii")}"); }}')
    return "\n".join(rules)


def _subset(source: Path) -> bytes:
    from fontTools import subset  # only when the font is not in the cache yet

    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing a reader needs
    # Kerning only: a ligature such as 'fi' would be read (and copied) as another character.
    options.layout_features = ["kern"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_UNICODES)
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    return buffer.getvalue()


_PREVIEW_STYLE = ('@page { @top-center { content: "%s"; font: bold 8pt Handreiking; color: #8a1c1c; } }'
                  % css_string(PREVIEW_MARK))


def _remember_page_references() -> None:
    """pydyf lists every page's reference anew each time WeasyPrint tags a box or a link: quadratic in pages, so
    a guide 50 times as large ran for hours. Pages are only ever added, so the list is kept while its length holds."""
    import pydyf

    listing = pydyf.PDF.page_references
    if getattr(listing.fget, "remembered", False):
        return

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        known = pdf.__dict__.get("_handreiking_pages")
        if known is None or known[0] != count:
            known = pdf.__dict__["_handreiking_pages"] = (count, listing.fget(pdf))
        return known[1]

    page_references.remembered = True
    pydyf.PDF.page_references = property(page_references)


def _keep_target_counters_apart() -> None:
    """WeasyPrint 70 files a box's target-counter() ("zie p. N", the contents) under the box's own page counters
    as well (formatting_structure/build.py reuses the name missing_counters for the target's list). Such a box was
    then laid out again whenever the total page count changed, which it does after the first pass. The guide's
    content shows no page counter of its own, so a list that is the target's is not the box's."""
    from weasyprint.css.targets import TargetCollector

    original = TargetCollector.collect_missing_counters
    if getattr(original, "kept_apart", False):
        return

    def collect_missing_counters(self, parent_box, css_token, parse_again_function, missing_counters,
                                 missing_target_counters):
        if any(missing_counters is listed for listed in missing_target_counters.values()):
            missing_counters = []
        original(self, parent_box, css_token, parse_again_function, missing_counters, missing_target_counters)

    collect_missing_counters.kept_apart = True
    TargetCollector.collect_missing_counters = collect_missing_counters


def _news_only_of_moved_targets() -> None:
    """WeasyPrint 70 lays out again every page referring to a target whose page counters changed, the total page
    count included, which changes after the first pass: every reference's page once more. Only the target's own
    page number is news to the guide's references."""
    from weasyprint.css.targets import TargetCollector

    original = TargetCollector.cache_target_page_counters
    if getattr(original, "page_only", False):
        return

    def cache_target_page_counters(self, anchor_name, page_counter_values, page_maker_index, page_maker):
        item = self.target_lookup_items.get(anchor_name)
        if (not self.collecting and item and item.state == "up-to-date" and item.cached_page_counter_values
                and item.cached_page_counter_values.get("page") == page_counter_values.get("page")):
            item.page_maker_index = page_maker_index
            item.cached_page_counter_values = copy.deepcopy(page_counter_values)
            return
        original(self, anchor_name, page_counter_values, page_maker_index, page_maker)

    cache_target_page_counters.page_only = True
    TargetCollector.cache_target_page_counters = cache_target_page_counters


def render(html: str, preview: bool = False, rights: str = "") -> bytes:
    """A tagged PDF/UA-1 file with fillable forms; tabbing follows the structure; a fixed document id. A preview
    carries the preview mark at the top of every page, the cover included; rights goes into the XMP (dc:rights)."""
    # Loaded on first use: together about a second, which a rebuild taking every PDF from the cache need not pay.
    import pikepdf
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    _remember_page_references()
    _keep_target_counters_apart()
    _news_only_of_moved_targets()
    if preview:
        html = html.replace("</head>", f"<style>{_PREVIEW_STYLE}</style></head>", 1)

    # Everything a PDF holds is in its HTML (fonts as data: addresses): a link to a file or a web address that
    # WeasyPrint would fetch and embed (an image, rel="attachment") stops the build instead.
    only_inline = weasyprint.URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    try:
        pdf = weasyprint.HTML(string=html, url_fetcher=only_inline).write_pdf(pdf_variant="pdf/ua-1", pdf_forms=True)
    except FatalURLFetchingError as error:
        raise PluginError(f"een PDF zou een bestand van buiten de handreiking opnemen ({error.__cause__}). Een "
                          "pagina mag in een PDF geen afbeelding of bijlage van een ander adres of van de schijf "
                          "tonen; haal die verwijzing weg.") from None
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            page.obj["/Tabs"] = pikepdf.Name("/S")  # PDF/UA: the Tab key follows the structure tree
        if rights:
            # Not marked as edited by pikepdf: that would stamp the clock into the file.
            with document.open_metadata(set_pikepdf_as_editor=False) as metadata:
                metadata["dc:rights"] = rights
        output = io.BytesIO()
        document.save(output, deterministic_id=True)
    return output.getvalue()
