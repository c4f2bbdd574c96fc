"""One page per checklist in content/checklists.yml, and its place in the navigation."""

from __future__ import annotations

import json

from mkdocs.exceptions import PluginError

from scripts.render import md_text

NAV_SECTION = "Checklists"


def page_path(checklist: dict) -> str:
    return f"checklists/{checklist['id']}.md"


def page_markdown(checklist: dict) -> str:
    """The Markdown of a checklist page; the macros fill in the list, downloads and sources."""
    bronnen = ", ".join(json.dumps(b) for b in checklist["bronnen"])
    return (
        f"---\ndescription: {json.dumps(' '.join(checklist['doel'].split()), ensure_ascii=False)}\n---\n\n"
        f"# {md_text(checklist['titel'])}\n\n"
        f"{{{{ checklist({json.dumps(checklist['id'])}) }}}}\n\n"
        + ("{{ voorwaarden_regel() }}\n\n" if mentions_conditions(checklist) else "") +
        f"{{{{ bronnenlijst({bronnen}) }}}}\n"
    )


def mentions_conditions(checklist: dict) -> bool:
    """A checklist that speaks of a tenant's conditions shows the one rule about them."""
    return any("voorwaarde" in p["tekst"].lower() for s in checklist["secties"] for p in s["punten"])


def add_to_nav(nav: list, checklists: list[dict]) -> None:
    """Append every checklist page to the 'Checklists' section of the nav from mkdocs.yml."""
    for entry in nav:
        if isinstance(entry, dict) and NAV_SECTION in entry:
            entry[NAV_SECTION].extend({c["titel"]: page_path(c)} for c in checklists)
            return
    raise PluginError(f"mkdocs.yml: de navigatie (nav) heeft geen sectie '{NAV_SECTION}' voor de checklists")
