"""A content-addressed cache of per-source work in the project's `.cache/` folder (git-ignored).

Every entry is filed under the hash of everything that changes its output (the seed's text, its editor
file, the translations it uses, the glossary, the settings it reads, the generator's own code and rules),
and carries that key inside it too: an entry that does not match, or does not load, is rebuilt, never
trusted. Entries that no build used are removed at the end of a build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import pickle
import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
FORMAT = 1  # bump when the layout of cached values changes (the code hash covers most changes anyway)


@cache
def code_version() -> str:
    """A hash of the generator's own code, rules files and default templates: any change to them invalidates
    every entry (cached pages were rendered with those templates)."""
    return package_digest(Path(__file__).resolve().parent)


def package_digest(package: Path) -> str:
    digest = hashlib.sha1(str(FORMAT).encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts: str | bytes) -> str:
    """The hash of the parts (with their lengths, so that boundaries cannot shift)."""
    digest = hashlib.sha1(code_version().encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """Pickled values by kind and key in one SQLite file (.cache/cache.sqlite3): thousands of entries cost
    one file, not one file each (creating files is what a cold build on a slow disk waits for). Puts are
    kept in memory and written in one short transaction at a time, so that shards translating at once
    never wait long for each other; a cache that cannot be read or written only makes a build slower.
    A disabled cache stores nothing and finds nothing."""

    FILE = "cache.sqlite3"
    OLD_LAYOUT = ("ingest", "pair", "page", "match")  # folders of pickles written by earlier versions
    LAYOUT = 2  # PRAGMA user_version of the file's layout: a file of another is replaced, not read
    PAGE_SIZE = 16384  # entries are pickles of 5 to 80 kB: fewer overflow pages than at SQLite's 4 kB
    FLUSH_EVERY = 256
    READ_EVERY = 500  # entries per query (SQLite allows 999 variables at the least)

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: dict[str, set[str]] = {}
        self.hits = self.misses = 0
        self.missed: dict[str, int] = {}  # misses by kind
        self.pending: list[tuple[str, str, bytes]] = []
        self.later: list[tuple[str, str, object]] = []  # put_later(): pickled by flush(everything=True)
        self._db: sqlite3.Connection | None = None
        self._broken = folder is None
        self._empty: set[str] = set()  # kinds with no entry when first read: a cold build asks SQLite nothing
        #                                for the thousands of entries it cannot find (what a run puts is for
        #                                the next run: no build reads back its own entries)
        self._checked: set[str] = set()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        assert self.folder is not None
        path = self.folder / self.FILE
        for _attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=60, check_same_thread=False, isolation_level=None)
                if not self._current(db):  # an earlier version's layout: start again (its entries are only work)
                    db.close()
                    log.info("the cache %s has an earlier layout; starting a new one", path)
                    _remove(path)
                    db = sqlite3.connect(path, timeout=60, check_same_thread=False, isolation_level=None)
                db.execute(f"PRAGMA page_size={self.PAGE_SIZE}")  # (takes effect in a new file only)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=OFF")  # a torn cache is detected and rebuilt, never trusted
                db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, entry TEXT NOT NULL, "
                           "value BLOB NOT NULL, PRIMARY KEY (kind, entry))")
                if db.execute("PRAGMA user_version").fetchone()[0] != self.LAYOUT:
                    db.execute(f"PRAGMA user_version={self.LAYOUT}")
                self._db = db
                break
            except sqlite3.DatabaseError as exc:  # not a database, or damaged: start again once
                log.warning("the cache %s is unusable (%s); starting a new one", path, exc)
                _remove(path)
            except OSError as exc:
                log.warning("the cache %s cannot be used (%s); building without it", path, exc)
                break
        if self._db is None:
            self._broken = True
        else:
            self._drop_old_layout()
        return self._db

    def _current(self, db: sqlite3.Connection) -> bool:
        """A new file, or one of this layout (an earlier one kept entries in a WITHOUT ROWID table: its rows
        of tens of kilobytes wrote three times and read four times slower than a table of rowids does)."""
        has_table = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'entries'").fetchone() is not None
        return not has_table or db.execute("PRAGMA user_version").fetchone()[0] == self.LAYOUT

    def _drop_old_layout(self) -> None:
        assert self.folder is not None
        for kind in self.OLD_LAYOUT:
            old = self.folder / kind
            if old.is_dir() and not old.is_symlink():
                for path in old.glob("*/*.pickle"):
                    with contextlib.suppress(OSError):
                        path.unlink()
                for shard in old.iterdir():
                    with contextlib.suppress(OSError):
                        shard.rmdir()
                with contextlib.suppress(OSError):
                    old.rmdir()

    def get(self, kind: str, entry: str) -> object | None:
        return self.get_many(kind, [entry])[0]

    def get_many(self, kind: str, entries: list[str]) -> list[object | None]:
        """The value of each entry of one kind (None for one missing or unusable), read in a few queries: a
        thousand sources' entries cost a query per 500, not one each."""
        if not entries:
            return []  # (marking the kind used with no entry would let prune() drop all of its entries)
        self.used.setdefault(kind, set()).update(entries)
        db = self._connect()
        if db is None:
            return [None] * len(entries)
        if kind not in self._checked:
            self._checked.add(kind)
            try:  # one index lookup; entries another process puts later are missed (they are made again)
                if db.execute("SELECT 1 FROM entries WHERE kind = ? LIMIT 1", (kind,)).fetchone() is None:
                    self._empty.add(kind)
            except sqlite3.Error as exc:
                log.debug("cache kind %s not looked up: %s", kind, exc)
        if kind in self._empty:
            for _ in entries:
                self._miss(kind)
            return [None] * len(entries)
        out: list[object | None] = []
        for start in range(0, len(entries), self.READ_EVERY):  # a chunk's bytes at a time, not all of them
            chunk = entries[start:start + self.READ_EVERY]
            rows: dict[str, bytes] = {}
            try:
                rows.update(db.execute(f"SELECT entry, value FROM entries WHERE kind = ? AND entry IN "
                                       f"({','.join('?' * len(chunk))})", (kind, *chunk)))
            except sqlite3.Error as exc:
                log.debug("cache entries of %s not read: %s", kind, exc)
            out.extend(self._value(kind, entry, rows.get(entry)) for entry in chunk)
        return out

    def made(self, kind: str, entry: str, expected: type[T], make: Callable[[], T]) -> T:
        """The entry's value when it is one of `expected` (anything else, or nothing: made again, never trusted),
        else `make()`, put at once (pickled now: nothing may change it before it is stored)."""
        found = self.get(kind, entry)
        if isinstance(found, expected):
            return found
        value = make()
        self.put(kind, entry, value)
        return value

    def _value(self, kind: str, entry: str, blob: bytes | None) -> object | None:
        if blob is None:
            self._miss(kind)
            return None
        try:
            stored_key, value = pickle.loads(blob)
        except Exception as exc:  # truncated, from another version, anything: rebuild, never trust
            log.debug("cache entry %s/%s unusable (%s); rebuilt", kind, entry, exc)
            self._miss(kind)
            return None
        if stored_key != entry:
            self._miss(kind)
            return None
        self.hits += 1
        return value

    def _miss(self, kind: str) -> None:
        self.misses += 1
        self.missed[kind] = self.missed.get(kind, 0) + 1

    def keep(self, kind: str, entry: str) -> None:
        """Mark an entry used without loading it."""
        self.used.setdefault(kind, set()).add(entry)

    def put(self, kind: str, entry: str, value: object) -> None:
        if self._broken:
            self.used.setdefault(kind, set()).add(entry)
            return
        self.put_pickled(kind, entry, self.pickled(entry, value))

    @staticmethod
    def pickled(entry: str, value: object) -> bytes:
        """An entry's value as the cache stores it (for pickling it where it is made: a worker process)."""
        return pickle.dumps((entry, value), protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def unpickled(blob: bytes) -> object:
        """The value of what pickled() made."""
        return pickle.loads(blob)[1]

    def put_pickled(self, kind: str, entry: str, blob: bytes) -> None:
        """Store what pickled(entry, value) made."""
        self.used.setdefault(kind, set()).add(entry)
        if self._broken:
            return
        self.pending.append((kind, entry, blob))
        if len(self.pending) >= self.FLUSH_EVERY:
            self.flush()

    def put_later(self, kind: str, entry: str, value: object) -> None:
        """put(), pickled only when everything is flushed: a build puts the results it reads on after it has set
        the search index going, then pickles them while the index is made (no build reads back its own
        entries). The values stay in memory until then (they must not change meanwhile: the build's are
        frozen); a failed or interrupted build writes them as it closes the cache, a killed one loses them
        (only work)."""
        self.used.setdefault(kind, set()).add(entry)
        if not self._broken:
            self.later.append((kind, entry, value))

    def flush(self, everything: bool = False) -> None:
        """Write the pending entries in one transaction; with `everything`, then those put_later(), pickled and
        written FLUSH_EVERY at a time (10,000 sources' pairings are 250 MB of pickles: never all at once)."""
        self._write()
        while everything and self.later:
            chunk, self.later = self.later[:self.FLUSH_EVERY], self.later[self.FLUSH_EVERY:]
            self.pending = [(kind, entry, self.pickled(entry, value)) for kind, entry, value in chunk]
            del chunk
            self._write()

    def _write(self) -> None:
        pending, self.pending = self.pending, []
        db = self._connect() if pending else None
        if db is None:
            return
        try:
            with _transaction(db):
                db.executemany("INSERT OR REPLACE INTO entries (kind, entry, value) VALUES (?, ?, ?)", pending)
        except sqlite3.Error as exc:  # locked too long, disk full: the next build redoes this work
            log.debug("%d cache entries not written: %s", len(pending), exc)

    def prune(self) -> None:
        """Write what is pending, then remove the entries of the kinds used in this build that it did not use."""
        self.flush(everything=True)
        db = self._connect() if self.used else None
        if db is None:
            return
        try:
            with _transaction(db):
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (kind TEXT, entry TEXT, PRIMARY KEY (kind, entry))")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?, ?)",
                               ((kind, entry) for kind, entries in self.used.items() for entry in entries))
                for kind in self.used:
                    db.execute("DELETE FROM entries WHERE kind = ? AND NOT EXISTS (SELECT 1 FROM used u "
                               "WHERE u.kind = entries.kind AND u.entry = entries.entry)", (kind,))
        except sqlite3.Error as exc:
            log.debug("cache not pruned: %s", exc)

    def close(self) -> None:
        self.flush(everything=True)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection):
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class PageManifest:
    """Which cache entry each kept page of the current site was made from, with its size, time and inode:
    a page whose entry is unchanged and whose file nobody touched is linked into the next site as it is."""

    def __init__(self, cache: Cache, output: Path):
        self.path = cache.folder / "pages.json" if cache.folder else None
        self.output = output
        self.known: dict[str, list] = {}
        self.made: dict[str, str] = {}
        if self.path is not None and self.path.is_file():
            with contextlib.suppress(OSError, ValueError):
                self.known = json.loads(self.path.read_text(encoding="utf-8"))

    def unchanged(self, entry: str, paths: tuple[str, ...]) -> bool:
        for path in paths:
            known = self.known.get(path)
            if known is None:
                return False  # (not in the last site's manifest: no file to look at; every page of a cold build)
            try:
                info = (self.output / path).stat()
            except OSError:
                return False
            if known != [entry, info.st_size, info.st_mtime_ns, info.st_ino]:
                return False
        self.made.update((path, entry) for path in paths)
        return True

    def record(self, entry: str, paths: tuple[str, ...]) -> None:
        self.made.update((path, entry) for path in paths)

    def save(self) -> None:
        """After the new site is in place: remember its pages."""
        if self.path is None:
            return
        state = {}
        for path, entry in self.made.items():
            with contextlib.suppress(OSError):
                info = (self.output / path).stat()
                state[path] = [entry, info.st_size, info.st_mtime_ns, info.st_ino]
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(state), encoding="utf-8")
