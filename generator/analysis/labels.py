"""English labels for categories of people counts, groups and number types, as the pages show them."""

from __future__ import annotations

from .number_bridge import rules

CATEGORY_LABELS = {
    "killed": "Killed", "wounded": "Wounded", "missing": "Missing", "escaped": "Escaped or fled",
    "recaptured": "Recaptured", "hostages": "Taken hostage or captive", "arrested": "Arrested or captured",
    "detained": "Detained or held", "displaced": "Displaced", "surrendered": "Surrendered",
    "attackers": "Attackers", "other people": "Other counts of people",
}
TYPE_LABELS = {
    "people": "people", "money": "money", "percent": "percentage", "year": "year", "date": "date",
    "time": "time of day", "age": "age", "duration": "duration", "measure": "measurement",
    "magnitude": "magnitude", "count": "count of things", "score": "score", "ordinal": "rank or position",
    "identifier": "identifier or name", "other": "other number",
}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category or "not a count of people")


def group_label(group: str) -> str:
    groups = rules()["groups"]
    return groups[group]["label"] if group in groups else (group or "not stated")
