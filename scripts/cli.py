"""One command line for the guide (`python -m scripts ...`, called by the Makefile), with Dutch help."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from scripts.engines.build import PROJECT_DIR

log = logging.getLogger("mkdocs.handreiking")


@click.group(help="De Handreiking Housing First voor woningcorporaties bouwen, bekijken en controleren.")
def cli() -> None:
    # MkDocs' own format, so the guide's messages and MkDocs' messages read as one log.
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    # WeasyPrint and fontTools report every layout step and font table at INFO: noise to an editor.
    for noisy in ("weasyprint", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@cli.command(help="Bouw de hele site in site/, met de offline versie als zip erin. Een mislukte bouw laat de "
                  "vorige site/ staan.")
@click.option("--site-dir", type=click.Path(path_type=Path), default=PROJECT_DIR / "site", show_default=True,
              help="Map waarin de site komt.")
@click.option("--zonder-offline", is_flag=True, help="Sla de offline versie over (sneller).")
def build(site_dir: Path, zonder_offline: bool) -> None:
    from scripts.engines.build import BuildFailed, build_site

    from scripts.outputs import PREVIEW_BUILD, is_preview

    if is_preview(os.environ.get("SITE_URL", "")):
        log.warning(PREVIEW_BUILD)
    try:
        build_site(site_dir, with_offline=not zonder_offline)
    except BuildFailed:
        log.error("Bouwen mislukt; %s is niet veranderd.", site_dir)
        sys.exit(1)
    log.info("De handreiking staat in %s", site_dir)


@cli.command(help="Controleer alleen de gegevens in content/: snel, voor redacteuren.")
def check() -> None:
    from scripts.content import check_project
    from scripts.content.problems import EditorError

    try:
        check_project(PROJECT_DIR)
    except EditorError as error:
        log.error("%s", error)
        sys.exit(1)
    log.info("content/ is in orde")


@cli.command("csp", help="Toon het beveiligingsbeleid (Content Security Policy) van een gebouwde site als "
                          "header voor nginx en Apache.")
@click.argument("site_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=PROJECT_DIR / "site")
def csp_header(site_dir: Path) -> None:
    from scripts.pages import csp

    the_policy = csp.site_policy(site_dir)
    if the_policy is None:
        log.error("%s heeft geen beveiligingsbeleid; bouw eerst met make build", site_dir / "index.html")
        sys.exit(1)
    click.echo(csp.header_lines(the_policy), nl=False)


@cli.command(help="Werk de lijst met gepubliceerde adressen bij (tests/published_links.txt).")
def links() -> None:
    from scripts.links import update_contract

    if not update_contract():
        sys.exit(1)


@cli.command(help="Toon de handreiking op je eigen computer en bouw opnieuw bij elke wijziging.")
@click.option("--adres", default="127.0.0.1:8000", show_default=True, help="Adres en poort van de voorbeeldweergave.")
def serve(adres: str) -> None:
    from scripts.engines.preview import serve as run_preview

    sys.exit(run_preview(PROJECT_DIR, adres))


@cli.command(help="Bouw de handreiking met Zensical, de opvolger van MkDocs, in site-zensical/.")
@click.option("--site-dir", type=click.Path(path_type=Path), default=PROJECT_DIR / "site-zensical",
              show_default=True, help="Map waarin de Zensical-versie komt.")
def zensical(site_dir: Path) -> None:
    from scripts.engines.zensical_build import ZensicalFailed, build_with_zensical

    try:
        build_with_zensical(PROJECT_DIR, site_dir)
    except ZensicalFailed as error:
        log.error("Bouwen met Zensical mislukt: %s", error)
        sys.exit(1)
    log.info("De Zensical-versie staat in %s", site_dir)


@cli.command(help="Meet de bouwtijd, de snelheid en de omvang; schrijft bench/report.md.")
def bench() -> None:
    from bench.bench import main as run_bench

    sys.exit(run_bench())
