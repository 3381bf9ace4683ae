"""The site's data files, for other tools (described field by field in the README):

- data/briefing.json: the build, the stories with their summaries, every source's metadata, the
  statements carried by several sources; each source's paragraphs are in data/sources/<id>.json;
- data/figures.json and data/figures.csv: every number of every body sentence, typed (counts of people
  and every other number), each referring to its sentence by source, pair, sentence and span.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from ..analysis.briefing import Briefing, Story
from ..analysis.figures import figure_value
from ..analysis.labels import category_label, group_label
from ..models import Figure, Source
from .views import source_url

SCHEMA_VERSION = 3
FIGURE_FIELDS = ("id", "type", "category", "category_label", "group", "group_label", "value", "low", "high",
                 "vague", "qualifier", "display", "noun", "unit", "claimant", "outlet", "source_id", "date",
                 "stated_day", "pair_id", "sentence", "start", "end", "match", "url", "review", "note", "teaser_of",
                 "paragraph", "scope", "day")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


# One line, compact: small, fast (json's C encoder), and still readable and diffable a record a line. (One encoder:
# json.dumps with these options makes one per call, one per record, 20,000 at 1,000 reports.)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def source_record(source: Source) -> dict:
    meta = source.meta
    return {"id": meta.id, "seed_file": meta.seed_file, "outlet": meta.outlet, "outlet_en": source.outlet_en.text,
            "headline": meta.headline, "headline_en": source.headline_en.text, "date": meta.date,
            "dateline": meta.dateline, "byline": meta.byline, "url": meta.url, "provenance": meta.provenance,
            "url_path": source_url(meta.id), "data_path": f"data/sources/{meta.id}.json",
            "pairs": len(source.pairs), "removed": len(source.removed), "warnings": list(source.warnings)}


def _records(fields: dict, lists: dict[str, Iterable[dict]]) -> Iterator[str]:
    """A JSON object of `fields` then `lists`, each list a record a line: readable and diffable, and written
    by json's C encoder (an indented dump runs in Python, several times slower; 10,000 sources' files). In
    pieces, a record at a time: the briefing of 10,000 reports is 50 MB, never held whole."""
    yield _COMPACT(fields)[:-1]
    for key, records in lists.items():
        first = True
        for record in records:
            yield (f",{json.dumps(key)}:[\n" if first else ",\n") + _COMPACT(record)
            first = False
        yield f",{json.dumps(key)}:[]" if first else "\n]"
    yield "}\n"


def source_json(briefing: Briefing, source: Source) -> str:
    """data/sources/<id>.json: the paragraphs, sentence by sentence, and the lines removed from the scrape."""
    statement_of = briefing.statement_of
    return "".join(_records({"schema_version": SCHEMA_VERSION, "id": source.meta.id}, {"pairs": [{
        "id": p.id, "number": p.number, "kind": p.kind, "status": p.status, "ar": p.ar, "en": p.en,
        "text": briefing.text_id(source.meta.id, p.id),
        "statement": statement_of[(source.meta.id, p.id)].id if (source.meta.id, p.id) in statement_of else None,
        "sentences": [{"ar": s.ar, "en": s.en, "status": s.status, "suggestion": s.suggestion,
                       "flags": [{"check": f.check, "message": f.message} for f in s.flags]} for s in p.sentences]}
                  for p in source.pairs],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in source.removed]}))


def story_record(story: Story) -> dict:
    s = story.summary
    return {"id": story.id, "title_ar": story.title_ar, "title_en": story.title_en, "members": list(story.members),
            "why": story.why, "span": list(story.span), "figure_ids": list(story.figure_ids),
            "related": [{"id": r.story, "similar": round(r.similar, 3), "words": list(r.words)} for r in story.related],
            "summary": {"lead": s.lead, "numbers": s.numbers, "timeline": s.timeline, "actors": s.actors,
                        "corroborated": s.corroborated, "disagreements": s.disagreements, "escapes": s.escapes}}


def briefing_json(briefing: Briefing) -> Iterator[str]:
    """data/briefing.json, in pieces (written as they come)."""
    report = briefing.report
    return _records({"schema_version": SCHEMA_VERSION, "figures": "data/figures.json",
                     "build": {"date": report["build_date"], "model": report["model"], "sources": report["sources"]}}, {
        "stories": (story_record(s) for s in briefing.stories),
        "sources": (source_record(s) for s in briefing.sources),
        "texts": ({"id": ids[n], "members": [list(m) for m in members], "matches": [ids[m] for m in linked]}
                  for ids in [briefing.text_ids] for n, members in enumerate(briefing.matches.members)
                  for linked in [briefing.matches.linked.of(n)] if len(members) > 1 or linked),
        "statements": ({"id": s.id, "members": [list(m) for m in s.members]} for s in briefing.statements)})


def figure_record(figure: Figure, source: Source) -> dict:
    """A figure's record, its keys in FIGURE_FIELDS' order (figures.csv's columns: a test holds them equal)."""
    return {"id": figure.id, "type": figure.type, "category": figure.category,
            "category_label": category_label(figure.category) if figure.category else "", "group": figure.group,
            "group_label": group_label(figure.group) if figure.group else "", "value": figure.value,
            "low": figure.low, "high": figure.high, "vague": figure.vague, "qualifier": figure.qualifier,
            "display": figure_value(figure), "noun": figure.noun, "unit": figure.unit, "claimant": figure.claimant,
            "outlet": source.meta.outlet, "source_id": figure.source_id, "date": source.meta.date,
            "stated_day": figure.stated_day, "pair_id": figure.pair_id, "sentence": figure.sentence,
            "start": figure.start, "end": figure.end, "match": figure.match,
            "url": f"{source_url(figure.source_id)}#{figure.pair_id}", "review": figure.review, "note": figure.note,
            "teaser_of": figure.teaser_of, "paragraph": figure.paragraph, "scope": figure.scope, "day": figure.day}


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP): text starting with = + - @ tab or
    CR gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def figure_lines(figures: list[Figure], source: Source) -> tuple[str, str]:
    """One source's part of figures.json (a record a line) and of figures.csv: made with the source's
    other per-source work and cached with it."""
    if not figures:
        return "", ""
    records = [figure_record(f, source) for f in figures]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([spreadsheet_safe(v) for v in record.values()] for record in records)
    # One dump for the source's records, a line each: every record is flat and starts with its id, and inside a JSON
    # string a quote is escaped, so '},{"id":' stands only between two records.
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))[1:-1].replace('},{"id":', '},\n{"id":'), \
        buffer.getvalue()


def figures_exports(briefing: Briefing, lines: dict[str, tuple[str, str]] | None = None
                    ) -> dict[str, Iterator[str]]:
    """data/figures.json and data/figures.csv (UTF-8 with BOM so that spreadsheet programs read Arabic), each in
    pieces, a source at a time, made as they are written (at 10,000 reports they are 70 and 25 MB)."""
    by_source: dict[str, list[Figure]] = {}
    for figure in briefing.figures:
        by_source.setdefault(figure.source_id, []).append(figure)

    def part(source: Source) -> tuple[str, str]:
        return (lines or {}).get(source.meta.id) or figure_lines(by_source.get(source.meta.id, []), source)

    def records() -> Iterator[str]:
        yield f'{{"schema_version": {SCHEMA_VERSION}, "figures": [\n'
        first = True
        for source in briefing.sources:
            if own := part(source)[0]:
                yield own if first else ",\n" + own
                first = False
        yield "\n]}\n"

    def rows() -> Iterator[str]:
        yield "\ufeff" + ",".join(FIGURE_FIELDS) + "\n"
        yield from (part(source)[1] for source in briefing.sources)
    return {"data/figures.json": records(), "data/figures.csv": rows()}
