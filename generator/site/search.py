"""Search across both languages with Pagefind: one record per paragraph pair, linking to the pair.

Each pair becomes a tiny page in a scratch folder that Pagefind's command line indexes into the
site's `pagefind/` bundle; the page's `target` metadata is the pair's address on the site, which
the search page links to. (Pagefind's Python API answers one request per 0.1 s, far slower.)
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


def records(source: Source, story: str = "") -> list[dict[str, str]]:
    """A search record per pair: its Arabic and English, titled with the outlet, headline and number."""
    title = source.headline_en.text if source.headline_en.status != "pending" else source.meta.headline
    title = title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"
    return [{"target": f"sources/{source.meta.id}.html#{pair.id}", "ar": pair.ar, "en": pair.en, "story": story,
             "title": f"{source.meta.outlet} ¶{pair.number} · {title}"} for pair in source.pairs]


def _page(record: dict[str, str]) -> str:
    story = f'<span data-pagefind-filter="story">{escape(record["story"])}</span>' if record["story"] else ""
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
            f'<main data-pagefind-body data-pagefind-meta="target:{escape(record["target"])}">'
            f'<h1 data-pagefind-meta="title" data-pagefind-ignore>{escape(record["title"])}</h1>'
            f'<div hidden data-pagefind-ignore>{story}</div>'
            f'<p lang="ar" dir="rtl">{escape(record["ar"])}</p><p>{escape(record["en"])}</p></main></body></html>')


def update_records(folder: Path, sources: list[Source], keys: dict[str, str], story_of: dict[str, str]) -> None:
    """Keep one folder of record pages per source in `folder`, rewriting only the sources whose pages or
    story changed (`keys` says what each shows) and removing those no longer built."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {source.meta.id for source in sources}
    for stale in folder.iterdir():
        if stale.is_dir() and stale.name not in wanted:
            shutil.rmtree(stale, ignore_errors=True)
    for source in sources:
        story = story_of.get(source.meta.id, "")
        stamp = f"{keys.get(source.meta.id, '')}|{story}"
        target = folder / source.meta.id
        if stamp.strip("|") and (target / ".key").is_file() and (target / ".key").read_text() == stamp:
            continue
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        for number, record in enumerate(records(source, story)):
            (target / f"r{number}.html").write_text(_page(record), encoding="utf-8")
        (target / ".key").write_text(stamp, encoding="utf-8")


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
