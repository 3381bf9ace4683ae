"""Search across both languages with Pagefind: one record page per source, a section per paragraph pair.

Each source becomes a small page in a records folder (kept in the cache and rewritten only for sources
that changed) that Pagefind's command line indexes into the site's `pagefind/` bundle. The page's
`target` metadata is the source page; each pair is a section under a heading whose id is the pair's
anchor, which Pagefind returns as a sub-result, so the search page links straight to the paragraph.
(Pagefind's Python API answers one request per 0.1 s, far slower; a page per pair costs twice the time.)
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from ..models import Source

log = logging.getLogger(__name__)
BUNDLE = "pagefind"


def record_page(source: Source, story: str = "") -> str:
    """The source as Pagefind reads it: its title, its story (a filter), and a section per pair."""
    meta = source.meta
    title = source.headline_en.text if source.headline_en.status != "pending" else meta.headline
    title = title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"
    story_filter = f'<p hidden data-pagefind-filter="story">{escape(story)}</p>' if story else ""
    sections = "".join(
        f'<section><h2 id="{escape(pair.id)}">¶{pair.number}</h2>'
        f'<p lang="ar" dir="rtl">{escape(pair.ar)}</p><p>{escape(pair.en)}</p></section>' for pair in source.pairs)
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
            f'<main data-pagefind-body data-pagefind-meta="target:sources/{escape(meta.id)}.html">'
            f'<h1 data-pagefind-meta="title" data-pagefind-ignore>{escape(meta.outlet)} · {escape(title)}</h1>'
            f'{story_filter}{sections}</main></body></html>')


def update_records(folder: Path, sources: list[Source], keys: dict[str, str], story_of: dict[str, str]) -> None:
    """Keep one record page per source in `folder`, rewriting only the sources whose pages or story changed
    (`keys` says what each shows) and removing those no longer built."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {source.meta.id for source in sources}
    for stale in folder.iterdir():
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)  # the per-pair layout of earlier versions
        elif stale.name.removeprefix(".").removesuffix(".key").removesuffix(".html") not in wanted:
            stale.unlink(missing_ok=True)
    for source in sources:
        story = story_of.get(source.meta.id, "")
        stamp = f"{keys.get(source.meta.id, '')}|{story}"
        path = folder / f"{source.meta.id}.html"
        marker = folder / f".{source.meta.id}.key"
        if stamp.strip("|") and path.is_file() and marker.is_file() and marker.read_text() == stamp:
            continue
        path.write_text(record_page(source, story), encoding="utf-8")
        marker.write_text(stamp, encoding="utf-8")


def run_pagefind(records_dir: Path, bundle: Path) -> bool:
    """Index the record pages into a Pagefind bundle; False, with a warning, when Pagefind fails."""
    # One index for both scripts: Pagefind's English rules leave Arabic words as they are.
    command = [sys.executable, "-m", "pagefind", "--site", str(records_dir), "--output-path", str(bundle),
               "--force-language", "en"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("search index not built (%s); the search page will say so", exc)
        return False
    if result.returncode != 0 or not (bundle / "pagefind.js").exists():
        log.warning("search index not built (pagefind exited %s: %s); the search page will say so",
                    result.returncode, (result.stderr or result.stdout).strip()[-300:])
        return False
    return True


def write_index(site: Path, sources: list[Source], records_dir: Path | None = None,
                keys: dict[str, str] | None = None, story_of: dict[str, str] | None = None) -> bool:
    """Write the Pagefind bundle into site/pagefind from records kept in records_dir (a scratch folder
    when there is none)."""
    if records_dir is None:
        with tempfile.TemporaryDirectory(prefix="search-records-") as tmp:
            update_records(Path(tmp), sources, {}, story_of or {})
            return run_pagefind(Path(tmp), site / BUNDLE)
    update_records(records_dir, sources, keys or {}, story_of or {})
    return run_pagefind(records_dir, site / BUNDLE)


def replace_index(site: Path, sources: list[Source], records_dir: Path | None, keys: dict[str, str],
                  story_of: dict[str, str]) -> bool:
    """Build a new bundle beside the live one and swap it in (serve: pages first, the index after)."""
    fresh = site / f".{BUNDLE}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix="search-site-", dir=site.parent))
    try:
        if not write_index(staging, sources, records_dir, keys, story_of):
            return False
        os.replace(staging / BUNDLE, fresh)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    old = site / f".{BUNDLE}-old"
    shutil.rmtree(old, ignore_errors=True)
    if (site / BUNDLE).exists():
        os.replace(site / BUNDLE, old)
    os.replace(fresh, site / BUNDLE)
    shutil.rmtree(old, ignore_errors=True)
    return True
