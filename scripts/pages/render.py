"""Render the guide's data as Markdown and HTML for pages: pure functions of the data, all escaped."""

from __future__ import annotations

import re
from itertools import groupby

from scripts.outputs import page_url
from scripts.pages.citations import source_line, source_link
from scripts.pages.markup import html_text, link, md_text, table

_PRAKTIJK_LABELS = {"do": "Aanrader", "dont": "Valkuil", "voorbeeld": "Praktijkvoorbeeld",
                    "botst": "Botst met Housing First"}
# What a remark on a practice card is called: a practice that conflicts explains why.
_REMARK_LABELS = {"botst": "Waarom dit niet past bij Housing First:", "dont": "Verschil met Housing First:",
                  "voorbeeld": "Verschil met Housing First:", "do": "Let op:"}
# Reference group --------------------------------------------------------------------------------

def corporations_table(corporaties: list[dict], sources: dict, from_src: str) -> str:
    """The reference group as a table: name, role in Housing First, and the sources of that role."""
    rows = []
    for c in corporaties:
        refs = "; ".join(source_link(sources[b], from_src) for b in c["bronnen"])
        rows.append(
            f'<tr id="corporatie-{html_text(c["id"])}"><th scope="row">{html_text(c["naam"])}</th>'
            f'<td data-label="Rol in Housing First">{html_text(c["rol"])}</td>'
            f'<td data-label="Bronnen" class="tabel__bronnen">{refs}</td></tr>'
        )
    return table("De corporaties van de referentiegroep", ("Corporatie", "Rol in Housing First", "Bronnen"), rows)


def corporations_practice(corporaties: list[dict], sources: dict, from_src: str) -> str:
    """How each corporation that has a 'praktijk' does it, each under its own heading, with its sources."""
    return "\n".join(
        f"### Zo doet {md_text(c['naam'])} het {{ #{c['id']} }}\n\n"
        f'<div class="praktijk praktijk--corporatie" markdown>\n\n'
        f"{md_text(c['praktijk'])}\n\n{source_line([sources[b] for b in c['bronnen']], from_src)}\n\n</div>\n"
        for c in corporaties if "praktijk" in c
    )


# Principles -------------------------------------------------------------------------------------

def principles(principes: list[dict], sources: dict, from_src: str) -> str:
    """The eight principles, each under its own linkable heading."""
    blocks = []
    for number, p in enumerate(principes, start=1):
        bronnen = [sources[b] for b in p["bronnen"]]
        blocks.append(
            f"### {number}. {md_text(p['naam'])} {{ #{p['id']} }}\n\n"
            f"{md_text(p['uitleg'])}\n\n"
            f'<div class="principe__corporatie" markdown>\n\n'
            f"**Wat vraagt dit van de corporatie?** {md_text(p['voor_de_corporatie'])}\n\n</div>\n\n"
            f"{source_line(bronnen, from_src)}\n"
        )
    return "\n".join(blocks)


def principles_short(principes: list[dict], from_src: str) -> str:
    """Numbered list of the principles, each linking to its section."""
    return "\n".join(
        f"{number}. [{md_text(p['naam'])}]({link(from_src, 'kernprincipes.md#' + p['id'])})"
        for number, p in enumerate(principes, start=1)
    ) + "\n"


# Practice ---------------------------------------------------------------------------------------

def practice(records: list[dict], sources: dict, from_src: str) -> str:
    """Do's, pitfalls and examples as one block 'Uit de praktijk' that opens, so a chapter reads as text with
    examples; each with a compact attribution, and a remark where the advice differs from Housing First."""
    items = []
    for r in records:
        label = _PRAKTIJK_LABELS[r["soort"]]
        item = [f'<div class="praktijk praktijk--{r["soort"]}" id="{html_text(r["id"])}" markdown>\n',
                f'<p class="praktijk__titel"><span class="praktijk__soort">{label}</span> '
                f"<strong>{html_text(r['titel'])}</strong></p>\n",
                md_text(r["tekst"]) + "\n"]
        if "kanttekening" in r:
            item.append(f'<div class="praktijk__kanttekening" markdown>\n\n'
                        f"**{_REMARK_LABELS[r['soort']]}** {md_text(r['kanttekening'])}\n\n</div>\n")
        bron = sources[r["bron"]]
        who = f"{md_text(r['wie'])} · " if "wie" in r else ""
        item.append(f"{who}Bron: [{md_text(bron['kort'])}]({link(from_src, 'bronnen.md#' + bron['id'])})\n"
                    "{ .bronregel .praktijk__herkomst }\n")
        item.append("</div>\n")
        items.append("\n".join(item))
    return (f'<details class="uit-de-praktijk" markdown>\n<summary>Uit de praktijk: {_practice_count(records)}'
            "</summary>\n\n" + "\n".join(items) + "\n</details>\n")


_PRAKTIJK_COUNTED = {"do": ("aanrader", "aanraders"), "dont": ("valkuil", "valkuilen"),
                     "voorbeeld": ("voorbeeld", "voorbeelden"),
                     "botst": ("advies dat botst met Housing First", "adviezen die botsen met Housing First")}


def _practice_count(records: list[dict]) -> str:
    """'3 aanraders en 1 valkuil': what the block holds, in the order the kinds first appear."""
    kinds = list(dict.fromkeys(r["soort"] for r in records))
    parts = []
    for kind in kinds:
        n = sum(1 for r in records if r["soort"] == kind)
        parts.append(f"{n} {_PRAKTIJK_COUNTED[kind][0 if n == 1 else 1]}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


# Partners ---------------------------------------------------------------------------------------

def partners_table(partners: list[dict], caption: str) -> str:
    """Who is around a tenant and what they do, as a table."""
    rows = []
    for p in partners:
        tasks = "".join(f"<li>{html_text(t)}</li>" for t in p["taken"])
        rows.append(
            f'<tr id="partner-{html_text(p["id"])}"><th scope="row">{html_text(p["naam"])}</th>'
            f'<td data-label="Wie">{html_text(p["wie"])}</td>'
            f'<td data-label="Taken"><ul>{tasks}</ul></td></tr>'
        )
    return table(caption, ("Partner", "Wie", "Taken"), rows)


# Glossary ---------------------------------------------------------------------------------------

def glossary(begrippen: list[dict], from_src: str = "begrippen.md") -> str:
    """All terms, grouped by first letter, each term linkable by its id; the rule on conditions in one line."""
    ordered = sorted(begrippen, key=lambda b: b["term"].lower())
    sections = []
    for letter, terms in groupby(ordered, key=lambda b: b["term"][0].upper()):
        entries = []
        for b in terms:
            abbreviation = (f' <span class="begrip__afkorting">({html_text(b["afkorting"])})</span>'
                            if "afkorting" in b else "")
            if "kort" in b:  # the rule on conditions: shown in full in one place only
                explanation = (f'{html_text(b["kort"])} <a href="{html_text(_rule_target(from_src))}">'
                               "Lees de hele regel bij de kernprincipes</a>")
            else:
                explanation = html_text(b["uitleg"])
            entries.append(f'<dt id="{html_text(b["id"])}">{html_text(b["term"])}{abbreviation}</dt>\n'
                           f"<dd>{explanation}</dd>")
        slug = "letter-" + re.sub(r"[^a-z0-9]", "", letter.lower())
        sections.append(f"## {html_text(letter)} {{ #{slug} }}\n\n<dl class=\"begrippen\">\n"
                        + "\n".join(entries) + "\n</dl>\n")
    return "\n".join(sections)


def abbreviations(begrippen: list[dict]) -> str:
    """Abbreviation definitions for Markdown's abbr extension, appended to every page."""
    lines = [f"*[{b['afkorting']}]: {' '.join(b['term'].split())}" for b in begrippen if "afkorting" in b]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


# Where the rule on conditions is shown in full; every other page links there.
RULE_PAGE, RULE_ANCHOR = "kernprincipes.md", "wat-je-wel-vraagt"


def _rule_target(from_src: str) -> str:
    return link(from_src, RULE_PAGE).removesuffix(".md") + ".html#" + RULE_ANCHOR


def conditions_rule(begrip: dict, from_src: str) -> str:
    """The one rule on conditions for a tenant, in full, in the glossary's words (only on RULE_PAGE).

    One line of inline HTML (shown as a box by the stylesheet), so it also works inside a question or note:
    Python-Markdown does not see block HTML in indented blocks.
    """
    return ('<span class="regel" role="note"><strong class="regel__titel">De regel over voorwaarden</strong> '
            f'{html_text(begrip["uitleg"])}</span>\n')


def conditions_rule_link(begrip: dict, from_src: str) -> str:
    """The rule on conditions in one line, linking to where it stands in full (every page but RULE_PAGE)."""
    return (f'<span class="regel-link"><strong>De regel over voorwaarden:</strong> {html_text(begrip["kort"])} '
            f'<a href="{html_text(_rule_target(from_src))}">Lees de hele regel</a></span>\n')


# Route for a first tenant --------------------------------------------------------------------------

ROUTE_PAGE = "eerste-huurder.md"
ROUTE_NAME = "Je eerste Housing First-huurder"


def route(steps: list[dict], checklists: list[dict], from_src: str) -> str:
    """The first-tenant route: numbered steps, each with who, what, its section and its checklist.

    Both links carry ?stap=<id>, so the page they open shows where on the route the reader is (route_bars)."""
    blocks = []
    for number, step in enumerate(steps, start=1):
        name = md_text(_step_checklist_name(step, checklists))
        blocks.append(
            f"## {number}. {md_text(step['titel'])} {{ #{step['id']} }}\n\n"
            f'<div class="routestap" markdown>\n\n'
            f"**Wie:** {md_text(step['wie'])}\n\n{md_text(step['wat'])}\n\n"
            f"- [Lees meer over deze stap]({_on_route(link(from_src, step['lees']), step['id'])})\n"
            f"- Checklist: [{name}]({_on_route(link(from_src, _step_checklist(step)), step['id'])})\n\n</div>\n"
        )
    return "\n".join(blocks)


def route_bars(steps: list[dict], src: str) -> str:
    """HTML: for every route step that links to this page, a hidden bar 'Stap 3 van 8: ...' with the previous and
    next step. assets/javascripts/handreiking.js shows the one named by ?stap= in the address; without it, none
    shows."""
    here = page_url(src)
    total = len(steps)

    def href(target: str, step_id: str | None = None) -> str:
        path, _, anchor = target.partition("#")
        url = link(here, page_url(path))
        return html_text(url + (f"?stap={step_id}" if step_id else "") + (f"#{anchor}" if anchor else ""))

    bars = []
    for index, step in enumerate(steps):
        if src not in (step["lees"].partition("#")[0], _step_checklist(step).partition("#")[0]):
            continue
        ways = []
        if index > 0:
            before = steps[index - 1]
            ways.append(f'<a class="routebalk__vorige" href="{href(before["lees"], before["id"])}">'
                        f'<span aria-hidden="true">← </span>Vorige stap: {html_text(before["titel"])}</a>')
        if index + 1 < total:
            after = steps[index + 1]
            ways.append(f'<a class="routebalk__volgende" href="{href(after["lees"], after["id"])}">'
                        f'Volgende stap: {html_text(after["titel"])}<span aria-hidden="true"> →</span></a>')
        bars.append(
            f'<nav class="routebalk" data-route-stap="{html_text(step["id"])}" aria-label="Route {ROUTE_NAME}" '
            f'data-search-exclude hidden>\n'
            f'<p class="routebalk__waar"><a href="{href(ROUTE_PAGE + "#" + step["id"])}">{ROUTE_NAME}</a>: '
            f'<strong>stap {index + 1} van {total}, {html_text(step["titel"])}</strong></p>\n'
            f'<p class="routebalk__verder">{" ".join(ways)}</p>\n</nav>\n')
    return "\n" + "".join(bars) if bars else ""


def _step_checklist(step: dict) -> str:
    checklist_id, _, section_id = step["checklist"].partition("#")
    return f"checklists/{checklist_id}.md" + (f"#{section_id}" if section_id else "")


def _step_checklist_name(step: dict, checklists: list[dict]) -> str:
    checklist_id, _, section_id = step["checklist"].partition("#")
    checklist = next(c for c in checklists if c["id"] == checklist_id)
    if not section_id:
        return checklist["titel"]
    section = next(s for s in checklist["secties"] if s["id"] == section_id)
    return f"{checklist['titel']}, deel ‘{section['titel']}’"


def _on_route(url: str, step_id: str) -> str:
    """A link from the route: '?stap=<id>' before the anchor."""
    path, hash_, anchor = url.partition("#")
    return f"{path}?stap={step_id}{hash_}{anchor}"


# Escalation ladders -----------------------------------------------------------------------------

def escalation_ladder(steps: list[dict], ladder: str, sources: dict, from_src: str) -> str:
    """One escalation ladder: per step a heading with its anchor, when, what, who, the next step and the
    other routes ("Spelen ...? Ga dan meteen naar ..."), and the step's sources."""
    chosen = [s for s in steps if s["ladder"] == ladder]
    number = {s["id"]: n for n, s in enumerate(chosen, start=1)}
    title = {s["id"]: s["titel"] for s in chosen}

    def step_link(step_id: str) -> str:
        return f"[stap {number[step_id]}, {md_text(title[step_id])}](#stap-{step_id})"

    blocks = []
    for step in chosen:
        lines = [f"### {number[step['id']]}. {md_text(step['titel'])} {{ #stap-{step['id']} }}\n",
                 '<div class="ladderstap" markdown>\n',
                 f"**Wanneer:** {md_text(step['aanleiding'])}\n",
                 f"**Wat:** {md_text(step['wat'])}\n",
                 f"**Wie:** {md_text(step['wie'])}\n"]
        if "volgende" in step:
            lines.append(f"**Verder:** {md_text(step['verder_als'])} Ga dan naar {step_link(step['volgende'])}.\n")
        else:
            lines.append(f"**Daarna:** {md_text(step['einde'])}\n")
        for route in step.get("routes", []):
            lines.append(f"**Andere route:** {md_text(route['als'])} Ga dan meteen naar {step_link(route['naar'])}.\n")
        lines.append(f"{source_line([sources[b] for b in step['bronnen']], from_src)}\n\n</div>\n")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


# Home page ---------------------------------------------------------------------------------------

def tasks(taken: list[dict], from_src: str) -> str:
    """The home page's task cards: what a reader can do here, each linking straight to its section."""
    cards = "\n".join(
        f"-   [{md_text(task['titel'])}]({link(from_src, task['link'])})\n\n    {md_text(task['tekst'])}\n"
        for task in taken
    )
    return f'<div class="grid cards taken" markdown>\n\n{cards}\n</div>\n'
