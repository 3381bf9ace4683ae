"""The translation memory: content/translations/<source>.yml, readable, diffable and editable.

Each entry is keyed by a hash of the normalised Arabic sentence; it records the machine output with the
id of the model that produced it, and an optional human `edited` text that wins on every rebuild (a
machine translation counts only for the same model; an edit counts always).

A translator's edit is never lost:
- a file that does not parse stops the build (file:line and the YAML error, exit 2) and is left as it is;
- every write re-reads the file first and merges: an edit saved while the build ran is kept;
- a sentence that several sources share is stored once, in the file of the first source that had it;
  the other files point to it (`see: <source id>`), so an edit there applies everywhere and no file is
  rewritten for it; two different edits of one sentence are reported, never resolved by file order.

New machine output is appended to a journal after every batch (a half-written last line is skipped),
the YAML files are written when translation ends and the journals removed; a stopped build's journal,
and the journals of `translate --shard` runs, are merged by the next build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

import yaml
from filelock import FileLock, Timeout

from ..arabic import normalize, text_key
from ..errors import CannotWrite, ConfigError
from ..files import DATA_LIMIT, UnsafeFile, read_bytes, regular_files, write_atomic
from ..models import Translation

log = logging.getLogger(__name__)


class _Loader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):  # type: ignore[misc]
    """libyaml when PyYAML has it. Every value is read as text (`edited: Yes` stays "Yes", not True, and
    `edited: 16` stays "16"); any explicit tag (`!!python/object …`) is an error with its line."""


def _refuse_tag(loader: yaml.BaseLoader, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(None, None, f"the tag {node.tag} is not allowed here", node.start_mark)


_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_scalar)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor(None, _refuse_tag)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FIELDS = ("key", "ar", "mt", "model", "edited", "stale", "see")
JOURNAL = ".journal.jsonl"
JOURNALS = ".journal*.jsonl"
SHARD_PREFIX = ".journal-shard-"


def shard_journal(index: int, count: int) -> str:
    return f"{SHARD_PREFIX}{index}-of-{count}.jsonl"


def journal_in_use(path: Path) -> bool:
    """Whether a shard run holds the journal's lock (it appends to it until it ends)."""
    lock = FileLock(f"{path}.lock", timeout=0)
    try:
        lock.acquire()
    except (Timeout, OSError):
        return True
    lock.release()
    return False

HEADER = (
    "# Translation memory for {source}: one entry per Arabic sentence.\n"
    "# `mt` is the machine translation by `model`; write a correction in `edited` and it wins on every\n"
    "# rebuild (put text that holds \": \" in quotes). `see: X` means the sentence is stored in X.yml too:\n"
    "# an edit in either file applies to every source. Entries marked `stale` are edits whose Arabic no\n"
    "# longer appears in this source: kept, not used here.\n"
)


@dataclass(frozen=True)
class Entry:
    key: str
    ar: str
    mt: str = ""
    model: str = ""
    edited: str = ""
    stale: bool = False
    see: str = ""  # the source whose file holds the machine translation of this sentence

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"key": self.key, "ar": self.ar}
        if self.see:
            data["see"] = self.see
        else:
            data.update(mt=self.mt, model=self.model)
        if self.edited:
            data["edited"] = self.edited
        if self.stale:
            data["stale"] = True
        return data


@dataclass
class MemoryFile:
    path: Path
    digest: str  # sha1 of the bytes as last read or written
    entries: list[Entry] = field(default_factory=list)


def _problem(path: Path, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    what = " ".join(filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)])) or str(exc)
    hint = " (text that holds \": \" must be in quotes)" if "mapping values are not allowed" in what else ""
    return f"{where}: translation memory is not valid YAML: {what}{hint}"


def parse(path: Path, data: bytes) -> list[Entry]:
    """The entries of one memory file; ConfigError naming file and line for anything that is not one."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: translation memory is not valid UTF-8 (byte {exc.start}); the file is "
                          "left as it is: fix it and build again") from None
    try:
        node = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ConfigError(_problem(path, exc) + "; the file is left as it is: fix it and build again") from None
    if node in (None, ""):
        return []
    items = node.get("entries") if isinstance(node, dict) else None
    if not isinstance(items, list):
        raise ConfigError(f"{path}: translation memory must be a mapping with a list of `entries`")
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("ar"), str) or not all(
                isinstance(v, str) for v in item.values()):
            raise ConfigError(f"{path}: entry {number}: expected `ar:` and text fields ({', '.join(FIELDS)})")
        unknown = set(item) - set(FIELDS)
        if unknown:
            raise ConfigError(f"{path}: entry {number}: unknown field(s) {', '.join(sorted(unknown))} "
                              f"(allowed: {', '.join(FIELDS)})")
        stale = item.get("stale", "false").lower()
        if stale not in ("true", "false", "yes", "no"):
            raise ConfigError(f"{path}: entry {number}: stale must be true or false")
        entries.append(Entry(key=item.get("key") or text_key(item["ar"]), ar=item["ar"], mt=item.get("mt", ""),
                             model=item.get("model", ""), edited=item.get("edited", "").strip(),
                             stale=stale in ("true", "yes"), see=item.get("see", "")))
    return entries


_ATTEMPTS = 8  # reads and merges of a memory file that keeps changing while it is saved, before giving up


def _attempts(path: Path) -> Iterator[int]:
    """The attempts at saving a memory file that may change while it is saved: nothing before the first; then a
    short wait, longer each time and never the same in two processes (two writers that collided would collide
    again at once); ConfigError when the last one did not do it."""
    for attempt in range(_ATTEMPTS):
        if attempt:
            time.sleep(random.uniform(0, 0.01 * 2 ** min(attempt, 5)))
        yield attempt
    raise ConfigError(f"{path}: changed on disk {_ATTEMPTS} times while being saved; not written this time")


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _same(text: str) -> str:
    return " ".join(text.split())


class Memory:
    """Every memory file of the project, the machine output recorded in this run, and the journal."""

    def __init__(self, folder: Path, roots: tuple[Path, ...] | None = None, journal: str = JOURNAL):
        self.folder = folder
        self.roots = roots or (folder.resolve() if folder.exists() else folder,)
        self.journal = folder / journal
        self.files: dict[str, MemoryFile] = {}
        self.recorded: dict[str, Entry] = {}  # machine output of this run (and of replayed journals)
        self._unjournaled: list[Entry] = []
        self._replayed: list[Path] = []
        self._index: tuple[dict, dict, dict, dict] | None = None
        self.written: dict[str, str] = {}  # files written by this run → their sha1 (serve ignores these)
        paths, problems = regular_files(folder, self.roots, (".yml",))
        if problems:
            raise ConfigError(problems[0])
        for path in paths:
            self.files[path.stem] = MemoryFile(path, *self._read(path))
        self._replay()

    def _read(self, path: Path) -> tuple[str, list[Entry]]:
        try:
            data = read_bytes(path, self.roots, DATA_LIMIT)
        except UnsafeFile as exc:
            raise ConfigError(f"{exc} (a translation memory file)") from None
        return _digest(data), parse(path, data)

    # -- reading ------------------------------------------------------------------------------------
    def _indexes(self) -> tuple[dict[str, dict[str, list[str]]], dict[str, dict[str, str]], dict[str, str],
                                dict[str, set[str]]]:
        """(edits: key → edit → sources, machine: key → model → text, home: key → source holding its
        machine output, pointed: source → keys other files point to it for)."""
        if self._index is None:
            edits: dict[str, dict[str, list[str]]] = defaultdict(dict)
            machine: dict[str, dict[str, str]] = defaultdict(dict)
            home: dict[str, str] = {}
            pointed: dict[str, set[str]] = defaultdict(set)
            for source, memory_file in self.files.items():
                for entry in memory_file.entries:
                    if entry.edited:
                        edits[entry.key].setdefault(_same(entry.edited), []).append(source)
                    if entry.see:
                        pointed[entry.see].add(entry.key)
                    elif entry.mt:
                        machine[entry.key].setdefault(entry.model, entry.mt)
                        home.setdefault(entry.key, source)
            self._index = (edits, machine, home, pointed)
        return self._index

    def lookup(self, ar: str, model_id: str | None) -> Translation | None:
        """The stored English for a sentence: its edit, else machine output of the same model (any model
        when model_id is None); two different edits are a conflict and neither is used."""
        key = text_key(ar)
        edits, machine, _, _ = self._indexes()
        found = edits.get(key, {})
        if len(found) == 1:
            return Translation(next(iter(found)), "edited")
        if key in self.recorded and (model_id is None or self.recorded[key].model == model_id):
            return Translation(self.recorded[key].mt, "machine")
        by_model = machine.get(key, {})
        text = next(iter(by_model.values()), None) if model_id is None else by_model.get(model_id)
        return Translation(text, "machine") if text is not None else None

    def known(self) -> set[str]:
        """Keys of every sentence with a stored translation (machine or edited), this run's included."""
        edits, machine, _, _ = self._indexes()
        return set(edits) | set(machine) | set(self.recorded)

    def conflicts(self) -> dict[str, str]:
        """Sentence key → a description of its disagreeing edits."""
        edits = self._indexes()[0]
        return {key: "; ".join(f"“{text}” ({', '.join(f'{s}.yml' for s in sorted(set(files)))})"
                               for text, files in found.items())
                for key, found in edits.items() if len(found) > 1}

    def stale_edits(self, current: Iterable[str]) -> list[Entry]:
        """Edits whose Arabic no longer appears in any source (the sentence was changed or removed)."""
        keys = {text_key(s) for s in current}
        seen: dict[str, Entry] = {}
        for memory_file in self.files.values():
            for entry in memory_file.entries:
                if entry.edited and entry.key not in keys:
                    seen.setdefault(entry.key, entry)
        return list(seen.values())

    def sentences(self, source: str | None = None) -> list[tuple[str, str, str, str, str, tuple[str, ...]]]:
        """(key, Arabic, English, origin "edited"|"mt", model, sources) per sentence, in file order, each
        key once: what the translators' formats export."""
        holders: dict[str, list[str]] = defaultdict(list)
        for name, memory_file in self.files.items():
            for entry in memory_file.entries:
                holders[entry.key].append(name)
        edits, machine, _, _ = self._indexes()
        out, seen = [], set()
        for name, memory_file in sorted(self.files.items()):
            if source is not None and name != source:
                continue
            for entry in memory_file.entries:
                if entry.key in seen or entry.stale:
                    continue
                seen.add(entry.key)
                found = edits.get(entry.key, {})
                if len(found) == 1:
                    out.append((entry.key, entry.ar, next(iter(found)), "edited", "", tuple(holders[entry.key])))
                else:
                    model, text = next(iter(machine.get(entry.key, {}).items()), ("", ""))
                    out.append((entry.key, entry.ar, text, "mt", model, tuple(holders[entry.key])))
        return out

    def machine_output(self, key: str) -> str:
        """The stored machine translation of a sentence (any model), or ""."""
        return next(iter(self._indexes()[1].get(key, {}).values()), "")

    def apply_edits(self, edits: list[tuple[str, str]]) -> dict[str, int]:
        """Write each (key, English) as the `edited:` of the sentence, in the file that holds its machine
        output (else the first that lists it), merging with the file as it is on disk now. Returns the
        number of edits per file."""
        home = self._indexes()[2]
        by_file: dict[str, dict[str, str]] = defaultdict(dict)
        for key, text in edits:
            holder = home.get(key) or next((n for n, f in sorted(self.files.items())
                                            if any(e.key == key for e in f.entries)), None)
            if holder is not None:
                by_file[holder][key] = text
        for name, changes in by_file.items():
            self._edit_file(name, changes)
        self._index = None
        return {name: len(changes) for name, changes in by_file.items()}

    def _edit_file(self, source: str, changes: dict[str, str]) -> None:
        path = self.folder / f"{source}.yml"
        for _ in _attempts(path):
            base = self._current(source, path)
            entries = [replace(e, edited=changes[e.key]) if e.key in changes else e for e in base.entries]
            if self._write(source, path, base, entries):
                return

    # -- recording ----------------------------------------------------------------------------------
    def record(self, ar: str, mt: str, model_id: str, journal: bool = True) -> None:
        entry = Entry(key=text_key(ar), ar=ar, mt=mt, model=model_id)
        self.recorded[entry.key] = entry
        if journal:
            self._unjournaled.append(entry)

    def _replay(self) -> None:
        """Machine translations flushed by an interrupted run or a `translate --shard` run (a shard's journal
        is left alone while its run holds the journal's lock)."""
        for path in sorted(self.folder.glob(JOURNALS)):
            if path != self.journal and path.name.startswith(SHARD_PREFIX) and journal_in_use(path):
                log.info("%s is being written by a running `translate --shard`; merged by a later build", path.name)
                continue
            self._replayed.append(path)
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    item = json.loads(line)
                    self.record(item["ar"], item["mt"], item["model"], journal=False)
                except (ValueError, KeyError, TypeError):
                    continue  # the line being written when the run was stopped

    def flush_journal(self) -> None:
        """Append the machine translations recorded since the last flush to this run's journal (one write)."""
        if not self._unjournaled:
            return
        lines = "".join(json.dumps({"ar": e.ar, "mt": e.mt, "model": e.model}, ensure_ascii=False) + "\n"
                        for e in self._unjournaled)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                os.write(fd, lines.encode("utf-8"))
            finally:
                os.close(fd)
        except OSError as exc:
            raise CannotWrite(f"cannot write the translation journal {self.journal}: {exc.strerror}") from None
        self._unjournaled = []

    def has_journal(self) -> bool:
        return bool(self._replayed) or self.journal.exists()

    def close_journal(self) -> None:
        """After every source file has been saved: the journals are no longer needed."""
        for path in {*self._replayed, self.journal}:
            path.unlink(missing_ok=True)
        self._replayed, self._unjournaled = [], []

    # -- writing ------------------------------------------------------------------------------------
    def save(self, plan: dict[str, list[str]]) -> None:
        """Write each source's file (sentences in order) where it changes, merging with the file as it is on
        disk now. Files that no longer parse are left alone and reported together (ConfigError)."""
        problems = []
        for source, sentences in plan.items():
            try:
                self._save_one(source, sentences)
            except ConfigError as exc:
                problems.append(str(exc))
        self._index = None
        if problems:
            raise ConfigError("a translation memory file was changed during the build (it no longer parses, or it "
                              "kept changing) and was not written; the new translations are kept in the journal:\n  "
                              + "\n  ".join(problems))

    def _current(self, source: str, path: Path) -> MemoryFile:
        """The file as it is on disk now (re-read when it changed since it was loaded)."""
        known = self.files.get(source)
        if not path.exists():
            return MemoryFile(path, "", [])
        digest, entries = self._read(path) if known is None or _digest(path.read_bytes()) != known.digest else (
            known.digest, known.entries)
        return MemoryFile(path, digest, entries)

    def _save_one(self, source: str, sentences: list[str]) -> None:
        path = self.folder / f"{source}.yml"
        for _ in _attempts(path):
            base = self._current(source, path)
            entries = self._merge(source, base.entries, sentences)
            if entries == base.entries or (not entries and not path.exists()):
                self.files[source] = base
                return
            if self._write(source, path, base, entries):
                return

    def _write(self, source: str, path: Path, base: MemoryFile, entries: list[Entry]) -> bool:
        """Write the file unless it changed since `base` was read (then False: merge again)."""
        body = yaml.dump({"source": source, "entries": [e.as_dict() for e in entries]}, Dumper=_Dumper,
                         allow_unicode=True, sort_keys=False, width=10_000)
        text = HEADER.format(source=source) + body

        def unchanged() -> bool:  # not edited again between our read and our write
            try:
                return _digest(path.read_bytes()) == base.digest
            except FileNotFoundError:
                return True
        try:
            if not write_atomic(path, text, unchanged):
                return False
        except OSError as exc:
            raise CannotWrite(f"cannot write the translation memory {path}: {exc.strerror} (the new "
                              "translations are kept in the journal)") from None
        self.files[source] = MemoryFile(path, _digest(text.encode("utf-8")), entries)
        self.written[str(path)] = self.files[source].digest
        self._index = None
        return True

    def _machine(self, key: str, ar: str) -> Entry | None:
        """This run's machine output for a sentence, else any stored one."""
        if key in self.recorded:
            return self.recorded[key]
        stored = self._indexes()[1].get(key)
        if not stored:
            return None
        model, text = next(iter(stored.items()))
        return Entry(key=key, ar=ar, mt=text, model=model)

    def _merge(self, source: str, base: list[Entry], sentences: list[str]) -> list[Entry]:
        """The file's entries after this run: the disk's entries (and their edits) kept, new machine output
        added where this file is the sentence's home, a pointer where another file is."""
        _, _, home, pointed = self._indexes()
        by_key: dict[str, Entry] = {}
        for entry in base:
            by_key.setdefault(entry.key, entry)
        wanted: dict[str, str] = {}
        for ar in sentences:
            wanted.setdefault(text_key(ar), ar)
        out: list[Entry] = []
        for key, ar in wanted.items():
            entry = by_key.get(key)
            owner = home.get(key)
            machine = self._machine(key, ar)
            if entry is not None and not (entry.see and owner in (None, source) and machine):
                if key in self.recorded and not entry.see:
                    entry = replace(entry, mt=machine.mt, model=machine.model)  # type: ignore[union-attr]
                out.append(replace(entry, stale=False))
            elif owner not in (None, source) and entry is None:
                out.append(Entry(key=key, ar=ar, see=owner))
            elif machine is not None:  # this file becomes the sentence's home
                out.append(Entry(key=key, ar=ar, mt=machine.mt, model=machine.model,
                                 edited=entry.edited if entry else ""))
                home[key] = source
        for entry in base:
            if entry.key in wanted:
                continue
            if entry.edited:
                out.append(replace(entry, stale=True))
            elif not entry.see and entry.key in pointed.get(source, ()):
                out.append(entry)  # other sources point here for it
        return out


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
