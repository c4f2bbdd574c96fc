"""The data in content/: complete, checked, and ready for an editor's YAML tooling."""

from __future__ import annotations

import json
import shutil

import pytest

from scripts.content import DATASETS, load_content
from scripts.content.problems import ContentError
from tests.conftest import PROJECT


def test_the_eight_principles_and_the_reference_group_of_the_handreiking_are_there(content):
    """The Handreiking names eight principles and eight corporations; more corporations may join."""
    assert len(content.principes) == 8
    assert {c["naam"] for c in content.corporaties} >= {
        "WonenBreburg", "de Alliantie", "Staedion", "Heemwonen", "Wonen Limburg", "Trivire", "Wonen Centraal",
        "Woonpunt"}


def test_required_checklists_exist(content):
    assert {c["id"] for c in content.checklists} >= {
        "afspraken-driehoek", "woning-toewijzen", "kennismaking-eerste-weken", "overlast-afspraken",
        "huurachterstand-voorkomen", "zelfscan-principes", "complex-gemengd-wonen", "gesprek-voor-het-tekenen"}


def test_the_route_step_before_signing_links_to_the_checklist_for_that_talk(content):
    step = next(s for s in content.route if s["id"] == "kennismaken-en-tekenen")
    assert step["checklist"].partition("#")[0] == "gesprek-voor-het-tekenen"


def test_common_abbreviations_are_explained(content):
    abbreviations = {b["afkorting"] for b in content.begrippen if "afkorting" in b}
    assert {"HF", "GGZ", "MO", "VWS", "woco"} <= abbreviations
    assert "BW" not in abbreviations, "BW also stands for Burgerlijk Wetboek; write 'beschermd wonen' in full"


def test_advice_that_asks_to_solve_an_addiction_first_is_marked_as_conflicting(content):
    addiction = [r for r in content.praktijk if "verslaving" in r["tekst"].lower() and "eerst" in r["tekst"].lower()]
    assert addiction, "the mixed-housing advice about addiction is missing"
    assert all(r["soort"] == "botst" and "kanttekening" in r for r in addiction)


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_file_names_its_schema_for_editors(dataset):
    first_line = (PROJECT / "content" / f"{dataset}.yml").read_text(encoding="utf-8-sig").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schema/{dataset}.schema.json"
    json.loads((PROJECT / "content" / "schema" / f"{dataset}.schema.json").read_text(encoding="utf-8"))


def test_no_data_key_collides_with_jinja_dict_methods():
    """'items', 'keys' and 'values' would resolve to dict methods inside Jinja."""
    def property_names(node):
        if isinstance(node, dict):
            yield from node.get("properties", {})
            for value in node.values():
                yield from property_names(value)
        elif isinstance(node, list):
            for value in node:
                yield from property_names(value)

    for schema_file in (PROJECT / "content" / "schema").glob("*.json"):
        names = set(property_names(json.loads(schema_file.read_text(encoding="utf-8"))))
        assert not names & {"items", "keys", "values"}, schema_file.name


def _write(tmp_path, name, text):
    content_dir = tmp_path / "content"
    if not content_dir.exists():
        shutil.copytree(PROJECT / "content", content_dir)
    (content_dir / name).write_text(text, encoding="utf-8")
    return content_dir


def test_date_stays_text_as_typed(tmp_path):
    text = (PROJECT / "content/bronnen.yml").read_text(encoding="utf-8").replace('datum: "2017-06-14"', "datum: 2017-06-14")
    content = load_content(_write(tmp_path, "bronnen.yml", text))
    assert "2017-06-14" in [b["datum"] for b in content.bronnen]


def test_a_changed_file_is_checked_again_despite_the_cache(tmp_path):
    content_dir = _write(tmp_path, "bronnen.yml", (PROJECT / "content/bronnen.yml").read_text(encoding="utf-8"))
    checked = tmp_path / "gecontroleerd"
    load_content(content_dir, checked_dir=checked)
    assert len(list(checked.iterdir())) == 1
    load_content(content_dir, checked_dir=checked)  # unchanged: read from the cache, still fine
    partners = content_dir / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("kring: driehoek", "kring: drie", 1),
                        encoding="utf-8")
    with pytest.raises(ContentError):
        load_content(content_dir, checked_dir=checked)
