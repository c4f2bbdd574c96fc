"""Plain Dutch, measured: words per sentence, Flesch-Douma score and the longest sentences of a page's text."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

from lxml import etree
from lxml.html import HtmlElement
from mkdocs.exceptions import PluginError

from scripts.cache import cached, code_version, fingerprint
from scripts.pages.markup import html_text, table

# The guide's B1 promise (SCHRIJFWIJZER.md); the tests and the Toegankelijkheid page use these.
MAX_AVERAGE_WORDS = 13
MIN_FLESCH_DOUMA = 65
MAX_SENTENCE_WORDS = 25
MARKER = "<!-- leesbaarheid -->"

_BLOCKS = {"p", "li", "dd", "blockquote", "figcaption", "summary"}
# Not running text: headings, code, tables of short cells, citations, source lists, address lists.
_SKIPPED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "table", "script", "style", "nav", "dt"}
_SKIPPED_CLASSES = {"bronverwijzing", "bronregel", "bronnenlijst", "adressenlijst", "downloads", "headerlink",
                    "handreiking-versie", "praktijk__titel", "praktijk__wie", "md-source-file", "voor-trainers__bron"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z])")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*%?")


@dataclass(frozen=True)
class Scores:
    """How easy one page's running text is to read."""

    words: int
    sentences: int
    words_per_sentence: float
    flesch_douma: float
    long_sentences: tuple[str, ...]  # over MAX_SENTENCE_WORDS, longest first

    @property
    def problems(self) -> list[str]:
        """What breaks the B1 promise, in Dutch; empty when the page is fine."""
        found = []
        if self.words_per_sentence > MAX_AVERAGE_WORDS:
            found.append(f"gemiddeld {self.words_per_sentence:.1f} woorden per zin (hoogstens {MAX_AVERAGE_WORDS})")
        if self.flesch_douma < MIN_FLESCH_DOUMA:
            found.append(f"Flesch-Douma {self.flesch_douma:.1f} (minstens {MIN_FLESCH_DOUMA})")
        found += [f"zin van {word_count(s)} woorden: '{s}'" for s in self.long_sentences]
        return found


class _BodyText(HTMLParser):
    """Collects the text of each paragraph-like block, outside the parts that are not running text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[tuple[str, bool, bool]] = []  # (tag, skipped, is block)
        self._parts: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES)
        is_block = tag in _BLOCKS
        if is_block:
            self._parts.append([])
        self._open.append((tag, skipped, is_block))

    def handle_endtag(self, tag):
        while self._open:
            open_tag, _, is_block = self._open.pop()
            if is_block:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._parts and not any(skipped for _, skipped, _ in self._open):
            self._parts[-1].append(data)

    def close(self):
        super().close()
        while self._parts:
            self._flush()

    def _flush(self):
        text = " ".join("".join(self._parts.pop()).split())
        text = re.sub(r"\(\s*\)", "", text)  # what remains of a citation
        text = re.sub(r"\s+([.,;:!?])", r"\1", text).strip()
        if word_count(text) >= 3:
            self.blocks.append(text if text[-1] in ".!?:" else text + ".")


def body_text(article_html: str) -> list[str]:
    """The running text of a page, one entry per paragraph or list item, each ending a sentence."""
    parser = _BodyText()
    parser.feed(article_html)
    parser.close()
    return parser.blocks


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def sentences(block: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(block) if s.strip()]


def scores(article_html: str) -> Scores:
    """Scores of a page's body text; textstat's Dutch setting gives Flesch-Douma."""
    blocks = body_text(article_html)
    text = " ".join(blocks)
    found = [s for block in blocks for s in sentences(block)]
    if not found:
        return Scores(0, 0, 0.0, 100.0, ())
    words = sum(word_count(s) for s in found)
    per_sentence = words / len(found)
    # Imported here: textstat loads nltk, over a second that a rebuild reading every score from the cache need not pay.
    from textstat.textstat import textstatistics

    counter = textstatistics()
    counter.set_lang("nl")
    syllables_per_word = counter.syllable_count(text) / max(1, counter.lexicon_count(text))
    # Flesch-Douma, with textstat's Dutch syllables and this module's sentences: textstat's own
    # sentence split breaks '3.000' and 'z.d.' in two.
    flesch_douma = 206.835 - 0.93 * per_sentence - 77 * syllables_per_word
    long_ones = sorted((s for s in found if word_count(s) > MAX_SENTENCE_WORDS), key=word_count, reverse=True)
    return Scores(words, len(found), round(per_sentence, 1), round(flesch_douma, 1), tuple(long_ones))


def article_key(article: HtmlElement) -> str:
    """What cached_scores() keys a page by: its article's bytes as lxml writes them, in one go."""
    return hashlib.sha256(etree.tostring(article, method="html", with_tail=False)).hexdigest()


def cached_scores(key: str, article_html: Callable[[], str], cache_dir: Path) -> Scores:
    """scores() of a built page's article (key: article_key), kept in the build cache per article and code: a rebuild
    measures only the pages that changed; article_html is asked for only then."""
    data = cached(cache_dir / "leesbaarheid", fingerprint("leesbaarheid", key, code_version(__name__)),
                  lambda: json.dumps(asdict(scores(article_html()))).encode("utf-8"))
    values = json.loads(data)
    return Scores(**{**values, "long_sentences": tuple(values["long_sentences"])})


def fill(html: str, pages: list[tuple[str, str, Scores]]) -> str:
    """Put the scores of every page, (title, address, scores), where the Toegankelijkheid page marks them."""
    if MARKER not in html:
        raise PluginError(f"de pagina Toegankelijkheid mist de regel {MARKER}; daar komen de leesbaarheidscijfers")
    rows = [
        f'<tr><th scope="row"><a href="{html_text(url)}">{html_text(title)}</a></th>'
        f'<td data-label="Woorden per zin" class="tabel__getal">{_number(s.words_per_sentence)}</td>'
        f'<td data-label="Flesch-Douma" class="tabel__getal">{_number(s.flesch_douma)}</td>'
        f'<td data-label="Zinnen van meer dan {MAX_SENTENCE_WORDS} woorden" class="tabel__getal">{len(s.long_sentences)}</td>'
        f'<td data-label="B1-grens gehaald">{"ja" if not s.problems else "nee"}</td></tr>'
        for title, url, s in pages
    ]
    headers = ("Pagina", "Woorden per zin", "Flesch-Douma", f"Zinnen van meer dan {MAX_SENTENCE_WORDS} woorden",
               "B1-grens gehaald")
    return html.replace(MARKER, table("Leesbaarheid per pagina", headers, rows))


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
