"""The fields at the top of every checklist (who or what it is about, the date, who was present), for page, PDF and Word."""

from __future__ import annotations

# What the first field asks when a checklist does not say (content/checklists.yml, 'onderwerp').
DEFAULT_SUBJECT = "Huurder of adres"
LEGEND = "Gegevens bij deze lijst"


def header_fields(checklist: dict) -> list[tuple[str, str]]:
    """(name, label) of each header field, in order; the name is the same on screen, in the PDF form and in tests."""
    return [("onderwerp", checklist.get("onderwerp", DEFAULT_SUBJECT)), ("datum", "Datum"), ("aanwezig", "Aanwezig")]
