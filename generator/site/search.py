"""Search across both languages with Pagefind: one record page per source, a section per paragraph pair.

Each source becomes a small page in a records folder (kept in the cache and rewritten only for sources
that changed) that Pagefind's command line indexes into the site's `pagefind/` bundle. The page's
`target` metadata is the source page; each pair is a section under a heading whose id is the pair's
anchor, which Pagefind returns as a sub-result, so the search page links straight to the paragraph.
(Pagefind's Python API answers one request per 0.1 s, far slower; a page per pair costs twice the time.)
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import lru_cache
from html import escape
from pathlib import Path

from ..files import write_atomic
from ..models import Source

log = logging.getLogger(__name__)
BUNDLE = "pagefind"


def record_page(source: Source, story: str = "") -> str:
    """The source as Pagefind reads it: its title, its story (a filter), and a section per pair."""
    meta = source.meta
    title = source.headline_en.text if source.headline_en.status != "pending" else meta.headline
    title = title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"
    # (the story as an attribute: text in the record, even hidden, is indexed and shows in the excerpts)
    story_filter = f' data-pagefind-filter="story:{escape(story)}"' if story else ""
    sections = "".join(
        f'<section><h2 id="{escape(pair.id)}">¶{pair.number}</h2>'
        f'<p lang="ar" dir="rtl">{escape(pair.ar)}</p><p>{escape(pair.en)}</p></section>' for pair in source.pairs)
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
            f'<main data-pagefind-body data-pagefind-meta="target:sources/{escape(meta.id)}.html"{story_filter}>'
            f'<h1 data-pagefind-meta="title" data-pagefind-ignore>{escape(meta.outlet)} · {escape(title)}</h1>'
            f'{sections}</main></body></html>')


STAMPS = ".stamps.json"  # source id → what its record page shows (one file, not a marker per source)


def update_records(folder: Path, sources: list[Source], keys: dict[str, str], story_of: dict[str, str]) -> str:
    """Keep one record page per source in `folder`, rewriting only the sources whose pages or story changed
    (`keys` says what each shows) and removing those no longer built. Returns a digest of what the records
    show ("" when some source has no key to tell it by)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        known = json.loads((folder / STAMPS).read_text(encoding="utf-8"))
        known = known if isinstance(known, dict) else {}
    except (OSError, ValueError):
        known = {}
    wanted = {f"{source.meta.id}.html" for source in sources}
    for stale in folder.iterdir():
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)  # the per-pair layout of earlier versions
        elif stale.name not in (STAMPS, INDEXED) and stale.name not in wanted:
            stale.unlink(missing_ok=True)  # sources no longer built, and the marker files of earlier versions
    stamps = {}
    try:
        for source in sources:
            story = story_of.get(source.meta.id, "")
            stamp = f"{keys.get(source.meta.id, '')}|{story}"
            path = folder / f"{source.meta.id}.html"
            if not (stamp.strip("|") and known.get(source.meta.id) == stamp and path.is_file()):
                path.write_text(record_page(source, story), encoding="utf-8")
            stamps[source.meta.id] = stamp
    finally:  # what was written so far is known, even when a write failed
        write_atomic(folder / STAMPS, json.dumps(stamps, sort_keys=True))
    if any(not stamp.strip("|") for stamp in stamps.values()):
        return ""
    return hashlib.sha1(json.dumps([stamps, INDEX_OPTIONS], sort_keys=True).encode("utf-8")).hexdigest()


INDEXED = ".indexed.json"  # the records' digest and the bundle Pagefind made of them
INDEX_OPTIONS = ["--force-language", "en"]


def _entry_hash(bundle: Path) -> str:
    try:
        return hashlib.sha1((bundle / "pagefind-entry.json").read_bytes()).hexdigest()
    except OSError:
        return ""


def _indexed(records_dir: Path, digest: str, previous: Path | None) -> bool:
    """Whether `previous` is the bundle Pagefind made of exactly these records."""
    if not digest or previous is None or not (previous / "pagefind.js").is_file():
        return False
    try:
        known = json.loads((records_dir / INDEXED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return known == {"records": digest, "bundle": _entry_hash(previous)}


@lru_cache(maxsize=1)
def pagefind_command() -> tuple[str, ...]:
    """How to run Pagefind: its executable where the pagefind package would find it ($PAGEFIND_BINARY_PATH,
    else the binary of pagefind[extended] or pagefind[bin]), so that no Python starts only to exec it (`python
    -m pagefind` does that: 0.15 s at the end of a build, where Pagefind is the last to finish); else `python -m
    pagefind`, which finds it its own way or says why not."""
    found = os.environ.get("PAGEFIND_BINARY_PATH")
    if found is None:
        for package in ("pagefind_bin_extended", "pagefind_bin"):
            try:
                found = str(importlib.import_module(package).get_executable())
                break
            except Exception:  # not installed, or no binary for this platform
                continue
    if found and os.path.isfile(found) and os.access(found, os.X_OK):
        return (found,)
    return (sys.executable, "-m", "pagefind")


def start_pagefind(records_dir: Path, bundle: Path, log_file: Path) -> subprocess.Popen | None:
    """Start indexing the record pages into a Pagefind bundle (its output goes to log_file, so that a long
    run never waits on a full pipe); None, with a warning, when Pagefind cannot be started."""
    # One index for both scripts: Pagefind's English rules leave Arabic words as they are.
    command = [*pagefind_command(), "--site", str(records_dir), "--output-path", str(bundle), *INDEX_OPTIONS]
    try:
        with open(log_file, "wb") as out:
            return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    except OSError as exc:
        log.warning("search index not built (%s); the search page will say so", exc)
        return None


def pagefind_made(process: subprocess.Popen, bundle: Path, log_file: Path) -> bool:
    """Whether a Pagefind run that has ended made its bundle; False, with a warning, when it failed."""
    code = process.wait()
    if code != 0 or not (bundle / "pagefind.js").exists():
        try:
            said = log_file.read_text(encoding="utf-8", errors="replace").strip()[-300:]
        except OSError:
            said = ""
        log.warning("search index not built (pagefind exited %s: %s); the search page will say so", code, said)
        return False
    return True


WORK_STAMP = ".briefing-search"  # marks a folder of ours beside the site, left by a build that was killed
PART = 4000  # sources a search bundle indexes at most: Pagefind needs about 1.1 GB for 5,000 (2.25 GB for
#              10,000), so a larger pile is indexed in parts, one Pagefind run after another, and the search
#              page merges the parts (pagefind.mergeIndex)


def bundle_names(sources: int) -> list[str]:
    """The site's search bundles for a pile of this many sources: pagefind/, then pagefind-2/ …"""
    return [BUNDLE] + [f"{BUNDLE}-{n}" for n in range(2, -(-sources // PART) + 1)]


def is_bundle(name: str) -> bool:
    """A folder name bundle_names() gives."""
    return name == BUNDLE or (name.startswith(f"{BUNDLE}-") and name[len(BUNDLE) + 1:].isdigit())


class Indexing:
    """A site's search index, started as soon as the sources and their stories are known: Pagefind (a
    process of its own) indexes on one core while the pages are rendered and written on the other; past PART
    sources, in parts, one run after another. Its bundles are made in a folder beside the site and moved in by
    finish(); when the records (of a single part) are those the `previous` bundle was made of, that bundle is
    linked in instead and Pagefind does not run. cancel() stops it and removes its folder (always call it:
    finish() does)."""

    def __init__(self, sources: list[Source], records_dir: Path | None, keys: dict[str, str],
                 story_of: dict[str, str], previous: Path | None, beside: Path):
        for left in beside.parent.glob(f".{beside.name}-search-*"):
            if (left / WORK_STAMP).is_file():
                shutil.rmtree(left, ignore_errors=True)
        self.work = Path(tempfile.mkdtemp(prefix=f".{beside.name}-search-", dir=beside.parent))
        self.kept_records = records_dir
        self.records = records_dir if records_dir is not None else self.work / "records"
        self.previous, self.process = previous, None
        self.seconds: float | None = None  # how long Pagefind itself ran (for --timings), once it has ended
        self.built = False  # whether finish() put a bundle into the site
        self.watcher: threading.Thread | None = None  # waits for Pagefind (no polling: finish() joins it)
        self.lock, self.cancelled = threading.Lock(), False
        names = bundle_names(len(sources))  # a part's records: the records folder, then search-2 … beside it
        self.parts = [(self.records if n == 0 else self.records.with_name(f"{self.records.name}-{n + 1}"), name,
                       sources[n * PART:(n + 1) * PART]) for n, name in enumerate(names)]
        self.runs: list[tuple[subprocess.Popen, str]] = []
        try:
            (self.work / WORK_STAMP).write_text("", encoding="utf-8")
            if records_dir is not None:  # the records of parts the pile no longer has
                wanted = {folder for folder, _, _ in self.parts}
                for left in records_dir.parent.glob(f"{records_dir.name}-*"):
                    if left not in wanted and left.name.rsplit("-", 1)[-1].isdigit() and left.is_dir():
                        shutil.rmtree(left, ignore_errors=True)
            kept = keys if records_dir is not None else {}
            digests = [update_records(folder, part, kept, story_of) for folder, _, part in self.parts]
            self.digest = digests[0] if len(digests) == 1 else ""  # (parts are made again whenever the pile changes)
            self.reuse = records_dir is not None and _indexed(self.records, self.digest, previous)
            if not self.reuse:
                if records_dir is not None:
                    (records_dir / INDEXED).unlink(missing_ok=True)
                started = time.perf_counter()
                self.process = self._start(0)
                if self.process is not None:
                    self.watcher = threading.Thread(target=self._watch, args=(started,), daemon=True)
                    self.watcher.start()
        except BaseException:
            self.cancel()  # its folder (marked or not yet) goes, and Pagefind if it started
            raise

    def _start(self, n: int) -> subprocess.Popen | None:
        folder, name, _ = self.parts[n]
        process = start_pagefind(folder, self.work / name, self.work / f"{name}.log")
        if process is not None:
            self.runs.append((process, name))
        return process

    def _watch(self, started: float) -> None:
        """Wait for each part's Pagefind run and start the next (one at a time: each needs its memory)."""
        process = self.process
        try:
            for n in range(1, len(self.parts)):
                if process is None or process.wait() != 0:
                    return
                with self.lock:
                    if self.cancelled:
                        return
                    process = self.process = self._start(n)
            if process is not None:
                process.wait()
        finally:
            self.seconds = round(time.perf_counter() - started, 3)

    def finish(self, site: Path) -> bool:
        """Put the bundle into `site` (waiting for Pagefind); False, with a warning, when there is none."""
        try:
            if self.reuse:
                assert self.previous is not None
                shutil.copytree(self.previous, site / BUNDLE, copy_function=os.link)
                self.built = True
                return True
            if self.process is None or self.watcher is None:
                return False  # Pagefind could not be started (warned)
            self.watcher.join(timeout=1800)
            if self.watcher.is_alive():
                log.warning("search index not built (pagefind took more than 30 minutes); the search page will say "
                            "so")
                return False  # (cancel() kills it)
            made = [pagefind_made(process, self.work / name, self.work / f"{name}.log") for process, name in self.runs]
            if not all(made) or len(made) < len(self.parts):
                return False  # (each failure warned)
            for _, name in self.runs:
                shutil.move(str(self.work / name), str(site / name))  # a rename: both are beside the site
            if self.digest and self.kept_records is not None:
                write_atomic(self.kept_records / INDEXED,
                             json.dumps({"records": self.digest, "bundle": _entry_hash(site / BUNDLE)}))
            self.built = True
            return True
        finally:
            self.cancel()

    def cancel(self) -> None:
        with self.lock:
            self.cancelled = True  # no further part is started
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.work, ignore_errors=True)


def write_index(site: Path, sources: list[Source], records_dir: Path | None = None,
                keys: dict[str, str] | None = None, story_of: dict[str, str] | None = None,
                previous: Path | None = None) -> bool:
    """Write the Pagefind bundle into site/pagefind from records kept in records_dir (a scratch folder
    when there is none), and wait for it. When the records are those the `previous` bundle was made of,
    that bundle is linked in as it is: Pagefind runs only when something a search finds has changed."""
    return Indexing(sources, records_dir, keys or {}, story_of or {}, previous, site).finish(site)


def replace_index(site: Path, sources: list[Source], records_dir: Path | None, keys: dict[str, str],
                  story_of: dict[str, str]) -> bool:
    """Build a new index beside the live one and swap it in (serve: pages first, the index after); nothing
    to do when the live bundle was made of these very records."""
    names = bundle_names(len(sources))
    if records_dir is not None and len(names) == 1 and _indexed(
            records_dir, update_records(records_dir, sources, keys, story_of), site / BUNDLE):
        return True
    staging = Path(tempfile.mkdtemp(prefix="search-site-", dir=site.parent))
    try:
        if not write_index(staging, sources, records_dir, keys, story_of):
            return False
        for name in names:
            fresh, old = site / f".{name}-new", site / f".{name}-old"
            shutil.rmtree(fresh, ignore_errors=True)
            os.replace(staging / name, fresh)
            shutil.rmtree(old, ignore_errors=True)
            if (site / name).exists():
                os.replace(site / name, old)
            os.replace(fresh, site / name)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return True
