"""Scrapers' records (.json/.jsonl): news-please (one object per .json file), trafilatura's JSON output (one
object per line), and lists of such objects. One article per record, each with an id that survives
reordering the file; a bad record is reported and skipped, the others are read."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import SeedError
from ..files import SEED_LIMIT
from .extracted import (
    Extracted,
    Reading,
    compose,
    finish,
    iso_date,
    paragraphs,
    pick_outlet,
    read_capped,
    squash,
    strip_affix,
)
from .formats import RECORDS_LIMIT
from .html import parse, visible_lines
from .html_meta import title_affix
from .read import source_id

TEXT_KEYS = ("text", "content", "maintext", "raw_text", "body")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "source_url", "link", "canonical_url")
DATE_KEYS = ("date", "date_publish", "published", "date_published", "datePublished")
OUTLET_KEYS = ("source", "source_domain", "sitename", "site_name", "source-hostname", "hostname", "outlet")
AUTHOR_KEYS = ("author", "authors")

_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li)\b[^>]*>", re.IGNORECASE)
# (record number, where to point in messages, the parsed value or None, its size in bytes or a parse error)
Raw = tuple[int, str, Any, int | str]


def read_records(path: Path, roots: tuple[Path, ...]) -> Reading:
    """Every record of a .json or .jsonl file: the articles, and one message per record that is skipped.

    A .json holding one object (news-please) is one article named and identified like a file ("a.json",
    id "a"); records of a list or of JSON Lines are "export.jsonl#3", id "<file id>-<hash of the url>"."""
    data = read_capped(path, roots, RECORDS_LIMIT)
    text = _utf8(data, path.name)
    single, raws = _parse(text, path.name, path.suffix.lower() == ".jsonl")
    if not raws:
        raise SeedError(f"{path.name}: no records (the file holds no JSON object)")
    articles, problems, seen = [], [], set()
    for number, where, value, size in raws:
        name = path.name if single else f"{path.name}#{number}"
        try:
            if isinstance(size, str):
                raise SeedError(f"{name}{where}: not valid JSON: {size}; skipped")
            article = _article(name, value, size)
        except SeedError as exc:
            problems.append(str(exc))
            continue
        article_id = source_id(path.name) if single else _unique(_record_id(path.name, article), seen)
        seen.add(article_id)
        articles.append(replace(article, id=article_id))
    return articles, problems


def _utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SeedError(f"{name}:{line}: not valid UTF-8 (byte {exc.start}); JSON files are UTF-8") from None


def _parse(text: str, name: str, lines: bool) -> tuple[bool, list[Raw]]:
    """Whether the file is one object, and its records. A .json that turns out to hold one object per line is
    read as JSON Lines (trafilatura's output is often saved as .json)."""
    if lines:
        return False, _json_lines(text)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            return False, _json_lines(text)
        raise SeedError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if isinstance(value, list):
        return False, [(n, "", v, _size(v)) for n, v in enumerate(value, 1)]
    if isinstance(value, dict):
        return True, [(1, "", value, _size(value))]
    raise SeedError(f"{name}: expected a JSON object or a list of objects, found {type(value).__name__}")


def _json_lines(text: str) -> list[Raw]:
    """One record per non-blank line; a line that is not JSON is that record's problem."""
    raws: list[Raw] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f" (line {lineno})"
        try:
            raws.append((len(raws) + 1, where, json.loads(line), len(line.encode("utf-8"))))
        except json.JSONDecodeError as exc:
            raws.append((len(raws) + 1, where, None, f"{exc.msg} (column {exc.colno})"))
    return raws


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8"))


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if _present(record.get(k))), None)


def _present(value: Any) -> bool:
    return bool(squash(value)) if isinstance(value, str | list | tuple) else value is not None


def _article(name: str, record: Any, size: int) -> Extracted:
    """One record as an article (SeedError naming the record when it is not one)."""
    if size > SEED_LIMIT:
        raise SeedError(f"{name}: a record of {size:,} bytes, more than one article's limit ({SEED_LIMIT:,}); "
                        "skipped")
    if not isinstance(record, dict):
        raise SeedError(f"{name}: not a JSON object but {type(record).__name__}; skipped")
    body = _first(record, TEXT_KEYS)
    body = "\n".join(map(str, body)) if isinstance(body, list) else str(body or "")
    if not squash(body):
        about = squash(_first(record, URL_KEYS) or _first(record, TITLE_KEYS))
        raise SeedError(f"{name}{f' ({about})' if about else ''}: no article text "
                        f"(none of {', '.join(TEXT_KEYS)}); skipped")
    meta = _meta(record)
    raw_date = _first(record, DATE_KEYS)
    notes = [f"date {squash(raw_date)!r} not understood; left out"] if raw_date and not meta["date"] else []
    if _MARKUP.search(body):  # a CMS's or feed's "content" is HTML: its visible lines are the paragraphs
        body = "\n".join(visible_lines(parse(f"<html><body>{body}</body></html>", name)))
        notes.append("the record's text is HTML; read as its visible lines")
    return finish(name, "", compose(meta["headline"], paragraphs(body)), meta, notes=notes)


def _is_url(value: str) -> bool:
    return value.strip().lower().startswith(("http://", "https://"))


def _meta(record: dict[str, Any]) -> dict[str, str]:
    """headline, outlet (a name before a domain; trafilatura's "source" is the URL), date, url, byline."""
    outlets = [record[k] for k in OUTLET_KEYS if isinstance(record.get(k), str)]
    title = squash(_first(record, TITLE_KEYS))
    # news-please gives only a domain, but its title_page names the site ("… | شام تايمز").
    affix = title_affix(squash(record.get("title_page")), title) if isinstance(record.get("title_page"), str) else ""
    outlet = pick_outlet([*(o for o in outlets if not _is_url(o)), affix])
    url = _first(record, URL_KEYS) or next((o for o in outlets if _is_url(o)), "")
    return {"outlet": outlet, "url": squash(url), "byline": _authors(_first(record, AUTHOR_KEYS)),
            "date": iso_date(_first(record, DATE_KEYS)), "headline": strip_affix(title, [outlet])}


def _authors(value: Any) -> str:
    """Authors as one byline: a list, or trafilatura's "a; b", joined with the Arabic comma."""
    if isinstance(value, str):
        value = value.split(";")
    return squash(value)


def _record_id(file_name: str, article: Extracted) -> str:
    """<file id>-<10 hex of sha1(url)>; without a url, of headline and date; without those, of the text."""
    basis = article.meta.get("url") or "\n".join(article.meta.get(k, "") for k in ("headline", "date")).strip()
    digest = hashlib.sha1((basis or article.text).encode("utf-8")).hexdigest()[:10]
    return f"{source_id(file_name)}-{digest}"


def _unique(candidate: str, seen: set[str]) -> str:
    """The id, or the id with -2, -3 … when an earlier record of the file has it."""
    number, unique = 1, candidate
    while unique in seen:
        number += 1
        unique = f"{candidate}-{number}"
    return unique
