"""Stage 2: separate the article body from page chrome, keeping a reason for every removed line.

Two passes. First each line is matched against the kinds of noise in noise.py.
Then the article's structure decides the rest: the body runs from the first to
the last full sentence (or, in a scrape with no sentence at all, from the first to the
last line of a few words: a poem); short lines before it are the headline, dateline and
navigation (header.py reads them); short lines after it are page chrome; short lines inside it are
sub-headings; truncated teasers and repeats of the headline or of the body are
dropped as duplicates.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import cached_property

from ..arabic import arabic_ratio, normalize, word_count
from ..dates import parse_date, weekday_today
from ..models import Block, CleanResult, Line, Removed
from .header import outlet_prefix, read_header, title_over_byline
from .noise import (
    classify,
    ends_sentence,
    glued_tail,
    is_prose,
    is_sentence_like,
    pager_prefix,
    strip_closers,
)

MAX_HEADING_WORDS = 8
CLOSES_BODY = frozenset({"app or alerts promotion"})  # an outlet's sentence that closes its articles' text
LEAD_WORDS = 25  # a line this long is a paragraph, never a headline or a promo line, whatever it ends with
INTRO_WORDS = 6  # a line this long that ends in ":" introduces what follows ("صدر اليوم … البيان التالي :-")
VERSE_LINES = 4  # with no sentence or prose line, this many open lines of VERSE_WORDS or more are the body
VERSE_WORDS = 3  # (a poem, or a list): kept as body paragraphs, not sub-headings
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SOCIAL = re.compile(r"youtube\.com|youtu\.be|facebook\.com|twitter\.com|x\.com|t\.me|instagram\.com|tiktok\.com",
                     re.IGNORECASE)
_BYLINE_LABEL = re.compile(r"^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|تحرير|متابعة|ترجمة|المحرر|الكاتب|مراسل|مراسلة|"
                           r"reporting|written\s+by|by)\s*[:：\-–]?\s*", re.IGNORECASE)
_MEDIA_CREDIT_TAIL = re.compile(r"\S\s*[-–—]\s*\S+(?:\s\S+){0,2}$|\S[-–—]\S+(?:\s\S+){0,2}$")


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
        self.text = text
        self.decided: dict[int, tuple[str, str]] = {}  # line number -> (action, reason)
        self.meta: dict[str, str] = {}
        self.url_lines: list[Line] = []
        self.verse = False  # the body is short lines without sentences (see _body_span)
        self.rhymed: set[int] = set()  # lines after the body kept as a poem or a list (_rhymed_lines)
        self.listed: set[int] = set()  # a list the body announces, kept (_announced_list): items, not headings

    @cached_property
    def arabic(self) -> bool:
        """Whether the scrape is mostly Arabic: asked only of a line with no Arabic letter (see _match_noise)."""
        return arabic_ratio(self.text) >= 0.5

    def drop(self, line: Line, reason: str) -> None:
        self.decided[line.number] = ("remove", reason)

    def open_lines(self) -> list[Line]:
        return [ln for ln in self.content if ln.number not in self.decided]


_NON_ARABIC = ("remove", "non-Arabic page chrome")  # (classify's answer that alone depends on the article's script)


def _match_noise(scan: _Scan) -> None:
    related = False
    for line in scan.content:
        found = classify(line.text, True)
        if found == _NON_ARABIC and not scan.arabic:
            found = None  # (what classify(line.text, False) answers: the script of the whole text is read only here)
        if related and found is None and not (is_sentence_like(line.text) and word_count(line.text) >= 15):
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
        count = word_count(line.text)
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
        verse = [ln.number for ln in scan.open_lines() if word_count(ln.text) >= VERSE_WORDS]
        scan.verse = not prose and len(verse) >= VERSE_LINES
        sentences = prose or (verse if scan.verse else [ln.number for ln in scan.open_lines()][:1])
    if not sentences:
        return 0, -1
    closing = [n for n, (_, reason) in scan.decided.items() if reason in CLOSES_BODY and n > sentences[-1]]
    return sentences[0], max([sentences[-1], *closing])  # the lines before an outlet's closing promo are the article's


_LIST_MARK = re.compile(r"^\s*(?:[-•*–]|\d{1,2}\s*[-.)])\s*\S")  # "- المشروع: …", "• …", "3- …", "2) …"


def _list_mark(text: str) -> str:
    """The kind of mark a list item starts with ("-", "•", … or "digit"), or "" for none."""
    m = _LIST_MARK.match(text)
    if m is None:
        return ""
    mark = m.group().strip()[:1]
    return "digit" if mark.isdigit() else mark


_FIELDS = re.compile(r"\S\s+[–—-]\s+\S")  # "الجميع يعلم – أصغر فرهادي – إيران": fields set apart by spaced dashes
TABLE_ROWS = 3  # a list laid out as fields in a row is this many such lines in a row, or more
_MENU = re.compile(r"اتصل\s+بنا|من\s+نحن|عن\s+الموقع|سياسة\s+الخصوصية|شروط\s+الاستخدام|(?<!\S)الرئيسية(?!\S)|"
                   r"أعلن\s+معنا|اعلن\s+معنا|خريطة\s+الموقع")  # a site's menu set out with dashes is no list of the article


def _table_lines(scan: _Scan, end: int) -> set[int]:
    """The lines after the body that are a list laid out as fields (a festival's films: "title – director –
    country", each with two fields apart or more), with the short headings among them ("المسابقة الرسمية",
    "فيلم الاختتام"): a stretch of such rows and headings holding TABLE_ROWS rows or more is the article's,
    not chrome, whatever its punctuation."""
    after = [ln for ln in scan.open_lines() if ln.number > end]
    kept: set[int] = set()
    stretch: list[Line] = []
    rows = 0
    for line in [*after, None]:
        plain = line is not None and not _URL.search(line.text) and not _MENU.search(line.text)
        row = plain and len(_FIELDS.findall(line.text)) >= 2
        if row or (plain and 0 < word_count(line.text) <= 4):
            stretch.append(line)
            rows += row
            continue
        if rows >= TABLE_ROWS:
            kept.update(ln.number for ln in stretch)
        stretch, rows = [], 0
    return kept


RHYMED_LINES = 6  # a stretch after the body of this many short lines or more, most ending in one or two rhymes,
RHYME_SHARE = 0.75  # (this share of them, the commonest rhyme alone 0.35) is verse or a list of the article


def _rhyme(text: str) -> str:
    """The last two letters of a line's last Arabic word (its rhyme, for a poem's line)."""
    letters = re.sub(r"[^\u0621-\u064A\s]", "", normalize(text)).split()
    return letters[-1][-2:] if letters else ""


def _rhymed_lines(scan: _Scan, end: int) -> set[int]:
    """The lines after the body that are a poem (or a list) of the article: a stretch of short lines (a heading
    among them allowed), RHYMED_LINES of three words or more, most of which end alike ("… ولهان" / "… المعاني",
    "… 69 مليار دولار" / "… 64 مليار دولار"). A block of related headlines does not rhyme."""
    kept: set[int] = set()
    stretch: list[Line] = []
    for line in [*(ln for ln in scan.open_lines() if ln.number > end), None]:
        short = line is not None and not _URL.search(line.text) and not _MENU.search(line.text) \
            and word_count(line.text) <= 14
        if short and (not stretch or line.number - stretch[-1].number <= 2):
            stretch.append(line)
            continue
        verses = [ln for ln in stretch if word_count(ln.text) >= 3]
        if len(verses) >= RHYMED_LINES:
            ends = Counter(_rhyme(ln.text) for ln in verses).most_common(2)
            if sum(n for _, n in ends) >= RHYME_SHARE * len(verses) and ends[0][1] >= 0.35 * len(verses):
                kept.update(ln.number for ln in stretch)
        stretch = [line] if short else []
    return kept


_ANNOUNCES = re.compile(r"(?<!\S)(?:[وف]?(?:في\s*)?ما\s+(?:يلي|ياتي)|[وف]?فيما\s+(?:يلي|ياتي)|يلي|"
                        r"[وف]?(?:ال|كال)(?:تالي|اتي)ه?|[وف]?اليكم|[وف]?اليك|[وفلب]?ابرز|[وفلب]?قايمه)(?!\S)")
#                         (on normalised text: "إليكم", "الآتية", "في ما يأتي", "لأبرز", "قائمة")
LIST_ITEMS = 2  # short lines after a line that announces a list (…ما يلي:), at least, to be the list it announces


_SITE_WORDS = re.compile(r"(?<!\S)[وف]?(?:ب|ل|علي\s+)?(?:موقع\S*|تابعو\S*|التواصل|الصله|اقرا|شاهد|الاخبار|اخبار|"
                         r"المواضيع|مواضيع|المقالات|مقالات|الاكثر|النشره|تطبيق\S*|الروابط|روابط|الوسوم|وسوم)(?!\S)")


def _item_shaped(text: str) -> bool:
    """A list's item: a label and its value ("أفضل فيلم: شكل الماء"), a marked item ("1- تونس (14 عالميا)"), or a
    few words (a name, "تونس"); not a headline of another report ("مقتل 12 شخصا في انفجار …")."""
    return ":" in text.strip().rstrip(":") or _list_mark(text) != "" or word_count(text) <= 5


def _announced_list(scan: _Scan, end: int) -> set[int]:
    """The lines at or after the body's end that are a list the article announces: a line of three words or more
    ending in a colon that names what follows ("وفي ما يلي قائمة الفائزين:", "إليكم أبرز مزاياه:", "… على النحو
    التالي:"), then LIST_ITEMS short lines or more (14 words at most, no address, no site menu, each at most a
    blank line after the one before, up to the first that is not): the lead-in and its items are the article's
    ("أفضل فيلم: شكل الماء"), whatever their punctuation. "اقرأ أيضا:", "مواضيع ذات صلة:" announce no list of it."""
    lines = [ln for ln in scan.open_lines() if ln.number >= end]
    kept: set[int] = set()
    for k, lead in enumerate(lines):
        if lead.number in kept or not _ending(lead.text).endswith(":") or word_count(lead.text) < 3 \
                or _URL.search(lead.text):
            continue
        plain = normalize(lead.text)
        if not _ANNOUNCES.search(plain) or _SITE_WORDS.search(plain):
            continue  # (a site's own lead-in: "أبرز الأخبار على موقعنا:", "تابعونا على مواقع التواصل التالية:")
        items: list[Line] = []
        for line in lines[k + 1:]:
            last = items[-1] if items else lead
            if line.number - last.number > 2 or word_count(line.text) > 14 or _URL.search(line.text) \
                    or _MENU.search(line.text) or not _item_shaped(line.text):
                break
            items.append(line)
        if len(items) >= LIST_ITEMS and not all(strip_closers(ln.text.strip()).endswith(":") for ln in items):
            kept.update([lead.number, *(ln.number for ln in items)])  # (labels that each end in a colon are a
            #                                          list's headings whose items the scrape lost: "مزاياه:", "المزايا:")
    return kept


def _read_footer(scan: _Scan, end: int) -> None:
    """Lines after the body that are not prose are chrome, but for a line that wraps the sentence before it, and
    for the items of a list the body ends in ("- العمل الجماعي: …" then "- المشروع: …"): a line marked as the
    item kept before it, three words or more, carries the list on."""
    previous: Line | None = None
    scan.rhymed = _rhymed_lines(scan, end)
    scan.listed = _announced_list(scan, end)
    table = _table_lines(scan, end) | scan.rhymed | scan.listed
    for line in scan.open_lines():
        if line.number in table:
            previous = line
            continue
        wraps = (previous is not None and previous.number == line.number - 1 and ends_sentence(line.text)
                 and not ends_sentence(previous.text) and word_count(previous.text) >= MAX_HEADING_WORDS)
        listed = (previous is not None and (mark := _list_mark(line.text)) != "" and mark == _list_mark(previous.text)
                  and word_count(line.text) >= 3)
        if line.number > end and not is_prose(line.text) and not wraps and not listed:
            scan.drop(line, "page chrome after the article")
            continue
        previous = line


def _ending(text: str) -> str:
    """A line without the closing quotes or brackets and the dashes after its last word: how it ends."""
    return strip_closers(text.strip()).rstrip(" -ـ–")


def _short_sentence(text: str) -> bool:
    """A short line that ends like a sentence, not a sub-heading: a full stop ("وعلى دروب الخير نلتقي.") or a
    colon after four words or more ("صدر اليوم … البيان التالي :-"); "الخلفية:" stays a heading."""
    end = _ending(text)
    return (end.endswith(".") and not end.endswith("..")) or (end.endswith(":") and word_count(text) > 3)


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
        if (kind == "body" and not is_prose(text) and word_count(text) <= MAX_HEADING_WORDS
                and line.number not in scan.listed
                and not ((scan.verse or line.number in scan.rhymed) and word_count(text) >= VERSE_WORDS)
                and not _short_sentence(text)):
            kind = "heading"
        elif kind == "body" and line.number not in scan.rhymed and line.number not in scan.listed \
                and _credit_tail(text) and not ends_sentence(text) \
                and word_count(text) <= 25:  # (a hyphen inside an address is no credit: "www.expo-sa.com")
            kind = "caption"
        wrapped = (previous is not None and previous.number == line.number - 1 and blocks
                   and line.number not in scan.listed  # (a list's items, each its own, and its lead-in)
                   and blocks[-1].kind == "body" and not ends_sentence(blocks[-1].text)
                   and word_count(previous.text) >= MAX_HEADING_WORDS and kind in ("body", "heading"))
        if wrapped:
            last = blocks.pop()
            blocks.append(Block("body", f"{last.text} {text}", (*last.lines, line.number)))
        else:
            blocks.append(Block(kind, text, (line.number,)))
        previous = line
    return blocks


def _credit_tail(text: str) -> bool:
    """Whether a line, without its web addresses, ends in a credit after a dash ("… - رويترز"). A match has at most
    three words after its dash, so a line with more after its last dash (most lines) is not searched along."""
    if "://" in text or "www." in text:  # (what an address starts with)
        text = _URL.sub("", text)
    text = text.rstrip()
    dash = max(text.rfind("-"), text.rfind("–"), text.rfind("—"))
    if dash < 0 or len(text[dash + 1:].split(None, 3)) > 3:
        return False
    return _MEDIA_CREDIT_TAIL.search(text) is not None


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
    start = title_over_byline(scan, start)
    read_header(scan, start)
    _drop_repeats(scan)
    _read_footer(scan, end)
    prefix = outlet_prefix(scan, start)
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
