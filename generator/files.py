"""Reading the project's files safely: regular files only, reads capped in bytes, and no symlink that
leads out of the project (a seed linked to /etc/passwd is never published).

Every reader of seeds, content, templates and static files goes through here.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

KIB, MIB = 1024, 1024 * 1024
SEED_LIMIT = 2 * MIB  # a news article is a few tens of kB; more is a mis-save, not an article
TEXT_LIMIT = 4 * MIB  # site.yml, about.md, an editor file, a template
DATA_LIMIT = 256 * MIB  # the glossary and a translation-memory file


class UnsafeFile(Exception):
    """A file that must not be read; the message names it and says why."""


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def inside(path: Path, roots: tuple[Path, ...], folder: Path | None = None) -> bool:
    """Whether the fully resolved path lies in one of the (resolved) roots. `folder`: the path's folder already
    resolved, when the caller knows it (a folder's files): a path that is no symbolic link itself is then that
    folder and its name, found with one lstat instead of one for each part of the path (a pile's thousands of
    seeds, each checked when listed and when read)."""
    resolved = _resolved(path, folder)
    return any(resolved == root or root in resolved.parents for root in roots)


def _resolved(path: Path, folder: Path | None) -> Path:
    if folder is not None:
        try:
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                return folder / path.name
        except OSError:
            pass  # (missing: resolve says what it can, and reading it fails after)
    return path.resolve()


def check_path(path: Path, roots: tuple[Path, ...], folder: Path | None = None) -> None:
    """Refuse a path whose symlinks lead outside the roots (the project, and a seeds folder set in site.yml);
    `folder`: see inside."""
    if not inside(path, roots, folder):
        raise UnsafeFile(f"{path}: a symbolic link to {path.resolve()}, outside the project; not read "
                         "(copy the file into the project instead)")


def read_bytes(path: Path, roots: tuple[Path, ...], limit: int, folder: Path | None = None) -> bytes:
    """The bytes of a regular file inside the roots, at most `limit` of them (else UnsafeFile); `folder`: its
    folder resolved, when known (see inside)."""
    check_path(path, roots, folder)
    nofollow = getattr(os, "O_NOFOLLOW", 0) if folder is not None and not path.is_symlink() else 0
    try:  # (checked as no link through its folder: opened so, a link put there since is not followed)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | nofollow)
    except OSError as exc:
        raise UnsafeFile(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnsafeFile(f"{path}: {_kind(mode)}, not a file; skipped")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 * MIB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UnsafeFile(f"{path}: cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise UnsafeFile(f"{path}: more than {limit:,} bytes, too large (limit {limit:,}); check the file")
    return b"".join(chunks)


def read_text(path: Path, roots: tuple[Path, ...], limit: int = TEXT_LIMIT) -> str:
    """A UTF-8 text file (a byte-order mark is dropped); invalid UTF-8 is an UnsafeFile naming the line."""
    data = read_bytes(path, roots, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise UnsafeFile(f"{path}:{line}: not valid UTF-8 (byte {exc.start}); save it as UTF-8") from None


def read_yaml_mapping(path: Path, roots: tuple[Path, ...], expected: str) -> tuple[dict, dict[Any, int]]:
    """An editor's YAML file holding a mapping, and the line of each of its keys: ({}, {}) when the file is
    missing or empty; ConfigError naming the file when it leads out of the roots, is not valid YAML, or holds
    something else than `expected` (a mapping, described for the message)."""
    if not (path.exists() or path.is_symlink()):
        return {}, {}
    try:
        loader = yaml.SafeLoader(read_text(path, roots))
        try:  # parsed once: the node gives the lines, the data is built from it
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnsafeFile as exc:
        raise ConfigError(str(exc)) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected {expected}")
    return data, {key.value: key.start_mark.line + 1 for key, _ in node.value}


def regular_files(folder: Path, roots: tuple[Path, ...], suffixes: tuple[str, ...] | None = None,
                  recursive: bool = False) -> tuple[list[Path], list[str]]:
    """Files in a folder (sorted), and one problem per entry that is not a file or leads out of the roots."""
    files, problems = [], []
    entries = sorted(folder.rglob("*") if recursive else folder.iterdir()) if folder.is_dir() else []
    base = folder.resolve() if entries and not recursive else None  # (every entry's folder: resolved once)
    for path in entries:
        if suffixes is not None and path.suffix.lower() not in suffixes:
            continue
        try:
            check_path(path, roots, base)
            mode = path.stat().st_mode
        except UnsafeFile as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path}: cannot be read: {exc.strerror}")
            continue
        if stat.S_ISDIR(mode) and (recursive or suffixes is None):
            continue
        if not stat.S_ISREG(mode):
            problems.append(f"{path}: {_kind(mode)}, not a file; skipped")
            continue
        files.append(path)
    return files, problems


def write_atomic(path: Path, text: str, unchanged: Callable[[], bool] | None = None) -> bool:
    """Write text so that readers see the old file or the new one, never half of either. With `unchanged`, the
    file is replaced only if it still holds what the caller read (asked once the new text is written beside it,
    right before the rename: the moment in which someone's save could be overwritten is that short); False,
    and nothing written, when it does not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)  # no fsync: the rename is atomic for a killed process
        if unchanged is not None and not unchanged():
            Path(tmp).unlink(missing_ok=True)
            return False
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
