"""Checks that keep the guide trustworthy: the rule on conditions, practice under a name, what a source shows."""

from __future__ import annotations

import re

from scripts.content.problems import Problem
from scripts.content.yaml_source import leaves


def problems(datasets: dict) -> list[Problem]:
    """Every trust problem in the parsed datasets ({name: Dataset})."""
    return condition_problems(datasets) + practice_source_problems(datasets) + source_record_problems(datasets)


# Accepting support, named as a condition. Allowed only when denied ("nooit een voorwaarde in het huurcontract")
# or when it is said of taking part in a programme, never of the home or the lease.
_SUPPORT = re.compile(r"begeleiding\s+(te\s+)?(accepte|aanvaard)|(accepte|aanvaard)\w*\s+(van\s+)?(de\s+)?begeleiding",
                      re.I)
_CONDITION = re.compile(r"voorwaarde|\beis(en)?\b|\bverplicht", re.I)
_DENIED = re.compile(r"\b(geen|nooit|niet)\b", re.I)
_PROGRAMME = re.compile(r"deelname|programma|\bproject|meedoen|begeleidingsovereenkomst", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
CONDITIONS_RECORD = ("begrippen", "voorwaarden")


def lease_condition_sentences(text: str) -> list[str]:
    """Sentences that make accepting support a condition without saying it is one of taking part, not of the home."""
    return [sentence for sentence in _SENTENCE.split(" ".join(text.split()))
            if _SUPPORT.search(sentence) and _CONDITION.search(sentence)
            and not _DENIED.search(sentence) and not _PROGRAMME.search(sentence)]


def condition_problems(datasets: dict) -> list[Problem]:
    """The rule on conditions is one record, and no text anywhere in content/ states support as a lease condition."""
    problems = []
    name, record_id = CONDITIONS_RECORD
    if name in datasets:
        records = datasets[name].data[name]
        rule = next((r for r in records if r["id"] == record_id), None)
        if rule is None:
            problems.append(Problem(datasets[name].file, 1, "", (
                f"het begrip '{record_id}' ontbreekt; daaruit komt de regel over voorwaarden op elke pagina")))
        elif "kort" not in rule:
            path = (name, records.index(rule))
            problems.append(datasets[name].problem(path, (
                "het veld 'kort' ontbreekt: de regel over voorwaarden in één zin, die andere pagina's tonen met "
                "een link naar de hele regel")))
    for name, dataset in datasets.items():
        for path, text in leaves(dataset.data[name], (name,)):
            if not isinstance(text, str):
                continue
            for sentence in lease_condition_sentences(text):
                problems.append(dataset.problem(path, (
                    f"de zin '{sentence[:90]}' maakt begeleiding accepteren tot voorwaarde. Voor de woning gelden "
                    "alleen de gewone huurplichten; schrijf dat begeleiding hoort bij meedoen (deelname) en nooit "
                    "in het huurcontract staat")))
    return problems


def practice_source_problems(datasets: dict) -> list[Problem]:
    """Practice under a named organisation cites only sources that are about that organisation ('over')."""
    if "bronnen" not in datasets:
        return []
    about = {b["id"]: [o.lower() for o in b.get("over", [])] for b in datasets["bronnen"].data["bronnen"]}
    problems = []
    if "corporaties" in datasets:
        dataset = datasets["corporaties"]
        for i, record in enumerate(dataset.data["corporaties"]):
            for j, bron_id in enumerate(record.get("bronnen", [])):
                names = {record["naam"].lower(), record["id"]}  # the id too: a name may carry markup or a typo fix
                if bron_id in about and not names & ({o for o in about[bron_id]} | {_slug(o) for o in about[bron_id]}):
                    path = ("corporaties", i, "bronnen", j)
                    problems.append(dataset.problem(path, (
                        f"'{record['naam']}' noemt de bron '{bron_id}', maar die bron gaat niet over "
                        f"{record['naam']} (zie 'over' in content/bronnen.yml). Schrijf bij een corporatie alleen "
                        "wat een bron over haar zegt; een algemeen principe hoort op een andere plek")))
    if "praktijk" in datasets:
        dataset = datasets["praktijk"]
        for i, record in enumerate(dataset.data["praktijk"]):
            bron_id = record["bron"]
            if "wie" in record and bron_id in about and not any(o in record["wie"].lower() for o in about[bron_id]):
                path = ("praktijk", i, "bron")
                problems.append(dataset.problem(path, (
                    f"'{record['id']}' staat op naam van '{record['wie']}', maar de bron '{bron_id}' gaat niet over "
                    "een van hen (zie 'over' in content/bronnen.yml). Kies een bron over die organisatie, of "
                    "haal de naam weg")))
    return problems


def source_record_problems(datasets: dict) -> list[Problem]:
    """A source shows its checked address, or else who published it (and when); never 'niet bekend'."""
    if "bronnen" not in datasets:
        return []
    dataset = datasets["bronnen"]
    problems = []
    for i, bron in enumerate(dataset.data["bronnen"]):
        if bron["adres"] == "onbekend" and not ("uitgever" in bron or "auteurs" in bron):
            path = ("bronnen", i, "adres")
            problems.append(dataset.problem(path, (
                f"de bron '{bron['id']}' heeft geen adres en geen uitgever; zoek het adres van de pagina, of geef "
                "'uitgever' (of 'auteurs') en het jaar, zodat een lezer de bron kan vinden")))
        for field, value in bron.items():
            if field != "adres" and isinstance(value, str) and re.search(r"niet bekend|onbekend", value, re.I):
                path = ("bronnen", i, field)
                problems.append(dataset.problem(path, (
                    f"'{field}' van de bron '{bron['id']}' zegt dat iets niet bekend is; laat weg wat je niet weet "
                    "en noem de uitgever en het jaar")))
    return problems


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
