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
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)
FORMAT = 1  # bump when the layout of cached values changes (the code hash covers most changes anyway)


@cache
def code_version() -> str:
    """A hash of the generator's own code and rules files: any change to them invalidates every entry."""
    digest = hashlib.sha1(str(FORMAT).encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yml") and "__pycache__" not in path.parts:
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
    """Pickled values by kind and key; a disabled cache stores nothing and finds nothing."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: dict[str, set[str]] = {}
        self.hits = self.misses = 0

    def _path(self, kind: str, entry: str) -> Path:
        return self.folder / kind / entry[:2] / f"{entry}.pickle"  # type: ignore[operator]

    def get(self, kind: str, entry: str) -> object | None:
        self.used.setdefault(kind, set()).add(entry)
        if self.folder is None:
            return None
        path = self._path(kind, entry)
        try:
            with path.open("rb") as handle:
                stored_key, value = pickle.load(handle)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:  # truncated, from another version, anything: rebuild, never trust
            log.debug("cache entry %s unusable (%s); rebuilt", path, exc)
            self.misses += 1
            return None
        if stored_key != entry:
            self.misses += 1
            return None
        self.hits += 1
        return value

    def keep(self, kind: str, entry: str) -> None:
        """Mark an entry used without loading it."""
        self.used.setdefault(kind, set()).add(entry)

    def put(self, kind: str, entry: str, value: object) -> None:
        self.used.setdefault(kind, set()).add(entry)
        if self.folder is None:
            return
        path = self._path(kind, entry)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((entry, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as exc:  # a cache that cannot be written only makes the next build slower
            log.debug("cache entry %s not written: %s", path, exc)

    def prune(self) -> None:
        """Remove the entries of the kinds used in this build that this build did not use."""
        if self.folder is None:
            return
        for kind, used in self.used.items():
            for path in (self.folder / kind).glob("*/*.pickle"):
                if path.stem not in used:
                    with contextlib.suppress(OSError):
                        path.unlink()


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
