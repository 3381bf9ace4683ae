"""`export-tm` and `import-tm`: the translation memory in the formats translators' tools read (TMX 1.4b
for OmegaT's tm/ folder and Okapi, XLIFF 2.0 for CAT tools), and a translator's file back as edits."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .build import _memory
from .config import load_config
from .errors import ConfigError
from .lock import project_lock
from .translation import tm_formats
from .translation.tm_formats import Unit


def _version() -> str:
    try:
        return version("arabic-briefing-generator")
    except PackageNotFoundError:
        return "0"


def export(project: Path, kind: str, source: str | None = None) -> str:
    """The memory (or one source's part of it) as TMX or XLIFF text."""
    config = load_config(project)
    memory = _memory(config)
    if source is not None and source not in memory.files:
        raise ConfigError(f"no translation memory for a source {source!r} (content/translations/{source}.yml)")
    units = [Unit(key=key, source=ar, target=en, origin=origin, model=model, sources=sources)
             for key, ar, en, origin, model, sources in memory.sentences(source)]
    if kind == "jsonl":  # the machine output as a journal, which a build merges like a stopped build's
        return "".join(json.dumps({"ar": u.source, "mt": u.target, "model": u.model}, ensure_ascii=False) + "\n"
                       for u in units if u.origin == "mt" and u.target)
    if kind == "tmx":
        return tm_formats.to_tmx(units, _version())
    return tm_formats.to_xliff(units, _version(), source or "")


@dataclass
class ImportReport:
    edits: dict[str, int] = field(default_factory=dict)  # memory file → edits written
    unchanged: int = 0
    unmatched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def import_file(project: Path, path: Path) -> ImportReport:
    """A translator's TMX or XLIFF taken back: every unit whose English differs from the machine output
    becomes the sentence's `edited:`; units that match no sentence are reported. Holds the project lock."""
    config = load_config(project)
    units, problems = tm_formats.parse(path)
    with project_lock(config.project_dir):
        memory = _memory(config)
        known = {key: (ar, memory.machine_output(key)) for key, ar, _, _, _, _ in memory.sentences()}
        plan = tm_formats.match(units, known)
        written = memory.apply_edits([(e.key, e.edited) for e in plan.edits])
    return ImportReport(edits=written, unchanged=len(plan.unchanged),
                        unmatched=[f"{u.unit_id or '?'}: {u.source[:60]}" for u in plan.unmatched],
                        problems=[*problems, *plan.problems])
