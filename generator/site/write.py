"""Stage 10: write the site atomically: build beside it, then swap it in."""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

log = logging.getLogger(__name__)


def recover(output: Path) -> None:
    """Put back the previous site if a build was stopped between its two renames."""
    if output.exists():
        return
    leftovers = sorted(output.parent.glob(f".{output.name}-old-*"), key=lambda p: p.stat().st_mtime)
    if leftovers:
        os.replace(leftovers[-1], output)
        log.warning("restored the previous %s from an interrupted build", output)


def write_site(output: Path, files: dict[str, str | bytes], static: Path | None = None,
               finish: Callable[[Path], object] | None = None) -> None:
    """Write every file into a fresh folder (then let `finish` add to it), then swap it in for `output`."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    try:
        if static is not None and static.is_dir():
            shutil.copytree(static, staging / "static")
        for relative, content in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        if finish is not None:
            finish(staging)
        staging.chmod(0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        old.rmdir()
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


_BANNER = re.compile(r"<!--build-error-->.*?<!--/build-error-->", re.DOTALL)


def mark_failed(output: Path, message: str) -> None:
    """Show a failed rebuild on every page of the site still being served (until the next good build)."""
    banner = ('<!--build-error--><div class="build-error" role="alert"><p><strong>The last rebuild failed.'
              "</strong> You are seeing the previous build. Fix the problem and save again.</p>"
              f"<pre>{escape(message)}</pre></div><!--/build-error-->")
    for page in output.rglob("*.html"):
        text = _BANNER.sub("", page.read_text(encoding="utf-8"))
        text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, text, count=1)
        tmp = page.with_name(f".{page.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, page)
