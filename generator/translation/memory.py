"""The translation memory: content/translations/<source>.yml, readable, diffable and editable.

Each entry is keyed by a hash of the normalised Arabic sentence; it records the
machine output with the id of the model that produced it, and an optional human
`edited` text that wins on every rebuild. A machine translation counts as a hit
only for the same model; an edit counts always.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from ..arabic import normalize, text_key
from ..models import Translation

log = logging.getLogger(__name__)
# libyaml's C loader and dumper when PyYAML has them: the same YAML, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

HEADER = (
    "# Translation memory for {source}: one entry per Arabic sentence.\n"
    "# `mt` is the machine translation by `model`; write a correction in `edited` and it wins on every\n"
    "# rebuild. Entries marked `stale` are edits whose Arabic no longer appears in the source: kept, not used.\n"
)


@dataclass(frozen=True)
class Entry:
    key: str
    ar: str
    mt: str = ""
    model: str = ""
    edited: str = ""
    stale: bool = False

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"key": self.key, "ar": self.ar, "mt": self.mt, "model": self.model}
        if self.edited:
            data["edited"] = self.edited
        if self.stale:
            data["stale"] = True
        return data


def write_atomic(path: Path, text: str) -> None:
    """Write text so that readers see the old file or the new one, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)  # no fsync: the rename is atomic for a killed process, and fsync per
            # batch and file was most of the translation stage's overhead
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


JOURNAL = ".journal.jsonl"


class Memory:
    """All entries of all memory files, with per-source files written back atomically.

    During translation, new machine output is appended to a journal after every batch (cheap, and a
    half-written last line is simply skipped); the per-source YAML files are written at the end and
    the journal removed. A build stopped before that finds the journal and reuses everything in it.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.entries: dict[str, Entry] = {}
        self.by_source: dict[str, list[Entry]] = {}
        self._stamp = 0  # counts record() calls; a source file is rewritten only when its entries changed
        self._changed: dict[str, int] = {}
        self._saved: dict[str, int] = {}
        self._unjournaled: list[Entry] = []
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            self._load(path)
        self._replay(folder / JOURNAL)

    def _replay(self, path: Path) -> None:
        """Machine translations flushed by an interrupted run; each counts as newly recorded."""
        if not path.exists():
            return
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                item = json.loads(line)
                self.record(item["ar"], item["mt"], item["model"], journal=False)
            except (ValueError, KeyError, TypeError):
                continue  # the line being written when the run was stopped

    def flush_journal(self) -> None:
        """Append the machine translations recorded since the last flush to the journal (one write)."""
        if not self._unjournaled:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps({"ar": e.ar, "mt": e.mt, "model": e.model}, ensure_ascii=False) + "\n"
                        for e in self._unjournaled)
        fd = os.open(self.folder / JOURNAL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, lines.encode("utf-8"))
        finally:
            os.close(fd)
        self._unjournaled = []

    def has_journal(self) -> bool:
        return (self.folder / JOURNAL).exists()

    def close_journal(self) -> None:
        """After every source file has been saved: the journal is no longer needed."""
        (self.folder / JOURNAL).unlink(missing_ok=True)
        self._unjournaled = []

    def _load(self, path: Path) -> None:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
            items = data.get("entries", []) if isinstance(data, dict) else []
            entries = [Entry(**{k: str(v) if k != "stale" else bool(v) for k, v in item.items()
                                if k in Entry.__dataclass_fields__}) for item in items]
        except (yaml.YAMLError, TypeError, AttributeError, OSError, UnicodeDecodeError) as exc:
            log.warning("%s: translation memory unreadable, ignored (%s); its sentences will be re-translated",
                        path, exc)
            return
        self.by_source[path.stem] = entries
        for entry in entries:
            known = self.entries.get(entry.key)
            if known is None or (entry.edited and not known.edited and not entry.stale):
                self.entries[entry.key] = entry

    def lookup(self, ar: str, model_id: str | None) -> Translation | None:
        """The stored English for a sentence: an edit always, machine output only from the same model."""
        entry = self.entries.get(text_key(ar))
        if entry is None:
            return None
        if entry.edited:
            return Translation(entry.edited, "edited")
        if entry.mt and (model_id is None or entry.model == model_id):
            return Translation(entry.mt, "machine")
        return None

    def stale_edits(self, current: list[str]) -> list[Entry]:
        """Edits whose Arabic no longer appears in any source (the sentence was changed or removed)."""
        keys = {text_key(s) for s in current}
        seen: dict[str, Entry] = {}
        for entry in [*self.entries.values(), *(e for es in self.by_source.values() for e in es)]:
            if entry.edited and entry.key not in keys:
                seen.setdefault(entry.key, entry)
        return list(seen.values())

    def record(self, ar: str, mt: str, model_id: str, journal: bool = True) -> None:
        key = text_key(ar)
        self._stamp += 1
        self._changed[key] = self._stamp
        known = self.entries.get(key)
        self.entries[key] = replace(known, ar=ar, mt=mt, model=model_id, stale=False) if known else Entry(
            key=key, ar=ar, mt=mt, model=model_id)
        if journal:
            self._unjournaled.append(self.entries[key])

    def save(self, source_id: str, sentences: list[str]) -> None:
        """Write the source's file: its sentences in order, plus edits it no longer uses (as stale).

        Skipped when nothing of the source was recorded since its last save in this build."""
        if source_id in self._saved and all(
                self._changed.get(text_key(ar), 0) <= self._saved[source_id] for ar in sentences):
            return
        self._saved[source_id] = self._stamp
        keys, entries = set(), []
        for ar in sentences:
            key = text_key(ar)
            if key in keys or key not in self.entries:
                continue
            keys.add(key)
            entries.append(replace(self.entries[key], stale=False))
        for old in self.by_source.get(source_id, []):
            if old.edited and old.key not in keys:
                entries.append(replace(old, stale=True))
                keys.add(old.key)
        self.by_source[source_id] = entries
        path = self.folder / f"{source_id}.yml"
        if not entries and not path.exists():
            return
        body = yaml.dump({"source": source_id, "entries": [e.as_dict() for e in entries]}, Dumper=_Dumper,
                         allow_unicode=True, sort_keys=False, width=10_000)
        text = HEADER.format(source=source_id) + body
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)


def suggester(stale: list[Entry], cutoff: float = 0.6) -> Callable[[str], str]:
    """For a sentence with no edit of its own: the edit of the most similar earlier version, if any."""
    normalised = [(normalize(e.ar), e.edited) for e in stale]

    def suggest(ar: str) -> str:
        if not normalised:
            return ""
        target = normalize(ar)
        best = max(normalised, key=lambda item: SequenceMatcher(None, item[0], target).ratio())
        return best[1] if SequenceMatcher(None, best[0], target).ratio() >= cutoff else ""

    return suggest
