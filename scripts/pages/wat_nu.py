"""'Wat doe ik nu?': the escalation ladders as one question at a time, and the page (a nested list the script enhances)."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.pages import section_sources
from scripts.pages.markup import html_text, link, md_text, tools_stylesheet

START = "start"
START_QUESTION = "Wat is er aan de hand?"
LADDER_PAGE = "overlast.md"  # where {{ escalatieladder() }} shows both ladders, with a #stap-<id> per step
LADDER_HEADINGS = {"overlast": ("Bij overlast", "stappen-overlast"),
                   "huurachterstand": ("Bij een huurachterstand", "stappen-huurachterstand")}
SCRIPT = "assets/javascripts/wat-nu.js"


@dataclass(frozen=True)
class Answer:
    """A button: its label and where it leads (a question id, or 'stap-<id>' for an action)."""

    label: str
    target: str
    urgent: bool = False


@dataclass(frozen=True)
class Question:
    """One screen: a question and its answers."""

    id: str
    text: str
    answers: tuple[Answer, ...]


def end_id(step_id: str) -> str:
    """The address of a step's action on the page: #stap-<id>, as on the ladder."""
    return f"stap-{step_id}"


def questions(steps: list[dict]) -> dict[str, Question]:
    """Every question of the aid by id, from the ladders. The first question offers each ladder's first step and
    each step marked 'startscherm'; at a step it asks each route ('ja' goes straight to that step's action), then
    whether you are past the step ('ja' goes on to 'volgende', 'nee' is this step's action)."""
    by_id = {s["id"]: s for s in steps}
    found: dict[str, Question] = {}

    def entry(step_id: str) -> str:
        """The first screen at a step: its first question, or its action when it asks nothing."""
        step = by_id[step_id]
        asked = [(r["als"], end_id(r["naar"])) for r in step.get("routes", [])]
        if "volgende" in step:
            asked.append((step.get("vraag") or f"{step['verder_als']} Klopt dat?", None))
        if not asked:
            return end_id(step_id)
        ids = [f"vraag-{step_id}-{n}" for n in range(1, len(asked) + 1)]
        for n, (text, yes) in enumerate(asked):
            if ids[n] in found:
                break
            no = ids[n + 1] if n + 1 < len(ids) else end_id(step_id)
            found[ids[n]] = None  # reserved before building what follows: a step reached twice is built once
            found[ids[n]] = Question(ids[n], text, (Answer("Ja", yes or entry(step["volgende"])), Answer("Nee", no)))
        return ids[0]

    first_steps = [next(s for s in steps if s["ladder"] == ladder) for ladder in dict.fromkeys(s["ladder"] for s in steps)]
    urgent = [Answer(s["aanleiding"], end_id(s["id"]), urgent=True) for s in steps if s.get("startscherm")]
    start = Question(START, START_QUESTION, tuple(urgent + [Answer(s["aanleiding"], entry(s["id"])) for s in first_steps]))
    return {START: start, **found}


# The page --------------------------------------------------------------------------------------------------------

def page(steps: list[dict], checklists: list[dict], from_src: str) -> str:
    """The aid's page: the whole tree as a nested list, then each action under its own heading, then the script."""
    asked = questions(steps)
    titles = {end_id(s["id"]): s["titel"] for s in steps}
    tree = ('<div class="watnu-boom">\n' + tools_stylesheet(from_src) + '<h2 id="alle-vragen">Alle vragen op een rij'
            '<a class="headerlink" href="#alle-vragen" title="Link naar dit stuk">&para;</a></h2>\n'
            f'<ul class="watnu-lijst">{_node(START, asked, titles, set())}</ul>\n</div>')
    return "\n\n".join([tree, actions(steps, checklists, from_src),
                        f'<script src="{html_text(link(from_src, SCRIPT))}" defer></script>\n'])


def _node(node_id: str, asked: dict[str, Question], titles: dict[str, str], shown: set) -> str:
    """A question with its answers, each answer leading to a nested question or a link to an action."""
    question = asked[node_id]
    shown.add(node_id)
    answers = []
    for answer in question.answers:
        label = f'<span class="watnu-antwoord__tekst">{html_text(answer.label)}</span>'
        if answer.target in titles:
            follow = f' → <a href="#{answer.target}">Wat je doet: {html_text(titles[answer.target])}</a>'
        elif answer.target in shown:
            follow = f' → <a href="#{answer.target}">verder bij: {html_text(asked[answer.target].text)}</a>'
        else:
            follow = f'<ul class="watnu-lijst">{_node(answer.target, asked, titles, shown)}</ul>'
        urgent = " watnu-antwoord--spoed" if answer.urgent else ""
        # A line break after the answer: search drops the tags and would glue 'Ja' to the next question's first word.
        answers.append(f'<li class="watnu-antwoord{urgent}" data-naar="{html_text(answer.target)}">{label}\n{follow}</li>')
    return (f'<li class="watnu-vraag" id="{html_text(node_id)}"><p class="watnu-vraag__tekst">{html_text(question.text)}</p>'
            f'<ul class="watnu-antwoorden">{"".join(answers)}</ul></li>')


def actions(steps: list[dict], checklists: list[dict], from_src: str) -> str:
    """Each step's action under its own heading (#stap-<id>): what, who, what to tell whom, what then, and links to
    the step on the ladder and to its checklist item."""
    items = {(c["id"], p["id"]): (c["titel"], p["tekst"]) for c in checklists for s in c["secties"] for p in s["punten"]}
    titles = {s["id"]: s["titel"] for s in steps}
    blocks = ['<div class="watnu-stappen" markdown>\n']
    for ladder, (heading, anchor) in LADDER_HEADINGS.items():
        chosen = [s for s in steps if s["ladder"] == ladder]
        if not chosen:
            continue
        blocks.append(f"## {md_text(heading)} {{ #{anchor} }}\n")
        for step in chosen:
            checklist_id, _, item_id = step["checklistpunt"].partition("#")
            checklist_title, item_text = items[(checklist_id, item_id)]
            if "volgende" in step:
                then = (f"{md_text(step['verder_als'])} Dan volgt "
                        f"[{md_text(titles[step['volgende']])}](#{end_id(step['volgende'])}).")
            else:
                then = md_text(step["einde"])
            marks = "".join(section_sources.mark(b) for b in step["bronnen"])  # the card ends in its sources line
            blocks.append(
                f'<div class="watnu-stap watnu-stap--{ladder}" markdown>\n\n'
                f"### {md_text(step['titel'])} {{ #{end_id(step['id'])} }}\n\n"
                f"**Wat je doet:** {md_text(step['wat'])}{marks}\n{{ .watnu-stap__wat }}\n\n"
                f"**Wie:** {md_text(step['wie'])}\n\n"
                f"**Vertel:** {md_text(step['vertel'])}\n\n"
                f"**Daarna:** {then}\n\n"
                f"- [Lees deze stap op de escalatieladder]({link(from_src, LADDER_PAGE + '#' + end_id(step['id']))})\n"
                f"- Uit de checklist ‘{md_text(checklist_title)}’. "
                f"[{md_text(item_text)}]({link(from_src, f'checklists/{checklist_id}.md#punt-{item_id}')})\n"
                "\n</div>\n")
    blocks.append("</div>\n")
    return "\n".join(blocks)
