"""An editor's decisions on figures: content/figures.yml, keyed by the stable figure id shown on the
key-figures page. A figure can be marked checked, rejected (it stays in the data, typed, but is no
longer a key figure), or corrected (its value, range, type, category or group). Overrides that name no
figure of this build are reported, never silently dropped.

    f-1a2b3c4d5e:
      status: checked            # checked | rejected
      note: Matches the ministry's statement of 23 January.
    f-0f9e8d7c6b:
      value: 17                  # or low/high for a range
      category: killed
      group: sdf
      note: The ministry's later statement gives 17.   # (a correction with no note is warned of)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ConfigError
from ..files import read_yaml_mapping
from ..models import Figure
from .figures import figure_value
from .labels import is_group
from .number_lexicon import lexicon
from .numbers import TYPES

FIELDS = ("status", "note", "value", "low", "high", "type", "category", "group")
STATUSES = ("checked", "rejected")


@dataclass(frozen=True)
class Review:
    figure_id: str
    line: int
    changes: dict[str, object]
    status: str  # checked | rejected | corrected
    note: str


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _problems(key: str, spec: object, line: int, path: Path) -> list[str]:
    where = f"{path}:{line}: {key}"
    if not isinstance(spec, dict):
        return [f"{where}: expected a mapping of {', '.join(FIELDS)}"]
    problems = [f"{where}: unknown field {k!r} (allowed: {', '.join(FIELDS)})" for k in spec if k not in FIELDS]
    checks = {"status": lambda v: v in STATUSES, "note": lambda v: isinstance(v, str),
              "value": _number, "low": _number, "high": _number, "type": lambda v: v in TYPES,
              "category": lambda v: v in lexicon().category_labels, "group": lambda v: isinstance(v, str) and is_group(v)}
    for name, check in checks.items():
        if name in spec and not check(spec[name]):
            problems.append(f"{where}: {name}: {spec[name]!r} is not allowed here")
    if ("low" in spec) != ("high" in spec):
        problems.append(f"{where}: give both low and high for a range")
    return problems


def load_reviews(path: Path, roots: tuple[Path, ...]) -> dict[str, Review]:
    """The editor's decisions, validated; ConfigError (exit 2) naming file, line and field on a mistake."""
    data, lines = read_yaml_mapping(path, roots, "a mapping of figure ids (f-…) to decisions")
    problems = [p for key, spec in data.items() for p in _problems(str(key), spec, lines.get(key, 0), path)]
    if problems:
        raise ConfigError("\n".join(problems))
    reviews = {}
    for key, spec in data.items():
        changes = {k: v for k, v in spec.items() if k not in ("status", "note")}
        status = spec.get("status") or ("corrected" if changes else "checked")
        if status == "checked" and changes:
            status = "corrected"
        reviews[str(key)] = Review(str(key), lines.get(key, 0), changes, status, spec.get("note", ""))
    return reviews


def apply_reviews(figures: list[Figure], reviews: dict[str, Review], path: Path) -> tuple[list[Figure], list[str]]:
    """The figures with the editor's decisions applied, and one warning per decision naming no figure."""
    if not reviews:
        return figures, []
    out, seen = [], set()
    for figure in figures:
        review = reviews.get(figure.id)
        if review is None:
            out.append(figure)
            continue
        seen.add(figure.id)
        changed = replace(figure, **review.changes) if review.changes else figure  # type: ignore[arg-type]
        if "value" in review.changes:
            changed = replace(changed, low=None, high=None, vague="")
        if "low" in review.changes:
            changed = replace(changed, value=None, vague="")
        if changed.type != "people":
            changed = replace(changed, category="", group="")
        elif not changed.category:
            changed = replace(changed, category="other people")
        note = review.note or (f"the text says {figure_value(figure)}" if review.status == "corrected" else "")
        out.append(replace(changed, review=review.status, note=note))
    missing = [f"{path}:{r.line}: {r.figure_id} names no figure of this build (was its sentence edited or removed?)"
               for r in reviews.values() if r.figure_id not in seen]
    unexplained = [f"{path}:{r.line}: {r.figure_id} is corrected with no note; the pages show only \"corrected by an "
                   "editor: the text says …\" beside it: say why in a note (a reader compares it with the quoted text)"
                   for r in reviews.values() if r.figure_id in seen and r.status == "corrected" and not r.note]
    return out, missing + unexplained
