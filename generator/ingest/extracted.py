"""What the non-.txt readers (HTML, JSON/JSONL, Markdown) hand on: one `Extracted` article each, and the small
helpers they share (capped reading, dates, metadata values, the final normalisation and checks)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..arabic import arabic_ratio
from ..errors import SeedError
from ..files import UnsafeFile, read_bytes
from ..models import Removed
from .read import normalise_text

META_KEYS = ("outlet", "headline", "date", "url", "byline")


@dataclass(frozen=True)
class Extracted:
    """One article as a reader gives it, before cleaning."""

    name: str  # shown to users in messages: "page.html", "export.jsonl#3" (record number, 1-based)
    id: str  # stable, URL-safe source id (file: source_id(file name); record: "<file id>-<10 hex of sha1(url)>")
    text: str  # headline first when known, then the body paragraphs separated by blank lines
    meta: dict[str, str]  # detected metadata, keys from META_KEYS; date ISO ("2024-03-03" or "2024-03-03T13:52")
    removed: tuple[Removed, ...]  # lines the reader dropped (HTML: visible page lines not kept), with reasons
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


# What every reader returns: the usable articles, and one SeedError message per unusable record (a
# records file with a bad record still gives its good ones). A file that is unusable as a whole raises
# SeedError instead.
Reading = tuple[list[Extracted], list[str]]
Reader = Callable[[Path, tuple[Path, ...]], Reading]


def read_capped(path: Path, roots: tuple[Path, ...], limit: int) -> bytes:
    """The file's bytes through generator.files (no symlink out of the roots, at most `limit` bytes)."""
    try:
        return read_bytes(path, roots, limit)
    except UnsafeFile as exc:
        raise SeedError(str(exc).replace(str(path), path.name, 1)) from None


_SPACE = re.compile(r"\s+")


def squash(value: object) -> str:
    """A metadata value as one line of text ("" for None, lists joined with the Arabic comma)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "، ".join(v for v in (squash(item) for item in value) if v)
    return _SPACE.sub(" ", str(value)).strip()


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2})?)?")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:[T ,]+(\d{1,2}):(\d{2}))?")


def iso_date(value: object) -> str:
    """An ISO date ("2024-03-03") or date and time ("2024-03-03T13:52") from what scrapers and pages write:
    ISO 8601 with or without a time zone, "YYYY-MM-DD HH:MM:SS", "YYYY/MM/DD", a date or datetime object.

    The wall-clock time is kept as written and the offset dropped ("2020-12-25T01:59:50+02:00" is
    "2020-12-25T01:59", the day the outlet's readers saw; converting to UTC would give the 24th).
    "HH:MM:SS" of exactly 00:00:00 without an offset is a date-only value filled in by a scraper."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = squash(value)
    m = _ISO.match(text) or _SLASHED.match(text)
    if not m:
        return ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        dt.date(y, mo, d)
    except ValueError:
        return ""
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    if m.group(4) is None:
        return day
    hour, minute = int(m.group(4)), int(m.group(5))
    seconds, offset = (m.group(6), m.group(7)) if m.re is _ISO else (None, None)
    midnight = hour == minute == 0 and seconds in (None, "00") and not offset
    if hour > 23 or minute > 59 or midnight:
        return day
    return f"{day}T{hour:02d}:{minute:02d}"


_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:/\S*)?$")


def is_domain(value: str) -> bool:
    """Whether an outlet value is a host name or URL ("bbc.com", "https://…") rather than a name."""
    return bool(_DOMAIN.match(value.strip()))


def pick_outlet(candidates: list[str]) -> str:
    """The first candidate that is a name; a domain only when no candidate is a name."""
    values = [squash(c) for c in candidates if squash(c)]
    names = [v for v in values if not is_domain(v)]
    if names:
        return names[0]
    return re.sub(r"(?i)^(?:https?://)?(?:www\.)?([^/]+).*$", r"\1", values[0]) if values else ""


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of a text, whitespace squeezed: each is a paragraph."""
    return [line for line in (squash(raw) for raw in text.splitlines()) if line]


def compose(headline: str, body: list[str]) -> str:
    """The article text: the headline first (unless the body already starts with it), then the paragraphs,
    separated by blank lines."""
    lines = list(body)
    if headline and (not lines or squash(lines[0]) != squash(headline)):
        lines.insert(0, headline)
    return "\n\n".join(lines)


def finish(name: str, source: str, text: str, meta: dict[str, str], removed: tuple[Removed, ...] = (),
           notes: list[str] | tuple[str, ...] = (), warnings: list[str] | tuple[str, ...] = ()) -> Extracted:
    """Normalise the text and metadata like a .txt seed (no control, bidi or zero-width characters, NFC) and
    refuse an article with no text or no Arabic, as read_seed does."""
    text, more = normalise_text(text)
    text = text.strip()
    if not text:
        raise SeedError(f"{name}: empty (no article text to publish)")
    if arabic_ratio(text) < 0.3:
        raise SeedError(f"{name}: the text is not Arabic (mostly Latin script); not translated or published")
    clean_meta = {}
    for key in META_KEYS:
        value = squash(normalise_text(meta[key])[0]) if meta.get(key) else ""
        if value:
            clean_meta[key] = value
    return Extracted(name=name, id=source, text=text, meta=clean_meta, removed=removed,
                     notes=tuple(notes) + tuple(more), warnings=tuple(warnings))


def strip_affix(title: str, names: list[str]) -> str:
    """The title without a leading or trailing part that is one of the site's names ("… - BBC News عربي")."""
    title = squash(title)
    for name in sorted({squash(n) for n in names if squash(n)}, key=len, reverse=True):
        sep = r"\s+(?:[-|–—:•«»]|::)\s+"
        shorter = re.sub(rf"(?i){sep}{re.escape(name)}$", "", title)
        shorter = re.sub(rf"(?i)^{re.escape(name)}{sep}", "", shorter)
        if shorter.strip():
            title = shorter.strip()
    return title
