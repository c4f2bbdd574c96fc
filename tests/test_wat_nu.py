"""'Wat doe ik nu?': every path of the escalation data ends in an action, the page is a readable nested list without
JavaScript, and with it one question at a time with real buttons, its own address, history and focus."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from scripts.content import load_content
from scripts.content.problems import ContentError
from scripts.pages import wat_nu
from tests.conftest import PROJECT, article_html
from tests.test_accessibility import axe_violations

OUTPUT = PROJECT / "test-output"


def walk(questions: dict, steps: list[dict]) -> tuple[list[tuple], list[str]]:
    """Every path from the first question: (paths, problems). A problem is a dead end, a loop, or an end that is no
    action (a step with what, who, what to tell whom and a checklist item)."""
    ends = {wat_nu.end_id(s["id"]): s for s in steps}
    paths, problems = [], []

    def follow(node: str, seen: tuple):
        if node in seen:
            problems.append("loop: " + " -> ".join(seen + (node,)))
        elif node in ends:
            step = ends[node]
            missing = [f for f in ("wat", "wie", "vertel", "checklistpunt") if not step.get(f)]
            if missing:
                problems.append(f"{node} is no action: no {', '.join(missing)}")
            paths.append(seen + (node,))
        elif node not in questions or not questions[node].answers:
            problems.append("dead end: " + " -> ".join(seen + (node,)))
        else:
            for answer in questions[node].answers:
                follow(answer.target, seen + (node,))

    follow(wat_nu.START, ())
    return paths, problems


# The data: every path --------------------------------------------------------------------------------------------

def test_every_path_of_the_aid_ends_in_an_action_without_dead_end_or_loop(content):
    paths, problems = walk(wat_nu.questions(content.escalatie), content.escalatie)
    assert not problems, "\n".join(problems)
    reached = {p[-1] for p in paths}
    assert reached == {wat_nu.end_id(s["id"]) for s in content.escalatie}, "every step is some path's action"


def test_the_path_walk_catches_a_dead_end_a_loop_and_an_end_without_action(content):
    """Planted faults: the same walk reports each kind of broken tree."""
    asked = wat_nu.questions(content.escalatie)
    first = asked[wat_nu.START].answers[1].target
    broken = dict(asked)
    broken[first] = wat_nu.Question(first, "?", (wat_nu.Answer("Ja", "vraag-bestaat-niet"),))
    assert any(p.startswith("dead end") for p in walk(broken, content.escalatie)[1])
    looped = dict(asked)
    looped[first] = wat_nu.Question(first, "?", (wat_nu.Answer("Ja", wat_nu.START),))
    assert any(p.startswith("loop") for p in walk(looped, content.escalatie)[1])
    without = [{**s, "vertel": ""} for s in content.escalatie]
    assert any("is no action" in p for p in walk(asked, without)[1])


def test_the_first_question_offers_the_crisis_route_and_both_ladders(content):
    start = wat_nu.questions(content.escalatie)[wat_nu.START]
    crisis = next(s for s in content.escalatie if "112" in s["wat"])
    assert start.answers[0].target == wat_nu.end_id(crisis["id"]) and start.answers[0].urgent
    paths, _ = walk(wat_nu.questions(content.escalatie), content.escalatie)
    for ladder in ("overlast", "huurachterstand"):
        ends = {wat_nu.end_id(s["id"]) for s in content.escalatie if s["ladder"] == ladder}
        assert any(p[-1] in ends and len(p) > 2 for p in paths), ladder


def test_a_route_question_answered_yes_goes_straight_to_that_steps_action():
    steps = [
        {"id": "a", "ladder": "overlast", "aanleiding": "Klacht.", "volgende": "b", "verder_als": "Blijft.",
         "vraag": "Blijft het?", "routes": [{"als": "Gevaar?", "naar": "c"}]},
        {"id": "b", "ladder": "overlast", "aanleiding": "Blijft.", "einde": "Klaar."},
        {"id": "c", "ladder": "overlast", "aanleiding": "Gevaar.", "volgende": "b", "verder_als": "Voorbij.",
         "startscherm": True},
    ]
    asked = wat_nu.questions(steps)
    assert [(a.label, a.target) for a in asked[wat_nu.START].answers] == [("Gevaar.", "stap-c"), ("Klacht.", "vraag-a-1")]
    assert [(a.label, a.target) for a in asked["vraag-a-1"].answers] == [("Ja", "stap-c"), ("Nee", "vraag-a-2")]
    assert [(a.label, a.target) for a in asked["vraag-a-2"].answers] == [("Ja", "stap-b"), ("Nee", "stap-a")]
    assert asked["vraag-a-2"].text == "Blijft het?"


# The page ---------------------------------------------------------------------------------------------------------

def test_the_page_without_javascript_is_the_whole_tree_as_a_nested_list(site, content):
    html = article_html(site / "wat-nu.html")
    asked = wat_nu.questions(content.escalatie)
    for question in asked.values():
        assert f'id="{question.id}"' in html
    for step in content.escalatie:
        assert f'id="stap-{step["id"]}"' in html and f'href="#stap-{step["id"]}"' in html
    nested = re.search(r'id="vraag-signaal-2".*?</li>', html, re.S)
    assert nested and html.index('id="start"') < html.index('id="vraag-signaal-2"')
    assert '<script src="assets/javascripts/wat-nu.js" defer></script>' in html
    assert "onclick" not in html and not re.search(r"<script(?![^>]*\ssrc=)", html)


def test_each_action_says_who_what_to_tell_whom_and_links_its_section_and_checklist_item(site, content):
    html = article_html(site / "wat-nu.html")
    for step in content.escalatie:
        card = re.search(rf'id="stap-{step["id"]}".*?</div>', html, re.S).group(0)
        checklist, _, item = step["checklistpunt"].partition("#")
        assert f'href="overlast.html#stap-{step["id"]}"' in card
        assert f'href="checklists/{checklist}.html#punt-{item}"' in card
        for label in ("Wat je doet:", "Wie:", "Vertel:", "Daarna:"):
            assert label in card, (step["id"], label)


def test_data_text_is_escaped_in_the_tree_and_the_actions():
    steps = [{"id": "a", "ladder": "overlast", "titel": "Stap <b>A</b>", "aanleiding": "Klacht <i>nu</i>.",
              "wat": "Bel *snel*.", "wie": "Ik.", "vertel": "Zeg het.", "checklistpunt": "c#p",
              "einde": "Klaar.", "bronnen": ["b"]}]
    checklists = [{"id": "c", "titel": "C", "secties": [{"id": "s", "punten": [{"id": "p", "tekst": "P"}]}]}]
    page = wat_nu.page(steps, checklists, "wat-nu.md")
    assert "<b>A</b>" not in page and "<i>nu</i>" not in page
    assert "Klacht &lt;i&gt;nu&lt;/i&gt;." in page and r"Bel \*snel\*." in page


def test_a_step_pointing_at_a_checklist_item_that_does_not_exist_is_named_in_dutch(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(PROJECT / "content", target)
    path = target / "escalatie.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("checklistpunt: overlast-afspraken#", "checklistpunt: overlast-afspraken#weg-", 1),
                    encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "#weg-" in row)
    with pytest.raises(ContentError) as caught:
        load_content(target)
    assert f"content/escalatie.yml:{line}" in str(caught.value)
    assert "heeft geen punt" in str(caught.value)


# In the browser ---------------------------------------------------------------------------------------------------

def _focused_is_heading(page) -> bool:
    """Whether focus is on the screen's question (the browser moves it as the new screen is drawn)."""
    try:
        page.wait_for_function("() => document.activeElement === document.querySelector('.watnu-scherm__kop')",
                               timeout=3000)
    except Exception:  # Playwright's TimeoutError: focus did not move
        return False
    return True


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_a_nuisance_path_with_psychiatric_problems_reaches_the_case_conference(served_site, page_in, content, width):
    page = page_in(viewport={"width": width, "height": 900})
    page.goto(served_site + "wat-nu.html")
    start = wat_nu.questions(content.escalatie)[wat_nu.START]
    heading = page.locator(".watnu-scherm__kop")
    expect(heading).to_have_text(start.text)
    assert page.locator(".watnu-boom").is_hidden(), "with JavaScript one question is shown, not the list"
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"wat-nu-start-{width}.png"), full_page=True)

    page.get_by_role("button", name=start.answers[1].label).click()
    expect(page).to_have_url(re.compile("#vraag-signaal-1$"))
    assert _focused_is_heading(page)
    page.get_by_role("button", name="Nee").click()
    expect(heading).to_contain_text("psychische")
    page.get_by_role("button", name="Ja").click()
    expect(page).to_have_url(re.compile("#stap-casusoverleg$"))
    expect(heading).to_have_text(content.find("escalatie", "casusoverleg")["titel"])
    assert _focused_is_heading(page)
    expect(page.locator(".watnu-scherm")).to_contain_text("Vertel:")
    page.screenshot(path=str(OUTPUT / f"wat-nu-stap-{width}.png"), full_page=True)

    page.go_back()
    expect(heading, "the browser's back button shows the previous question").to_contain_text("psychische")
    page.get_by_role("button", name="Vorige vraag").click()
    expect(page).to_have_url(re.compile("#vraag-signaal-1$"))
    page.go_forward()
    expect(heading).to_contain_text("psychische")


@pytest.mark.browser
def test_scrolling_a_screen_on_a_phone_keeps_its_address(served_site, page_in):
    """The address is the reader's place: scrolling must not rewrite it (a reload or a step back would lose it)."""
    page = page_in(viewport={"width": 375, "height": 500})
    page.goto(served_site + "wat-nu.html#vraag-signaal-1")
    heading = page.locator(".watnu-scherm__kop")
    question = heading.inner_text()
    # Nothing to wait on when nothing may happen: each scroll gets the time a rewrite would take to show (Material's
    # navigation.tracking waits 250 ms after scrolling stops).
    for distance in (2000, -4000):
        page.mouse.wheel(0, distance)
        page.wait_for_timeout(600)
        expect(page).to_have_url(re.compile("#vraag-signaal-1$"))
    page.reload()
    expect(heading).to_have_text(question)


@pytest.mark.browser
def test_a_rent_path_reaches_the_vroegsignalering_step(served_site, page_in, content):
    page = page_in()
    page.goto(served_site + "wat-nu.html")
    first = next(s for s in content.escalatie if s["ladder"] == "huurachterstand")
    page.get_by_role("button", name=first["aanleiding"]).click()
    page.get_by_role("button", name="Ja").click()
    page.get_by_role("button", name="Nee").click()
    expect(page).to_have_url(re.compile("#stap-vroegsignalering$"))
    expect(page.locator(".watnu-scherm__kop")).to_contain_text(re.compile("vroegsignalering", re.I))


@pytest.mark.browser
def test_the_crisis_route_is_one_button_from_the_first_screen(served_site, page_in, content):
    page = page_in(viewport={"width": 375, "height": 740})
    page.goto(served_site + "wat-nu.html")
    crisis = next(s for s in content.escalatie if s.get("startscherm"))
    button = page.get_by_role("button", name=crisis["aanleiding"])
    assert button.is_visible() and button.bounding_box()["y"] < 740, "visible in the first screen on a phone"
    button.click()
    expect(page.locator(".watnu-scherm")).to_contain_text("112")


@pytest.mark.browser
def test_a_trainers_link_to_a_step_opens_that_step(served_site, page_in, content):
    page = page_in()
    page.goto(served_site + "wat-nu.html#vraag-signaal-2")
    heading = page.locator(".watnu-scherm__kop")
    expect(heading).to_contain_text("psychische")
    page.goto(served_site + "wat-nu.html#stap-melding-gemeente")
    expect(heading).to_have_text(content.find("escalatie", "melding-gemeente")["titel"])


@pytest.mark.browser
def test_without_javascript_the_tree_and_the_actions_are_readable(served_site, page_in, content):
    page = page_in(java_script_enabled=False)
    page.goto(served_site + "wat-nu.html")
    assert page.locator(".watnu-scherm").count() == 0
    tree = page.locator(".watnu-boom")
    assert tree.is_visible()
    for question in wat_nu.questions(content.escalatie).values():
        assert page.locator(f'[id="{question.id}"] > .watnu-vraag__tekst').is_visible()
    page.locator('.watnu-boom a[href="#stap-casusoverleg"]').first.click()
    assert page.locator("#stap-casusoverleg").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_question_and_an_action(served_site, page_in, scheme):
    page = page_in(color_scheme=scheme)
    found = []
    for address in ("wat-nu.html", "wat-nu.html#stap-crisis"):
        page.goto(served_site + address)
        page.wait_for_selector(".watnu-scherm__kop")
        found += [f"{address}: {v}" for v in axe_violations(page)]
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_printing_gives_the_whole_tree_and_every_action(served_site, page_in):
    page = page_in()
    page.goto(served_site + "wat-nu.html#stap-crisis")
    page.emulate_media(media="print")
    assert page.locator(".watnu-scherm").is_hidden()
    assert page.locator(".watnu-boom").is_visible() and page.locator("#stap-signaal").is_visible()
