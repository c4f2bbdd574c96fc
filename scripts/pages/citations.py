"""How a source is written: a citation in the text, an entry in a list, a line under a section, plain text."""

from __future__ import annotations

from scripts.pages.markup import date_nl, html_text, link, md_text

# bronnen.yml says this where the exact page of a source is not known.
UNKNOWN_ADDRESS = "onbekend"

def citation(bron: dict, from_src: str) -> str:
    """Inline source reference linking to the source list: '(Trimbos-instituut, 2023)', styled as secondary; its
    section's 'Bron' line names it too (data-bron)."""
    return (f'<span class="bronverwijzing" data-bron="{html_text(bron["id"])}">([{md_text(bron["kort"])}]'
            f"({link(from_src, 'bronnen.md#' + bron['id'])}))</span>")


def source_entry(bron: dict) -> str:
    """One source as an HTML fragment: title or description, authors, publisher, date, address, note."""
    parts = [f"<cite>{html_text(bron['titel'])}</cite>" if "titel" in bron else html_text(bron["omschrijving"])]
    parts += [html_text(bron[field]) for field in ("auteurs", "uitgever") if field in bron]
    parts.append(_sentence(date_nl(bron["datum"])))
    text = ". ".join(parts) + "."
    if bron["adres"] != UNKNOWN_ADDRESS:  # no address: the publisher and year above say where it is from
        address = html_text(bron["adres"])
        text += f' <a href="{address}">{address}</a>'
    if "toelichting" in bron:
        text += f' <span class="bron__toelichting">{html_text(bron["toelichting"])}</span>'
    return text


def source_plain(bron: dict) -> str:
    """One source as plain text, for downloads: the same parts as on the site, the address written out."""
    address = source_address(bron)
    return source_text(bron) + (f" {address}" if address else "")


def source_text(bron: dict) -> str:
    """A source's title or description, authors, publisher and date, without its address."""
    parts = [bron.get("titel") or bron["omschrijving"]]
    parts += [bron[field] for field in ("auteurs", "uitgever") if field in bron]
    parts.append(_sentence(date_nl(bron["datum"])))
    return ". ".join(" ".join(str(p).split()) for p in parts) + "."


def source_address(bron: dict) -> str:
    """A source's checked web address, or '' when it has none."""
    return "" if bron["adres"] == UNKNOWN_ADDRESS else bron["adres"]


def _sentence(text: str) -> str:
    """'zonder datum' starts a sentence in a source entry: 'Zonder datum'."""
    return text[:1].upper() + text[1:]


def source_list(bronnen: list[dict]) -> str:
    """The closing 'Bronnen' section of a page."""
    items = "\n".join(f"<li>{source_entry(b)}</li>" for b in bronnen)
    return f'## Bronnen {{ #bronnen }}\n\n<ul class="bronnenlijst">\n{items}\n</ul>\n'


def all_sources(bronnen: list[dict]) -> str:
    """Every source, each with its id as anchor so citations can link to it."""
    ordered = sorted(bronnen, key=lambda b: (b.get("titel") or b["omschrijving"]).lower())
    items = "\n".join(f'<li id="{html_text(b["id"])}">{source_entry(b)}</li>' for b in ordered)
    return f'<ul class="bronnenlijst bronnenlijst--alle">\n{items}\n</ul>\n'


def source_line(bronnen: list[dict], from_src: str) -> str:
    """A section's closing line naming its sources, each linked to the sources page."""
    label = "Bron" if len(bronnen) == 1 else "Bronnen"
    refs = "; ".join(f"[{md_text(b['kort'])}]({link(from_src, 'bronnen.md#' + b['id'])})" for b in bronnen)
    return f"{label}: {refs}\n{{ .bronregel }}"


def source_link(bron: dict, from_src: str) -> str:
    """An HTML link to a source on the sources page (for cells, where Markdown is not parsed)."""
    target = link(from_src, "bronnen.md#" + bron["id"]).replace(".md#", ".html#")
    return f'<a class="bronverwijzing" href="{html_text(target)}">{html_text(bron["kort"])}</a>'
