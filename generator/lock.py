"""One build at a time per project: a lock file beside content/ (filelock: an OS lock, released when the
process ends however it ends, so a killed build never leaves the project locked)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import CannotWrite, ProjectLocked

LOCK_NAME = ".briefing.lock"


@contextlib.contextmanager
def project_lock(project: Path, wait: float = 0) -> Iterator[None]:
    """Hold the project's lock; another holder means ProjectLocked (exit 4) after `wait` seconds."""
    path = project / LOCK_NAME
    lock = FileLock(str(path), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise ProjectLocked(f"another build (or serve, translate or import-tm) is running in {project}; "
                            f"wait for it to finish (lock: {path})") from None
    except OSError as exc:
        raise CannotWrite(f"cannot take the build lock {path}: {exc.strerror} (is the project folder "
                          "read-only?)") from None
    try:
        yield
    finally:
        lock.release()  # the file stays (removing it would let two waiters lock two different files)
