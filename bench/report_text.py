"""The benchmark's report: the machine it ran on and the figures as a Dutch Markdown page."""

from __future__ import annotations

import os
import platform
import re
from datetime import date
from pathlib import Path


def machine() -> dict:
    cpu = "onbekend"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "date": date.today().isoformat()}


def _build_table(o: dict) -> list[str]:
    rows = [("Handreiking (macro's, controle, hooks, downloads)", "handreiking"),
            ("Kale Material met zoeken, zelfde docs/", "bare"),
            ("Kale Material, docs/ met de macro's al ingevuld", "bare_expanded")]
    return ["| Bouw | Mediaan (s) | Runs (s) |", "| --- | ---: | --- |",
            *(f"| {label} | {o[key]['median']:.2f} | {', '.join(f'{t:.2f}' for t in o[key]['runs'])} |"
              for label, key in rows)]


def markdown_report(r: dict) -> str:
    o, p, rb, w = r["overhead"], r["processes"], r["rebuild"], r["weight"]
    ratio_note = "gehaald" if p["ratio_expanded"] <= r["goal_overhead"] else "niet gehaald; zie de toelichting"
    lines = [
        "# Benchmark van de handreiking",
        "",
        f"Gemeten op {r['machine']['date']}: {r['machine']['cpu']}, {r['machine']['cores']} cores, "
        f"Python {r['machine']['python']}, {r['machine']['system']}. Mediaan van {r['runs']} runs, om en om. "
        "Opnieuw maken met `make bench`.",
        "",
        "## 1. Bouwtijd tegen kale Material",
        "",
        "Hele processen: `mkdocs build` zoals een redacteur of een server het start, met het laden van de code. Python",
        "bewaart de vertaalde code naast de bron, zoals op elke computer (ook als PYTHONDONTWRITEBYTECODE gezet is);",
        "het eerste proces van elk soort telt niet mee.",
        "",
        *_build_table(p),
        "",
        f"Verhouding tegen de ingevulde tekst: **{p['ratio_expanded']:.2f}×** (doel: hoogstens {r['goal_overhead']}×, "
        f"{ratio_note}); tegen dezelfde docs/: {p['ratio']:.2f}×.",
        "",
        "In één proces, zonder het laden van de code (zoals elke bouw na de eerste in `make serve`):",
        "",
        *_build_table(o),
        "",
        f"Verhouding tegen de ingevulde tekst: {o['ratio_expanded']:.2f}×; tegen dezelfde docs/: {o['ratio']:.2f}×.",
        "",
        "### Toelichting: wat de verhouding tegenhoudt",
        "",
        "Het grootste deel van het verschil met dezelfde docs/ is inhoud, geen machinerie. In de kale bouw blijft een",
        "macro één regel tekst; in de handreiking wordt het een tabel, een reeks kaarten of een begrippenlijst, en er",
        "komen checklistpagina's bij. Dezelfde ingevulde tekst kost kale Material al "
        f"{p['bare_expanded']['median'] - p['bare']['median']:.2f} s meer. Wat overblijft "
        f"({p['handreiking']['median'] - p['bare_expanded']['median']:.2f} s) is de machinerie. Volgens de profiler is "
        "dat vooral: het laden van de code (mkdocs-macros laadt requests, zo'n 0,03 s; de eigen code en lxml samen",
        "ongeveer evenveel); de stappen voor de hele site na de bouw (de zoekindex zonder accenten, de sleutels van",
        "de hand-outs, het beveiligingsbeleid); per pagina de bronregels, de tabellen en de controles op links.",
        "",
        "Wat al is opgelost na profileren: de downloads staan in `.build-cache/downloads/` onder een vingerafdruk van",
        "hun gegevens en code (een koude bouw maakt ze één keer, daarna niet meer) en komen in de site als tweede",
        "naam van hetzelfde bestand, zonder ze opnieuw te schrijven; elke gebouwde pagina wordt één keer afgemaakt",
        "(inhoudsopgave, externe links) en bewaard per paginatekst in `.build-cache/paginas/`; de gecontroleerde",
        "gegevens van content/ staan er als JSON; de sjablonen van het thema en de door mkdocs-macros vertaalde",
        "pagina's worden één keer vertaald en bewaard in `.build-cache/sjablonen/`; lxml kiest de soort van elk",
        "element in C; libyaml leest mkdocs.yml en de koppen van pagina's; Materials bronkaarten worden niet meer",
        "gekopieerd; de sleutels van de cache hashen tekst direct en lezen alleen de importregels van de code.",
        "",
        "## 2. Opnieuw bouwen na opslaan (zoals `make serve`)",
        "",
        "Gemeten zoals `make serve` het doet, van het zien van de wijziging tot de site klaar staat. Na een",
        "Markdown-bestand maakt de voorbeeldweergave die pagina alleen opnieuw, uit de vorige volledige bouw; een",
        "volledige bouw volgt erachter aan (de zoekindex, de pagina's voor trainers en over toegankelijkheid). Na elke",
        "andere wijziging bouwt hij alles. Kale Material bouwt bij elke wijziging alles.",
        "",
        "| Wijziging | Mediaan (s) |",
        "| --- | ---: |",
        f"| Eén Markdown-bestand (handreiking): de pagina staat klaar | {rb['markdown']['median']:.2f} |",
        f"| Eén Markdown-bestand (handreiking): de volledige bouw erachteraan, tot ook die klaar staat | {rb['markdown_all']['median']:.2f} |",
        f"| Eén YAML-bestand (handreiking) | {rb['yaml']['median']:.2f} |",
        f"| Eén Markdown-bestand (kale Material) | {rb['bare_markdown']['median']:.2f} |",
        "",
        "## 3. Groei met de inhoud",
        "",
        "Elke schaal is één bouw met een koude cache: alle downloads worden gemaakt. Vanaf 10× heeft elke checklist",
        "twee keer zoveel punten (ms per punt corrigeert daarvoor). Kopieën van hoofdstukken houden hun tekst en",
        "bronvermeldingen; de tabellen van hele gegevensbestanden staan op één pagina die meegroeit. Kale Material",
        "bouwt dezelfde geschaalde docs/ zonder de machinerie.",
        "",
        "| Schaal | Pagina's | Checklists | Corporaties | Bouw (s) | ms per pagina | Kale Material: ms per pagina "
        "| Downloads | ms per download | ms per punt |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in r["scale"]:
        lines.append(f"| {s['factor']}× | {s['pages']} | {s['checklists']} | {s['corporaties']} | "
                     f"{s['build_seconds']:.1f} | {s['ms_per_page']:.1f} | {s['bare_ms_per_page']:.1f} | "
                     f"{s['downloads']} | {s['ms_per_download']:.1f} | {s['ms_per_item']:.2f} |")
    lines += [
        "",
        "De hele handreiking als één PDF, koud gemaakt (WeasyPrint, zonder cache). Op 50× zou dat boek zo'n",
        "5.000 A4-pagina's tellen; zo'n boek krijgt geen lezer, dus het wordt niet gemaakt.",
        "",
        "| Schaal | PDF maken (s) | Grootte | A4-pagina's | ms per A4-pagina |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {s['factor']}× | {s['book_seconds']:.1f} | {s['book_bytes'] / 1e6:.1f} MB | {s['book_pages']} | "
              f"{1000 * s['book_seconds'] / s['book_pages']:.0f} |" for s in r["scale"] if s["book_seconds"]]
    fb = r["full_build"]
    lines += [
        "",
        "## 4. De volledige bouw van `make build`",
        "",
        "Alles wat `make build` maakt: de offline uitgave en haar zip, de PDF van de hele handreiking en van elk",
        "hoofdstuk, de checklists als PDF en Word, en de site zelf.",
        "",
        "| Bouw | Tijd (s) |",
        "| --- | ---: |",
        f"| Koud: lege `.build-cache/`, alle PDF's en Word-bestanden worden gemaakt | {fb['cold']:.1f} |",
        f"| Warm: niets veranderd, mediaan van 3 | {fb['warm']:.1f} |",
        "",
        "## 5. Gewicht",
        "",
        "| Wat | Handreiking | Kale Material |",
        "| --- | ---: | ---: |",
        f"| Pagina (HTML + eigen CSS/JS, gzip), mediaan | {w['page_gzip_median'] / 1000:.1f} kB | "
        f"{w['bare_page_gzip_median'] / 1000:.1f} kB |",
        f"| Pagina, grootste | {w['page_gzip_max'] / 1000:.1f} kB | |",
        f"| Eigen CSS en JS samen (gzip) | {w['own_assets_gzip'] / 1000:.1f} kB | 0 kB |",
        f"| Zoekindex | {w['search_index'] / 1000:.0f} kB ({w['search_index_gzip'] / 1000:.0f} kB gzip) | "
        f"{w['bare_search_index'] / 1000:.0f} kB ({w['bare_search_index_gzip'] / 1000:.0f} kB gzip) |",
        "",
        "| Download | Grootte |",
        "| --- | ---: |",
    ]
    lines += [f"| {name} | {size / 1000:.0f} kB |" for name, size in w["downloads"].items()]
    if "lighthouse" in r:
        lines += lighthouse_lines(r["lighthouse"])
    return "\n".join(lines) + "\n"


def lighthouse_lines(lh: dict) -> list[str]:
    """Section 6: the guide's Lighthouse scores beside bare Material's, page by page."""
    lines = [
        "",
        "## 6. Lighthouse op een telefoon",
        "",
        f"Lighthouse 13.5 met zijn standaard voor een telefoon (gesimuleerd traag 4G, trage processor), mediaan van "
        f"{lh['runs']} runs, om en om met kale Material op dezelfde ingevulde tekst, zelfde machine, zelfde run. "
        "Beide sites komen van dezelfde eenvoudige webserver, met gzip zoals elke webhost die gebruikt.",
        "",
        "| Pagina | Prestatie | Kaal | Toegankelijkheid | Kaal | LCP (s) | Kaal | TBT (ms) | Kaal | DOM-elementen | Kaal |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in lh["pages"]:
        ours, bare = lh["handreiking"][page], lh["bare"][page]
        lines.append(
            f"| {page} | {ours['performance']:.0f} | {bare['performance']:.0f} | {ours['accessibility']:.0f} | "
            f"{bare['accessibility']:.0f} | {ours['lcp_ms'] / 1000:.1f} | {bare['lcp_ms'] / 1000:.1f} | "
            f"{ours['tbt_ms']:.0f} | {bare['tbt_ms']:.0f} | {ours['dom_elements']:.0f} | {bare['dom_elements']:.0f} |")
    failing = sorted({a for page in lh["pages"] for a in lh["handreiking"][page]["failing"]})
    lines += ["", "Lighthouse-controles die de handreiking niet haalt: " + (", ".join(failing) if failing else "geen") + "."]
    return lines


