"""The source pages of a cold build, rendered and written by a child process while the build renders the rest.

After the analysis a cold build has two kinds of pages to make on one core: the site's own (the home page,
a page per story, the key figures, the lists) and a page and a data file per source, about as much work
again; the second core meanwhile only runs Pagefind for part of the time. A child forked once the briefing
is made (it is in the child's memory as it is in the build's) renders the source pages and writes them into
a work folder beside the site, telling the build each source as it is done; the build renders the site's
pages meanwhile and then links the child's files into the new site, as it links the pages an earlier build
left unchanged. The child touches neither the cache nor the site: the build reads each page back for the
cache. Should the child fail or die, the build renders what is missing itself: the site is the same, byte
for byte, either way (tests/test_scale.py).

Used only where a fork is safe and pays: worker processes allowed, enough pages to render, a pile of at most
MOST sources, and no thread in the build's process but the one that waits for Pagefind (`serve` builds in a
thread of its own: not there).
"""

from __future__ import annotations

import logging
import multiprocessing
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)
WORK_STAMP = ".briefing-pages-work"  # marks the work folder (a killed build's is removed by the next)
ALLOWED_THREADS = frozenset({"pagefind-watcher"})  # threads that take no lock a child could need
MOST = 5000  # sources: a larger pile's build holds more than a gigabyte, which a child would copy as it reads
#              (Python's reference counts write to every object read): 10,000 generated sources with a child
#              held 3.5 GB over the processes against 2.3 GB without


def safe_to_fork() -> bool:
    """This is the main thread, and every other thread only waits for Pagefind."""
    return threading.current_thread() is threading.main_thread() and all(
        t is threading.current_thread() or t.name in ALLOWED_THREADS for t in threading.enumerate())


def _work(make: Callable[[int], dict[str, bytes]], indices: list[int], folder: Path, conn, theirs) -> None:
    theirs.close()  # the build's end: should the build die, sending fails here instead of waiting
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # cancel() ends the child whatever handler the build set
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle (it then ends the child)
    try:
        for index in indices:
            for relative, data in make(index).items():
                target = folder / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            conn.send(index)
        conn.send(None)  # all done
    except Exception as exc:  # the build renders the rest itself
        try:
            conn.send(f"{type(exc).__name__}: {exc}")
        except OSError:
            pass
    finally:
        conn.close()


def clean_leftovers(output: Path) -> None:
    """Remove the work folders killed builds left beside the site (only those that carry the mark: nothing of the
    user's). Every build calls it, whether it forks a child or not."""
    for left in output.parent.glob(f".{output.name}-pages-*"):
        if (left / WORK_STAMP).is_file():
            shutil.rmtree(left, ignore_errors=True)


class PagesAhead:
    """A child process rendering the given sources' files (make(index) → {relative path: bytes}) into a work
    folder beside `output`; take(index) waits for one and gives its files' paths (None: render it yourself)."""

    def __init__(self, make: Callable[[int], dict[str, bytes]], indices: list[int], output: Path):
        clean_leftovers(output)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{output.name}-pages-", dir=output.parent))
        self.given = frozenset(indices)
        self.process = None
        send = None
        try:
            (self.folder / WORK_STAMP).write_text("", encoding="utf-8")
            context = multiprocessing.get_context("fork")
            self.receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(make, indices, self.folder, send, self.receive),
                                      daemon=True)
            process.start()  # (OSError when no process is to be had: nothing started, nothing to stop)
            self.process = process
            send.close()
        except BaseException:
            if send is not None:
                send.close()
                self.receive.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.done: dict[int, bool] = {}
        self.ended = False
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, name="pages-ahead-reader", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            while True:
                message = self.receive.recv()
                if not isinstance(message, int):
                    if message is not None:
                        log.debug("source pages rendered here instead: %s", message)
                    break
                with self.changed:
                    self.done[message] = True
                    self.changed.notify_all()
        except (EOFError, OSError) as exc:  # the child died, or cancel() closed the pipe
            log.debug("source pages rendered here instead: %s", exc)
        finally:
            with self.changed:
                self.ended = True
                self.changed.notify_all()

    def take(self, index: int, paths: tuple[str, ...]) -> dict[str, Path] | None:
        """The files the child wrote for the index-th source (waiting for them), or None when it could not."""
        if index not in self.given:
            return None
        with self.changed:
            self.changed.wait_for(lambda: index in self.done or self.ended)
            if index not in self.done:
                return None
        return {path: self.folder / path for path in paths}

    def cancel(self) -> None:
        """Stop the child if it still runs and remove its folder (once the site has linked its files)."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join(5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            reader = getattr(self, "reader", None)
            if reader is not None:
                reader.join()  # (the child is gone: its end of the pipe is closed, the reader has its EOF)
            self.receive.close()
            self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)
