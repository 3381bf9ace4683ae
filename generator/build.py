"""The build, top to bottom: read; prepare and annotate each source (cached, in parallel); translate;
pair; analyse (figures, statements across sources, the briefing); render; write.

Everything is computed before anything is written, so a failure leaves the previous site as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import logging
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from .ahead import Ahead, Found, worth_it
from .analysis import stories, story_edits
from .analysis.briefing import Briefing, Plan, Summary, SummaryMemo, analyse
from .analysis.crossref import Links, Matches, match_and_links, teasers
from .analysis.figures import ELSEWHERE
from .analysis.labels import plural
from .analysis.reviews import apply_reviews, load_reviews
from .analysis.stories import Group
from .cache import Cache, PageManifest
from .cache import key as cache_key
from .config import Config, load_config
from .errors import ConfigError, GeneratorError, ProjectLocked, SeedError, stage
from .files import UnsafeFile, read_bytes, read_text, regular_files
from .ingest.read import read_seeds
from .lock import project_lock
from .models import Article, SeedFile, Source, Translation
from .pipeline import POOL_FROM, Prepared, ingest_all, pair_all, workers
from .pipeline import prepare as prepare_one
from .site import feed, search, views
from .site.export import briefing_json, figure_lines, figures_exports, source_json
from .site.render import DEFAULT_TEMPLATES, Renderer, figure_counts
from .site.write import Content, cannot_write, guard_output, write_site
from .translation import argos as model
from .translation.argos import ArgosEngine
from .translation.memory import JOURNAL, Memory, shard_journal, suggester
from .translation.pair import pair_article
from .translation.qa import Glossary, load_glossary
from .translation.translate import Engine, TranslationReport, translate_all

log = logging.getLogger(__name__)
CACHE_DIR = ".cache"


@dataclass
class BuildOptions:
    model: str | None = None
    allow_missing_translations: bool = False
    settings: dict[str, Any] = field(default_factory=dict)  # overrides of content/site.yml
    engine_loader: Callable[[int], Engine] | None = None  # tests inject a stub; default loads Argos
    command: str = "build"  # the command the build runs for (messages name its options)
    use_cache: bool = True
    search_after: bool = False  # serve: swap the new pages in first, then rebuild the search index


@dataclass
class BuildResult:
    report: dict[str, Any]
    errors: list[str]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


class Timer:
    """Seconds per stage, for the report (and `build --timings`)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = round(self.seconds.get(name, 0) + time.perf_counter() - started, 3)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused for a build: a build makes millions of objects that live until its end
    (a warm build of 1,000 sources unpickles them all) and almost no cycles (about 35,000 objects of cyclic
    garbage in a cold build of 1,000 sources), so the collector's repeated passes over the growing heap cost
    up to a third of a warm build and free nothing. Resumed afterwards (serve builds again and again)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_date(config: Config) -> str:
    if config.build_date:
        return config.build_date
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


def _cache(config: Config, options: BuildOptions) -> Cache:
    folder = config.project_dir / CACHE_DIR
    if not options.use_cache:
        return Cache(None)
    if folder.is_symlink():
        log.warning("%s is a symbolic link; the cache is not used", folder)
        return Cache(None)
    return Cache(folder)


def _memory(config: Config, journal: str = JOURNAL) -> Memory:
    with stage("loading the translation memory"):
        return Memory(config.content_path / "translations", config.roots, journal)


def _glossary(config: Config) -> tuple[Glossary, str]:
    """The glossary and the hash of its file (a cache key part)."""
    path = config.content_path / "glossary.yml"
    with stage("loading the glossary"):
        glossary = load_glossary(path, config.roots)
    digest = hashlib.sha1(read_bytes(path, config.roots, 1 << 28)).hexdigest() if path.is_file() else "none"
    return glossary, digest


def _engine_loader(config: Config, options: BuildOptions) -> Callable[[int], Engine]:
    return options.engine_loader or (lambda missing: ArgosEngine(
        model.resolve(config, options.model, missing, build_hint=options.command != "translate"), config))


def _translate(config: Config, options: BuildOptions, articles: list[Prepared], memory: Memory,
               force: bool = False, shard: tuple[int, int] | None = None
               ) -> tuple[dict[str, Translation], TranslationReport]:
    """English for every sentence of the articles; the journal is written after every batch, the memory
    files at the end (merged with what is on disk then), and the English looked up again afterwards so
    that an edit saved during the build is on the pages too. A shard writes its journal only."""
    per_source = {a.meta.id: list(a.sentences) for a in articles}
    with stage("translating"):
        english, treport = translate_all(
            [s for sentences in per_source.values() for s in sentences], memory,
            model_id=None if options.engine_loader else model.peek(config, options.model),
            load_engine=_engine_loader(config, options), allow_missing=options.allow_missing_translations,
            on_batch=memory.flush_journal, max_tokens=config.batch_tokens, max_items=config.batch_size, force=force,
            shard=shard)
    if shard is not None:
        memory.flush_journal()
    elif treport.translated or memory.has_journal():
        with stage("saving the translation memory"):
            memory.flush_journal()
            memory.save(per_source)
            memory.close_journal()
    model_id = treport.model_id or None
    return {s: memory.lookup(s, model_id) or found for s, found in english.items()}, treport


def prepare(seed: SeedFile, config: Config) -> Article:
    """One seed file prepared and annotated on its own (for tools and tests); SeedError when unusable."""
    article, errors = prepare_one(seed, config)
    if article is None:
        raise SeedError("; ".join(errors))
    return article


def _prepared(config: Config, cache: Cache, timer: Timer, rendering: bool = False
              ) -> tuple[list[Prepared], dict[str, str], list[str]]:
    """The prepared articles; `rendering`: for a build, whose worker pool also compiles the site's templates
    into the cache (pipeline._run), as Renderer finds them."""
    with timer("read"), stage("reading the seeds"):
        seeds, errors = read_seeds(config.seeds_path, config.roots, memo=cache)
    with timer("prepare"):
        compiled = Renderer.compiled_folder(cache) if rendering else None
        articles, keys = ingest_all(seeds, config, cache, errors, compiled)
        cache.flush()  # an interrupted build keeps this work
    if not articles:
        raise SeedError("no usable seed files in " + str(config.seeds_path) + "".join(f"\n  {e}" for e in errors))
    return articles, keys, errors


def check(project_dir: Path) -> tuple[list[Source], list[str]]:
    """Read and clean every seed and QA-check the translations already in the memory, without a model:
    what an editor reviews before publishing. Takes no lock and writes nothing (not even the cache)."""
    config = load_config(project_dir)
    articles, _, errors = _prepared(config, Cache(None), Timer())
    memory = _memory(config)
    sentences = [s for a in articles for s in a.sentences]
    english = {s: hit for s in sentences if (hit := memory.lookup(s, None))}
    glossary, _ = _glossary(config)
    conflicts = memory.conflicts()
    return [pair_article(a.article, english, glossary, conflicts=conflicts) for a in articles], errors


def translate_only(project_dir: Path, options: BuildOptions, source: str | None = None, force: bool = False,
                   shard: tuple[int, int] | None = None) -> BuildResult:
    """Translate (or with force, re-translate) into the memory without rendering: for translators. A shard
    (i, n) translates a deterministic 1/n of the missing sentences into its own journal, without the
    project's lock, so that several can run at once (on one machine or a CI matrix); a build merges them."""
    config = load_config(project_dir, options.settings)
    if shard is None:
        with project_lock(config.project_dir), gc_paused():
            return _translate_only(config, options, source, force, None)
    journal = shard_journal(*shard)
    folder = config.content_path / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(folder / f"{journal}.lock"), timeout=0), gc_paused():
            return _translate_only(config, options, source, force, shard)
    except Timeout:
        raise ProjectLocked(f"shard {shard[0]}/{shard[1]} is already being translated here") from None


def _translate_only(config: Config, options: BuildOptions, source: str | None, force: bool,
                    shard: tuple[int, int] | None) -> BuildResult:
    articles, _, errors = _prepared(config, _cache(config, options), Timer())
    if source is not None:
        articles = [a for a in articles if a.meta.id == source]
        if not articles:
            raise SeedError(f"no source with id {source!r} (ids are seed file names without .txt)")
    memory = _memory(config, shard_journal(*shard) if shard else JOURNAL)
    _, treport = _translate(config, replace(options, allow_missing_translations=False), articles, memory, force, shard)
    return BuildResult(report={"sources": len(articles), "translated": treport.translated,
                               "from_memory": treport.from_memory, "edited": treport.edited,
                               "model": treport.model_id, "journal": memory.journal.name if shard else ""},
                       errors=errors)


def _covers(sources: list[Source], report: TranslationReport) -> str:
    """What the pile is and what English it has, in two sentences: machine translation only when some is (a
    review found "beside its English machine translation" over 177 pending sentences and 7 an editor wrote)."""
    dates = sorted(s.meta.date[:10] for s in sources if s.meta.date)
    span = f", dated {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else ""
    undated = sum(1 for s in sources if not s.meta.date)
    note = f" ({undated} without a stated date)" if undated and dates else ""
    pending = f"; {plural(report.pending, 'sentence')} still without English" if report.pending else ""
    if report.translated or report.from_memory:
        english = ("Each is shown in full, Arabic beside its English machine translation"
                   + (" (an editor's where marked)" if report.edited else "") + pending + ".")
    elif report.edited and not report.pending:
        english = "Each is shown in full, Arabic beside an editor's English (no translation model was used)."
    else:  # (with or without an editor's English: one wording, as the footer's)
        english = ("Each is shown in full in Arabic, beside an editor's English where there is one; its English is "
                   "pending elsewhere (no translation model was used).")
    return f"{plural(len(sources), 'Arabic report')} {views.from_outlets(sources)}{span}{note}. {english}"


def _report(config: Config, sources: list[Source], figures: list, statement_count: int,
            treport: TranslationReport, errors: list[str]) -> dict[str, Any]:
    """The build report: printed by the CLI and shown on the about page."""
    flags = Counter(f.check for s in sources for p in s.pairs for x in p.sentences for f in x.flags)
    return {
        "build_date": build_date(config), "sources": len(sources), "pairs": sum(len(s.pairs) for s in sources),
        "sentences": sum(len(p.sentences) for s in sources for p in s.pairs),
        "translated": treport.translated, "from_memory": treport.from_memory, "edited": treport.edited,
        "pending": treport.pending, "model": treport.model_id,
        "figures": sum(1 for f in figures if f.is_people), "numbers": len(figures),
        "removed": sum(len(s.removed) for s in sources), "errors": len(errors),
        "covers": _covers(sources, treport),
        "outlets": sorted({s.meta.outlet for s in sources}), "flags": dict(sorted(flags.items())),
        "statements": statement_count,
    }


def _read_optional(config: Config, name: str) -> str:
    path = config.content_path / name
    if not (path.exists() or path.is_symlink()):
        return ""
    try:
        return read_text(path, config.roots)
    except UnsafeFile as exc:
        raise ConfigError(str(exc)) from None


def build(project_dir: Path, options: BuildOptions | None = None) -> BuildResult:
    """Build the whole site from the project's seeds and content; write it last, atomically, into an output
    folder that is the site's alone, holding the project's lock throughout."""
    options = options or BuildOptions()
    started = time.perf_counter()
    config = load_config(project_dir, options.settings)
    with project_lock(config.project_dir), gc_paused():
        output = guard_output(config.output_path, config.project_dir, (
            config.seeds_path, config.content_path, config.templates_path, config.project_dir / ".git",
            config.project_dir / CACHE_DIR))
        result = _build(config, options, output)
    result.report["seconds"] = round(time.perf_counter() - started, 2)
    return result


def _templates_digest(config: Config) -> str:
    """The project's templates (the generator's own are covered by the code version), and any it cannot use
    (a link out of the project): then the pages that use it are rendered again, and the error is met there."""
    files, problems = regular_files(config.templates_path, config.roots, recursive=True)
    digest = hashlib.sha1("\0".join(problems).encode())
    for path in files:
        digest.update(str(path.relative_to(config.templates_path)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _build(config: Config, options: BuildOptions, output: Path) -> BuildResult:
    timer, cache = Timer(), _cache(config, options)
    try:
        return _build_with(config, options, output, timer, cache)
    finally:
        cache.close()  # after a failure too: what was done is kept, the database let go (serve builds again)


def _build_with(config: Config, options: BuildOptions, output: Path, timer: Timer, cache: Cache) -> BuildResult:
    articles, keys, errors = _prepared(config, cache, timer, rendering=True)
    ahead = _ahead(config, articles, cache)
    handed = [articles]  # (this frame lets them go too: the build frees them once paired)
    del articles
    try:
        return _build_after(config, options, output, timer, cache, handed, keys, errors, ahead)
    finally:
        if ahead is not None:
            ahead.cancel()


def _ahead(config: Config, articles: list[Prepared], cache: Cache) -> Ahead | None:
    """The statements worked out in a child process while this one translates and pairs, when every
    article was prepared just now (a cold build: nothing of it can be in the cache) and forking pays (ahead.py)."""
    if not (worth_it(len(articles), workers(config), POOL_FROM) and all(p.loaded for p in articles)):
        return None
    previous = cache.get("links", cache_key("links"))
    try:
        return Ahead([p.article for p in articles], previous if isinstance(previous, Links) else None)
    except (OSError, ValueError) as exc:  # no process to be had (a limit on processes, memory; no fork on this
        #                                   system): the build does it itself
        log.debug("statements not worked out ahead: %s", exc)
        return None


def _build_after(config: Config, options: BuildOptions, output: Path, timer: Timer, cache: Cache,
                 handed: list[list[Prepared]], keys: dict[str, str], errors: list[str], ahead: Ahead | None
                 ) -> BuildResult:
    articles = handed.pop()
    about, note = _read_optional(config, "about.md"), _read_optional(config, "summary.md")
    glossary, glossary_digest = _glossary(config)
    with timer("memory"):
        memory = _memory(config)
    with timer("translate"):
        english, treport = _translate(config, options, articles, memory)
    with timer("pair"):
        suggest = suggester(memory.stale_edits([s for a in articles for s in a.sentences]))
        conflicts = memory.conflicts()
        sources, figures, pair_keys, lines = pair_all(articles, keys, english, glossary, glossary_digest, suggest,
                                                      conflicts, cache, errors)
    del articles  # the sources hold what the rest reads: a cold build of 10,000 frees about a gigabyte here
    if not sources:
        raise SeedError("no source could be built:" + "".join(f"\n  {e}" for e in errors))
    figures, warnings, reviewed = _reviewed(config, sources, figures, lines)
    with timer("analyse"), stage("linking statements across sources"):
        early = ahead.found(sources) if ahead is not None else None
        entry = _match_entry(sources, keys)
        found = _matches(sources, entry, cache, early)
        early = early if early is not None and early.matches is found else None
        figures, aside, teased = _teasers(sources, figures, lines,
                                          _found_teasers(sources, entry, found, cache, early.aside if early else None))
    report = _report(config, sources, figures, len(found.statements), treport, errors)
    report.update(conflicts=len(conflicts), memory_written=memory.written, warnings=warnings,
                  reviewed=sum(1 for f in figures if f.review))
    with timer("analyse"), stage("grouping reports into stories"):
        plans, redirects, story_warnings, written, grouped = _stories(config, sources, found, aside, cache, keys)
    early = None  # (the rest needs the matches only; its links wait in the cache's put_later until written)
    report["warnings"] = [*report["warnings"], *story_warnings]
    if written:
        report["memory_written"] = {**report["memory_written"], **written}
    records = cache.folder / "search" if cache.folder else None
    story_of = {m: plan.id for plan in plans for m in plan.members} if len(plans) > 1 else {}  # (the stories')
    indexing = None
    try:
        if config.search and not options.search_after:
            with timer("search"), stage("starting the search index"):  # Pagefind runs while the rest is made
                try:
                    indexing = search.Indexing(sources, records, story_of, output, output)
                except OSError as exc:
                    if (failed := cannot_write(exc, f"the search index ({exc.filename or output.parent})")) is not None:
                        raise failed from None
                    raise
        with timer("analyse"), stage("analysing"):
            plans = _related(plans, grouped, cache)  # (after Pagefind has started: the search records need none of it)
            briefing = analyse(sources, figures, found, report, plans, redirects, aside,
                               _summary_memo(cache, pair_keys, reviewed, teased))
            placed = _placed(sources, briefing, lines)
        with timer("render"), stage("rendering"):
            files, kept = _files(config, briefing, about, note, cache, {
                k: v + reviewed.get(k, "") + teased.get(k, "") + placed.get(k, "") for k, v in pair_keys.items()},
                output, lines)
        with timer("write"), stage("writing the site"):
            if not config.search:
                finish = None
            elif options.search_after:
                finish = _keep_old_index(output)
            else:
                finish = partial(_search, timer, indexing, cache)
            write_site(output, files, (DEFAULT_TEMPLATES / "static", config.templates_path / "static"),
                       roots=config.roots, finish=finish)
        if indexing is not None and indexing.built and indexing.seconds is not None:
            timer.seconds["pagefind"] = indexing.seconds  # its own run, overlapping render and write
    finally:
        if indexing is not None:
            indexing.cancel()
    if config.search and options.search_after:
        with timer("search"), stage("building the search index"):
            search.replace_index(output, sources, records, story_of)
    kept.save()
    cache.prune()
    report["timings"] = timer.seconds
    report["cache"] = {"hits": cache.hits, "misses": cache.misses, "missed": dict(sorted(cache.missed.items()))}
    return BuildResult(report=report, errors=errors)


def _why(group: Group, members: list[Source], edited: bool) -> str:
    """Why a story's reports are together, in a sentence."""
    dates = sorted(s.meta.date[:10] for s in members if s.meta.date)
    parts = []
    if len(members) > 1:
        if group.statements:
            parts.append(f"its reports share {group.statements} statement{'s' if group.statements != 1 else ''}")
        if group.names:
            parts.append("words they share most: " + "، ".join(group.names))  # (by weight: names and places
            #                               as a rule, but any word the pile rarely uses: "طائرة", "أسعار")
    if dates:
        parts.append(f"reported {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else ""))
    if group.undated:
        parts.append(f"{group.undated} undated report{'s' if group.undated != 1 else ''} grouped by content alone")
    if edited:
        parts.append("arranged by an editor (content/stories.yml)")
    return "; ".join(parts)


def _stories(config: Config, sources: list[Source], found: Matches, aside: dict[tuple[str, str], str], cache: Cache,
             keys: dict[str, str]) -> tuple[list[Plan], dict[str, str], list[str], dict[str, str], tuple[str, dict]]:
    """Stories with lasting ids (content/stories.lock.yml, kept up to date) and the editors' decisions
    (content/stories.yml) applied, and the grouping's cache entry with the reports' profiles (for _related).
    The grouping reads only the Arabic and the dates: it is cached under the sources' preparation keys, so that
    an edited translation does not group the pile again."""
    entry = cache_key("stories", *sorted(f"{s.meta.id}\x01{keys[s.meta.id]}" for s in sources))
    grouped = cache.get("stories", entry)
    if grouped is None:
        grouped = stories.group(sources, found, aside)
        cache.put_later("stories", entry, grouped)
    groups, profiles = grouped  # type: ignore[misc]
    described = {frozenset(g.members): g for g in groups}
    by_id = {s.meta.id: s for s in sources}
    order = {s.meta.id: (s.meta.date or "9999", s.meta.id) for s in sources}
    lock_path, edits_path = config.content_path / "stories.lock.yml", config.content_path / "stories.yml"
    lock, old_redirects = story_edits.load_lock(lock_path, config.roots)
    first = {s.meta.id: s.meta.date for s in sources}
    assigned, redirects = story_edits.assign_ids([g.members for g in groups], lock, first)
    overrides = story_edits.load_overrides(edits_path, config.roots)
    final, merged, warnings = story_edits.apply_overrides(assigned, overrides, set(by_id), edits_path, order)
    automatic = {frozenset(g.members) for g in groups}  # (members in any order: grouping sorts by day, the plan by time)
    redirects = {**old_redirects, **redirects, **merged}
    redirects = {old: new for old, new in redirects.items() if old not in {a.id for a in final}}
    written = {}
    if story_edits.save_lock(lock_path, final, redirects):
        written[str(lock_path)] = hashlib.sha1(lock_path.read_bytes()).hexdigest()
    plans = []
    for story in final:
        members = [by_id[m] for m in story.members]
        names = overrides.names.get(story.id, {})
        group = described.get(frozenset(story.members)) or stories.describe([profiles[m] for m in story.members])
        why = _why(group, members, frozenset(story.members) not in automatic)
        plans.append(Plan(story.id, story.members, why, names.get("title_ar", ""), names.get("title_en", "")))
    return plans, redirects, warnings, written, (entry, profiles)


def _related(plans: list[Plan], grouped: tuple[str, dict], cache: Cache) -> list[Plan]:
    """Each story with the stories related to it (stories.related), cached under the grouping's entry (which
    the profiles are made from) and the stories as decided: an edited translation changes neither."""
    if len(plans) < 2:
        return plans
    listed = [(plan.id, plan.members) for plan in plans]
    related = cache.made("related", cache_key("related", grouped[0], repr(listed)), dict,
                         lambda: stories.related(listed, grouped[1]))
    return [replace(plan, related=related.get(plan.id, ())) for plan in plans]


def _summary_memo(cache: Cache, pair_keys: dict[str, str], reviewed: dict[str, str], teased: dict[str, str]
                  ) -> SummaryMemo:
    """A story's summary from the cache when everything it reads is unchanged: each report as paired (its
    pairing key covers its Arabic, metadata, English and figures), the editor's figure decisions and its teaser
    paragraphs (`teased`: a digest of each report's, as _teasers made it), which of its figures tell of
    somewhere else, and its statements. An edited translation re-makes the summary of its own story only."""
    def memo(plan: Plan, own: list, told: list, make: Callable[[], Summary]) -> Summary:
        entry = cache_key("summary", *(f"{m}\x01{pair_keys.get(m, '')}\x01{reviewed.get(m, '')}\x01{teased.get(m, '')}"
                                       for m in plan.members),
                          repr([(f.id, f.scope) for f in own if f.scope == ELSEWHERE]),
                          repr([(s.id, s.members) for s in told]))
        return cache.made("summary", entry, Summary, make)  # (put at once: a view must not change it first)
    return memo


def _reviewed(config: Config, sources: list[Source], figures: list, lines: dict[str, tuple[str, str]]
              ) -> tuple[list, list[str], dict[str, str]]:
    """The editor's decisions on figures (content/figures.yml) applied; the sources they touch get their
    data lines made again and a digest of the decisions for their page's key (_remade)."""
    path = config.content_path / "figures.yml"
    with stage("reading the editor's decisions on figures"):
        figures, warnings = apply_reviews(figures, load_reviews(path, config.roots), path)
    touched: dict[str, list] = {}
    for figure in figures:
        if figure.review:
            touched.setdefault(figure.source_id, []).append(figure)
    return figures, warnings, _remade(sources, figures, touched, lines)


def _teasers(sources: list[Source], figures: list, lines: dict[str, tuple[str, str]],
             aside: dict[tuple[str, str], str]) -> tuple[list, dict[tuple[str, str], str], dict[str, str]]:
    """Paragraphs that tease other reports of the same outlet (`aside`: crossref.teasers, by _found_teasers):
    their figures are set aside (typed, in the data, off the key figures), the sources they touch get their data
    lines made again and a digest of them for their page's key (_remade)."""
    if not aside:
        return figures, aside, {}
    figures = [replace(f, teaser_of=aside[(f.source_id, f.pair_id)] or "another report")
               if (f.source_id, f.pair_id) in aside else f for f in figures]
    touched: dict[str, list] = {}
    for (source_id, pair_id), target in sorted(aside.items()):
        touched.setdefault(source_id, []).append((pair_id, target))
    return figures, aside, _remade(sources, figures, touched, lines)


def _remade(sources: list[Source], figures: list, changes: dict[str, list], lines: dict[str, tuple[str, str]]
            ) -> dict[str, str]:
    """The sources whose figures something changed (source id → what changed them: an editor's decisions, its
    teasers) get their data lines made again; returns a digest of each change, for the source's page key."""
    by_id = {s.meta.id: s for s in sources}
    mine: dict[str, list] = {source_id: [] for source_id in changes}
    for figure in figures:
        if figure.source_id in mine:
            mine[figure.source_id].append(figure)
    for source_id, own in mine.items():
        lines[source_id] = figure_lines(own, by_id[source_id])
    return {k: hashlib.sha1(repr(v).encode()).hexdigest() for k, v in changes.items()}


def _placed(sources: list[Source], briefing: Briefing, lines: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The sources with counts of somewhere else (scope "elsewhere", set once the stories are known: places.py)
    get their data lines made again and a digest of them for their page's key (_remade)."""
    away: dict[str, list] = {}
    for figure in briefing.figures:
        if figure.scope == ELSEWHERE:
            away.setdefault(figure.source_id, []).append(figure.id)
    return _remade(sources, list(briefing.figures), away, lines) if away else {}


def _matches(sources: list[Source], entry: str, cache: Cache, early: Found | None = None) -> Matches:
    """Statements across sources depend only on the Arabic and the report dates: cached under those. When
    they changed, the links between texts of the last build are reused (Links: the same result). `early`: the
    same, worked out ahead (ahead.py). `entry`: _match_entry of the sources."""
    last = cache_key("links")  # one entry per project: the latest build's
    found = cache.get("match", entry)
    if isinstance(found, Matches):
        cache.keep("links", last)
        return found
    if early is not None:
        found, links = early.matches, early.links
    else:
        previous = cache.get("links", last)
        found, links = match_and_links(sources, previous=previous if isinstance(previous, Links) else None)
    cache.put_later("match", entry, found)
    cache.put_later("links", last, links)
    return found


def _match_entry(sources: list[Source], keys: dict[str, str]) -> str:
    """The cache entry of what reads only the Arabic and the report dates: the statements, the teasers."""
    return cache_key("match", *sorted(f"{s.meta.id}\x01{keys[s.meta.id]}\x01{s.meta.date}" for s in sources))


def _found_teasers(sources: list[Source], match_entry: str, found: Matches, cache: Cache,
                   ahead: dict[tuple[str, str], str] | None = None) -> dict[tuple[str, str], str]:
    """crossref.teasers, cached as the statements are (it reads only the Arabic, the dates and the statements);
    `ahead`: worked out by the child of a cold build (ahead.py), from these matches, and stored."""
    entry = cache_key("teasers", match_entry)
    if ahead is None and isinstance(cached := cache.get("teasers", entry), dict):
        return cached
    aside = ahead if ahead is not None else teasers(sources, found)
    cache.put("teasers", entry, aside)
    return aside


def _search(timer: Timer, indexing: search.Indexing, cache: Cache, staging: Path) -> None:
    cache.flush(everything=True)  # the results put_later() pickled while Pagefind still runs
    with timer("search"), stage("building the search index"):
        indexing.finish(staging)


def _keep_old_index(output: Path) -> Callable[[Path], None]:
    """serve: the new pages go live with the previous search index; the new index follows."""
    def finish(staging: Path) -> None:
        for bundle in output.glob(f"{search.BUNDLE}*"):  # pagefind/, pagefind-en/, and pagefind-2/ … of a pile in parts
            if bundle.is_dir() and search.is_bundle(bundle.name):
                shutil.copytree(bundle, staging / bundle.name, copy_function=os.link)
    return finish


def _english_note(report: dict[str, Any]) -> str:
    """What the footer says of the English: machine translation only when some is (a build with no model
    has none)."""
    if report["translated"] or report["from_memory"]:
        return "English is machine translation (Argos Translate) unless marked edited; check the Arabic before quoting."
    # (one wording with or without an editor's English: the first edit of a site without a model changed every
    # page's footer, and so rendered every page again for one sentence)
    if report["edited"] and not report["pending"]:
        return "No translation model was used for this build: the English is an editor's. Check the Arabic before quoting."
    return ("No translation model was used for this build: English is shown only where an editor wrote it, and is "
            "pending elsewhere. Check the Arabic before quoting.")


def _files(config: Config, briefing: Briefing, about: str, note: str, cache: Cache, pair_keys: dict[str, str],
           output: Path, lines: dict[str, tuple[str, str]]) -> tuple[dict[str, Content], PageManifest]:
    """Every page and data file of the site. A page or a source's data file that shows nothing new since the
    last build is kept as it is (linked from the current site, checked by size and time), else taken from the
    cache, else rendered."""
    site = {"title": config.title, "description": config.description, "base_url": config.base_url,
            "footer": f"Built {briefing.report['build_date']} from scraped Arabic reports. " + _english_note(briefing.report)}
    templates = _templates_digest(config)
    kept = PageManifest(cache, output)
    renderer = Renderer(config.templates_path, site, config.roots, stories=len(briefing.stories) > 1, cache=cache,
                        templates_digest=templates, kept=kept)
    exports = _Deferred(partial(figures_exports, briefing, lines))  # made when written, then let go: at
    #                                                   10,000 reports these files are a few hundred MB of text
    files: dict[str, Content] = {**renderer.site_pages(briefing, about, note), ".nojekyll": "",
                                 "data/figures.json": partial(exports.take, "data/figures.json"),
                                 "data/figures.csv": partial(exports.take, "data/figures.csv"),
                                 "data/briefing.json": partial(briefing_json, briefing),
                                 "feed.xml": feed.atom(briefing, config.title, config.description,
                                                       config.base_url, briefing.report["build_date"])}
    sources = list(briefing.sources)
    counts = figure_counts(briefing)
    for i, source in enumerate(sources):
        entry = hashlib.sha1(repr((pair_keys[source.meta.id], templates, site, renderer.menu,
                                   _shown_beside(briefing, sources, i, counts))).encode()).hexdigest()
        paths = (views.source_url(source.meta.id), f"data/sources/{source.meta.id}.json")
        if kept.unchanged(entry, paths):
            files.update({path: output / path for path in paths})
            cache.keep("page", entry)
            continue
        pages = _Deferred(partial(_source_files, renderer, briefing, i, counts, cache, entry))
        files.update({path: partial(pages.take, path) for path in paths})  # made as they are written
        kept.record(entry, paths)
    files.update(feed.robots_and_sitemap(files, config.base_url))
    return files, kept


def _source_files(renderer: Renderer, briefing: Briefing, index: int, counts: dict[str, int], cache: Cache,
                  entry: str) -> dict[str, bytes]:
    """A source's page and data file, from the cache or rendered (as UTF-8: half the memory of a str)."""
    def make() -> dict[str, bytes]:
        source = briefing.sources[index]
        page, html = renderer.source_page(briefing, index, counts)  # (not cached there: bytes, never a Path)
        assert isinstance(html, bytes)
        return {page: html, f"data/sources/{source.meta.id}.json": source_json(briefing, source).encode("utf-8")}
    return cache.made("page", entry, dict, make)


class _Deferred:
    """Files made together, each handed out once when its turn to be written comes."""

    def __init__(self, make: Callable[[], dict[str, bytes]] | Callable[[], dict[str, str]]):
        self.make, self.made = make, None

    def take(self, path: str) -> bytes | str:
        if self.made is None:
            self.made = self.make()
        return self.made.pop(path)


def _shown_beside(briefing: Briefing, sources: list[Source], index: int, counts: dict[str, int]) -> tuple:
    """What a source's page and data file show besides the source itself (its pair key covers that): its
    neighbours, its story, the other reports of each paragraph, its figure count, and the numbers its
    paragraphs' texts and statements have in the briefing. A page is reused only when all of it is unchanged."""
    source = sources[index]
    sid = source.meta.id
    statement_of = briefing.statement_of
    return (views.neighbours(briefing, source), views.story_link(briefing, source),
            counts.get(sid, 0), [views.also_reported(briefing, source, p) for p in source.pairs],
            [(briefing.text_id(sid, p.id), statement_of[(sid, p.id)].id if (sid, p.id) in statement_of else None)
             for p in source.pairs])


__all__ = ["BuildOptions", "BuildResult", "GeneratorError", "build"]
