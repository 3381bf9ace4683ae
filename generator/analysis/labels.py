"""English labels for categories of people counts, groups and number types, as the pages show them
(the category and group labels live in number_rules.yml beside the rules that give them)."""

from __future__ import annotations

from ..arabic import normalize
from .number_lexicon import lexicon

TYPE_LABELS = {
    "people": "people", "money": "money", "percent": "percentage", "year": "year", "date": "date",
    "time": "time of day", "age": "age", "duration": "duration", "measure": "measurement",
    "magnitude": "magnitude", "count": "count of things", "score": "score", "ordinal": "rank or position",
    "identifier": "identifier or name", "other": "other number",
}


def category_order() -> list[str]:
    return list(lexicon().category_labels)


def category_label(category: str) -> str:
    return lexicon().category_labels.get(category, category or "not a count of people")


NATIONALS = "nationals:"  # a group of a country's people: "nationals:" and the country's label ("nationals:Palestine")


FORCES = "forces:"  # a country's soldiers, police or forces: "forces:" and the country's label ("forces:Turkey")


def group_label(group: str) -> str:
    if group.startswith(NATIONALS):
        return lexicon().demonyms.get(group[len(NATIONALS):], group)
    if group.startswith(FORCES) and group[len(FORCES):] in lexicon().demonyms:
        return f"security forces ({group[len(FORCES):]})"
    return lexicon().group_labels.get(group, group or "not stated")


def is_group(group: str) -> bool:
    """A group the rules can give: one of groups, a country's people, or its forces."""
    return group in lexicon().group_labels or any(
        group.startswith(prefix) and group[len(prefix):] in lexicon().demonyms for prefix in (NATIONALS, FORCES))


def plural(count: int, noun: str) -> str:
    """ "1 report", "3 reports" (the nouns counted on the pages take an s)."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


_NOT_WHO = frozenset(normalize(w) for w in (
    "حالة حالات الحالات وفاة وفيات الوفيات إصابة إصابات الإصابات جثة جثث الجثث مرة مرات").split())  # measure words


def counted_as_written(noun: str) -> str:
    """The counted noun as the figures page shows it beside a count no group of the rules names ("as the report
    says: …"): not a word that says no one (a measure word, "حالة", "وفاة"; a number word, "الملايين", "العشرات"; "others",
    "آخرين"; a review found them shown as who was counted), else the noun as written."""
    norm = normalize(noun)
    if not norm:
        return ""
    lex = lexicon()
    forms = {norm, norm[1:] if norm[:1] in "وفب" and len(norm) > 3 else norm}
    forms |= {f[2:] for f in forms if f.startswith("ال")}
    if any(f in _NOT_WHO or f in lex.number_words or f in lex.others_words or f in lex.multipliers
           or lex.vague.at([(f,)], 0) for f in forms):
        return ""
    return noun

