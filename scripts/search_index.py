"""Search in the staff's words: 'coordinatie' finds 'coördinatie', 'driepartijencontract' the driepartijenovereenkomst."""

from __future__ import annotations

import json
import re
import unicodedata

from scripts import html_tree

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Remove diacritics: 'coördinatie' -> 'coordinatie', 'één' -> 'een'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_words(text: str) -> str:
    """The accent-free form of every word in text that has an accent, once each, in order."""
    accented = (word for word in _WORD.findall(text) if not word.isascii())
    return " ".join(dict.fromkeys(folded for folded in map(fold, accented)))


# The field that holds the words a reader may type but the page does not show: accent-free forms and the staff's
# synonyms. Material's search worker indexes every field named in the index's config.fields, but a result shows only
# title, text and tags, so a preview stays the page's own text.
FIELD = "zoekwoorden"


def add_folded_words(index: dict) -> dict:
    """Add the accent-free words of each entry's title and text to its hidden search field.

    One entry per location keeps results single; title and text stay as written because they are shown.
    """
    for doc in index["docs"]:
        _add_hidden(doc, [folded_words(html_tree.plain_text(doc.get("title", "") + " " + doc.get("text", "")))])
    return index


def add_synonyms(index: dict, synonyms: list[dict]) -> dict:
    """Add the words staff type to the hidden field of each entry that uses the guide's word (content/synoniemen.yml).

    A section whose heading has the guide's word gets the staff words most (it is about that subject); another
    section gets them as often as it uses the word, at most twice, so a common word does not swamp the ranking.
    """
    wanted = [([fold(word).lower() for word in s["handreiking"]], " ".join(s["zoekwoorden"])) for s in synonyms]
    for doc in index["docs"]:
        title = fold(html_tree.plain_text(doc.get("title", ""))).lower()
        text = fold(html_tree.plain_text(doc.get("text", ""))).lower()
        extra = []
        for guide_words, staff in wanted:
            if any(word in title for word in guide_words):
                count = 5
            else:
                count = min(2, sum(text.count(word) for word in guide_words))
            extra += [staff] * count
        _add_hidden(doc, extra)
    return index


def add_hidden_field(index: dict) -> dict:
    """Tell Material's search worker to index the hidden field, weighed like the text."""
    index.setdefault("config", {}).setdefault("fields", {})[FIELD] = {"boost": 1}
    return index


def fold_index_file(path, synonyms: list[dict]) -> None:
    """Rewrite the search index that MkDocs' search plugin wrote: accent-free words and staff synonyms added,
    in a field that is searched but never shown."""
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    index = add_hidden_field(add_synonyms(add_folded_words(index), synonyms))
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))


def _add_hidden(doc: dict, words: list[str]) -> None:
    words = [w for w in words if w]
    if words:
        doc[FIELD] = " ".join(filter(None, [doc.get(FIELD, ""), *words]))

