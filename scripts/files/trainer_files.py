"""The trainers' files made from the built pages: a hand-out per chapter and every published address as a CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scripts import links, outputs, publication
from scripts.cache import code_version, fingerprint, folder, kept_files, place
from scripts.files import handout_doc, handouts, moodle
from scripts.pipeline import Guide


def write(site_dir: Path, guide: Guide, listing: list[dict]) -> None:
    """Hand-outs and self-tests first (the table of addresses lists them), then the table itself."""
    downloads = site_dir / "downloads"
    downloads.mkdir(exist_ok=True)
    for path, kept_file in lesson_files(guide, listing).items():
        place(kept_file, site_dir / path)
    contract = guide.options.root / "tests" / "published_links.txt"
    published = links.read_contract(contract) if contract.is_file() else []
    (site_dir / outputs.ADDRESSES_CSV).write_bytes(addresses_csv(listing, site_dir, guide.options.site_url, published,
                                                                 guide.content.lesmateriaal))


def section_titles(listing: list[dict]) -> dict[str, str]:
    """{'page.md': page title, 'page.md#anchor': heading} of the built pages, for links with a name."""
    titles = {page["src"]: page["title"] for page in listing}
    titles.update({f"{page['src']}#{anchor}": title for page in listing for _, title, anchor in page["sections"]})
    return titles


def lesson_files(guide: Guide, listing: list[dict]) -> dict[str, Path]:
    """{path: kept file} of each chapter's two hand-outs (PDF and Word), its self-test (Moodle XML and PDF), and one
    Moodle XML file of every self-test; each made only when something it is made of changed."""
    cache = folder(guide.options.root)
    fonts, fonts_key = guide.fonts, guide.fonts_key
    pages = {page["src"]: page for page in listing}
    site_url, version, preview = guide.options.site_url, guide.version, outputs.is_preview(guide.options.site_url)
    addresses = handouts.Addresses(site_url, section_titles(listing))
    made, chapters, jobs, kept_as = {}, [], {}, {}  # kept_as: a file's key in the cache, its bytes come later
    licence, rights = publication.licence_texts(guide.publication)  # on the paper, in the file's metadata
    quiz_code = fingerprint("moodle", site_url, addresses.titles, code_version(moodle.__name__))

    def quiz_xml(quizzes: list[tuple[dict, str]]) -> Path:
        key = fingerprint(quiz_code, quizzes)
        return kept_files(cache / "downloads", {key: (moodle.quiz_xml, (quizzes, addresses))})[key]

    for lesson in guide.content.lesmateriaal:
        page = pages[lesson["hoofdstuk"]]
        chapters.append((lesson, page["title"]))
        source = guide.content.find("bronnen", lesson["casus"]["bron"])
        documents = {
            "deelnemers": (f"Hand-out: {page['title']}", handouts.participant(lesson, page["title"], source, addresses)),
            "trainer": (f"Trainersblad: {page['title']}",
                        handouts.trainer(lesson, page["title"], source, page["sections"], addresses)),
        }
        for audience, (title, blocks) in documents.items():
            subject = f"{outputs.HANDOUTS[audience]} uit de {outputs.GUIDE}"
            paper = blocks + [("p", licence)]
            makers = {"pdf": (handout_doc.to_pdf, (paper, title, version, fonts, preview, rights)),
                      "docx": (handout_doc.to_docx, (paper, title, subject, version, preview, rights))}
            for kind, job in makers.items():
                key = fingerprint("hand-out", audience, kind, title, repr(blocks), licence, rights, fonts_key,
                                  version.isoformat(), preview, code_version(handout_doc.__name__))
                path = outputs.handout(lesson["id"], kind, audience)
                made[path], kept_as[path], jobs[key] = None, key, job
        if lesson.get("zelftoets"):
            title = f"Zelftoets: {page['title']}"
            blocks = handouts.quiz_paper(lesson, page["title"], addresses)
            key = fingerprint("zelftoets", title, repr(blocks), licence, rights, fonts_key, version.isoformat(), preview,
                              code_version(handout_doc.__name__))
            made[outputs.quiz(lesson["id"], "pdf")], kept_as[outputs.quiz(lesson["id"], "pdf")] = None, key
            jobs[key] = (handout_doc.to_pdf, (blocks + [("p", licence)], title, version, fonts, preview, rights))
            made[outputs.quiz(lesson["id"])] = quiz_xml([(lesson, page["title"])])
    found = kept_files(cache / "downloads", jobs)
    made = {path: found[kept_as[path]] if path in kept_as else kept_file for path, kept_file in made.items()}
    if any(lesson.get("zelftoets") for lesson, _ in chapters):
        made[outputs.QUIZ_ALL] = quiz_xml(chapters)
    return made


CSV_COLUMNS = ["titel", "hoofdstuk", "adres", "soort", "niveau"]


def addresses_csv(listing: list[dict], site_dir: Path, site_url: str, published: list[str],
                  lessons: list[dict] = ()) -> bytes:
    """Every page, section and download, and older published addresses that still work (tests/published_links.txt):
    title, chapter (a download under its own chapter or checklist), address, kind (pagina, onderdeel, hand-out,
    checklist, zelftoets, download) and heading level; UTF-8 with a BOM and ';', as Dutch Excel expects."""
    rows = []
    for page in listing:
        kind = "checklist" if page["src"].startswith("checklists/") and page["src"] != "checklists/index.md" else "pagina"
        rows.append([page["title"], page["title"], page["url"], kind, "1"])
        rows += [[title, page["title"], f"{page['url']}#{anchor}", "onderdeel", str(level)]
                 for level, title, anchor in page["sections"]]
    files = sorted({p.relative_to(site_dir).as_posix() for p in (site_dir / "downloads").glob("*")}
                   | {outputs.ADDRESSES_CSV})
    named = _download_names(listing, lessons)
    for path in files:
        title, chapter, kind = named.get(path, (path.rsplit("/", 1)[-1], "Downloads", "download"))
        rows.append([title, chapter, path, kind, ""])
    titles = {page["url"]: page["title"] for page in listing}
    known = {row[2] for row in rows}
    rows += [["Ouder adres; werkt nog", titles.get(address.partition("#")[0], ""), address,
              "download" if address.startswith("downloads/") else "onderdeel" if "#" in address else "pagina", ""]
             for address in published if address not in known]
    buffer = io.StringIO()
    table = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    table.writerow(CSV_COLUMNS)
    table.writerows([title, chapter, outputs.shared_address(site_url, path), kind, level]
                    for title, chapter, path, kind, level in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _download_names(listing: list[dict], lessons) -> dict[str, tuple[str, str, str]]:
    """{download path: (human title, chapter, kind)}: a chapter's PDF, hand-outs and self-test under that chapter,
    a checklist's files under the checklist."""
    pages = {page["src"]: page["title"] for page in listing}
    names = {outputs.BOOK_PDF: (outputs.BOOK_PDF_LABEL, "Downloads", "download"),
             outputs.ADDRESSES_CSV: (outputs.ADDRESSES_CSV_LABEL, "Downloads", "download"),
             outputs.OFFLINE_ZIP: (outputs.OFFLINE_ZIP_LABEL, "Downloads", "download"),
             outputs.QUIZ_ALL: (outputs.QUIZ_ALL_LABEL, "Downloads", "zelftoets")}
    for src, title in pages.items():
        names[outputs.chapter_pdf(src)] = (outputs.CHAPTER_PDF_LABEL, title, "download")
        if src.startswith("checklists/"):
            for kind, label in outputs.DOWNLOAD_KINDS.items():
                names[outputs.checklist_download(src.removeprefix("checklists/").removesuffix(".md"), kind)] = (
                    f"{title} ({label})", title, "checklist")
    for lesson in lessons:
        chapter = pages.get(lesson["hoofdstuk"], lesson["hoofdstuk"])
        for label, path in outputs.lesson_downloads(lesson):
            names[path] = (label, chapter, "zelftoets" if "zelftoets" in path else "hand-out")
    return names
