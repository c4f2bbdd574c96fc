"""What the end of a chapter offers: lesson material for trainers (a closed box) and the chapter as PDF."""

from __future__ import annotations

from scripts import outputs
from scripts.content.lesson_checks import PLAN_MINUTES, PLAN_NAMES
from scripts.pages.citations import source_entry
from scripts.pages.markup import file_size, link, md_text


ANCHOR = "lesmateriaal"  # the box's own address on every chapter (the link contract): chapter.html#lesmateriaal


def box(lesson: dict, source: dict, from_src: str) -> str:
    """The 'Voor trainers' box for the end of a chapter: closed until a trainer opens it or a link points into it
    (#lesmateriaal; assets/javascripts/handreiking.js opens it). Its heading puts it in the page contents and in
    search."""
    return ('\n\n<details class="voor-trainers" markdown>\n<summary>Voor trainers: lesmateriaal bij dit hoofdstuk'
            f"</summary>\n\n## Lesmateriaal voor trainers {{ #{ANCHOR} }}\n\n{body(lesson, source, from_src)}\n</details>\n")


def duration(lesson: dict) -> str:
    """How long a lesson takes, as trainers plan it: 'een dagdeel (180 minuten) of een uur (60 minuten)'."""
    plan = lesson.get("sessieplan", {})
    return " of ".join(f"{PLAN_NAMES[length]} ({minutes} minuten)" for length, minutes in PLAN_MINUTES.items()
                       if length in plan)


def downloads_line(lesson: dict, from_src: str) -> str:
    """The lesson's files as one line of links: hand-outs for participants and trainer, the self-test."""
    return " · ".join(f"[{md_text(label)}]({link(from_src, path)})" for label, path in outputs.lesson_downloads(lesson))


def body(lesson: dict, source: dict, from_src: str) -> str:
    """Learning goals, duration, files, the case with its source, the questions and the exercise, as Markdown."""
    goals = "\n".join(f"- {md_text(goal)}" for goal in lesson["leerdoelen"])
    questions = "\n".join(f"{n}. {md_text(q['vraag'])}" for n, q in enumerate(lesson["vragen"], start=1))
    case, exercise = lesson["casus"], lesson["oefening"]
    length = duration(lesson)
    summary = "\n".join(f"- {md_text(line)}" for line in lesson.get("samenvatting", []))
    dilemmas = ", ".join(f"‘{md_text(d['titel'])}’" for d in lesson.get("dilemmas", []))
    return (f"**Leerdoelen.** Na deze les:\n\n{goals}\n\n"
            + (f"**Duur.** {length[:1].upper() + length[1:]}; het trainersblad geeft het verloop per blok.\n\n"
               if length else "")
            + f'<p class="voor-trainers__downloads" markdown>**Downloads.** {downloads_line(lesson, from_src)}</p>\n\n'
            + (f"**In het kort**\n\n{summary}\n\n" if summary else "")
            + f"**Casus: {md_text(case['titel'])}.** {md_text(case['tekst'])}\n\n"
            f'<p class="voor-trainers__bron">Bron: {source_entry(source)}</p>\n\n'
            + (f"**Dilemma.** {dilemmas}: een verzonnen casus met keuzes per rol, op de hand-out.\n\n" if dilemmas else "")
            + f"**Vragen om te bespreken**\n\n{questions}\n\n"
            f"**Oefening: {md_text(exercise['titel'])}.** {md_text(exercise['tekst'])}\n")


def chapter_pdf_offer(path: str, size: int | None, from_src: str) -> str:
    """A line at the end of a chapter: the chapter as PDF, to print or hand out (size None: not known yet)."""
    shown_size = f" ({file_size(size)})" if size is not None else ""
    return (f'\n\n<p class="hoofdstuk-pdf">Liever op papier? Download <a href="{link(from_src, path)}" '
            f'download>dit hoofdstuk als PDF{shown_size}</a>.</p>\n')
