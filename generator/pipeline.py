"""Per-source work, cached by content and spread over the machine's cores.

Each seed goes through ingest (clean, segment, describe) and the analysis stage's annotation in a worker
process (fork) when there are many; each result is cached under the hash of everything it depends on, so
a rebuild redoes only what changed. The results are the same, byte for byte, whatever the number of
workers: every task is a pure function of its inputs and results are used in the seeds' order.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis.annotate import annotate
from .analysis.figures import figures_of
from .analysis.number_lexicon import lexicon
from .arabic import known_keys, normalize, text_key
from .cache import Cache, key
from .config import Config
from .errors import ConfigError, GeneratorError, SeedError, internal_error, stage
from .files import UnsafeFile, read_bytes
from .ingest.clean import clean
from .ingest.header import headline_key
from .ingest.segment import segment
from .ingest.sources import describe, editor_file, load_editor_fields
from .models import Article, Figure, SeedFile, Source, SourceMeta, Translation
from .site.export import figure_lines
from .translation.pair import outlet_needs_translation, pair_article, speakers
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


def _prepare_task(job: tuple[SeedFile, Config, str]) -> tuple[bytes, bytes]:
    """A seed prepared, as its two cache entries already pickled (the prepared article, its outline): the
    worker pickles them once, for the trip back and for the cache, instead of the build's own process."""
    seed, config, entry = job
    article, problems = prepare(seed, config)
    outline = (Outline.of(article) if article is not None else None, problems)
    return Cache.pickled(entry, (article, problems)), Cache.pickled(entry, outline)


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


def _run(jobs: list[tuple[SeedFile, Config, str]], count: int, templates: tuple | None = None
         ) -> Iterator[tuple[bytes, bytes]]:
    """Each job's result in the jobs' order, as it comes (each let go once used: 10,000 articles' pickles
    are 150 MB). With a pool and `templates` (compile_templates' arguments), the site's templates are compiled
    into the cache by the first worker left without a seed (_compile_templates)."""
    if count <= 1 or len(jobs) < POOL_FROM:
        yield from map(_prepare_task, jobs)
        return
    _shared_before_fork()
    pool = ProcessPoolExecutor(max_workers=min(count, len(jobs)), mp_context=multiprocessing.get_context("fork"))
    try:
        results = pool.map(_prepare_task, jobs, chunksize=max(1, len(jobs) // (count * 8)))  # (every chunk queued)
        if templates is not None:
            pool.submit(_compile_templates, *templates)  # (after the chunks: run at the end of preparing)
        yield from results
    finally:  # on an error or Ctrl-C meanwhile: the chunks not started are dropped, not waited for
        pool.shutdown(wait=True, cancel_futures=True)


def _compile_templates(templates: Path, roots: tuple[Path, ...], compiled: Path) -> None:
    """Every template of the site (the project's and the generator's own) compiled into the cache's compiled
    templates (site/render.py: environment), in a worker at the end of preparing, where one worker waits for the
    other's last seeds: the build then loads each compiled (Jinja checks it against its source) instead of
    compiling it between its pages (0.1 s of a cold build's rendering). One that cannot be compiled is left to
    the build, which meets the error there, as before."""
    from .site.render import DEFAULT_TEMPLATES, environment

    with contextlib.suppress(Exception):
        env = environment(templates, roots, compiled)
        names = {p.name for folder in (templates, DEFAULT_TEMPLATES) if folder.is_dir() for p in folder.glob("*.html")}
        for name in sorted(names):
            with contextlib.suppress(Exception):
                env.get_template(name)


def _shared_before_fork() -> None:
    """The number rules (number_lexicon.lexicon(): a YAML file and its patterns, 0.03 s) loaded here, once, before the
    workers fork: each worker loaded them itself for its first sentence, and this process again for the data files.
    Rules that cannot be loaded are left to fail where they did (a worker's seed)."""
    with contextlib.suppress(Exception):
        lexicon()


def sentences_of(article: Article) -> tuple[str, ...]:
    """What is translated for a source: its headline, its outlet's name when Arabic, the speakers it names in
    Arabic words (pair.speakers), every sentence."""
    return (article.meta.headline, *([article.meta.outlet] if outlet_needs_translation(article) else ()),
            *speakers(article), *(s for p in article.paragraphs for s in p.sentences))


@dataclass(frozen=True)
class Outline:
    """What the build reads of a prepared article before pairing (cached beside it, a fiftieth of its size)."""

    meta: SourceMeta
    sentences: tuple[str, ...]
    body: frozenset[str]  # the memory keys of the body sentences: for telling copies apart
    keys: tuple[str, ...] = ()  # text_key of each sentence (the analysis stage's, for a paragraph's sentences)

    @classmethod
    def of(cls, article: Article) -> Outline:
        body = frozenset(n.key for p in article.paragraphs if p.kind == "body" for n in p.notes)
        sentences = sentences_of(article)
        if all(len(p.notes) == len(p.sentences) for p in article.paragraphs):  # (annotated: a note a sentence)
            noted = [n.key for p in article.paragraphs for n in p.notes]
            own = len(sentences) - len(noted)  # the headline, the outlet's name when it is translated, speakers
            keys = (*map(text_key, sentences[:own]), *noted)
        else:
            keys = tuple(map(text_key, sentences))
        return cls(article.meta, sentences, body, keys)


class Prepared:
    """A kept article: its outline at hand, the article itself loaded from the cache (or prepared again) only
    when something needs it, i.e. when its pairing is not cached: a rebuild that changed one translation
    reads a thousand outlines, not a thousand articles."""

    def __init__(self, outline: Outline, load: Callable[[], Article], article: Article | None = None):
        self.outline, self._load, self._article = outline, load, article
        self.meta, self.sentences = outline.meta, outline.sentences

    @property
    def loaded(self) -> bool:
        """Whether the article is in memory (prepared just now, or loaded already)."""
        return self._article is not None

    @property
    def article(self) -> Article:
        if self._article is None:
            self._article = self._load()
        return self._article


def _loader(seed: SeedFile, config: Config, cache: Cache, entry: str) -> Callable[[], Article]:
    def load() -> Article:
        found = cache.get("ingest", entry)
        article = found[0] if isinstance(found, tuple) and found and isinstance(found[0], Article) else None
        if article is None:  # gone or damaged since its outline was written: prepared again
            article, _ = prepare(seed, config)
            if article is None:
                raise GeneratorError(f"{seed.name} could not be prepared again")
            cache.put("ingest", entry, (article, []))
        return article
    return load


def ingest_all(seeds: list[SeedFile], config: Config, cache: Cache, errors: list[str], templates: Path | None = None
               ) -> tuple[list[Prepared], dict]:
    """Every usable article once (of two scrapes of one article, the established one), and each kept
    article's cache key by source id. `templates`: where a build keeps its compiled templates (compiled by the
    worker pool when it is used: _run)."""
    keys = [ingest_key(seed, config) for seed in seeds]
    outlines: list[Any] = cache.get_many("outline", keys)
    articles: list[Article | None] = [None] * len(seeds)
    missing = [i for i, found in enumerate(outlines) if not (isinstance(found, tuple) and len(found) == 2)]
    if len(missing) >= POOL_FROM:
        missing.sort(key=lambda i: (_longest_line(seeds[i].text), i))  # reprints side by side (see _longest_line)
    compiling = (config.templates_path, config.roots, templates) if templates is not None else None
    with closing(_run([(seeds[i], config, keys[i]) for i in missing], workers(config), compiling)) as results:  # an error
        for i, (prepared_blob, outline_blob) in zip(missing, results, strict=True):  # here stops the pool at once
            articles[i], problems = Cache.unpickled(prepared_blob)
            outlines[i] = (Outline.of(articles[i]) if articles[i] is not None else None, problems)  # sharing
            #                                 the article's strings (the worker's pickled outline is for the cache)
            cache.put_pickled("ingest", keys[i], prepared_blob)
            cache.put_pickled("outline", keys[i], outline_blob)
    prepared = []
    for i, (seed, k, (outline, problems)) in enumerate(zip(seeds, keys, outlines, strict=True)):
        errors.extend(problems)
        if outline is not None:
            if outline.keys:  # (memory look-ups and pairing hash no sentence again)
                known_keys(zip(outline.sentences, outline.keys, strict=True))
            if articles[i] is None:
                cache.keep("ingest", k)
            prepared.append((seed, k, Prepared(outline, _loader(seed, config, cache, k), articles[i])))
    kept = deduplicate(prepared, config, errors)
    return [p for _, _, p in kept], {p.meta.id: k for _, k, p in kept}


def _longest_line(text: str) -> str:
    """A scrape's longest line, for sorting the seeds to prepare: copies of one wire report (whatever each
    outlet's page around it) then go to the worker pool side by side, mostly in one chunk, so that one worker
    reads their sentences once and its caches answer for the other copies (in the seeds' order, each worker
    met about half of every story's copies and read them again). The results are the same in any order."""
    return max(text.split("\n"), key=len).strip()


def _established(seed: SeedFile, config: Config) -> bool:
    """A source that already has an editor file or a translation memory file."""
    return any((config.content_path / folder / f"{seed.id}.yml").exists() for folder in ("sources", "translations"))


def _outlet(meta: SourceMeta) -> str:
    """The outlet for telling copies from reprints. When nothing names it, the headline stands in: two scrapes
    of one page carry its headline, while wire copy reprinted by two outlets nobody named usually does not
    ("اقتصادي / هيئة الاتصالات تؤجل …" and "«الاتصالات» تؤجل …" are two sources, not one)."""
    if meta.provenance.get("outlet") != "derived":
        return normalize(meta.outlet)
    return "\x00" + headline_key(meta.headline)


def deduplicate(prepared: list[tuple[SeedFile, str, Prepared]], config: Config, errors: list[str]) -> list:
    """Of two scrapes of one article by one outlet (nearly all sentences of the shorter in the other; for an
    outlet nobody named, with the same headline too), keep the established source, else the one with a plain
    file name, else the first by name; found through an index of sentences. The same wire copy from two
    outlets is two sources: corroboration, not a duplicate."""
    ranked = sorted(prepared, key=lambda item: (not _established(item[0], config), item[0].id != item[0].name[:-4],
                                                item[0].name))
    kept: list[tuple[tuple[SeedFile, str, Prepared], frozenset[str]]] = []
    by_sentence: dict[tuple[str, str], list[int]] = defaultdict(list)
    for item in ranked:
        body, outlet = item[2].outline.body, _outlet(item[2].meta)
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


def translations_digest(english: dict[str, Translation], suggest: Callable[[str], str], conflicts: dict[str, str],
                        sentences: tuple[str, ...]) -> str:
    """What pairing reads of the translations: the English, its status, suggestions and conflicts."""
    digest = hashlib.sha1()
    for sentence in sentences:
        found = english.get(sentence)
        note = conflicts.get(text_key(sentence), "")
        line = f"{found.status if found else '-'}\x01{found.text if found else ''}\x01{suggest(sentence)}\x01{note}\x02"
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def pair_all(prepared: list[Prepared], keys: dict[str, str], english: dict[str, Translation], glossary: Glossary,
             glossary_digest: str, suggest: Callable[[str], str], conflicts: dict[str, str], cache: Cache,
             errors: list[str]) -> tuple[list[Source], list[Figure], dict[str, str], dict[str, tuple[str, str]]]:
    """Pair each article with its English and collect its figures (and their lines of figures.json and
    figures.csv); cached per source."""
    sources, figures, pair_keys, lines = [], [], {}, {}
    entries = [key("pair", keys[item.meta.id], glossary_digest,
                   translations_digest(english, suggest, conflicts, item.sentences)) for item in prepared]
    for item, k, done in zip(prepared, entries, cache.get_many("pair", entries), strict=True):
        if done is None:
            done = _pair_safely(item.article, english, glossary, suggest, conflicts, errors)
            if done is not None:
                cache.put_later("pair", k, done)  # (pickled while the search index is made)
        if done is not None:
            sources.append(done[0])
            figures.extend(done[1])
            pair_keys[item.meta.id] = k
            lines[item.meta.id] = done[2]
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
