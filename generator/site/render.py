"""Stage 8: render pages with Jinja2. Everything a template prints is computed here."""

from __future__ import annotations

import csv
import io
import json
import traceback
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt

from ..analysis import summary
from ..analysis.figure_views import figure_value, figures_page, group_label
from ..errors import ConfigError
from ..files import UnsafeFile, read_text
from ..models import Figure, Pair, Source

PROVENANCE_LABELS = {"detected": "detected in the text", "editor": "set by an editor",
                     "derived": "derived (not stated in the text)", "missing": "not stated"}


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


def environment(templates: Path, roots: tuple[Path, ...] | None = None) -> jinja2.Environment:
    """The one Jinja environment: autoescaping on, undefined names are errors."""
    return jinja2.Environment(loader=SafeLoader(templates, roots or (templates.resolve(),)),
                              autoescape=jinja2.select_autoescape(["html"]), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def source_url(source_id: str) -> str:
    return f"sources/{source_id}.html"


def _pending_labels(pair: Pair) -> list[str]:
    """One "translation pending" per run of pending sentences (with their number), not one per sentence."""
    labels, run = [], 0
    for i, sentence in enumerate(pair.sentences):
        if sentence.status != "pending":
            labels.append("")
            continue
        if i and pair.sentences[i - 1].status == "pending":
            labels.append("")
            continue
        run = next((j for j in range(i, len(pair.sentences)) if pair.sentences[j].status != "pending"),
                   len(pair.sentences)) - i
        labels.append("translation pending" + (f" ({run} sentences)" if run > 1 else ""))
    return labels


def _pair_view(pair: Pair, also: list) -> dict:
    return {"id": pair.id, "number": pair.number, "kind": pair.kind, "status": pair.status,
            "also": [{"href": f"{link.source_id}.html#{link.pair_id}", "outlet": link.outlet, "number": link.number}
                     for link in also],
            "sentences": [{"ar": s.ar, "en": s.en, "status": s.status, "n": i, "pending_label": label}
                          for i, (s, label) in enumerate(zip(pair.sentences, _pending_labels(pair), strict=True), 1)],
            "flags": [{"n": i, "text": f} for i, s in enumerate(pair.sentences, 1) for f in s.flags],
            "suggestions": [{"n": i, "text": s.suggestion} for i, s in enumerate(pair.sentences, 1) if s.suggestion]}


def _source_summary(source: Source, figures: list[Figure], root: str) -> dict:
    meta = source.meta
    return {"id": meta.id, "href": f"{root}{source_url(meta.id)}", "outlet": meta.outlet,
            "outlet_en": source.outlet_en.text if source.outlet_en.status != "original" else "",
            "outlet_en_machine": source.outlet_en.status == "machine",
            "date": meta.date.replace("T", " "), "headline": meta.headline, "headline_en": source.headline_en.text,
            "headline_status": source.headline_en.status, "headline_derived": meta.provenance.get("headline") == "derived",
            "pairs": len(source.pairs), "sentences": sum(len(p.sentences) for p in source.pairs),
            "words": sum(len(p.ar.split()) for p in source.pairs),
            "figures": sum(1 for f in figures if f.source_id == meta.id), "removed": len(source.removed)}


def _markdown(text: str) -> str:
    return MarkdownIt("commonmark", {"html": False}).render(text)


def briefing_view(sources: list[Source], figures: list[Figure], links: dict, summary_md: str,
                  disagreements: list[dict]) -> dict:
    """Everything the summary page shows beyond the source list."""
    by_id = {s.meta.id: s for s in sources}
    return {"editor_note": _markdown(summary_md) if summary_md.strip() else "",
            "lead": summary.lead(sources, links), "numbers": summary.headline_numbers(figures, by_id),
            "timeline": summary.timeline(sources), "actors": summary.who_says_what(sources, links),
            "corroborated": summary.corroborated(sources, links), "disagreements": disagreements,
            "escapes": summary.escapes_vs_recaptures(figures, by_id)}


def _where(exc: jinja2.TemplateError, template: str) -> str:
    """"templates/x.html:12: " from a Jinja error (syntax errors carry it, others in their traceback)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        return f"{exc.filename or exc.name or template}:{exc.lineno}: "
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else f"{template}: "


class Renderer:
    """Renders every page of the site into a dict of relative path -> text."""

    def __init__(self, templates: Path, site: dict, roots: tuple[Path, ...] | None = None):
        self.env = environment(templates, roots)
        self.site = site

    def page(self, template: str, path: str, **context) -> tuple[str, str]:
        root = "../" * path.count("/")
        nav = [{"label": label, "href": f"{root}{target}", "current": target == path}
               for label, target in (("Summary", "index.html"), ("Sources", "index.html#sources"),
                                     ("Key figures", "figures.html"), ("Search", "search.html"),
                                     ("About", "about.html"))]
        try:
            html = self.env.get_template(template).render(site=self.site, root=root, nav=nav, path=path, **context)
        except jinja2.TemplateError as exc:
            raise ConfigError(f"template error: {_where(exc, template)}{exc}") from None
        return path, html

    def all_pages(self, sources: list[Source], figures: list[Figure], about_md: str, report: dict,
                  links: dict | None = None, summary_md: str = "") -> dict[str, str]:
        links = links or {}
        figure_page = figures_page(figures, {s.meta.id: s for s in sources})
        pages = dict([
            self.page("index.html", "index.html", sources=[_source_summary(s, figures, "") for s in sources],
                      totals=report,
                      **briefing_view(sources, figures, links, summary_md, figure_page["disagreements"])),
            self.page("figures.html", "figures.html", **figure_page),
            self.page("about.html", "about.html", body=_markdown(about_md), report=report),
            self.page("search.html", "search.html"),
        ])
        for i, source in enumerate(sources):
            path = source_url(source.meta.id)
            neighbours = {"prev": sources[i - 1] if i > 0 else None, "next": sources[i + 1] if i + 1 < len(sources) else None}
            pages.update([self.page(
                "source.html", path, source=_source_summary(source, figures, "../"),
                meta=[(name, getattr(source.meta, name), PROVENANCE_LABELS[source.meta.provenance.get(name, "missing")])
                      for name in ("outlet", "outlet_en", "headline", "date", "weekday", "dateline", "byline", "url")
                      if getattr(source.meta, name)],
                pairs=[_pair_view(p, links.get((source.meta.id, p.id), [])) for p in source.pairs], removed=[asdict(r) for r in source.removed],
                notes=list(source.notes), warnings=list(source.warnings),
                prev={"href": f"{n.meta.id}.html", "outlet": n.meta.outlet} if (n := neighbours["prev"]) else None,
                next={"href": f"{n.meta.id}.html", "outlet": n.meta.outlet} if (n := neighbours["next"]) else None)])
        return pages


def briefing_json(sources: list[Source], figures: list[Figure], build: dict, links: dict | None = None) -> str:
    """site/data/briefing.json: everything on the pages, for other tools and the tests."""
    links = links or {}
    data = {
        "build": build,
        "sources": [{
            "id": s.meta.id, "seed_file": s.meta.seed_file, "outlet": s.meta.outlet, "outlet_en": s.outlet_en.text,
            "headline": s.meta.headline, "headline_en": s.headline_en.text, "date": s.meta.date,
            "dateline": s.meta.dateline, "byline": s.meta.byline, "url": s.meta.url,
            "provenance": s.meta.provenance, "url_path": source_url(s.meta.id),
            "pairs": [{"id": p.id, "number": p.number, "kind": p.kind, "ar": p.ar, "en": p.en, "status": p.status,
                       "sentences": [asdict(x) for x in p.sentences],
                       "also_reported_by": [{"source_id": link.source_id, "pair_id": link.pair_id, "score": link.score}
                                            for link in links.get((s.meta.id, p.id), [])]} for p in s.pairs],
            "removed": [asdict(r) for r in s.removed],
        } for s in sources],
        "figures": [asdict(f) for f in figures],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


FIGURE_FIELDS = ("id", "category", "group", "group_label", "value", "low", "high", "vague", "qualifier",
                 "display", "claimant", "outlet", "source_id", "date", "stated_day", "pair_id", "url", "match",
                 "unit", "ar", "en")


def figure_records(figures: list[Figure], sources: list[Source]) -> list[dict]:
    """One flat record per figure, with every field: figures.json and figures.csv."""
    by_id = {s.meta.id: s for s in sources}
    return [{"id": f"fig-{i}", "category": f.category, "group": f.group, "group_label": group_label(f.group),
             "value": f.value, "low": f.low, "high": f.high, "vague": f.vague, "qualifier": f.qualifier,
             "display": figure_value(f), "claimant": f.claimant, "outlet": by_id[f.source_id].meta.outlet,
             "source_id": f.source_id, "date": by_id[f.source_id].meta.date, "stated_day": f.stated_day,
             "pair_id": f.pair_id, "url": f"{source_url(f.source_id)}#{f.pair_id}", "match": f.match,
             "unit": f.unit, "ar": f.ar, "en": f.en} for i, f in enumerate(figures, 1)]


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP): text starting with = + - @ tab or
    CR gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def figures_exports(figures: list[Figure], sources: list[Source]) -> dict[str, str]:
    """data/figures.json and data/figures.csv (UTF-8 with BOM so that spreadsheet programs read Arabic)."""
    records = figure_records(figures, sources)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIGURE_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in record.items()} for record in records)
    return {"data/figures.json": json.dumps(records, ensure_ascii=False, indent=1) + "\n",
            "data/figures.csv": "\ufeff" + buffer.getvalue()}
