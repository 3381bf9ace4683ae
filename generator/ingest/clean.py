"""Stage 2: separate the article body from page chrome, keeping a reason for every removed line.

Two passes. First each line is matched against the kinds of noise in noise.py.
Then the article's structure decides the rest: the body runs from the first to
the last full sentence (or, in a scrape with no sentence at all, from the first to the
last line of a few words: a poem); short lines before it are the headline, dateline and
navigation; short lines after it are page chrome; short lines inside it are
sub-headings; truncated teasers and repeats of the headline or of the body are
dropped as duplicates.
"""

from __future__ import annotations

import re

from ..arabic import arabic_ratio, normalize, words
from ..dates import parse_date, weekday_today
from ..models import Block, CleanResult, Line, Removed
from .noise import classify, ends_sentence, is_prose, is_sentence_like

MAX_HEADING_WORDS = 8
VERSE_LINES = 4  # with no sentence or prose line, this many open lines of VERSE_WORDS or more are the body
VERSE_WORDS = 3  # (a poem, or a list): kept as body paragraphs, not sub-headings
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
_PIPE = re.compile(r"\s+[|｜]\s+")
_MEDIA_LABEL = re.compile(r"\s*[+|\-–]\s*(?:فيديو|بالفيديو|صور|بالصور|شاهد|video|photos?)\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^([^\s–—\-|/]+(?:\s[^\s–—\-|/]+)?)\s+[–—-]\s+([^\s–—\-|/]+(?:\s[^\s–—\-|/]+){0,2})$")
_OUTLET_PREFIX = re.compile(r"^([^\s/.،:\"«“]+(?:\s[^\s/.،:\"«“]+){0,2})\s*/\s*")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SOCIAL = re.compile(r"youtube\.com|youtu\.be|facebook\.com|twitter\.com|x\.com|t\.me|instagram\.com|tiktok\.com",
                     re.IGNORECASE)
_BYLINE_LABEL = re.compile(r"^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|تحرير|متابعة|ترجمة|المحرر|الكاتب|مراسل|مراسلة|"
                           r"reporting|written\s+by|by)\s*[:：\-–]?\s*", re.IGNORECASE)
_MEDIA_CREDIT_TAIL = re.compile(r"\S\s*[-–—]\s*\S+(?:\s\S+){0,2}$|\S[-–—]\S+(?:\s\S+){0,2}$")


def _title_parts(text: str) -> list[str]:
    return [p.strip() for p in _PIPE.split(_EMOJI.sub("", text)) if p.strip()]


def headline_key(text: str) -> str:
    """The comparison form of a headline-like line: emoji, site suffix and media labels dropped."""
    parts = _title_parts(text)
    main = max(parts, key=lambda p: len(words(p))) if parts else ""
    return normalize(_MEDIA_LABEL.sub("", main))


class _Scan:
    """Working state for one scrape: which lines are decided, and how."""

    def __init__(self, text: str):
        self.lines = [Line(i, t.strip()) for i, t in enumerate(text.split("\n"), 1)]
        self.content = [ln for ln in self.lines if ln.text]
        self.arabic = arabic_ratio(text) >= 0.5
        self.decided: dict[int, tuple[str, str]] = {}  # line number -> (action, reason)
        self.meta: dict[str, str] = {}
        self.url_lines: list[Line] = []
        self.verse = False  # the body is short lines without sentences (see _body_span)

    def drop(self, line: Line, reason: str) -> None:
        self.decided[line.number] = ("remove", reason)

    def open_lines(self) -> list[Line]:
        return [ln for ln in self.content if ln.number not in self.decided]


def _match_noise(scan: _Scan) -> None:
    related = False
    for line in scan.content:
        found = classify(line.text, scan.arabic)
        if related and found is None and not (is_sentence_like(line.text) and len(words(line.text)) >= 15):
            scan.drop(line, "'read more' link list")
            continue
        related = False
        if found is None:
            continue
        action, reason = found
        if action == "related":
            related = True
            action = "remove"
        if action == "date" and "date_text" not in scan.meta and parse_date(line.text):
            scan.meta["date_text"] = line.text
        if action == "url":
            scan.meta["url"] = _URL.search(line.text).group(0)
            action = "remove"
        elif reason == "bare URL" and not _SOCIAL.search(line.text):
            scan.url_lines.append(line)
        if action == "byline":
            scan.meta.setdefault("byline", _BYLINE_LABEL.sub("", line.text).strip())
            action, reason = "remove", "byline (kept as metadata)"
        scan.decided[line.number] = (action, reason)


def _drop_teasers(scan: _Scan) -> None:
    candidates = scan.open_lines()
    teasers = [ln for ln in candidates if ln.text.rstrip(" \"”»").endswith(("…", "..."))]
    haystack = " " + " ".join(normalize(ln.text) for ln in candidates if ln not in teasers) + " "
    for line in teasers:
        head = line.text.rstrip(" \"”»").rstrip(".…").rsplit(None, 1)
        key = normalize(head[0]) if head else ""
        if len(key.split()) >= 5 and f" {key} " in haystack:
            scan.drop(line, "teaser repeating the body")


def _drop_repeats(scan: _Scan) -> None:
    seen: set[str] = set()
    for line in scan.open_lines():
        key = normalize(line.text)
        if key in seen and len(key.split()) >= 3:
            scan.drop(line, "duplicate of an earlier paragraph")
        seen.add(key)


def _body_span(scan: _Scan) -> tuple[int, int]:
    """Line numbers of the first and last full sentence that is still open."""
    sentences = [ln.number for ln in scan.open_lines() if is_sentence_like(ln.text)]
    if not sentences:
        prose = [ln.number for ln in scan.open_lines() if is_prose(ln.text)]
        verse = [ln.number for ln in scan.open_lines() if len(words(ln.text)) >= VERSE_WORDS]
        scan.verse = not prose and len(verse) >= VERSE_LINES
        sentences = prose or (verse if scan.verse else [ln.number for ln in scan.open_lines()][:1])
    return (sentences[0], sentences[-1]) if sentences else (0, -1)


def _read_header(scan: _Scan, start: int) -> None:
    """Headline, masthead and dateline among the lines before the body; the rest is chrome."""
    header = [ln for ln in scan.open_lines() if ln.number < start]
    keys = [headline_key(ln.text) for ln in header]
    repeated = [ln for ln, k in zip(header, keys, strict=True) if k and keys.count(k) > 1]
    titled = [ln for ln in header if len(_title_parts(ln.text)) > 1]
    headline = None
    for line in header:
        parts = _title_parts(line.text)
        if len(parts) > 1 and all(len(words(p)) < 5 for p in parts):
            scan.meta.setdefault("masthead", parts[0])
            scan.drop(line, "masthead (outlet name kept as metadata)")
        elif (m := _DATELINE.match(line.text)) and len(words(line.text)) <= 5:
            scan.meta.setdefault("dateline", m.group(1))
            scan.meta.setdefault("dateline_outlet", m.group(2))
            scan.drop(line, "dateline (kept as metadata)")
    remaining = [ln for ln in header if ln.number not in scan.decided]
    pool = repeated or [ln for ln in titled if ln in remaining] or [
        ln for ln in remaining if len(words(ln.text)) >= 4 and not ends_sentence(ln.text)]
    if pool:
        headline = pool[0] if repeated else pool[-1]
        parts = _title_parts(headline.text)
        main = max(parts, key=lambda p: len(words(p)))
        scan.meta["headline"] = _MEDIA_LABEL.sub("", main).strip()
        site = [p for p in parts if p is not main]
        if site:
            scan.meta.setdefault("site_label", site[-1])
        scan.drop(headline, "headline (shown as the page title)")
    header_urls = [ln for ln in scan.url_lines if ln.number < start]
    if header_urls and "url" not in scan.meta:
        scan.meta["url"] = header_urls[0].text.strip()
        scan.decided[header_urls[0].number] = ("remove", "link to the original article (kept as metadata)")
    head_key = headline_key(headline.text) if headline else None
    for line in scan.open_lines():
        if head_key and headline_key(line.text) == head_key:
            scan.drop(line, "headline repeated")
        elif line.number < start:
            scan.drop(line, "navigation or promo before the article")


def _read_footer(scan: _Scan, end: int) -> None:
    previous: Line | None = None
    for line in scan.open_lines():
        wraps = (previous is not None and previous.number == line.number - 1 and ends_sentence(line.text)
                 and not ends_sentence(previous.text) and len(words(previous.text)) >= MAX_HEADING_WORDS)
        if line.number > end and not is_prose(line.text) and not wraps:
            scan.drop(line, "page chrome after the article")
            continue
        previous = line


def _outlet_prefix(scan: _Scan, start: int) -> tuple[int, str] | None:
    """A "Outlet/ " prefix on the first body line (e.g. "شفق نيوز/ ..."), kept as metadata."""
    first = next((ln for ln in scan.open_lines() if ln.number >= start), None)
    if (first and (m := _OUTLET_PREFIX.match(first.text)) and len(words(m.group(1))) <= 3
            and len(words(first.text[m.end():])) >= 5):
        scan.meta.setdefault("prefix_outlet", m.group(1))
        return first.number, m.group(0)
    return None


def _blocks(scan: _Scan, prefix: tuple[int, str] | None) -> list[Block]:
    """Join wrapped lines into paragraphs; label headings and captions."""
    blocks: list[Block] = []
    previous: Line | None = None
    for line in scan.content:
        action = scan.decided.get(line.number, ("keep", ""))[0]
        if action in ("remove", "date"):
            previous = None
            continue
        text = line.text
        if prefix and line.number == prefix[0]:
            text = text[len(prefix[1]):].strip()
        kind = "caption" if action == "caption" else "body"
        if (kind == "body" and not is_prose(text) and len(words(text)) <= MAX_HEADING_WORDS
                and not (scan.verse and len(words(text)) >= VERSE_WORDS)):
            kind = "heading"
        elif kind == "body" and _MEDIA_CREDIT_TAIL.search(text) and not ends_sentence(text) and len(words(text)) <= 25:
            kind = "caption"
        wrapped = (previous is not None and previous.number == line.number - 1 and blocks
                   and blocks[-1].kind == "body" and not ends_sentence(blocks[-1].text)
                   and len(words(previous.text)) >= MAX_HEADING_WORDS and kind in ("body", "heading"))
        if wrapped:
            last = blocks.pop()
            blocks.append(Block("body", f"{last.text} {text}", (*last.lines, line.number)))
        else:
            blocks.append(Block(kind, text, (line.number,)))
        previous = line
    return blocks


def clean(text: str) -> CleanResult:
    """Split a scrape into kept blocks, removed lines with reasons, and detected metadata."""
    scan = _Scan(text)
    _match_noise(scan)
    _drop_teasers(scan)
    start, end = _body_span(scan)
    _read_header(scan, start)
    _drop_repeats(scan)
    _read_footer(scan, end)
    prefix = _outlet_prefix(scan, start)
    first = next((ln for ln in scan.open_lines() if ln.number >= start), None)
    if first and (weekday := weekday_today(first.text)):
        scan.meta["weekday"] = weekday  # "اليوم، الاحد": published on a Sunday
    removed = [Removed(n, next(ln.text for ln in scan.content if ln.number == n), reason)
               for n, (action, reason) in sorted(scan.decided.items()) if action in ("remove", "date")]
    if prefix:
        removed.append(Removed(prefix[0], prefix[1].strip(), "outlet prefix (kept as metadata)"))
        removed.sort(key=lambda r: r.line)
    return CleanResult(blocks=tuple(_blocks(scan, prefix)), removed=tuple(removed), meta=dict(scan.meta))
