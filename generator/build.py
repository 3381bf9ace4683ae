"""The build, top to bottom: read, clean, segment, describe, translate, pair, count, render, write.

Everything is computed before anything is written, so a failure leaves the
previous site as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .analysis.crossref import cross_links
from .analysis.figures import extract
from .arabic import normalize
from .config import Config, load_config
from .errors import ConfigError, GeneratorError, SeedError
from .ingest.clean import clean
from .ingest.read import read_seeds
from .ingest.segment import segment
from .ingest.sources import describe, editor_file, load_editor_fields
from .models import Article, Figure, SeedFile, Source, Translation
from .site import search
from .site.render import Renderer, briefing_json, figures_exports
from .site.write import write_site
from .translation import argos as model
from .translation.argos import ArgosEngine
from .translation.memory import Memory, suggester
from .translation.pair import outlet_needs_translation, pair_article
from .translation.qa import load_glossary
from .translation.translate import Engine, TranslationReport, translate_all

log = logging.getLogger(__name__)


@dataclass
class BuildOptions:
    model: str | None = None
    allow_missing_translations: bool = False
    settings: dict[str, Any] = field(default_factory=dict)  # overrides of content/site.yml
    engine_loader: Callable[[int], Engine] | None = None  # tests inject a stub; default loads Argos


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
    cleaned = clean(seed.text)
    paragraphs = segment(cleaned.blocks)
    if not any(p.kind == "body" for p in paragraphs):
        raise SeedError(f"{seed.name}: no article body found (every line looked like page chrome)")
    try:
        editor = load_editor_fields(editor_file(config.content_path, seed.name))
    except ConfigError as exc:
        if errors is None:
            raise
        errors.append(f"{exc} (built with the detected metadata)")
        log.error("%s", exc)
        editor = {}
    meta = describe(seed.name, cleaned.meta, paragraphs, editor)
    return Article(meta=meta, paragraphs=paragraphs, removed=cleaned.removed, notes=seed.notes)


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


def _articles(seeds: list[SeedFile], config: Config, errors: list[str]) -> list[Article]:
    articles: list[Article] = []
    keys: list[frozenset[str]] = []
    for seed in seeds:
        try:
            article = prepare(seed, config, errors)
        except SeedError as exc:
            errors.append(str(exc))
            log.error("%s", exc)
            continue
        key = _body_key(article)
        twin = next((a for a, k in zip(articles, keys, strict=True) if _same_article(key, k)), None)
        problem = (f"{seed.name}: its source id {article.meta.id!r} is already used; skipped"
                   if any(a.meta.id == article.meta.id for a in articles) else
                   f"{seed.name}: the same article as {twin.meta.seed_file}; skipped" if twin else None)
        if problem:
            errors.append(problem)
            log.error("%s", problem)
            continue
        articles.append(article)
        keys.append(key)
    return articles


def check(project_dir: Path) -> tuple[list[Source], list[str]]:
    """Read and clean every seed and QA-check the translations already in the memory, without a model:
    what an editor reviews before publishing."""
    config = load_config(project_dir)
    seeds, errors = read_seeds(config.seeds_path)
    articles = _articles(seeds, config, errors)
    memory = Memory(config.content_path / "translations")
    sentences = [s for a in articles for s in _sentences(a)]
    english = {s: hit for s in sentences if (hit := memory.lookup(s, None))}
    glossary = load_glossary(config.content_path / "glossary.yml")
    return [pair_article(a, english, glossary) for a in articles], errors


def _sentences(article: Article) -> list[str]:
    """What is translated for a source: its headline, its outlet's name when Arabic, every sentence."""
    return [article.meta.headline, *([article.meta.outlet] if outlet_needs_translation(article) else []),
            *(s for p in article.paragraphs for s in p.sentences)]


def _engine_loader(config: Config, options: BuildOptions) -> Callable[[int], Engine]:
    return options.engine_loader or (lambda missing: ArgosEngine(model.resolve(config, options.model, missing), config))


def _translate(config: Config, options: BuildOptions, articles: list[Article], memory: Memory,
               force: bool = False) -> tuple[dict[str, Translation], TranslationReport]:
    """English for every sentence of the articles; the memory is written after every batch and at the end."""
    per_source = {a.meta.id: _sentences(a) for a in articles}
    english, treport = translate_all(
        [s for sentences in per_source.values() for s in sentences], memory,
        model_id=None if options.engine_loader else model.peek(config, options.model),
        load_engine=_engine_loader(config, options), allow_missing=options.allow_missing_translations,
        on_batch=memory.flush_journal, max_tokens=config.batch_tokens, max_items=config.batch_size, force=force)
    if treport.translated or memory.has_journal():
        for source_id, sentences in per_source.items():
            memory.save(source_id, sentences)
        memory.close_journal()
    return english, treport


def translate_only(project_dir: Path, options: BuildOptions, source: str | None = None,
                   force: bool = False) -> BuildResult:
    """Translate (or with force, re-translate) into the memory without rendering: for translators."""
    config = load_config(project_dir, options.settings)
    seeds, errors = read_seeds(config.seeds_path)
    articles = _articles(seeds, config, errors)
    if source is not None:
        articles = [a for a in articles if a.meta.id == source]
        if not articles:
            raise SeedError(f"no source with id {source!r} (ids are seed file names without .txt)")
    memory = Memory(config.content_path / "translations")
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


def build(project_dir: Path, options: BuildOptions | None = None) -> BuildResult:
    """Build the whole site from the project's seeds and content; write it last, atomically."""
    options = options or BuildOptions()
    started = time.perf_counter()
    config = load_config(project_dir, options.settings)
    seeds, errors = read_seeds(config.seeds_path)
    articles = _articles(seeds, config, errors)
    if not articles:
        raise SeedError("no usable seed files in " + str(config.seeds_path) + "".join(f"\n  {e}" for e in errors))

    memory = Memory(config.content_path / "translations")
    english, treport = _translate(config, options, articles, memory)
    glossary = load_glossary(config.content_path / "glossary.yml")
    suggest = suggester(memory.stale_edits([s for a in articles for s in _sentences(a)]))
    sources = [pair_article(a, english, glossary, suggest) for a in articles]
    figures: list[Figure] = [f for s in sources for f in extract(s.meta.id, s.pairs)]
    links = cross_links(sources)
    report = _report(config, sources, figures, links, treport, errors)
    site = {"title": config.title, "description": config.description,
            "footer": f"Built {report['build_date']} from {len(sources)} scraped Arabic reports. English is machine "
                      "translation (Argos Translate) unless marked edited; check the Arabic before quoting."}
    about, note = config.content_path / "about.md", config.content_path / "summary.md"
    pages = Renderer(config.templates_path, site).all_pages(
        sources, figures, about.read_text(encoding="utf-8") if about.exists() else "", report, links,
        note.read_text(encoding="utf-8") if note.exists() else "")
    files: dict[str, str | bytes] = {**pages, ".nojekyll": "", **figures_exports(figures, sources),
                                     "data/briefing.json": briefing_json(sources, figures, {
                                         "date": report["build_date"], "model": treport.model_id}, links)}
    write_site(config.output_path, files, config.templates_path / "static",
               finish=lambda staging: search.write_index(staging, sources))
    report["seconds"] = round(time.perf_counter() - started, 2)
    return BuildResult(report=report, errors=errors)


__all__ = ["BuildOptions", "BuildResult", "GeneratorError", "build"]
