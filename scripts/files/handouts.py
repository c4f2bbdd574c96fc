"""What a chapter's hand-outs say: one for participants (never an answer), a trainer sheet, and the self-test on paper."""

from __future__ import annotations

import hashlib

from scripts.content.lesson_checks import PLAN_MINUTES, PLAN_NAMES, TRUE_FALSE
from scripts.files.handout_doc import Link
from scripts.outputs import GUIDE, is_preview, page_url, shared_address
from scripts.pages.citations import source_plain

ROLES = {"woonconsulent": "Woonconsulent", "wijkbeheerder": "Wijkbeheerder", "begeleider": "Begeleider",
         "gemeente": "Gemeente"}
PARTS = {"opening": "Opening", "casus": "Casus", "dilemma": "Dilemma", "bespreking": "Bespreking",
         "oefening": "Oefening", "zelftoets": "Zelftoets", "pauze": "Pauze", "afsluiting": "Afsluiting"}
MADE_UP = "Deze casus is verzonnen. Wat er gebeurt, is gebaseerd op de bronnen van de handreiking."


class Addresses:
    """Links from a download to the guide: the full address once published; in a preview the path, as a link
    relative to downloads/ (it works when the file is opened from the site, and names no local computer)."""

    def __init__(self, site_url: str, titles: dict[str, str]):
        self.site_url, self.titles = site_url, titles  # titles: {'page.md' or 'page.md#anchor': heading}

    def of(self, section: str) -> Link:
        """A link to 'page.md#anchor', showing the address."""
        page, _, anchor = section.partition("#")
        path = page_url(page) + (f"#{anchor}" if anchor else "")
        shown = shared_address(self.site_url, path)
        return Link(shown, "../" + path if is_preview(self.site_url) else shown)

    def named(self, section: str) -> Link:
        """A link to 'page.md#anchor' showing the heading it leads to."""
        return Link(self.titles.get(section, section), self.of(section).href)

    def titled(self, section: str) -> list:
        """"Zie ‘De escalatieladder’: address", as text with a link."""
        return [f"Zie ‘{self.titles.get(section, section)}’: ", self.of(section)]


def card_order(cards: list[str]) -> list[str]:
    """The exercise's cards in an order that is not the answer: fixed by their text (the same every build),
    never the order of the data."""
    order = sorted(cards, key=lambda card: hashlib.sha256(card.encode("utf-8")).hexdigest())
    return order[1:] + order[:1] if order == list(cards) else order


def _intro(kind: str, lesson: dict, title: str, links: Addresses) -> list[tuple]:
    return [("h1", f"{kind}: {title}"),
            ("p", [f"Bij het hoofdstuk ‘{title}’ van de {GUIDE}: ", links.of(lesson["hoofdstuk"])])]


def _case(lesson: dict, source: dict) -> list[tuple]:
    case = lesson["casus"]
    return [("h2", f"Casus: {case['titel']}"), ("p", case["tekst"]), ("klein", f"Bron: {source_plain(source)}")]


def participant(lesson: dict, title: str, source: dict, links: Addresses) -> list[tuple]:
    """The participants' hand-out: goals, case, dilemmas with their choices, questions, cards, room for notes.
    No answer point, no misconception, no guide's answer to a dilemma, no self-test answer, no card order."""
    blocks = _intro("Hand-out", lesson, title, links)
    blocks += [("h2", "Wat je leert"), ("ul", lesson["leerdoelen"])] + _case(lesson, source)
    for dilemma in lesson.get("dilemmas", []):
        blocks += [("h2", f"Dilemma: {dilemma['titel']}"), ("klein", MADE_UP), ("p", dilemma["persoon"])]
        for moment in dilemma["momenten"]:
            blocks += [("h3", moment["wanneer"]), ("p", moment["situatie"]),
                       ("ul", [f"{ROLES[choice['rol']]}: {choice['vraag']}" for choice in moment["keuzes"]]),
                       ("ruimte", 2)]
    blocks += [("h2", "Vragen om te bespreken"), ("ol", [q["vraag"] for q in lesson["vragen"]])]
    exercise = lesson["oefening"]
    blocks += [("h2", f"Oefening: {exercise['titel']}"), ("p", exercise["tekst"])]
    if exercise.get("volgorde"):
        blocks += [("klein", "Knip de kaartjes los. Ze staan door elkaar."), ("kaartjes", card_order(exercise["materiaal"]))]
    elif exercise.get("materiaal"):
        blocks += [("klein", "Knip de kaartjes los."), ("kaartjes", exercise["materiaal"])]
    return blocks + [("h2", "Aantekeningen"), ("ruimte", 6)]


def trainer(lesson: dict, title: str, source: dict, sections: list[tuple[int, str, str]], links: Addresses) -> list[tuple]:
    """The trainer's sheet: plans, summary, the case and dilemmas with what the guide says, answer points and
    misconceptions, the exercise's answer, the self-test's answers, and the chapter's addresses."""
    blocks = _intro("Trainersblad", lesson, title, links)
    blocks += [("h2", "Leerdoelen"), ("ul", lesson["leerdoelen"])]
    plan = lesson.get("sessieplan", {})
    tables = [("tabel", f"Sessieplan voor {PLAN_NAMES[length]} ({minutes} minuten)",
               ("Minuten", "Onderdeel", "Wat", "Stuk in de handreiking"),
               [[str(block["minuten"]), PARTS[block["onderdeel"]], block["wat"],
                 [links.named(block["sectie"])] if "sectie" in block else ""] for block in plan[length]])
              for length, minutes in PLAN_MINUTES.items() if length in plan]
    if tables:
        blocks += [("h2", "Sessieplan")] + tables
    if lesson.get("samenvatting"):
        blocks += [("h2", "Samenvatting voor een dia"), ("ul", lesson["samenvatting"])]
    blocks += _case(lesson, source)
    for dilemma in lesson.get("dilemmas", []):
        blocks += [("h2", f"Dilemma: {dilemma['titel']}"), ("klein", MADE_UP), ("p", dilemma["persoon"])]
        for moment in dilemma["momenten"]:
            blocks += [("h3", moment["wanneer"]), ("p", moment["situatie"]),
                       ("ul", [f"{ROLES[choice['rol']]}: {choice['vraag']}" for choice in moment["keuzes"]]),
                       ("p", ["Wat de handreiking zegt: ", moment["handreiking"], " "] + links.titled(moment["sectie"]))]
    blocks.append(("h2", "Vragen, antwoordpunten en misverstanden"))
    for number, question in enumerate(lesson["vragen"], start=1):
        blocks.append(("h3", f"{number}. {question['vraag']}"))
        points = [[point["punt"], " "] + links.titled(point["sectie"]) for point in question.get("antwoordpunten", [])]
        points += [f"Misverstand: {wrong}" for wrong in question.get("misverstanden", [])]
        if points:
            blocks.append(("ul", points))
    exercise = lesson["oefening"]
    blocks += [("h2", f"Oefening: {exercise['titel']}"), ("p", exercise["tekst"])]
    if exercise.get("volgorde"):
        blocks += [("p", "De gebruikelijke volgorde van de kaartjes:"), ("ol", exercise["materiaal"])]
    elif exercise.get("materiaal"):
        blocks += [("p", "De kaartjes:"), ("ul", exercise["materiaal"])]
    if lesson.get("zelftoets"):
        blocks += [("h2", "Zelftoets: de goede antwoorden"), ("ol", [
            [f"{q['vraag']} Goed: {right_answer(q)}. {q['feedback']} "] + links.titled(q["sectie"])
            for q in lesson["zelftoets"]])]
    addresses = [[f"{text}: ", links.of(f"{lesson['hoofdstuk']}#{anchor}")] for level, text, anchor in sections if level == 2]
    return blocks + ([("h2", "Adressen van het hoofdstuk"), ("ul", addresses)] if addresses else [])


def quiz_paper(lesson: dict, title: str, links: Addresses) -> list[tuple]:
    """The self-test to print, for groups without a learning environment: questions first, answers at the end."""
    blocks = _intro("Zelftoets", lesson, title, links)
    blocks.append(("klein", "Kies bij elke vraag één antwoord. De antwoorden staan aan het eind."))
    for number, question in enumerate(lesson["zelftoets"], start=1):
        blocks += [("h3", f"Vraag {number}. {question['vraag']}"), ("vakjes", printed_answers(question))]
    blocks += [("nieuwe-pagina",), ("h2", "Antwoorden")]
    blocks.append(("ol", [[f"{right_answer(q)}. {q['feedback']} "] + links.titled(q["sectie"])
                          for q in lesson["zelftoets"]]))
    return blocks


def printed_answers(question: dict) -> list[str]:
    """A question's choices as paper shows them. Editors write the right answer first and Moodle shuffles; paper
    cannot, so the choices go in an order fixed by their text (the same every build). Juist/Onjuist keep theirs."""
    texts = [answer["tekst"] for answer in question["antwoorden"]]
    if question["soort"] == "juist-onjuist":
        return list(TRUE_FALSE)
    return sorted(texts, key=lambda text: hashlib.sha256(f"{question['vraag']}\n{text}".encode("utf-8")).hexdigest())


def right_answer(question: dict) -> str:
    """The text of the one right answer (the content checks make sure there is exactly one)."""
    return next(answer["tekst"] for answer in question["antwoorden"] if answer.get("juist")).rstrip(".")
