"""Stage 10: write the site atomically: build beside it, then swap it in; and never touch anything else.

The output folder is the site and nothing else: it is replaced whole, so the generator refuses any folder
that holds the project's own files, and any non-empty folder it did not write (its builds carry a stamp
file). Staging folders of killed builds are cleaned up by the next build.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

from ..errors import CannotWrite, ConfigError, OutputError
from ..files import MIB, UnsafeFile, read_bytes, regular_files

log = logging.getLogger(__name__)
STAMP = ".briefing-site"
STAMP_TEXT = ("This folder is a site written by the Arabic news briefing generator.\n"
              "Each build replaces the whole folder: do not keep your own files here.\n")
STATIC_LIMIT = 32 * MIB


def is_ours(folder: Path) -> bool:
    """A folder this generator wrote: stamped, or (before stamps) holding an earlier build's pages and data."""
    return (folder / STAMP).is_file() or ((folder / "index.html").is_file()
                                         and (folder / "data" / "briefing.json").is_file())


def guard_output(output: Path, project: Path, protected: tuple[Path, ...]) -> Path:
    """The resolved output folder, after refusing every folder the build must not replace (OutputError)."""
    target = output.resolve()
    named = f"output_dir {target}"
    home = Path.home().resolve()
    if target == target.parent or target == home or target in home.parents:
        raise OutputError(f"{named} is the root or home folder; the site must go into a folder of its own")
    if target == project or target in project.parents:
        raise OutputError(f"{named} is the project folder or holds it; a build replaces the output folder "
                          "whole, so it must be a folder of its own (the default is site)")
    for kept in protected:
        kept = kept.resolve()
        if target == kept or target in kept.parents or kept in target.parents:
            raise OutputError(f"{named} is, holds or lies inside {kept}, which the build reads; choose a "
                              "folder of its own for the site (the default is site)")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError(f"{named} exists and is not a folder")
    if target.is_dir():
        if any(target.iterdir()) and not is_ours(target):
            raise OutputError(f"{named} is not empty and was not written by this generator; a build would "
                              "replace everything in it. Choose a new or empty folder, or empty it yourself")
        if not target.stat().st_mode & 0o222:  # mode bits, not access(): root may write anything
            raise OutputError(f"{named} is read-only; make it writable to replace it, or build elsewhere")
    return target


def _staging_leftovers(output: Path) -> list[Path]:
    return sorted(output.parent.glob(f".{output.name}-new-*")) + sorted(output.parent.glob(f".{output.name}-old-*"))


def clean_staging(output: Path) -> None:
    """Put back the previous site if a build was stopped between its two renames; remove the staging
    folders of killed builds (only folders that carry the stamp: nothing of the user's)."""
    old = sorted(output.parent.glob(f".{output.name}-old-*"), key=lambda p: p.stat().st_mtime)
    if not output.exists() and old and is_ours(old[-1]):
        os.replace(old[-1], output)
        log.warning("restored the previous %s from an interrupted build", output)
    for leftover in _staging_leftovers(output):
        if leftover.is_dir() and not leftover.is_symlink() and is_ours(leftover):
            shutil.rmtree(leftover, ignore_errors=True)
            log.info("removed %s, left by an interrupted build", leftover)


def _copy_static(static: Path, target: Path, roots: tuple[Path, ...]) -> None:
    """The site's static files, each a regular file inside the project (a link to /etc/shadow is refused)."""
    files, problems = regular_files(static, roots, recursive=True)
    try:
        if problems:
            raise UnsafeFile(problems[0])
        for path in files:
            destination = target / path.relative_to(static)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.unlink(missing_ok=True)
            destination.write_bytes(read_bytes(path, roots, STATIC_LIMIT))
    except UnsafeFile as exc:
        raise ConfigError(f"static file {exc}") from None


Content = str | bytes | Path | Iterable[str] | Callable[[], str | bytes | Iterable[str]]


def write_site(output: Path, files: dict[str, Content], static: tuple[Path, ...] = (),
               finish: Callable[[Path], object] | None = None, roots: tuple[Path, ...] = ()) -> None:
    """Write every file, in the order given, into a fresh folder (then let `finish` add to it), then swap it in
    for `output` (already checked by guard_output). A Path as content is a file of the current site to keep as
    it is (hard linked); a callable makes the content when its file is written (so that the pages of a large
    pile are never all in memory at once). A full disk or read-only folder is CannotWrite, the old site kept."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        clean_staging(output)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    except OSError as exc:
        raise CannotWrite(f"cannot write the site next to {output}: {exc.strerror}; the previous site is "
                          "unchanged") from None
    try:
        (staging / STAMP).write_text(STAMP_TEXT, encoding="utf-8")
        for folder in static:  # the generator's own, then the project's (which may replace a file)
            if folder.is_dir():
                _copy_static(folder, staging / "static", (folder.resolve(), *roots))
        root = os.fspath(staging)
        folders: set[str] = set()
        for relative, content in files.items():
            target = os.path.join(root, relative)  # (names as strings: a Path each cost more than its write)
            parent = os.path.dirname(target)
            if parent not in folders:
                os.makedirs(parent, exist_ok=True)
                folders.add(parent)
            if callable(content):
                content = content()
            if isinstance(content, Path):
                _link(content, Path(target))  # unchanged since the last build: the same file, not a copy
            elif isinstance(content, bytes):
                _write(target, content)
            elif isinstance(content, str):
                _write(target, (content if os.linesep == "\n" else content.replace("\n", os.linesep)).encode("utf-8"))
            else:  # pieces of text, written as they are made (the large data files)
                with open(target, "w", encoding="utf-8") as out:
                    out.writelines(content)
        if finish is not None:
            finish(staging)
        staging.chmod(0o755)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if (failed := cannot_write(exc, f"the site next to {output}")) is not None:
            raise failed from None
        raise
    _swap(staging, output)


_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _write(path: str, data: bytes) -> None:
    """What Path.write_bytes does (the file created or emptied, mode 0o666 less the umask), in three system calls
    (open, write, close) without a buffered file object: a site of 1,000 reports is 4,000 files."""
    fd = os.open(path, _WRITE_FLAGS, 0o666)
    try:
        view, done = memoryview(data), 0
        while done < len(data):  # (a regular file takes it in one write; a short write is finished, not lost)
            done += os.write(fd, view[done:])
    finally:
        os.close(fd)


_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def _link(source: Path, target: Path) -> None:
    """A hard link, or a copy where the filesystem has none (FAT, some network and FUSE mounts)."""
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        shutil.copyfile(source, target)


def cannot_write(exc: BaseException, what: str) -> CannotWrite | None:
    """A full disk, a read-only folder or a refused write while writing `what`, as the error the build reports
    (exit 74); None for any other error."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT):
        return CannotWrite(f"cannot write {what}: {exc.strerror}; the previous site is unchanged")
    return None


_RENAME_EXCHANGE = 2  # renameat2(2)'s flag: the two names trade places in one step


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders' names in one step where the system can (Linux's renameat2 on most filesystems), so
    that the output folder never stands missing for a moment (`serve` answers during a rebuild); False where
    it cannot, and nothing changed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # (a C library without it: glibc before 2.28, some others)
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE) == 0


def _swap(staging: Path, output: Path) -> None:
    """The new site in, the old one out: traded in one step where the system can, else two renames (the old
    site aside, the new one in); the old one removed last."""
    old = None
    try:
        if output.is_dir() and not output.is_symlink() and _exchange(staging, output):
            shutil.rmtree(staging, ignore_errors=True)  # (the old site, under the staging name now)
            return
        if output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
            old.rmdir()
            os.replace(output, old)
        os.replace(staging, output)
    except OSError as exc:
        if old is not None and not output.exists():
            os.replace(old, output)
        shutil.rmtree(staging, ignore_errors=True)
        raise CannotWrite(f"cannot replace {output}: {exc.strerror}; the previous site is unchanged") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


_BANNER = re.compile(r"<!--build-error-->.*?<!--/build-error-->", re.DOTALL)


def mark_failed(output: Path, message: str, failed: bool = True) -> None:
    """Show a failed rebuild (or one that skipped seeds) on every page of the site being served, until the
    next rebuild replaces the site."""
    title = ("The last rebuild failed.</strong> You are seeing the previous build. Fix the problem and save again."
             if failed else "The last rebuild skipped some files.</strong> Their pages are missing until "
                            "they can be read again.")
    banner = (f'<!--build-error--><div class="build-error" role="alert"><p><strong>{title}</p>'
              f"<pre>{escape(message)}</pre></div><!--/build-error-->")
    for page in output.rglob("*.html"):
        text = _BANNER.sub("", page.read_text(encoding="utf-8"))
        text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, text, count=1)
        tmp = page.with_name(f".{page.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, page)
