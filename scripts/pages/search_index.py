"""Search in the staff's words: 'coordinatie' finds 'coördinatie', 'driepartijencontract' the driepartijenovereenkomst."""

from __future__ import annotations

import json
import re
import unicodedata

from scripts.pages import html_tree

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Remove diacritics: 'coördinatie' -> 'coordinatie', 'één' -> 'een'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_words(text: str) -> str:
    """The accent-free form of every word in text that has an accent, once each, in order."""
    accented = (word for word in _WORD.findall(text) if not word.isascii())
    return " ".join(dict.fromkeys(folded for folded in map(fold, accented)))


# The field that holds the accent-free forms of the words a page has. Material's search worker indexes every field
# named in the index's config.fields, but a result shows only title, text and tags, so a preview stays the page's
# own text.
FIELD = "zoekwoorden"
# Where the staff's synonyms travel: in the index's config, which the page's query rewrite
# (overrides/partials/zoekvragen.js) reads as Material hands the index to its search worker.
SYNONYMS = "synoniemen"


def add_folded_words(index: dict) -> dict:
    """Add the accent-free words of each entry's title and text to its hidden search field.

    One entry per location keeps results single; title and text stay as written because they are shown.
    """
    for doc in index["docs"]:
        markup = doc.get("title", "") + " " + doc.get("text", "")
        if markup.isascii() and "&" not in markup:  # no accent, not even as an entity such as &euml;: no parsing
            continue
        _add_hidden(doc, [folded_words(html_tree.plain_text(markup))])
    return index


def add_synonym_table(index: dict, synonyms: list[dict]) -> dict:
    """Put the words staff type, each with the guide's words for it (content/synoniemen.yml), in the index's config.

    The query is widened with the guide's words when it holds a staff word, instead of every section that uses a
    guide's word carrying all its staff words: that kept a third of the index hidden text, which a phone had to
    download and parse before search worked and which held up the first page.
    """
    index.setdefault("config", {})[SYNONYMS] = [
        {"zoek": [fold(word).lower() for word in s["zoekwoorden"]], "vind": s["handreiking"]} for s in synonyms]
    return index


def add_hidden_field(index: dict) -> dict:
    """Tell Material's search worker to index the hidden field, weighed like the text."""
    index.setdefault("config", {}).setdefault("fields", {})[FIELD] = {"boost": 1}
    return index


def fold_index_file(path, synonyms: list[dict]) -> None:
    """Rewrite the search index that MkDocs' search plugin wrote: accent-free words added in a field that is
    searched but never shown, and the staff's synonyms for the query."""
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    index = add_synonym_table(add_hidden_field(add_folded_words(index)), synonyms)
    with open(path, "w", encoding="utf-8") as handle:  # dumps: json.dump writes piece by piece, three times slower
        handle.write(json.dumps(index, ensure_ascii=False, separators=(",", ":")))


def _add_hidden(doc: dict, words: list[str]) -> None:
    words = [w for w in words if w]
    if words:
        doc[FIELD] = " ".join(filter(None, [doc.get(FIELD, ""), *words]))

