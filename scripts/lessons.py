"""What the end of a chapter offers: lesson material for trainers (a closed box) and the chapter as PDF."""

from __future__ import annotations

from scripts import outputs
from scripts.markup import file_size, link, md_text
from scripts.render import source_entry


def box(lesson: dict, source: dict, from_src: str) -> str:
    """The 'Voor trainers' box for the end of a chapter: closed until a trainer opens it."""
    return ('\n\n<details class="voor-trainers" markdown>\n<summary>Voor trainers: lesmateriaal bij dit hoofdstuk'
            f"</summary>\n\n{body(lesson, source, from_src)}\n</details>\n")


def body(lesson: dict, source: dict, from_src: str) -> str:
    """Learning goals, the case with its source, the questions, the exercise and the hand-outs, as Markdown."""
    goals = "\n".join(f"- {md_text(goal)}" for goal in lesson["leerdoelen"])
    questions = "\n".join(f"{n}. {md_text(q['vraag'])}" for n, q in enumerate(lesson["vragen"], start=1))
    case, exercise = lesson["casus"], lesson["oefening"]
    handouts = " · ".join(f"[Hand-out als {label}]({link(from_src, outputs.handout(lesson['id'], kind))})"
                          for kind, label in outputs.HANDOUT_KINDS.items())
    return (f"**Leerdoelen.** Na deze les:\n\n{goals}\n\n"
            f"**Casus: {md_text(case['titel'])}.** {md_text(case['tekst'])}\n\n"
            f'<p class="voor-trainers__bron">Bron: {source_entry(source)}</p>\n\n'
            f"**Vragen om te bespreken**\n\n{questions}\n\n"
            f"**Oefening: {md_text(exercise['titel'])}.** {md_text(exercise['tekst'])}\n\n"
            f"{handouts}\n")


def chapter_pdf_offer(path: str, size: int | None, from_src: str) -> str:
    """A line at the end of a chapter: the chapter as PDF, to print or hand out (size None: not known yet)."""
    shown_size = f" ({file_size(size)})" if size is not None else ""
    return (f'\n\n<p class="hoofdstuk-pdf">Liever op papier? Download <a href="{link(from_src, path)}" '
            f'download>dit hoofdstuk als PDF{shown_size}</a>.</p>\n')
