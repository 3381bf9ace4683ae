"""Stage 8: render pages with Jinja2. Everything a template prints is computed here."""

from __future__ import annotations

import contextlib
import io
import pickle
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from markdown_it import MarkdownIt

from ..analysis import crossref, stories
from ..analysis.briefing import Briefing
from ..analysis.summary import SAME_EVENT
from ..cache import Cache, PageManifest, code_version
from ..cache import key as cache_key
from ..errors import ConfigError
from ..files import UnsafeFile, read_text
from . import search, views


class SafeLoader(jinja2.BaseLoader):
    """Templates from the project's folder: regular files inside the project only, size-capped."""

    def __init__(self, folder: Path, roots: tuple[Path, ...]):
        self.folder, self.roots = folder, roots

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder / template
        if ".." in Path(template).parts or not (path.exists() or path.is_symlink()):
            raise jinja2.TemplateNotFound(template)
        try:
            source = read_text(path, self.roots)
        except UnsafeFile as exc:
            raise ConfigError(f"template {exc}") from None
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.exists() and path.stat().st_mtime == mtime


DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def environment(templates: Path, roots: tuple[Path, ...] | None = None,
                compiled: Path | None = None) -> jinja2.Environment:
    """The one Jinja environment: the project's templates/ first (file by file), then the generator's own;
    autoescaping on, undefined names are errors. With a `compiled` folder, templates compiled by an earlier
    build are reused (Jinja checks each against a hash of its source)."""
    loader = jinja2.ChoiceLoader([SafeLoader(templates, roots or (templates.resolve(),)),
                                  jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES))])
    bytecode = None
    if compiled is not None:
        with contextlib.suppress(OSError):
            folder = compiled / f"{code_version()}-{jinja2.__version__}"  # Jinja checks only the source
            folder.mkdir(parents=True, exist_ok=True)
            for old in compiled.iterdir():  # made by another version of the generator
                if old == folder:
                    continue
                if old.is_dir() and not old.is_symlink():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink()
            bytecode = _Compiled(str(folder))
    return _Environment(loader=loader, bytecode_cache=bytecode,
                              autoescape=jinja2.select_autoescape(["html"]), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              auto_reload=False)  # (an environment lives for one build: every page asking
    #                           whether its template changed on disk cost two file checks, 16,000 at 1,000 sources)


_DICT_ATTRIBUTES = frozenset(dir(dict))
_escape_text = getattr(markupsafe, "_escape_inner", None)  # (MarkupSafe 3: what escape() does to a plain str)


def _escape(value: Any) -> str:
    """`{{ value }}` with autoescaping, as markupsafe.escape prints it, without making a Markup of each value: a
    template's escaped output is only ever joined into its page (or a macro's text, which Jinja makes Markup
    itself), and a plain str joins the same. Strings (nearly all of a page's values), ints (no character to
    escape) and Markup are done at once; anything else as markupsafe does it. A tenth of rendering, at 300,000 values."""
    if value.__class__ is str:
        return _escape_text(value)  # type: ignore[misc]
    if value.__class__ is int:
        return str(value)
    if value.__class__ is markupsafe.Markup:  # (a macro's text: escape() would copy it into a new Markup)
        return value
    return markupsafe.escape(value)


class _Template(jinja2.Template):
    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: Any, globals: Any) -> jinja2.Template:
        # the compiled template's functions look `escape` up in this namespace at each call
        if _escape_text is not None and namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, globals)


class _Environment(jinja2.Environment):
    template_class = _Template

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`row.name` in a template: the views are dicts, and Jinja looks for an attribute first, raising and
        catching an AttributeError for each of the millions of lookups of a large site (a tenth of rendering);
        a dict's key is taken at once instead, unless the name is also a dict's attribute (`row.get`), which
        Jinja would give first: the same result either way."""
        if obj.__class__ is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:  # (one lookup, not two: of 490,000 at 1,000 reports, none misses but `row.get`)
                pass
        return super().getattr(obj, attribute)


class _Compiled(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds; one that cannot be read or written only costs a compile."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def markdown(text: str) -> str:
    return MarkdownIt("commonmark", {"html": False}).render(text)


def _where(exc: jinja2.TemplateError, template: str) -> str:
    """"templates/x.html:12: " from a Jinja error (syntax errors carry it, others in their traceback)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        return f"{exc.filename or exc.name or template}:{exc.lineno}: "
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else f"{template}: "


class _NotPlain(Exception):
    pass


class _PlainPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        """Called for any value but None, bools, and exact ints, floats, strings, bytes, dicts, lists, tuples,
        sets and frozensets: a page's key takes none (its pickle could hold what its text does not show)."""
        raise _NotPlain


class Renderer:
    """Renders every page of the site into a dict of relative path -> text."""

    ONE_STORY = (("Summary", "index.html"), ("Sources", "index.html#sources"), ("Key figures", "figures.html"),
                 ("Search", "search.html"), ("About", "about.html"))
    STORIES = (("Stories", "index.html"), ("Sources", "sources.html"), ("Key figures", "figures.html"),
               ("Search", "search.html"), ("About", "about.html"))

    def __init__(self, templates: Path, site: dict, roots: tuple[Path, ...] | None = None, stories: bool = False,
                 cache: Cache | None = None, templates_digest: str = "", kept: PageManifest | None = None):
        self.env = environment(templates, roots, self.compiled_folder(cache))
        self.site = site
        self.menu = self.STORIES if stories else self.ONE_STORY
        self.cache, self.templates_digest, self.kept = cache, templates_digest, kept
        self.counted: dict[str, tuple[int, int]] = {}  # each source's sentences and words (views.source_card)

    @staticmethod
    def compiled_folder(cache: Cache | None) -> Path | None:
        """Where compiled templates are kept between builds: in the cache, when there is one."""
        return cache.folder / "templates" if cache is not None and cache.folder is not None else None

    def page(self, template: str, path: str, share: dict | None = None, cached: bool = True,
             **context) -> tuple[str, bytes | Path]:
        """One page. With a cache, a page whose template and context are those of a page already rendered is
        taken from the cache (the key is the context's full text: what the template can print); with the last
        site's manifest too, a page the last build wrote from the same key, untouched since, is that file (a
        Path, linked into the new site: a rebuild writes only the pages that changed)."""
        root = "../" * path.count("/")
        base = self.site.get("base_url", "")
        share = {"title": self.site["title"], "description": self.site["description"], "type": "website",
                 **(share or {}), "url": f"{base.rstrip('/')}/{path}" if base else ""}
        nav = [{"label": label, "href": f"{root}{target}", "current": target == path} for label, target in self.menu]
        entry = self._entry(template, path, share, nav, context) if cached else None
        if entry is not None and self.kept is not None:
            if self.kept.unchanged(entry, (path,)):
                self.cache.keep("html", entry)  # type: ignore[union-attr]
                return path, self.kept.output / path
            self.kept.record(entry, (path,))
        if entry is not None and isinstance(html := self.cache.get("html", entry), str):  # type: ignore[union-attr]
            return path, html.encode("utf-8")
        try:
            html = self.env.get_template(template).render(site=self.site, root=root, nav=nav, path=path, share=share,
                                                          **context)
        except jinja2.TemplateError as exc:
            raise ConfigError(f"template error: {_where(exc, template)}{exc}") from None
        if entry is not None:
            self.cache.put("html", entry, html)  # type: ignore[union-attr]
        return path, html.encode("utf-8")  # (UTF-8 holds an Arabic page in about half the memory of a str)

    def _entry(self, template: str, path: str, share: dict, nav: list, context: dict) -> str | None:
        """The cache key of a page: None without a cache, or when a value has no stable text (an object's
        default repr names its address, which another object may have next time). A context of plain values
        (dicts, lists, tuples, strings, numbers, None: every page of the generator's own) is keyed by its pickle
        without a memo, which is a function of the values and their types alone (no object's identity), and
        three times faster to make than its repr (a tenth of rendering a site of 1,000 reports); any other
        value, by its repr as before."""
        if self.cache is None or self.cache.folder is None:
            return None
        page = (template, path, self.site, share, nav, sorted(context.items()))
        buffer = io.BytesIO()
        pickler = _PlainPickler(buffer, protocol=5)
        pickler.fast = True  # (no memo: an object seen twice is written twice, as its repr would be)
        try:
            pickler.dump(page)
        except _NotPlain:
            text = repr(page)
            if " at 0x" in text:
                return None
            return cache_key("html", self.templates_digest, text)
        return cache_key("html", self.templates_digest, buffer.getvalue())

    def source_page(self, briefing: Briefing, index: int, counts: dict[str, int]) -> tuple[str, bytes | Path]:
        """sources/<id>.html for the index-th source."""
        source = briefing.sources[index]
        return self.page("source.html", views.source_url(source.meta.id), share=views.source_share(source),
                         cached=False, **views.source_page(briefing, source, counts.get(source.meta.id, 0),
                                                           self.counted))

    def site_pages(self, briefing: Briefing, about_md: str, summary_md: str) -> dict[str, bytes | Path]:
        """Every page but the source pages: the briefing (or the stories and a page each), source lists, key
        figures, about and search."""
        report, note = briefing.report, markdown(summary_md) if summary_md.strip() else ""
        by_date = sorted(briefing.sources, key=lambda s: (s.meta.date or "9999", s.meta.id))  # (oldest first, undated last)
        lists = views.source_list_pages(by_date, figure_counts(briefing), len(briefing.stories) == 1, self.counted)
        bundles = search.bundles(briefing.sources)  # (the search page lists the bundles the build makes)
        pages = dict([self.page("about.html", "about.html", body=markdown(about_md), report=report,
                                        story_rules={"window": stories.WINDOW_DAYS, "similar": stories.SIMILAR,
                                                    "average": stories.JOIN_AVERAGE, "span": stories.SPAN_DAYS,
                                                    "close": stories.CLOSE_DAYS, "apart": stories.SIMILAR_APART,
                                                    "related": stories.RELATED, "related_days": stories.RELATED_DAYS,
                                                    "related_shown": stories.RELATED_SHOWN},
                                        link_rules={"near": round(100 * crossref.NEAR), "apart": round(100 * crossref.APART),
                                                    "days": crossref.NEAR_DAYS,
                                                    "longer": crossref.LONGER,
                                                    "same_event": round(100 * SAME_EVENT)}),
                      self.page("search.html", "search.html", stories=self._story_filter(briefing),
                                merged=[name for _, name in bundles["ar"]][1:],
                                english=[name for _, name in bundles["en"]],
                                totals={"pending": report["pending"]})])
        if len(briefing.stories) == 1:
            story = briefing.stories[0]
            figure_at = views.figure_pages(list(briefing.figures), briefing.by_id)
            summary = views.summary_view(story, "", figure_at)
            pages.update([self.page("index.html", "index.html", **summary, totals=report, editor_note=note,
                                    sources=lists[0], figures_href="figures.html")])
            disputes = summary["disagreements"]
        else:
            pages.update(self._stories(briefing, report, note))
            disputes = []
        for listing in lists[1 if len(briefing.stories) == 1 else 0:]:
            pages.update([self.page("sources.html", listing["file"], sources=listing, totals=report)])
        story_links = None if len(briefing.stories) == 1 else {
            m: {"href": views.story_url(story.id), "title": story.title_ar} for m, story in briefing.story_of.items()}
        for view in views.figures_views(list(briefing.figures), briefing.by_id, disputes, stories=story_links):
            pages.update([self.page("figures.html", view["file"], **view, story=None)])
        return pages

    def _stories(self, briefing: Briefing, report: dict, note: str) -> dict[str, bytes | Path]:
        pages = {}
        for listing in views.story_list_pages(briefing):
            pages.update([self.page("stories.html", listing["file"], listing=listing, totals=report, editor_note=note)])
        for story in briefing.stories:
            view = views.story_page(story, briefing, self.counted)
            # the story's own totals only: a page shows nothing of other stories, so it is rebuilt (or taken
            # from the cache) as its own reports change
            pages.update([self.page("story.html", views.story_url(story.id), share=views.story_share(story), **view,
                                    totals={"covers": view["story"]["covers"], "pending": view["pending"]})])
            if view["figures_href"]:
                for figures in views.story_figure_views(story, briefing, view["disagreements"]):
                    pages.update([self.page("figures.html", figures["file"], **figures)])
        for old, new in briefing.redirects.items():
            pages.update([self.page("redirect.html", views.story_url(old), target=f"{new}.html")])
        return pages

    @staticmethod
    def _story_filter(briefing: Briefing) -> list[dict]:
        """The stories to filter search by (none on a one-story site)."""
        if len(briefing.stories) == 1:
            return []
        return [{"id": s.id, "title": s.title_en or s.title_ar}  # (latest activity first, as the home page lists them)
                for s in sorted(briefing.stories, key=lambda s: (s.span[1] or "", s.id), reverse=True) if len(s.members) > 1]


def figure_counts(briefing: Briefing) -> dict[str, int]:
    counts: dict[str, int] = {}
    for figure in briefing.figures:
        if figure.is_people:
            counts[figure.source_id] = counts.get(figure.source_id, 0) + 1
    return counts
