"""Story ids that last, and the editors' final say.

Ids live in content/stories.lock.yml, which the build maintains (commit it): a story keeps its id while
it keeps most of its reports, whatever arrives later; a merge keeps the older id and the other id's
page becomes a redirect; a split-off part gets a new id, made from its earliest report. Editors decide
in content/stories.yml:

    names:                       # a story's titles
      s-1a2b3c4d: {title_ar: هجوم سجن غويران, title_en: The Ghwayran prison attack}
    pin:                         # put a report into a story
      004_bb667a3fd1ddedad: s-1a2b3c4d
    split:                       # these reports form a story of their own
      - [003_d53ac884832c097b]
    merge:                       # these stories are one (the older id stays)
      - [s-1a2b3c4d, s-9f8e7d6c]
    exclude: [zz_offtopic]       # reports in no story (still published as sources)

A decision that names a report or story this build does not have is a warning naming it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..files import UnsafeFile, read_text, write_atomic

SECTIONS = ("names", "pin", "split", "merge", "exclude")
LOCK_HEADER = ("# Story ids, kept by the build so that story pages keep their addresses as reports arrive.\n"
               "# Commit this file; edit content/stories.yml (not this one) to name, pin, split or merge.\n")


@dataclass
class Overrides:
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    pin: dict[str, str] = field(default_factory=dict)
    split: list[list[str]] = field(default_factory=list)
    merge: list[list[str]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Assigned:
    id: str
    members: tuple[str, ...]


# libyaml when PyYAML has it: the lock lists every report of the pile and is read and written every build
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _load_yaml(path: Path, roots: tuple[Path, ...]) -> object:
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        return yaml.load(read_text(path, roots), Loader=_LOADER)
    except UnsafeFile as exc:
        raise ConfigError(str(exc)) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def load_overrides(path: Path, roots: tuple[Path, ...]) -> Overrides:
    """content/stories.yml, checked for shape (ConfigError naming the section); references checked later."""
    data = _load_yaml(path, roots)
    if data is None:
        return Overrides()
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        raise ConfigError(f"{path}: expected a mapping with the sections {', '.join(SECTIONS)}")
    names, pin = data.get("names") or {}, data.get("pin") or {}
    split, merge, exclude = data.get("split") or [], data.get("merge") or [], data.get("exclude") or []
    if not isinstance(names, dict) or not all(isinstance(v, dict) and set(v) <= {"title_ar", "title_en"}
                                              and all(isinstance(x, str) for x in v.values()) for v in names.values()):
        raise ConfigError(f"{path}: names: give each story id a title_ar and/or title_en")
    if not isinstance(pin, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in pin.items()):
        raise ConfigError(f"{path}: pin: map a report's source id to a story id")
    if not (isinstance(split, list) and all(_strings(s) for s in split)):
        raise ConfigError(f"{path}: split: give lists of source ids")
    if not (isinstance(merge, list) and all(_strings(m) and len(m) > 1 for m in merge)):
        raise ConfigError(f"{path}: merge: give lists of two or more story ids")
    if not _strings(exclude):
        raise ConfigError(f"{path}: exclude: give a list of source ids")
    return Overrides({str(k): v for k, v in names.items()}, dict(pin), split, merge, exclude)


def load_lock(path: Path, roots: tuple[Path, ...]) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(story id → its reports, old id → the id that replaced it) from the lock file; an unreadable lock
    is an error: ids would silently change."""
    data = _load_yaml(path, roots)
    if data is None:
        return {}, {}
    stories, redirects = (data.get("stories") or {}, data.get("redirects") or {}) if isinstance(data, dict) else (0, 0)
    if not isinstance(stories, dict) or not all(_strings(v) for v in stories.values()) or not isinstance(redirects, dict):
        raise ConfigError(f"{path}: not a story lock file (stories: {{id: [source ids]}}, redirects: {{old: new}})")
    return {str(k): tuple(v) for k, v in stories.items()}, {str(k): str(v) for k, v in redirects.items()}


def new_id(members: tuple[str, ...], taken: set[str]) -> str:
    """An id from the story's earliest report (stable while that report leads it), unique."""
    base = "s-" + hashlib.sha1(members[0].encode("utf-8")).hexdigest()[:8]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def assign_ids(groups: list[tuple[str, ...]], lock: dict[str, tuple[str, ...]], first_date: dict[str, str]
               ) -> tuple[list[Assigned], dict[str, str]]:
    """Each locked id goes to the group that holds most of its reports; a group given several keeps the
    oldest and the others redirect to it (a merge); a group given none gets a new id (a new story, or a
    part split off)."""
    owner = {member: sid for sid, members in lock.items() for member in members}
    best: dict[str, tuple[int, int]] = {}  # locked id → (overlap, -group index) of the group holding most
    for i, members in enumerate(groups):
        for sid, n in Counter(owner[m] for m in members if m in owner).items():
            best[sid] = max(best.get(sid, (0, 1)), (n, -i))
    owned: dict[int, list[str]] = {}
    for sid, (_, negative) in best.items():
        owned.setdefault(-negative, []).append(sid)
    taken = set(lock)
    out, redirects = [], {}
    for i, members in enumerate(groups):
        ids = sorted(owned.get(i, []), key=lambda sid: (_age(lock[sid], first_date), sid))
        sid = ids[0] if ids else new_id(members, taken)
        redirects.update((other, sid) for other in ids[1:])
        taken.add(sid)
        out.append(Assigned(sid, members))
    return out, redirects


def _age(members: tuple[str, ...], first_date: dict[str, str]) -> tuple[str, str]:
    dates = sorted(first_date.get(m) or "9999" for m in members)
    return (dates[0] if dates else "9999", members[0] if members else "")


def apply_overrides(assigned: list[Assigned], overrides: Overrides, sources: set[str], path: Path,
                    order: dict[str, tuple]) -> tuple[list[Assigned], dict[str, str], list[str]]:
    """The editors' decisions on top of the automatic grouping: exclude, split, pin, merge. Returns the
    stories, redirects for merged-away ids, and warnings for decisions that name nothing here."""
    warnings: list[str] = []
    story_of = {m: a.id for a in assigned for m in a.members}
    stories = {a.id: [m for m in a.members] for a in assigned}
    ids = set(stories)

    def missing(kind: str, name: str) -> None:
        warnings.append(f"{path}: {kind} {name} is not in this build; the decision is ignored")

    for source in overrides.exclude:
        if source not in sources:
            missing("report", source)
        elif source in story_of:
            stories[story_of.pop(source)].remove(source)
    for part in overrides.split:
        found = [s for s in part if s in story_of]
        for s in part:
            if s not in sources:
                missing("report", s)
        for s in found:
            stories[story_of[s]].remove(s)
        if found:
            members = tuple(sorted(found, key=lambda s: order[s]))
            sid = new_id(members, ids)
            ids.add(sid)
            stories[sid] = list(members)
            story_of.update((s, sid) for s in members)
    for source, target in overrides.pin.items():
        if source not in sources:
            missing("report", source)
        elif target not in stories:
            missing("story", target)
        else:
            if source in story_of:
                stories[story_of[source]].remove(source)
            stories[target].append(source)
            story_of[source] = target
    redirects: dict[str, str] = {}
    for group in overrides.merge:
        present = [sid for sid in group if sid in stories]
        for sid in group:
            if sid not in stories:
                missing("story", sid)
        if len(present) > 1:
            keep = min(present, key=lambda sid: min((order[m] for m in stories[sid]), default=("9999",)))
            for sid in present:
                if sid != keep:
                    stories[keep] += stories.pop(sid)
                    redirects[sid] = keep
    final = [Assigned(sid, tuple(sorted(members, key=lambda s: order[s]))) for sid, members in stories.items() if members]
    return sorted(final, key=lambda a: a.members), redirects, warnings


def save_lock(path: Path, stories: list[Assigned], redirects: dict[str, str]) -> bool:
    """Write the lock when it changed; True when written."""
    body = yaml.dump({"stories": {a.id: list(a.members) for a in sorted(stories, key=lambda a: a.id)},
                      "redirects": dict(sorted(redirects.items()))}, Dumper=_DUMPER, allow_unicode=True,
                     sort_keys=False)
    text = LOCK_HEADER + body
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text)
    return True
