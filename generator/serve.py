"""`serve`: build, serve the site on 127.0.0.1, rebuild in the background on every change, reload the
open pages when the new site is in place.

livereload serves the files and keeps the browsers' reload channel; the watching and rebuilding are
ours: a thread polls the watched folders (the configured seeds folder, content/, templates/), waits until
a burst of saves settles, rebuilds (the server keeps answering meanwhile), and then tells the browsers
to reload. The build's own writes (translation memory) do not trigger another rebuild; a change saved
during a rebuild triggers the next one.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .build import BuildOptions, BuildResult, build
from .config import load_config
from .errors import GeneratorError, internal_error
from .site.write import mark_failed

log = logging.getLogger(__name__)
POLL = 0.25  # seconds between looks at the watched folders
IGNORED_SUFFIXES = (".tmp", ".swp", ".swx", "~", ".lock")


def watched_folders(project: Path, options: BuildOptions) -> list[Path]:
    """The folders a rebuild reads: the configured seeds folder, content/ and templates/."""
    try:
        config = load_config(project, options.settings)
        return [config.seeds_path, config.content_path, config.templates_path]
    except GeneratorError:
        return [project / "seeds", project / "content", project / "templates"]


def _ignored(path: Path) -> bool:
    return path.name.startswith((".journal", ".#")) or path.name.endswith(IGNORED_SUFFIXES)


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under the folders: what a change is measured against."""
    state: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            try:
                info = path.stat()
            except OSError:
                continue
            if path.is_file() and not _ignored(path):
                state[str(path)] = (info.st_size, info.st_mtime_ns)
    return state


def _digest(path: str) -> str:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass
class Rebuilder:
    """Runs builds for `serve` and remembers what the last one wrote itself."""

    project: Path
    options: BuildOptions
    written: dict[str, str] = field(default_factory=dict)  # memory files the build wrote → their sha1

    def rebuild(self) -> bool:
        """One rebuild; a failure (or skipped seeds) is logged and shown on the served pages."""
        try:
            result = build(self.project, self.options)
        except GeneratorError as exc:
            log.error("rebuild failed, still serving the previous site: %s", exc)
            self._show(str(exc), failed=True)
            return False
        except Exception as exc:  # a bug must not stop the server either
            log.debug("rebuild failed", exc_info=True)
            log.error("rebuild failed, still serving the previous site: %s", internal_error(exc))
            self._show(internal_error(exc), failed=True)
            return False
        self._report(result)
        return True

    def _report(self, result: BuildResult) -> None:
        self.written = dict(result.report.get("memory_written", {}))
        for error in result.errors:
            log.error("%s", error)
        if result.errors:
            self._show("\n".join(result.errors), failed=False)
        log.info("rebuilt: %s sources, %s pairs in %s s", result.report["sources"], result.report["pairs"],
                 result.report.get("seconds"))

    def _show(self, message: str, failed: bool) -> None:
        try:
            output = load_config(self.project, self.options.settings).output_path
        except GeneratorError:
            output = self.project / "site"
        if output.is_dir():
            mark_failed(output, message, failed)

    def settle(self, before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> dict:
        """The state to compare the next look with: the build's own writes count as seen, a change someone
        saved during the build does not (so it triggers the next rebuild)."""
        settled = dict(after)
        for path in set(before) | set(after):
            if before.get(path) != after.get(path) and self.written.get(path) != _digest(path):
                settled[path] = (-1, -1)
        return settled


def watch(folders: Callable[[], list[Path]], rebuilder: Rebuilder, on_rebuilt: Callable[[], None],
          stop: threading.Event) -> None:
    """Poll, wait for a burst of saves to settle, rebuild, announce; until stop is set."""
    seen = snapshot(folders())
    while not stop.wait(POLL):
        now = snapshot(folders())
        if now == seen:
            continue
        while not stop.wait(POLL):  # let a burst of saves finish first
            again = snapshot(folders())
            if again == now:
                break
            now = again
        changed = sorted(set(now.items()) ^ set(seen.items()))
        log.info("change detected (%s); rebuilding", Path(changed[0][0]).name if changed else "?")
        rebuilder.rebuild()
        seen = rebuilder.settle(now, snapshot(folders()))
        on_rebuilt()


def one_read_handler() -> type:
    """livereload's static file handler, serving each file from one read of it. Tornado's own takes the
    Content-Length from a stat and then opens the file again for the body: a page a rebuild replaces in between
    (the site swapped in, or every page marked with a rebuild's banner) sent more or fewer bytes than it
    announced, and Tornado dropped the connection without an answer. Here the bytes, their length, the
    modification time and the ETag all come from the one open file."""
    from livereload.handlers import StaticFileHandler
    from tornado.web import HTTPError

    class OneReadStaticFileHandler(StaticFileHandler):
        _served: bytes = b""
        _served_stat: os.stat_result | None = None

        def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
            path = super().validate_absolute_path(root, absolute_path)
            if path is not None:
                try:
                    with open(path, "rb") as handle:
                        self._served, self._served_stat = handle.read(), os.fstat(handle.fileno())
                except OSError:  # gone since it was looked up (a rebuild's swap): as if never there
                    raise HTTPError(404) from None
            return path

        def _stat(self) -> os.stat_result:
            assert self._served_stat is not None
            return self._served_stat

        def get_content_size(self) -> int:
            return len(self._served)

        def get_content(self, abspath: str, start: int | None = None, end: int | None = None) -> bytes:  # type: ignore[override]
            return self._served[start:end]

        def compute_etag(self) -> str:
            return f'"{hashlib.sha1(self._served).hexdigest()}"'

        @classmethod
        def get_content_version(cls, abspath: str) -> str:  # (the class-level read get_content no longer is)
            with open(abspath, "rb") as handle:
                return hashlib.sha1(handle.read()).hexdigest()

    return OneReadStaticFileHandler


def serve(project: Path, options: BuildOptions, port: int = 8000, host: str = "127.0.0.1") -> int:
    """Serve until interrupted (Ctrl-C)."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    class QuietServer(Server):
        def _setup_logging(self) -> None:  # our logging already prints; theirs would print every line twice
            logging.getLogger("livereload").setLevel(logging.INFO)

    rebuilder = Rebuilder(project, replace(options, search_after=True))
    rebuilder.rebuild()
    config = load_config(project, options.settings)
    if not config.output_path.is_dir():
        raise GeneratorError("the first build failed and there is no previous site to serve")
    server = QuietServer()
    server.SFH = one_read_handler()
    server.watch(str(project / ".briefing-serve-watches-nothing"), delay="forever")  # we watch, not livereload
    loop = IOLoop.current()
    stop = threading.Event()
    thread = threading.Thread(target=watch, daemon=True, args=(
        lambda: watched_folders(project, options), rebuilder,
        lambda: loop.add_callback(LiveReloadHandler.reload_waiters), stop))
    thread.start()
    log.info("serving %s on http://%s:%d/ (Ctrl-C stops)", config.output_path, host, port)
    try:
        server.serve(root=str(config.output_path), host=host, port=port, open_url_delay=None,
                     restart_delay="forever")
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise GeneratorError(f"port {port} on {host} is already in use; choose another with --port") from None
        raise
    finally:
        stop.set()
    return 0
