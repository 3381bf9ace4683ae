"""The build, top to bottom: read, clean, segment, describe, translate, pair, count, render, write.

Everything is computed before anything is written, so a failure leaves the
previous site as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .analysis.crossref import cross_links
from .analysis.figures import extract
from .arabic import normalize
from .config import Config, load_config
from .errors import ConfigError, GeneratorError, SeedError, internal_error, stage
from .files import UnsafeFile, read_text
from .ingest.clean import clean
from .ingest.read import read_seeds, source_id
from .ingest.segment import segment
from .ingest.sources import describe, editor_file, load_editor_fields
from .lock import project_lock
from .models import Article, Figure, SeedFile, Source, Translation
from .site import search
from .site.render import Renderer, briefing_json, figures_exports
from .site.write import guard_output, write_site
from .translation import argos as model
from .translation.argos import ArgosEngine
from .translation.memory import JOURNAL, Memory, suggester
from .translation.pair import outlet_needs_translation, pair_article
from .translation.qa import Glossary, load_glossary
from .translation.translate import Engine, TranslationReport, translate_all

log = logging.getLogger(__name__)


@dataclass
class BuildOptions:
    model: str | None = None
    allow_missing_translations: bool = False
    settings: dict[str, Any] = field(default_factory=dict)  # overrides of content/site.yml
    engine_loader: Callable[[int], Engine] | None = None  # tests inject a stub; default loads Argos
    command: str = "build"  # the command the build runs for (messages name its options)


@dataclass
class BuildResult:
    report: dict[str, Any]
    errors: list[str]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def prepare(seed: SeedFile, config: Config, errors: list[str] | None = None) -> Article:
    """One seed file through cleaning, segmentation and metadata detection.

    A broken editor file for the source is reported in `errors` and the detected metadata used."""
    with stage("cleaning", seed.name):
        cleaned = clean(seed.text)
    with stage("segmenting", seed.name):
        paragraphs = segment(cleaned.blocks)
    if not any(p.kind == "body" for p in paragraphs):
        raise SeedError(f"{seed.name}: no article body found (every line looked like page chrome)")
    try:
        editor = load_editor_fields(editor_file(config.content_path, seed.id or source_id(seed.name)), config.roots)
    except ConfigError as exc:
        if errors is None:
            raise
        errors.append(f"{exc} (built with the detected metadata)")
        editor = {}
    with stage("reading the metadata of", seed.name):
        meta = describe(seed.name, cleaned.meta, paragraphs, editor)
    return Article(meta=meta, paragraphs=paragraphs, removed=cleaned.removed, notes=seed.notes,
                   warnings=seed.warnings)


def _prepare_safely(seed: SeedFile, config: Config, errors: list[str]) -> Article | None:
    """prepare(), with any failure of this one source reported by name and the source skipped."""
    try:
        return prepare(seed, config, errors)
    except SeedError as exc:
        errors.append(str(exc))
    except Exception as exc:  # a bug met on this article's text: skip it, build the others
        log.debug("internal error on %s", seed.name, exc_info=True)
        errors.append(f"{seed.name}: skipped: " + internal_error(exc, f"preparing {seed.name}"))
    return None


def _body_key(article: Article) -> frozenset[str]:
    return frozenset(normalize(s) for p in article.paragraphs if p.kind == "body" for s in p.sentences)


def _same_article(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two scrapes of one article: nearly all sentences of the shorter one are in the other."""
    return bool(a and b) and len(a & b) >= 0.9 * min(len(a), len(b))


def build_date(config: Config) -> str:
    if config.build_date:
        return config.build_date
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


def _covers(sources: list[Source]) -> str:
    outlets = sorted({s.meta.outlet for s in sources})
    dates = sorted(s.meta.date[:10] for s in sources if s.meta.date)
    span = f", dated {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else ""
    undated = sum(1 for s in sources if not s.meta.date)
    note = f" ({undated} without a stated date)" if undated and dates else ""
    return (f"{len(sources)} Arabic report(s) from {len(outlets)} outlet(s){span}{note}. "
            "Each is shown in full, Arabic beside its English machine translation.")


def _established(seed: SeedFile, config: Config) -> bool:
    """A source that already has an editor file or a translation memory file."""
    return any((config.content_path / folder / f"{seed.id}.yml").exists() for folder in ("sources", "translations"))


def _articles(seeds: list[SeedFile], config: Config, errors: list[str]) -> list[Article]:
    """Every usable article once: of two scrapes of one article, the established source (with editor or
    memory files), else the one with a plain file name, else the first by name, is kept."""
    ranked = sorted(seeds, key=lambda s: (not _established(s, config), s.id != s.name[:-4], s.name))
    kept: list[tuple[Article, frozenset[str]]] = []
    by_sentence: dict[str, list[int]] = defaultdict(list)
    for seed in ranked:
        article = _prepare_safely(seed, config, errors)
        if article is None:
            continue
        key = _body_key(article)
        shared = Counter(i for sentence in key for i in by_sentence.get(sentence, ()))
        twin = next((kept[i][0] for i, n in shared.most_common() if _same_article(key, kept[i][1])), None)
        if twin is not None:
            errors.append(f"{seed.name}: the same article as {twin.meta.seed_file}; skipped")
            continue
        for sentence in key:
            by_sentence[sentence].append(len(kept))
        kept.append((article, key))
    return sorted((a for a, _ in kept), key=lambda a: a.meta.seed_file)


def check(project_dir: Path) -> tuple[list[Source], list[str]]:
    """Read and clean every seed and QA-check the translations already in the memory, without a model:
    what an editor reviews before publishing. Takes no lock and writes nothing."""
    config = load_config(project_dir)
    seeds, errors = read_seeds(config.seeds_path, config.roots)
    articles = _articles(seeds, config, errors)
    memory = _memory(config)
    sentences = [s for a in articles for s in _sentences(a)]
    english = {s: hit for s in sentences if (hit := memory.lookup(s, None))}
    glossary = _glossary(config)
    conflicts = memory.conflicts()
    return [pair_article(a, english, glossary, conflicts=conflicts) for a in articles], errors


def _memory(config: Config, journal: str = JOURNAL) -> Memory:
    with stage("loading the translation memory"):
        return Memory(config.content_path / "translations", config.roots, journal)


def _glossary(config: Config) -> Glossary:
    with stage("loading the glossary"):
        return load_glossary(config.content_path / "glossary.yml", config.roots)


def _sentences(article: Article) -> list[str]:
    """What is translated for a source: its headline, its outlet's name when Arabic, every sentence."""
    return [article.meta.headline, *([article.meta.outlet] if outlet_needs_translation(article) else []),
            *(s for p in article.paragraphs for s in p.sentences)]


def _engine_loader(config: Config, options: BuildOptions) -> Callable[[int], Engine]:
    return options.engine_loader or (lambda missing: ArgosEngine(
        model.resolve(config, options.model, missing, build_hint=options.command != "translate"), config))


def _translate(config: Config, options: BuildOptions, articles: list[Article], memory: Memory,
               force: bool = False) -> tuple[dict[str, Translation], TranslationReport]:
    """English for every sentence of the articles; the journal is written after every batch, the memory
    files at the end (merged with what is on disk then), and the English looked up again afterwards so
    that an edit saved during the build is on the pages too."""
    per_source = {a.meta.id: _sentences(a) for a in articles}
    with stage("translating"):
        english, treport = translate_all(
            [s for sentences in per_source.values() for s in sentences], memory,
            model_id=None if options.engine_loader else model.peek(config, options.model),
            load_engine=_engine_loader(config, options), allow_missing=options.allow_missing_translations,
            on_batch=memory.flush_journal, max_tokens=config.batch_tokens, max_items=config.batch_size, force=force)
    if treport.translated or memory.has_journal():
        with stage("saving the translation memory"):
            memory.flush_journal()
            memory.save(per_source)
            memory.close_journal()
    model_id = treport.model_id or None
    return {s: memory.lookup(s, model_id) or found for s, found in english.items()}, treport


def translate_only(project_dir: Path, options: BuildOptions, source: str | None = None,
                   force: bool = False) -> BuildResult:
    """Translate (or with force, re-translate) into the memory without rendering: for translators."""
    config = load_config(project_dir, options.settings)
    with project_lock(config.project_dir):
        seeds, errors = read_seeds(config.seeds_path, config.roots)
        articles = _articles(seeds, config, errors)
        if source is not None:
            articles = [a for a in articles if a.meta.id == source]
            if not articles:
                raise SeedError(f"no source with id {source!r} (ids are seed file names without .txt)")
        memory = _memory(config)
        _, treport = _translate(config, replace(options, allow_missing_translations=False), articles, memory, force)
    return BuildResult(report={"sources": len(articles), "translated": treport.translated,
                               "from_memory": treport.from_memory, "edited": treport.edited,
                               "model": treport.model_id}, errors=errors)


def _report(config: Config, sources: list[Source], figures: list[Figure], links: dict,
            treport: TranslationReport, errors: list[str]) -> dict[str, Any]:
    """The build report: printed by the CLI and shown on the about page."""
    flags = Counter(f.split(":")[0] for s in sources for p in s.pairs for x in p.sentences for f in x.flags)
    return {
        "build_date": build_date(config), "sources": len(sources), "pairs": sum(len(s.pairs) for s in sources),
        "sentences": sum(len(p.sentences) for s in sources for p in s.pairs),
        "translated": treport.translated, "from_memory": treport.from_memory, "edited": treport.edited,
        "pending": treport.pending, "model": treport.model_id, "figures": len(figures),
        "removed": sum(len(s.removed) for s in sources), "errors": len(errors), "covers": _covers(sources),
        "outlets": sorted({s.meta.outlet for s in sources}), "flags": dict(sorted(flags.items())),
        "cross_links": sum(len(v) for v in links.values()) // 2,
    }


def _pair_and_count(article: Article, english: dict[str, Translation], glossary: Glossary,
                    suggest: Callable[[str], str], conflicts: dict[str, str]) -> tuple[Source, list[Figure]]:
    with stage("pairing", article.meta.seed_file):
        source = pair_article(article, english, glossary, suggest, conflicts)
    with stage("counting the figures of", article.meta.seed_file):
        return source, extract(source.meta.id, source.pairs)


def _per_source(article: Article, errors: list[str], work: Callable[[], Any]) -> Any:
    """One source's work; a bug met on its text skips that source, named, and the others build."""
    try:
        return work()
    except GeneratorError:
        raise
    except Exception as exc:
        log.debug("internal error on %s", article.meta.seed_file, exc_info=True)
        errors.append(f"{article.meta.seed_file}: skipped: " + internal_error(exc))
        return None


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
    with project_lock(config.project_dir):
        output = guard_output(config.output_path, config.project_dir, (
            config.seeds_path, config.content_path, config.templates_path, config.project_dir / ".git"))
        result = _build(config, options, output)
    result.report["seconds"] = round(time.perf_counter() - started, 2)
    return result


def _build(config: Config, options: BuildOptions, output: Path) -> BuildResult:
    with stage("reading the seeds"):
        seeds, errors = read_seeds(config.seeds_path, config.roots)
    articles = _articles(seeds, config, errors)
    if not articles:
        raise SeedError("no usable seed files in " + str(config.seeds_path) + "".join(f"\n  {e}" for e in errors))
    about, note = _read_optional(config, "about.md"), _read_optional(config, "summary.md")
    glossary = _glossary(config)
    memory = _memory(config)
    english, treport = _translate(config, options, articles, memory)
    suggest = suggester(memory.stale_edits([s for a in articles for s in _sentences(a)]))
    conflicts = memory.conflicts()
    sources, figures = [], []
    for article in articles:
        done = _per_source(article, errors, lambda a=article: _pair_and_count(a, english, glossary, suggest, conflicts))
        if done is not None:
            sources.append(done[0])
            figures.extend(done[1])
    if not sources:
        raise SeedError("no source could be built:" + "".join(f"\n  {e}" for e in errors))
    with stage("linking statements across sources"):
        links = cross_links(sources)
    report = _report(config, sources, figures, links, treport, errors)
    report["conflicts"] = len(conflicts)
    report["memory_written"] = memory.written
    site = {"title": config.title, "description": config.description,
            "footer": f"Built {report['build_date']} from {len(sources)} scraped Arabic reports. English is machine "
                      "translation (Argos Translate) unless marked edited; check the Arabic before quoting."}
    with stage("rendering"):
        pages = Renderer(config.templates_path, site, config.roots).all_pages(
            sources, figures, about, report, links, note)
        files: dict[str, str | bytes] = {**pages, ".nojekyll": "", **figures_exports(figures, sources),
                                         "data/briefing.json": briefing_json(sources, figures, {
                                             "date": report["build_date"], "model": treport.model_id}, links)}
    with stage("writing the site"):
        write_site(output, files, config.templates_path / "static", roots=config.roots,
                   finish=(lambda staging: search.write_index(staging, sources)) if config.search else None)
    return BuildResult(report=report, errors=errors)


__all__ = ["BuildOptions", "BuildResult", "GeneratorError", "build"]
