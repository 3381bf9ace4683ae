"""`serve`: build, serve the site on 127.0.0.1, rebuild and reload on every change."""

from __future__ import annotations

import logging
from pathlib import Path

from .build import BuildOptions, build
from .config import load_config
from .errors import GeneratorError
from .site.write import mark_failed

log = logging.getLogger(__name__)
WATCHED = ("seeds", "content", "templates")


def rebuild(project: Path, options: BuildOptions) -> bool:
    """One rebuild; a failure is logged, shown on the served pages, and serving goes on."""
    try:
        result = build(project, options)
    except GeneratorError as exc:
        log.error("rebuild failed, still serving the previous site: %s", exc)
        _show_failure(project, options, str(exc))
        return False
    except Exception as exc:  # a bug must not stop the server either; show it in the terminal and page
        log.exception("rebuild failed, still serving the previous site")
        _show_failure(project, options, f"{type(exc).__name__}: {exc}")
        return False
    for error in result.errors:
        log.error("%s", error)
    log.info("rebuilt: %s sources, %s pairs", result.report["sources"], result.report["pairs"])
    return True


def _show_failure(project: Path, options: BuildOptions, message: str) -> None:
    try:
        output = load_config(project, options.settings).output_path
    except GeneratorError:
        output = project / "site"
    if output.is_dir():
        mark_failed(output, message)


def serve(project: Path, options: BuildOptions, port: int = 8000, host: str = "127.0.0.1") -> int:
    """Serve until interrupted (Ctrl-C)."""
    from livereload import Server

    rebuild(project, options)
    config = load_config(project, options.settings)
    server = Server()
    for folder in WATCHED:
        server.watch(str(project / folder), lambda: rebuild(project, options), delay=0.5)
    if not config.output_path.exists():
        raise GeneratorError("the first build failed and there is no previous site to serve")
    log.info("serving %s on http://%s:%d/ (Ctrl-C stops)", config.output_path, host, port)
    server.serve(root=str(config.output_path), host=host, port=port, open_url_delay=None)
    return 0
