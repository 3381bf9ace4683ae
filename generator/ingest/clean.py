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

import html
import re

from ..arabic import arabic_ratio, ascii_digits, normalize, words
from ..dates import parse_date, weekday_today
from ..models import Block, CleanResult, Line, Removed
from .noise import (
    classify,
    date_words_removed,
    ends_sentence,
    glued_tail,
    is_prose,
    is_sentence_like,
    pager_prefix,
    strip_closers,
)

MAX_HEADING_WORDS = 8
CLOSES_BODY = frozenset({"app or alerts promotion"})  # an outlet's sentence that closes its articles' text
MAX_TITLE_WORDS = 20  # a title found by its place alone (first, before a longer line) is no longer than this
LEAD_WORDS = 25  # a line this long is a paragraph, never a headline or a promo line, whatever it ends with
INTRO_WORDS = 6  # a line this long that ends in ":" introduces what follows ("صدر اليوم … البيان التالي :-")
VERSE_LINES = 4  # with no sentence or prose line, this many open lines of VERSE_WORDS or more are the body
VERSE_WORDS = 3  # (a poem, or a list): kept as body paragraphs, not sub-headings
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
_PIPE = re.compile(r"\s+[|｜]\s+")
_MEDIA_LABEL = re.compile(r"\s*[+|\-–]\s*(?:فيديو|بالفيديو|صور|بالصور|شاهد|video|photos?)\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^([^\s–—\-|/]+(?:\s[^\s–—\-|/ـ]+)?)(?:\s*[–—-]\s+|\s+[–—-]\s*|\s+ـ\s+)"
                       r"([^\s–—\-|/]+(?:\s[^\s–—\-|/]+){0,2})$")  # "دبي - سانا", "سلوى المدني- عين اليوم", "… ـ القاهرة"
_SECTION_PREFIX = re.compile(r"^[^\s/]+\s+/\s+")
_TRANSMISSION = re.compile(r"\s+/\s*(?:إضافة|اضافة|تعديل|محدث|محدّث|عاجل)(?:\s+\S+){0,3}\s*$")
_OUTLET_PREFIX = re.compile(r"^([^\s/.،:\"«“]+(?:\s[^\s/.،:\"«“]+){0,2})\s*/\s*")
_BRACKET_CREDIT = re.compile(r"^(?P<place>[^()\n:]{0,60}?)\s*\((?P<outlet>[A-Za-z][A-Za-z .&]{1,20})\)\s*(?:--|[-–—])\s*")
_PART = r"[^\s:،,\-–—]+(?:\s[^\s:،,\-–—]+)?"
_DASHED_CREDIT = re.compile(rf"^(?=[^\W\d_])({_PART}\s*[-–—]\s*{_PART}(?:\s*[-–—]\s*{_PART})?)\s*:\s*")
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
        self.parts: list[Removed] = []  # parts of lines left out (pager labels glued before a byline)
        for i, line in enumerate(self.lines):
            if cut := pager_prefix(line.text):
                self.parts.append(Removed(line.number, line.text[:cut].strip(), "pager or slide show labels"))
                self.lines[i] = Line(line.number, line.text[cut:].strip())
            if cut := glued_tail(self.lines[i].text):
                text = self.lines[i].text
                self.parts.append(Removed(line.number, text[cut:].strip(), "tag list or link glued after the text"))
                self.lines[i] = Line(line.number, text[:cut].strip())
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


def _lead(scan: _Scan, first_sentence: int) -> int | None:
    """A paragraph before the first full sentence that starts the body all the same: LEAD_WORDS words or
    more, or a line of INTRO_WORDS or more that ends in ":" ("… فيما يلي نصه:"), after a line that can be
    the headline (an interview's intro, a lead without its full stop). Without a possible headline before it,
    so long a first line is the title (news agencies write titles of thirty words)."""
    titled = False
    for line in scan.open_lines():
        if line.number >= first_sentence:
            return None
        count = len(words(line.text))
        if titled and (count >= LEAD_WORDS or (count >= INTRO_WORDS and line.text.rstrip(" -ـ–").endswith(":"))):
            return line.number
        titled = titled or count >= 4
    return None


def _body_span(scan: _Scan) -> tuple[int, int]:
    """Line numbers of the first and last full sentence that is still open."""
    sentences = [ln.number for ln in scan.open_lines() if is_sentence_like(ln.text)]
    if sentences and (lead := _lead(scan, sentences[0])) is not None:
        sentences.insert(0, lead)
    if not sentences:
        prose = [ln.number for ln in scan.open_lines() if is_prose(ln.text)]
        verse = [ln.number for ln in scan.open_lines() if len(words(ln.text)) >= VERSE_WORDS]
        scan.verse = not prose and len(verse) >= VERSE_LINES
        sentences = prose or (verse if scan.verse else [ln.number for ln in scan.open_lines()][:1])
    if not sentences:
        return 0, -1
    closing = [n for n, (_, reason) in scan.decided.items() if reason in CLOSES_BODY and n > sentences[-1]]
    return sentences[0], max([sentences[-1], *closing])  # the lines before an outlet's closing promo are the article's


_HIJRI = re.compile(r"(?<!\w)(?:محرم|صفر|ربيع\s+(?:الأول|الاول|الآخر|الاخر|الثاني)|جمادى\s+(?:الأولى|الاولى|الآخرة|الاخرة)|رجب|شعبان|"
                    r"رمضان|شوال|ذو\s+القعدة|ذي\s+القعدة|ذو\s+الحجة|ذي\s+الحجة|هـ|ه|الموافق|م)(?!\w)")


def _dated_dateline(text: str) -> str | None:
    """A dateline that carries the date, as news agencies write it ("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس
    2015 م واس"): a date, and besides its words and digits at most three words (the place first, the agency).
    The place (the words before the first digit), or None for any other line."""
    if len(words(text)) > 14 or not parse_date(text):
        return None
    rest = re.sub(r"\d+(?:[./:-]\d+)*", " ", _HIJRI.sub(" ", date_words_removed(ascii_digits(text))))
    left = words(rest)
    if not 0 < len(left) <= 3:
        return None
    place = words(re.split(r"\d", ascii_digits(text), maxsplit=1)[0])  # "المدينة المنورة 25 …"
    return " ".join(place) if 0 < len(place) <= 3 else left[0]


def _bare_title(scan: _Scan) -> Line | None:
    """With no headline-like line before the body, the scrape's first line that is not noise (a masthead or a
    date line may come before it; a media label such as "فيديو:" may have made it a caption) is its title when
    it is headline-sized (two words to MAX_TITLE_WORDS), does not end in a full stop or ":" (an ellipsis is no
    full stop), and a longer line or a full sentence follows: a question or an exclamation ("… ما هي؟",
    "… وميسي ينطح!"), a short column title ("مرحلة الحسم", "تحرير عدن..")."""
    lines = [ln for ln in scan.content if ln.number not in scan.decided or scan.decided[ln.number][0] == "caption"]
    if len(lines) < 2:
        return None
    first, following = lines[0], lines[1]
    count = len(words(first.text))
    text = strip_closers(first.text.strip())
    full_stop = text.endswith((".", ":", "،", ",")) and not text.endswith((". .", "..", "…"))
    if not 2 <= count <= MAX_TITLE_WORDS or full_stop:
        return None
    return first if len(words(following.text)) > count or is_sentence_like(following.text) else None


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
            if len(m.group(1).split()) == 1 and re.search(r"\s[–—-]\s", line.text):
                # "بغداد - ناس": a place, then the outlet. Not "ناصر الطميحي ـ جدة" (an author and a
                # city) or "عين اليوم – الرياض" (the outlet first): which part of those is the place, the
                # person or the outlet cannot be told from the line, and a wrong field is worse than none:
                # such a line is kept whole as the byline.
                scan.meta.setdefault("dateline", m.group(1))
                scan.meta.setdefault("dateline_outlet", m.group(2))
                scan.drop(line, "dateline (kept as metadata)")
            else:
                scan.meta.setdefault("byline", line.text.strip())
                scan.drop(line, "byline (kept as metadata)")
        elif place := _dated_dateline(line.text):
            scan.meta.setdefault("dateline", place)
            scan.meta.setdefault("date_text", line.text)
            scan.drop(line, "dateline with the date (kept as metadata)")
    remaining = [ln for ln in header if ln.number not in scan.decided]
    pool = repeated or [ln for ln in titled if ln in remaining] or [
        ln for ln in remaining if len(words(ln.text)) >= 4 and not ends_sentence(ln.text)]
    if not pool and (first := _bare_title(scan)) is not None:
        pool = [first]
    if pool:
        headline = pool[0] if repeated else pool[-1]
        parts = _title_parts(headline.text)
        main = max(parts, key=lambda p: len(words(p)))
        title = _MEDIA_LABEL.sub("", main).strip()
        if (m := _SECTION_PREFIX.match(title)) and len(words(title[m.end():])) >= 4:
            title = title[m.end():]  # "عام / …", "رياضي / …": a news agency's section before its title
        title = _TRANSMISSION.sub("", title)  # "… / إضافة أولى وأخيرة": the agency's transmission marker
        scan.meta["headline"] = title
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


def _outlet_prefix(scan: _Scan, start: int) -> tuple[int, str, str] | None:
    """A credit glued to the start of the first body line, kept as metadata: "شفق نيوز/ …" (the outlet);
    "دبي، الإمارات العربية المتحدة (CNN) – …" (a place and an outlet in brackets); "عيسى الحربي- سبق- الرياض: …"
    or "واس - ابها: …" (a credit whose parts cannot be told apart: kept whole as the byline)."""
    first = next((ln for ln in scan.open_lines() if ln.number >= start), None)
    if first is None:
        return None
    if (m := _OUTLET_PREFIX.match(first.text)) and len(words(m.group(1))) <= 3 and len(words(first.text[m.end():])) >= 5:
        scan.meta.setdefault("prefix_outlet", m.group(1))
        return first.number, m.group(0), "outlet prefix (kept as metadata)"
    if (m := _BRACKET_CREDIT.match(first.text)) and len(words(m.group("place"))) <= 5 \
            and len(words(first.text[m.end():])) >= 5:
        scan.meta.setdefault("prefix_outlet", m.group("outlet").strip())
        if m.group("place").strip():
            scan.meta.setdefault("dateline", m.group("place").strip(" ،,"))
        return first.number, m.group(0), "credit before the first paragraph (kept as metadata)"
    if (m := _DASHED_CREDIT.match(first.text)) and len(words(first.text[m.end():])) >= 5:
        scan.meta.setdefault("byline", m.group(1).strip())
        return first.number, m.group(0), "credit before the first paragraph (kept as metadata)"
    return None


def _short_sentence(text: str) -> bool:
    """A short line that ends like a sentence, not a sub-heading: a full stop ("وعلى دروب الخير نلتقي.") or a
    colon after four words or more ("صدر اليوم … البيان التالي :-"); "الخلفية:" stays a heading."""
    end = strip_closers(text.strip()).rstrip(" -ـ–")
    return (end.endswith(".") and not end.endswith("..")) or (end.endswith(":") and len(words(text)) > 3)


def _blocks(scan: _Scan, prefix: tuple[int, str, str] | None) -> list[Block]:
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
                and not (scan.verse and len(words(text)) >= VERSE_WORDS) and not _short_sentence(text)):
            kind = "heading"
        elif kind == "body" and _MEDIA_CREDIT_TAIL.search(_URL.sub("", text).rstrip()) and not ends_sentence(text) \
                and len(words(text)) <= 25:  # (a hyphen inside an address is no credit: "www.expo-sa.com")
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


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """HTML character references left in a text scrape ("&quot;داعش&quot;", "&#8220;") as the characters
    they stand for. Only complete references (ending in ";") are read; an unknown name stays as written."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text) if "&" in text else text


def clean(text: str) -> CleanResult:
    """Split a scrape into kept blocks, removed lines with reasons, and detected metadata."""
    scan = _Scan(unescape_entities(text))
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
    removed[:0] = scan.parts  # before the rest of their line, once sorted
    if prefix:
        removed.append(Removed(prefix[0], prefix[1].strip(), prefix[2]))
    removed.sort(key=lambda r: r.line)
    return CleanResult(blocks=tuple(_blocks(scan, prefix)), removed=tuple(removed), meta=dict(scan.meta))
