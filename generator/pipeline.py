"""Per-source work, cached by content and spread over the machine's cores.

Each seed goes through ingest (clean, segment, describe) and the analysis stage's annotation in a worker
process (fork) when there are many; each result is cached under the hash of everything it depends on, so
a rebuild redoes only what changed. The results are the same, byte for byte, whatever the number of
workers: every task is a pure function of its inputs and results are used in the seeds' order.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .analysis.annotate import annotate
from .analysis.figures import figures_of
from .arabic import normalize, text_key
from .cache import Cache, key
from .config import Config
from .errors import ConfigError, GeneratorError, SeedError, internal_error, stage
from .files import UnsafeFile, read_bytes
from .ingest.clean import clean
from .ingest.segment import segment
from .ingest.sources import describe, editor_file, load_editor_fields
from .models import Article, Figure, SeedFile, Source, Translation
from .site.export import figure_lines
from .translation.pair import pair_article
from .translation.qa import Glossary

log = logging.getLogger(__name__)
POOL_FROM = 12  # below this many sources to prepare, a worker pool costs more than it saves


def prepare(seed: SeedFile, config: Config) -> tuple[Article | None, list[str]]:
    """One seed through cleaning, segmentation, metadata and annotation; (None, [why]) when unusable.

    A broken editor file is reported and the detected metadata used; a bug met on this article's text skips
    it with a named error, and the other sources build."""
    errors: list[str] = []
    try:
        with stage("cleaning", seed.name):
            cleaned = clean(seed.text)
        with stage("segmenting", seed.name):
            paragraphs = segment(cleaned.blocks)
        if not any(p.kind == "body" for p in paragraphs):
            raise SeedError(f"{seed.name}: no article body found (every line looked like page chrome)")
        try:
            editor = load_editor_fields(editor_file(config.content_path, seed.id), config.roots)
        except ConfigError as exc:
            errors.append(f"{exc} (built with the detected metadata)")
            editor = {}
        with stage("reading the metadata of", seed.name):
            meta = describe(seed.name, cleaned.meta, paragraphs, editor, dict(seed.meta), seed.id)
        removed = (*seed.removed, *cleaned.removed) if seed.removed else cleaned.removed
        article = Article(meta=meta, paragraphs=paragraphs, removed=removed, notes=seed.notes,
                          warnings=seed.warnings)
        with stage("annotating", seed.name):
            return annotate(article), errors
    except SeedError as exc:
        return None, [*errors, str(exc)]
    except GeneratorError:
        raise
    except Exception as exc:  # a bug met on this article's text: skip it, build the others
        log.debug("internal error on %s", seed.name, exc_info=True)
        return None, [*errors, f"{seed.name}: skipped: " + internal_error(exc, f"preparing {seed.name}")]


def _prepare_task(job: tuple[SeedFile, Config]) -> tuple[Article | None, list[str]]:
    return prepare(*job)


def _editor_digest(config: Config, seed: SeedFile) -> str:
    path = editor_file(config.content_path, seed.id)
    if not (path.exists() or path.is_symlink()):
        return "none"
    try:
        return hashlib.sha1(read_bytes(path, config.roots, 1 << 22)).hexdigest()
    except UnsafeFile as exc:
        return str(exc)


def ingest_key(seed: SeedFile, config: Config) -> str:
    return key("ingest", seed.name, seed.id, seed.text, repr(seed.notes), repr(seed.warnings), repr(seed.meta),
               repr(seed.removed), _editor_digest(config, seed), str(config.content_path))


def workers(config: Config) -> int:
    return config.workers or os.cpu_count() or 1


def _run(jobs: list[tuple[SeedFile, Config]], count: int) -> list[tuple[Article | None, list[str]]]:
    if count <= 1 or len(jobs) < POOL_FROM:
        return [_prepare_task(job) for job in jobs]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(count, len(jobs)), mp_context=context) as pool:
        return list(pool.map(_prepare_task, jobs, chunksize=max(1, len(jobs) // (count * 8))))


def ingest_all(seeds: list[SeedFile], config: Config, cache: Cache, errors: list[str]) -> tuple[list[Article], dict]:
    """Every usable article once (of two scrapes of one article, the established one), and each kept
    article's cache key by source id."""
    keys = [ingest_key(seed, config) for seed in seeds]
    results: list[Any] = [cache.get("ingest", k) for k in keys]
    missing = [i for i, found in enumerate(results) if found is None]
    for i, result in zip(missing, _run([(seeds[i], config) for i in missing], workers(config)), strict=True):
        cache.put("ingest", keys[i], result)
        results[i] = result
    prepared = []
    for seed, k, (article, problems) in zip(seeds, keys, results, strict=True):
        errors.extend(problems)
        if article is not None:
            prepared.append((seed, k, article))
    kept = deduplicate(prepared, config, errors)
    return [a for _, _, a in kept], {a.meta.id: k for _, k, a in kept}


def _body_key(article: Article) -> frozenset[str]:
    """The memory keys (hashes of the normalised text) of the body sentences."""
    return frozenset(n.key for p in article.paragraphs if p.kind == "body" for n in p.notes)


def _established(seed: SeedFile, config: Config) -> bool:
    """A source that already has an editor file or a translation memory file."""
    return any((config.content_path / folder / f"{seed.id}.yml").exists() for folder in ("sources", "translations"))


def _outlet(article: Article) -> str:
    """The outlet for telling copies from reprints ("" when nothing names it)."""
    return "" if article.meta.provenance.get("outlet") == "derived" else normalize(article.meta.outlet)


def deduplicate(prepared: list[tuple[SeedFile, str, Article]], config: Config, errors: list[str]) -> list:
    """Of two scrapes of one article by one outlet (nearly all sentences of the shorter in the other), keep the
    established source, else the one with a plain file name, else the first by name; found through an index
    of sentences. The same wire copy from two outlets is two sources: corroboration, not a duplicate."""
    ranked = sorted(prepared, key=lambda item: (not _established(item[0], config), item[0].id != item[0].name[:-4],
                                                item[0].name))
    kept: list[tuple[tuple[SeedFile, str, Article], frozenset[str]]] = []
    by_sentence: dict[tuple[str, str], list[int]] = defaultdict(list)
    for item in ranked:
        body, outlet = _body_key(item[2]), _outlet(item[2])
        shared = Counter(i for sentence in body for i in by_sentence.get((outlet, sentence), ()))
        twin = next((kept[i][0][2] for i, n in shared.most_common()
                     if n >= 0.9 * min(len(body), len(kept[i][1]))), None)
        if twin is not None:
            errors.append(f"{item[0].name}: the same article as {twin.meta.seed_file}; skipped")
            continue
        for sentence in body:
            by_sentence[(outlet, sentence)].append(len(kept))
        kept.append((item, body))
    return sorted((item for item, _ in kept), key=lambda item: item[0].name)


def translations_digest(article: Article, english: dict[str, Translation], suggest: Callable[[str], str],
                        conflicts: dict[str, str], sentences: list[str]) -> str:
    """What pairing reads of the translations: the English, its status, suggestions and conflicts."""
    digest = hashlib.sha1()
    for sentence in sentences:
        found = english.get(sentence)
        note = conflicts.get(text_key(sentence), "")
        line = f"{found.status if found else '-'}\x01{found.text if found else ''}\x01{suggest(sentence)}\x01{note}\x02"
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def pair_all(articles: list[Article], keys: dict[str, str], english: dict[str, Translation], glossary: Glossary,
             glossary_digest: str, suggest: Callable[[str], str], conflicts: dict[str, str], cache: Cache,
             sentences_of: Callable[[Article], list[str]], errors: list[str]
             ) -> tuple[list[Source], list[Figure], dict[str, str], dict[str, tuple[str, str]]]:
    """Pair each article with its English and collect its figures (and their lines of figures.json and
    figures.csv); cached per source."""
    sources, figures, pair_keys, lines = [], [], {}, {}
    for article in articles:
        k = key("pair", keys[article.meta.id], glossary_digest,
                translations_digest(article, english, suggest, conflicts, sentences_of(article)))
        done = cache.get("pair", k)
        if done is None:
            done = _pair_safely(article, english, glossary, suggest, conflicts, errors)
            if done is not None:
                cache.put("pair", k, done)
        if done is not None:
            sources.append(done[0])
            figures.extend(done[1])
            pair_keys[article.meta.id] = k
            lines[article.meta.id] = done[2]
    return sources, figures, pair_keys, lines


def _pair_safely(article: Article, english: dict[str, Translation], glossary: Glossary,
                 suggest: Callable[[str], str], conflicts: dict[str, str], errors: list[str]
                 ) -> tuple[Source, list[Figure], tuple[str, str]] | None:
    try:
        with stage("pairing", article.meta.seed_file):
            source = pair_article(article, english, glossary, suggest, conflicts)
        with stage("counting the figures of", article.meta.seed_file):
            figures = figures_of(source)
            return source, figures, figure_lines(figures, source)
    except GeneratorError:
        raise
    except Exception as exc:  # a bug met on this article: skip it, build the others
        log.debug("internal error on %s", article.meta.seed_file, exc_info=True)
        errors.append(f"{article.meta.seed_file}: skipped: " + internal_error(exc))
        return None
