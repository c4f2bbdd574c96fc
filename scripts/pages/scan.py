"""The corporatie-scan: the score per principle (the reference for the page's script) and the page made from the data."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from scripts.pages.markup import html_text, link, md_text, tools_stylesheet

# The answer scale, in the order the page offers it: value -> (label, points). 'Weet niet' does not count.
SCALE = {"nee": ("Nee", 0), "deels": ("Deels", 1), "ja": ("Ja", 2), "weet-niet": ("Weet niet", None)}
MAX_POINTS = 2
# A principle scoring below this (in percent) is weak: the page names what to read first.
STRONG_FROM = 75
VERDICTS = ((STRONG_FROM, "Sterk"), (50, "Op weg"), (0, "Aandacht nodig"))
NO_RESULT = "Nog geen uitslag"
SCRIPT = "assets/javascripts/corporatiescan.js"
SELFSCAN = "checklists/zelfscan-principes.md"


@dataclass(frozen=True)
class Result:
    """A principle's result: score in percent (None without a counted answer), verdict, and how much was answered."""

    score: int | None
    verdict: str
    answered: int
    total: int

    @property
    def weak(self) -> bool:
        return self.score is not None and self.score < STRONG_FROM


def statement_key(text: str) -> str:
    """The key an answer is kept under in the browser: a hash of the statement's text, so a changed text starts empty."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def score(answers: list[str | None]) -> Result:
    """One principle's result from its answers (a SCALE value, or None when unanswered): points per counted answer
    as a percentage of the maximum, rounded half up (the page's script computes exactly this)."""
    points = [SCALE[a][1] for a in answers if a is not None]
    counted = [p for p in points if p is not None]
    if not counted:
        return Result(None, NO_RESULT, len(points), len(answers))
    percent = (100 * sum(counted) + len(counted) * MAX_POINTS // 2) // (len(counted) * MAX_POINTS)
    verdict = next(label for floor, label in VERDICTS if percent >= floor)
    return Result(percent, verdict, len(points), len(answers))


def results(scan: list[dict], answers: dict[str, str]) -> dict[str, Result]:
    """{principle id: Result} for answers given as {statement key: SCALE value}."""
    return {record["id"]: score([answers.get(statement_key(s["tekst"])) for s in record["stellingen"]])
            for record in scan}


# The page ------------------------------------------------------------------------------------------------------

def page(scan: list[dict], principles: list[dict], checklists: list[dict], sources: dict, titles: dict[str, str],
         from_src: str) -> str:
    """The whole scan: statements per principle as radio groups, the result (chart, table, what to read first),
    team name, date, print and clear. Plain HTML; the page's script fills in the result. titles: the heading of
    each 'page.md#anchor' a weak principle sends the reader to."""
    names = {p["id"]: p["naam"] for p in principles}
    order = [p["id"] for p in principles]
    records = sorted(scan, key=lambda r: order.index(r["id"]))
    parts = [_intro(from_src)]
    parts += [_principle(number, record, names[record["id"]], sources, from_src)
              for number, record in enumerate(records, start=1)]
    parts.append(_result(records, names, checklists, titles, from_src))
    parts.append(f'<script src="{html_text(link(from_src, SCRIPT))}" defer></script>\n')
    return "\n\n".join(parts)


def _html_link(from_src: str, target: str) -> str:
    return html_text(link(from_src, target).replace(".md#", ".html#").removesuffix(".md")
                     + (".html" if target.endswith(".md") else ""))


def _intro(from_src: str) -> str:
    selfscan = _html_link(from_src, SELFSCAN)
    return ('<div class="scan-uitleg">\n' + tools_stylesheet(from_src)
            + '<p class="scan-zonder-js">Je browser voert geen JavaScript uit. Je kunt de stellingen lezen, maar de '
            f'score komt pas met JavaScript. Zonder score werkt <a href="{selfscan}">de zelfscan om af te vinken</a>.</p>\n'
            '<p class="scan-bewaard" hidden>Je antwoorden blijven alleen in deze browser. Niets gaat naar '
            'een server.</p>\n</div>\n')


def _principle(number: int, record: dict, name: str, sources: dict, from_src: str) -> str:
    rows = []
    for s in record["stellingen"]:
        key = statement_key(s["tekst"])
        options = "\n".join(
            f'<label class="scan-keuze scan-keuze--{value}"><input type="radio" name="s-{key}" value="{value}">'
            f"<span>{label}</span></label>"
            for value, (label, _) in SCALE.items())
        refs = ", ".join(
            f'<a href="{_html_link(from_src, "bronnen.md#" + b)}">{html_text(sources[b]["kort"])}</a>'
            for b in s["bronnen"])
        rows.append(
            f'<fieldset class="scan-stelling" data-sleutel="{key}" data-principe="{html_text(record["id"])}">'
            f'<legend>{html_text(s["tekst"])}</legend>'
            # The answer scale repeats under every statement: kept out of search results' previews.
            f'<div class="scan-keuzes" data-search-exclude>{options}</div>'
            f'<p class="scan-meer"><a href="{_html_link(from_src, s["sectie"])}">Lees waarom</a>'
            f' <span class="bronverwijzing">(bron: {refs})</span></p></fieldset>')
    principle_link = _html_link(from_src, "kernprincipes.md#" + record["id"])
    return (f"## {number}. {md_text(name)} {{ #principe-{record['id']} }}\n\n"
            f'<div class="scan-principe" data-principe="{html_text(record["id"])}">\n'
            f'<p class="scan-principe__uitleg"><a href="{principle_link}">Wat dit principe vraagt</a></p>\n'
            + "\n".join(rows) + "\n</div>\n")


def _result(records: list[dict], names: dict, checklists: list[dict], titles: dict, from_src: str) -> str:
    items = {(c["id"], p["id"]): (c["titel"], p["tekst"]) for c in checklists for s in c["secties"] for p in s["punten"]}
    rows, reading = [], []
    for number, record in enumerate(records, start=1):
        pid = html_text(record["id"])
        rows.append(
            f'<tr data-principe="{pid}"><th scope="row">{number}. {html_text(names[record["id"]])}</th>'
            f'<td data-label="Score" class="scan-tabel__score"><span class="scan-balk" aria-hidden="true">'
            f'<span class="scan-balk__vulling"></span></span><span class="scan-score">–</span></td>'
            f'<td data-label="Oordeel" class="scan-oordeel">{NO_RESULT}</td>'
            f'<td data-label="Beantwoord" class="scan-beantwoord">0 van {len(record["stellingen"])}</td></tr>')
        sections = "".join(f'<li><a href="{_html_link(from_src, target)}">{html_text(titles.get(target, target))}</a></li>'
                           for target in record["lees_eerst"])
        points = "".join(
            f'<li><a href="{_html_link(from_src, "checklists/" + ref.replace("#", ".md#punt-"))}">'
            f"{html_text(items[tuple(ref.split('#'))][1])}</a> "
            f'<span class="scan-lees__checklist">({html_text(items[tuple(ref.split("#"))][0])})</span></li>'
            for ref in record["checklistpunten"])
        reading.append(
            f'<div class="scan-lees" data-principe="{pid}" hidden><h4>{html_text(names[record["id"]])}</h4>'
            f'<p>Lees eerst:</p><ul>{sections}</ul><p>Begin met deze checklistpunten:</p><ul>{points}</ul></div>')
    return (
        '<section class="scan-uitslag" aria-labelledby="uitslag" hidden>\n'
        '<h2 id="uitslag">Jullie uitslag<a class="headerlink" href="#uitslag" title="Link naar dit stuk">&para;</a></h2>\n'
        '<div class="scan-team">'
        '<p><label for="scan-team">Naam van het team</label><input type="text" id="scan-team" autocomplete="off"></p>'
        '<p><label for="scan-datum">Datum</label><input type="date" id="scan-datum"></p></div>\n'
        '<p class="scan-afdrukkop"></p>\n'
        '<p class="scan-status" role="status"></p>\n'
        '<table class="gegevenstabel scan-tabel">\n<caption>Score per principe, in procenten van het hoogst '
        'haalbare (ja telt 2 punten, deels 1, nee 0; weet niet telt niet mee)</caption>\n'
        '<thead><tr><th scope="col">Principe</th><th scope="col">Score</th><th scope="col">Oordeel</th>'
        '<th scope="col">Beantwoord</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"
        f'<p class="scan-legenda">{VERDICTS[0][1]}: {VERDICTS[0][0]}% of meer. {VERDICTS[1][1]}: '
        f'{VERDICTS[1][0]} tot {VERDICTS[0][0]}%. {VERDICTS[2][1]}: minder dan {VERDICTS[1][0]}%.</p>\n'
        '<div class="scan-eerst"><h3 id="wat-eerst">Wat je eerst leest'
        '<a class="headerlink" href="#wat-eerst" title="Link naar dit stuk">&para;</a></h3>\n'
        '<p class="scan-eerst__geen">Nog geen principe scoort onder de '
        f'{STRONG_FROM}%.</p>\n' + "\n".join(reading) + "\n</div>\n"
        '<div class="scan-acties">'
        '<button type="button" class="md-button md-button--primary scan-afdrukken">Afdrukken of bewaren als PDF</button> '
        '<button type="button" class="md-button scan-wissen">Wis alles</button></div>\n'
        "</section>\n")



_HEADING = re.compile(r"^#{2,3} (.+?) \{ #([a-z0-9-]+) \}\s*$", re.M)


def section_titles(pages: dict[str, str], page_titles: dict[str, str], principles: list[dict]) -> dict[str, str]:
    """{'page.md#anchor': 'Page: Heading'} for every heading written in the pages' Markdown and every principle
    (their headings come from data). pages: {src: Markdown}; page_titles: {src: title in the nav}."""
    titles = {}
    for src, text in pages.items():
        for heading, anchor in _HEADING.findall(text):
            titles[f"{src}#{anchor}"] = f"{page_titles.get(src, src)}: {re.sub(r'[*_`]', '', heading)}"
    for p in principles:
        titles[f"kernprincipes.md#{p['id']}"] = f"{page_titles.get('kernprincipes.md', 'De kernprincipes')}: {p['naam']}"
    return titles
