"""The change log from content/wijzigingen.yml: the page 'Wat is er veranderd', each page's recent changes, the feed."""

from __future__ import annotations

from urllib.parse import urljoin

from scripts import outputs
from scripts.pages.markup import date_nl, html_text, link, md_text

RECENT = 3  # changes shown at the end of a page; the change log page has them all


def newest_first(entries: list[dict]) -> list[dict]:
    """Entries by date, newest first; on one day in the order the editor wrote them."""
    return sorted(entries, key=lambda entry: entry["datum"], reverse=True)


def _link_text(target: dict, titles: dict[str, str]) -> str:
    return target.get("tekst") or titles.get(target["naar"].partition("#")[0], target["naar"])


def page(entries: list[dict], titles: dict[str, str], feed: bool, from_src: str = outputs.CHANGES_PAGE) -> str:
    """Markdown: how to follow the changes (the feed, in a release), then every change under its own heading."""
    feed_name = outputs.CHANGES_FEED
    if feed:
        parts = [f"Volg de wijzigingen in je feedlezer, in Outlook of in je leeromgeving: neem het adres van "
                 f"[de feed met wijzigingen ({feed_name})]({link(from_src, feed_name)}) over. Een feedlezer laat "
                 "dan vanzelf zien wat er nieuw is.\n"]
    else:
        parts = ["Deze proefversie heeft nog geen feed met wijzigingen: een feed heeft het vaste webadres van de "
                 "gepubliceerde handreiking nodig. De gepubliceerde versie heeft hem wel.\n"]
    for entry in newest_first(entries):
        links = "\n".join(f"- [{md_text(_link_text(target, titles))}]({link(from_src, target['naar'])})"
                          for target in entry["links"])
        parts.append(f"## {md_text(entry['titel'])} {{ #{entry['id']} }}\n\n"
                     f'<p class="wijziging-datum"><time datetime="{entry["datum"]}">{date_nl(entry["datum"])}</time></p>\n\n'
                     f"{md_text(entry['wat'])}\n\nLees het hier:\n\n{links}\n")
    return "\n".join(parts)


def recent(entries: list[dict], src: str) -> str:
    """HTML: the newest changes that link into this page, each linking to its entry in the change log; or ''."""
    if src == outputs.CHANGES_PAGE:
        return ""
    mine = [e for e in newest_first(entries) if any(t["naar"].partition("#")[0] == src for t in e["links"])][:RECENT]
    if not mine:
        return ""
    log = outputs.page_url(link(src, outputs.CHANGES_PAGE))
    items = "".join(f'<li><time datetime="{e["datum"]}">{date_nl(e["datum"])}</time>: '
                    f'<a href="{html_text(log)}#{e["id"]}">{html_text(e["titel"])}</a></li>' for e in mine)
    # Left out of search: the titles would make every page an answer to words of other pages.
    return (f'\n\n<div class="handreiking-recent" data-search-exclude>'
            f'<p class="handreiking-recent__kop">Recent gewijzigd op deze pagina</p><ul>{items}</ul>'
            f'<p><a href="{html_text(log)}">Alle wijzigingen</a></p></div>\n')


def atom(entries: list[dict], titles: dict[str, str], site_url: str, publisher: str, guide: str) -> bytes:
    """The Atom feed of the change log: absolute addresses from site_url, dates from the entries only (no clock)."""
    from feedgen.feed import FeedGenerator  # loaded only for a release, which has a feed

    log = urljoin(site_url, outputs.page_url(outputs.CHANGES_PAGE))
    ordered = newest_first(entries)
    feed = FeedGenerator()
    feed.id(log)
    feed.title(f"Wat is er veranderd: {guide}")
    feed.subtitle("Wijzigingen in de handreiking, met links naar de onderdelen die veranderden.")
    feed.author({"name": publisher or guide})
    feed.link(href=log, rel="alternate", type="text/html")
    feed.link(href=urljoin(site_url, outputs.CHANGES_FEED), rel="self", type="application/atom+xml")
    feed.language("nl")
    feed.updated(_moment(ordered[0]["datum"]))
    for entry in ordered:
        item = feed.add_entry(order="append")
        item.id(f"{log}#{entry['id']}")
        item.title(entry["titel"])
        item.link(href=f"{log}#{entry['id']}", rel="alternate", type="text/html")
        item.updated(_moment(entry["datum"]))
        item.published(_moment(entry["datum"]))
        targets = "".join(f'<li><a href="{html_text(urljoin(site_url, outputs.page_url(t["naar"])))}">'
                          f"{html_text(_link_text(t, titles))}</a></li>" for t in entry["links"])
        item.content(f"<p>{html_text(entry['wat'])}</p><ul>{targets}</ul>", type="html")
    return feed.atom_str(pretty=True)


def _moment(day: str) -> str:
    return f"{day}T00:00:00+00:00"
