"""Search across both languages with Pagefind: a record page per source and language, a section per
paragraph pair.

Each source becomes two small pages in a records folder (kept in the cache and rewritten only for sources
that changed): its Arabic, which Pagefind's command line indexes into the site's `pagefind/` bundle by the
rules of Arabic (an Arabic word is found with or without its article and proclitics: "الحسكة", "بالحسكة",
"حسكة"), and its English, indexed into `pagefind-en/` by those of English. The search page asks the bundle of
the script the words are typed in. A page's `target` metadata is the source page; each pair is a section under
a heading whose id is the pair's anchor, which Pagefind returns as a sub-result, so the search page links
straight to the paragraph. (Pagefind's Python API answers one request per 0.1 s, far slower; a page per pair
costs twice the time.)
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


LANGUAGES = ("ar", "en")  # a bundle per language: Arabic words stemmed as Arabic, English as English


def record_page(source: Source, story: str = "", language: str = "ar") -> str:
    """The source as one language's index reads it: its title, its story (a filter), and a section per pair
    that has text in that language ("" for English when no pair has any yet). Each language has an index of
    its own, so that Pagefind stems it by that language's rules: an Arabic word is found with or without its
    article and proclitics ("الحسكة", "بالحسكة", "حسكة"), an English one in its other forms."""
    meta = source.meta
    title = source.headline_en.text if source.headline_en.status != "pending" else meta.headline
    title = title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"
    # (the story as an attribute: text in the record, even hidden, is indexed and shows in the excerpts)
    story_filter = f' data-pagefind-filter="story:{escape(story)}"' if story else ""
    direction = ' dir="rtl"' if language == "ar" else ""
    texts = ((pair, pair.ar if language == "ar" else pair.en) for pair in source.pairs)
    sections = "".join(f'<section><h2 id="{escape(pair.id)}">¶{pair.number}</h2><p>{escape(text)}</p></section>'
                       for pair, text in texts if text)
    if not sections:
        return ""
    return (f'<!DOCTYPE html><html lang="{language}"{direction}><head><meta charset="utf-8"><title>x</title></head>'
            f'<body><main data-pagefind-body data-pagefind-meta="target:sources/{escape(meta.id)}.html"{story_filter}>'
            f'<h1 data-pagefind-meta="title" data-pagefind-ignore>{escape(meta.outlet)} · {escape(title)}</h1>'
            f'{sections}</main></body></html>')


STAMPS = ".stamps.json"  # source id → a digest of its record page (one file, not a marker per source)


def update_records(folder: Path, sources: list[Source], story_of: dict[str, str], language: str) -> str:
    """Keep one record page per source in `folder` for one language, rewriting only those whose page changed
    and removing those no longer built (or with nothing in that language). Returns a digest of what the records
    show ("" when there is none: no source has text in that language)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        known = json.loads((folder / STAMPS).read_text(encoding="utf-8"))
        known = known if isinstance(known, dict) else {}
    except (OSError, ValueError):
        known = {}
    text_of = (lambda pair: pair.ar) if language == "ar" else (lambda pair: pair.en)
    wanted = {f"{source.meta.id}.html": source for source in sources if any(map(text_of, source.pairs))}
    for stale in folder.iterdir():
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)  # the per-pair layout of earlier versions
        elif stale.name not in (STAMPS, INDEXED) and stale.name not in wanted:
            stale.unlink(missing_ok=True)  # sources no longer built, and the marker files of earlier versions
    stamps = {}
    try:
        for name, source in wanted.items():  # (a page at a time: 4,000 sources' pages are about 80 MB)
            page = record_page(source, story_of.get(source.meta.id, ""), language)
            stamp = hashlib.sha1(page.encode("utf-8")).hexdigest()
            path = folder / name
            if not (known.get(name) == stamp and path.is_file()):
                path.write_text(page, encoding="utf-8")
            stamps[name] = stamp
    finally:  # what was written so far is known, even when a write failed
        write_atomic(folder / STAMPS, json.dumps(stamps, sort_keys=True))
    if not stamps:
        return ""
    return hashlib.sha1(json.dumps([stamps, index_options(language)], sort_keys=True).encode("utf-8")).hexdigest()


INDEXED = ".indexed.json"  # the records' digest and the bundle Pagefind made of them


def index_options(language: str) -> list[str]:
    return ["--force-language", language]


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


def start_pagefind(records_dir: Path, bundle: Path, log_file: Path, language: str) -> subprocess.Popen | None:
    """Start indexing one language's record pages into a Pagefind bundle (its output goes to log_file, so that
    a long run never waits on a full pipe); None, with a warning, when Pagefind cannot be started."""
    command = [*pagefind_command(), "--site", str(records_dir), "--output-path", str(bundle),
               *index_options(language)]
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


def parts_of(sources: int) -> int:
    """How many parts a pile of this many sources is indexed in (one at least)."""
    return max(1, -(-sources // PART))


def _bundle_name(language: str, k: int) -> str:
    """The k-th bundle of a language (from 0): pagefind/, pagefind-2/ …; pagefind-en/, pagefind-en-2/ …"""
    first = BUNDLE if language == "ar" else f"{BUNDLE}-{language}"
    return first if k == 0 else f"{first}-{k + 1}"


def bundle_names(sources: int, language: str = "ar") -> list[str]:
    """A language's search bundles for a pile of this many sources, every part having text in it: Arabic in
    pagefind/, then pagefind-2/ …; English in pagefind-en/, then pagefind-en-2/ …"""
    return [_bundle_name(language, k) for k in range(parts_of(sources))]


def is_bundle(name: str) -> bool:
    """A folder name bundle_names() gives."""
    rest = name[len(BUNDLE):]
    rest = rest[len("-en"):] if rest.startswith("-en") else rest
    return name.startswith(BUNDLE) and (rest == "" or (rest.startswith("-") and rest[1:].isdigit()))


def has_english(sources: list[Source]) -> bool:
    """Whether any source has English to index (its English bundle is made only then)."""
    return any(pair.en for source in sources for pair in source.pairs)


def bundles(sources: list[Source]) -> dict[str, list[tuple[int, str]]]:
    """Each language's bundles, as (the part of the pile it indexes, its name): the Arabic one per part
    (pagefind/, pagefind-2/ …); the English one per part that has English, named in their order (pagefind-en/,
    pagefind-en-2/ …), so that the search page lists only bundles that are made (a review found a pile whose
    first part alone had English asking for pagefind-en-2/ and failing every English query)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for language in LANGUAGES:
        parts = [n for n in range(parts_of(len(sources)))
                 if language == "ar" or has_english(sources[n * PART:(n + 1) * PART])]
        out[language] = [(n, _bundle_name(language, k)) for k, n in enumerate(parts)]
    return out


class Indexing:
    """A site's search index, started as soon as the sources and their stories are known: Pagefind (a
    process of its own) indexes on one core while the pages are rendered and written on the other, the
    Arabic records into one bundle and the English into another (each stemmed by its own language's rules);
    past PART sources, in parts, one run after another. Its bundles are made in a folder beside the site and
    moved in by finish(); a bundle whose records (of a pile in one part) are those the previous site's bundle of
    that name was made of is linked in from `previous` (the last site's folder) instead, and Pagefind does not run for
    it. cancel() stops it and removes its folder (always call it: finish() does)."""

    def __init__(self, sources: list[Source], records_dir: Path | None, story_of: dict[str, str],
                 previous: Path | None, beside: Path):
        for left in beside.parent.glob(f".{beside.name}-search-*"):
            if (left / WORK_STAMP).is_file():
                shutil.rmtree(left, ignore_errors=True)
        self.work = Path(tempfile.mkdtemp(prefix=f".{beside.name}-search-", dir=beside.parent))
        self.kept_records = records_dir
        self.records = records_dir if records_dir is not None else self.work / "records"
        self.previous, self.process = previous, None
        self.seconds: float | None = None  # how long Pagefind itself ran (for --timings), once it has ended
        self.built = False  # whether finish() put the bundles into the site
        self.watcher: threading.Thread | None = None  # waits for Pagefind (no polling: finish() joins it)
        self.lock, self.cancelled = threading.Lock(), False
        count = len(sources)
        # a part's records: the records folder, then search-2 … beside it; a folder per language in each
        folders = [self.records if n == 0 else self.records.with_name(f"{self.records.name}-{n + 1}")
                   for n in range(parts_of(count))]
        made = bundles(sources)
        self.jobs = [(folders[n] / language, name, sources[n * PART:(n + 1) * PART], language)
                     for language in LANGUAGES for n, name in made[language]]
        self.made: list[tuple[Path, str, str]] = []  # (records, bundle name, digest) of the bundles to put in
        self.reused: list[str] = []  # the bundles linked in from the previous site
        self.runs: list[tuple[subprocess.Popen, str]] = []
        try:
            (self.work / WORK_STAMP).write_text("", encoding="utf-8")
            if records_dir is not None:  # the records of parts the pile no longer has, and of earlier layouts
                wanted = set(folders)
                for left in records_dir.parent.glob(f"{records_dir.name}-*"):
                    if left not in wanted and left.name.rsplit("-", 1)[-1].isdigit() and left.is_dir():
                        shutil.rmtree(left, ignore_errors=True)
                indexed = {(folder.parent, folder.name) for folder, _, _, _ in self.jobs}
                for folder in folders:
                    for old in folder.iterdir() if folder.is_dir() else ():
                        if old.name not in LANGUAGES or (folder, old.name) not in indexed:  # (a record per source,
                            #     both languages, before this layout; a part's English that it no longer has)
                            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
            single = len(folders) == 1
            for folder, name, part, language in self.jobs:
                digest = update_records(folder, part, story_of, language)
                if not digest:
                    continue  # nothing in this language (no English yet): no bundle
                previous_bundle = previous / name if previous is not None else None
                if single and records_dir is not None and _indexed(folder, digest, previous_bundle):
                    self.reused.append(name)
                    continue
                if records_dir is not None:
                    (folder / INDEXED).unlink(missing_ok=True)
                self.made.append((folder, name, digest if single else ""))
            if self.made:
                self.watcher = threading.Thread(target=self._watch, args=(time.perf_counter(),), daemon=True)
                with self.lock:
                    self.process = self._start(0)
                self.watcher.start()
        except BaseException:
            self.cancel()  # its folder (marked or not yet) goes, and Pagefind if it started
            raise

    def _start(self, n: int) -> subprocess.Popen | None:
        folder, name, _ = self.made[n]
        language = folder.name
        process = start_pagefind(folder, self.work / name, self.work / f"{name}.log", language)
        if process is not None:
            self.runs.append((process, name))
        return process

    def _watch(self, started: float) -> None:
        """Wait for each bundle's Pagefind run and start the next (one at a time: each needs its memory)."""
        process = self.process
        try:
            for n in range(1, len(self.made)):
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
        """Put the bundles into `site` (waiting for Pagefind); False, with a warning, when one is missing."""
        try:
            for name in self.reused:
                assert self.previous is not None
                shutil.copytree(self.previous / name, site / name, copy_function=os.link)
            if self.made:
                if self.watcher is None:
                    return False
                self.watcher.join(timeout=1800)
                if self.watcher.is_alive():
                    log.warning("search index not built (pagefind took more than 30 minutes); the search page "
                                "will say so")
                    return False  # (cancel() kills it)
                made = [pagefind_made(process, self.work / name, self.work / f"{name}.log")
                        for process, name in self.runs]
                if not all(made) or len(made) < len(self.made):
                    return False  # (each failure warned)
                for folder, name, digest in self.made:
                    shutil.move(str(self.work / name), str(site / name))  # a rename: both are beside the site
                    if digest and self.kept_records is not None:
                        write_atomic(folder / INDEXED, json.dumps({"records": digest,
                                                                   "bundle": _entry_hash(site / name)}))
            self.built = bool(self.made or self.reused)
            return self.built
        finally:
            self.cancel()

    def cancel(self) -> None:
        with self.lock:
            self.cancelled = True  # no further bundle is started
            process = self.process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(self.work, ignore_errors=True)


def write_index(site: Path, sources: list[Source], records_dir: Path | None = None,
                story_of: dict[str, str] | None = None, previous: Path | None = None) -> bool:
    """Write the Pagefind bundles into `site` from records kept in records_dir (a scratch folder when there is
    none), and wait for them. A bundle whose records are those the `previous` site's bundle of that name was
    made of is linked in as it is: Pagefind runs only for what a search finds that has changed."""
    return Indexing(sources, records_dir, story_of or {}, previous, site).finish(site)


def replace_index(site: Path, sources: list[Source], records_dir: Path | None, story_of: dict[str, str]) -> bool:
    """Build the new bundles beside the live ones and swap them in (serve: pages first, the index after);
    unchanged bundles are linked from the live site, not made again."""
    staging = Path(tempfile.mkdtemp(prefix="search-site-", dir=site.parent))
    try:
        if not write_index(staging, sources, records_dir, story_of, previous=site):
            return False
        names = {p.name for p in staging.iterdir() if p.is_dir() and is_bundle(p.name)}
        for name in sorted(names):
            fresh, old = site / f".{name}-new", site / f".{name}-old"
            shutil.rmtree(fresh, ignore_errors=True)
            os.replace(staging / name, fresh)
            shutil.rmtree(old, ignore_errors=True)
            if (site / name).exists():
                os.replace(site / name, old)
            os.replace(fresh, site / name)
            shutil.rmtree(old, ignore_errors=True)
        for left in site.iterdir():  # a bundle the pile no longer has (a part, or English gone)
            if left.is_dir() and is_bundle(left.name) and left.name not in names:
                shutil.rmtree(left, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return True
