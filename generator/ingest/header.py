"""The lines before an article's body and the credit on its first line: which is the headline, the masthead,
the dateline (with or without the date), the byline; and a title found by its place alone. Part of the
cleaner (clean.py), which decides the body first and hands the lines before it here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..arabic import ascii_digits, content_words, normalize, word_count, words
from ..dates import parse_date
from ..models import Line
from .noise import LATIN_ANY_CASE, date_words_removed, ends_sentence, is_sentence_like, strip_closers

if TYPE_CHECKING:
    from .clean import _Scan

MAX_TITLE_WORDS = 20  # a title found by its place alone (first, before a longer line) is no longer than this

_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
_PIPE = re.compile(r"\s+[|｜]\s+")
_MEDIA_LABEL = re.compile(r"\s*[+|\-–]\s*(?:فيديو|بالفيديو|صور|بالصور|شاهد|video|photos?)\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^([^\s–—\-|/]+(?:\s[^\s–—\-|/ـ]+)?)(?:\s*[–—-]\s+|\s+[–—-]\s*|\s+ـ\s+)"
                       r"([^\s–—\-|/]+(?:\s[^\s–—\-|/]+){0,2})$")  # "دبي - سانا", "سلوى المدني- عين اليوم", "… ـ القاهرة"
_MEDIUM_PREFIX = re.compile(r"^((?:بوابة|موقع|وكالة|صحيفة|جريدة|قناة|شبكة|راديو|إذاعة|اذاعة|مجلة)(?:\s+[^\s\-–—:]+){1,2})"
                            r"\s+[-–—]\s+(.+)$")  # (a medium's word first: not a dateline's place, "بغداد - …")
_SECTION_PREFIX = re.compile(r"^[^\s/]+\s+/\s+")
_TRANSMISSION = re.compile(r"\s+/\s*(?:إضافة|اضافة|تعديل|محدث|محدّث|عاجل)(?:\s+\S+){0,3}\s*$")
_OUTLET_PREFIX = re.compile(r"^([^\s/.،:\"«“]+(?:\s[^\s/.،:\"«“]+){0,2})\s*/\s*")
_BRACKET_CREDIT = re.compile(r"^(?P<place>[^()\n:]{0,60}?)\s*\((?P<outlet>[A-Za-z][A-Za-z .&]{1,20})\)\s*(?:--|[-–—])\s*")
_PART = r"[^\s:،,\-–—]+(?:\s[^\s:،,\-–—]+)?"
_DASHED_CREDIT = re.compile(rf"^(?=[^\W\d_])({_PART}\s*[-–—]\s*{_PART}(?:\s*[-–—]\s*{_PART})?)\s*:(?!/)\s*")  # (not "https://")


def _title_parts(text: str) -> list[str]:
    text = _EMOJI.sub("", text)
    if "|" not in text and "｜" not in text:  # (no bar, one part: most lines, not searched for one)
        return [text.strip()] if text.strip() else []
    return [p.strip() for p in _PIPE.split(text) if p.strip()]


def _without_media_label(text: str) -> str:
    """The text without a media label at its end ("… - فيديو"); a line that does not end in a label's last
    letters (most) is not searched along for one."""
    end = text.rstrip()
    if end.endswith(("فيديو", "صور", "شاهد")) or LATIN_ANY_CASE.match(end[-1:]):
        return _MEDIA_LABEL.sub("", text)
    return text


def headline_key(text: str) -> str:
    """The comparison form of a headline-like line: emoji, site suffix and media labels dropped."""
    parts = _title_parts(text)
    main = max(parts, key=word_count) if parts else ""
    return normalize(_without_media_label(main))


_HIJRI = re.compile(r"(?<!\w)(?:محرم|صفر|ربيع\s+(?:الأول|الاول|الآخر|الاخر|الثاني)|جمادى\s+(?:الأولى|الاولى|الآخرة|الاخرة)|رجب|شعبان|"
                    r"رمضان|شوال|ذو\s+القعدة|ذي\s+القعدة|ذو\s+الحجة|ذي\s+الحجة|هـ|ه|الموافق|م)(?!\w)")


def _dated_dateline(text: str) -> str | None:
    """A dateline that carries the date, as news agencies write it ("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس
    2015 م واس"): a date, and besides its words and digits at most three words (the place first, the agency).
    The place (the words before the first digit), or None for any other line."""
    if word_count(text) > 14 or not parse_date(text):
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
    count = word_count(first.text.replace("_", " "))  # ("#عزام_يتخبط..!!": a hashtag's words are a title's too)
    text = strip_closers(first.text.strip())
    full_stop = text.endswith((".", ":", "،", ",")) and not text.endswith((". .", "..", "…"))
    if not 2 <= count <= MAX_TITLE_WORDS or full_stop:
        return None
    return first if word_count(following.text) > count or is_sentence_like(following.text) else None


def title_over_byline(scan: _Scan, start: int) -> int:
    """Where the body starts when its first line is a title that ends in "!" or "?" (so it read as a sentence)
    over a byline or dateline ("شاهد.. مكنسة ذهب بمليون دولار لتنظيف اليخت والليموزين!" over "عين اليوم –
    متابعات"): after the byline, so that both are read as the header."""
    lines = [ln for ln in scan.open_lines() if ln.number >= start][:3]
    if len(lines) < 3:
        return start
    title, byline, first = lines
    text = strip_closers(title.text.strip())
    if not (2 <= word_count(title.text) <= MAX_TITLE_WORDS and text.endswith(("!", "?", "؟"))):
        return start
    if not (_DATELINE.match(byline.text) and word_count(byline.text) <= 5 and word_count(first.text) > word_count(title.text)):
        return start
    return first.number


def read_header(scan: _Scan, start: int) -> None:
    """Headline, masthead and dateline among the lines before the body; the rest is chrome."""
    header = [ln for ln in scan.open_lines() if ln.number < start]
    keys = [headline_key(ln.text) for ln in header]
    repeated = [ln for ln, k in zip(header, keys, strict=True) if k and keys.count(k) > 1]
    titled = [ln for ln in header if len(_title_parts(ln.text)) > 1]
    headline = None
    for line in header:
        parts = _title_parts(line.text)
        if len(parts) > 1 and all(word_count(p) < 5 for p in parts):
            scan.meta.setdefault("masthead", parts[0])
            scan.drop(line, "masthead (outlet name kept as metadata)")
        elif (m := _DATELINE.match(line.text)) and word_count(line.text) <= 5:
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
        ln for ln in remaining if word_count(ln.text) >= 4 and not ends_sentence(ln.text)]
    if not pool and (first := _bare_title(scan)) is not None:
        pool = [first]
    above = None if repeated else _title_above_date(scan, pool)
    if pool:
        headline = above or (pool[0] if repeated else pool[-1])
        parts = _title_parts(headline.text)
        main = max(parts, key=word_count)
        title = _MEDIA_LABEL.sub("", main).strip()
        if (m := _SECTION_PREFIX.match(title)) and word_count(title[m.end():]) >= 4:
            title = title[m.end():]  # "عام / …", "رياضي / …": a news agency's section before its title
        title = _TRANSMISSION.sub("", title)  # "… / إضافة أولى وأخيرة": the agency's transmission marker
        site = [p for p in parts if p is not main]
        if not site and (m := _MEDIUM_PREFIX.match(title)) and word_count(m.group(2)) >= 4:
            site, title = [m.group(1)], m.group(2)  # "بوابة الأخبار - النيجر: حداد وطني …": a medium's name, a dash
        scan.meta["headline"] = title
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
        elif line.number < start and not (above is not None and line.number > above.number):
            scan.drop(line, "navigation or promo before the article")
        #  (below a title found above its date line: the article's own sub-title or first lines, kept)


LEAD_SHARE = 0.4  # a title above its date line shares at least this much of its words with the lines below it


def _title_above_date(scan: _Scan, pool: list[Line]) -> Line | None:
    """The headline when the page reads title, date line, then more headline-like lines before the body ("الفيصل
    يوافق على إطلاق الملتقى …", "آخر تحديث: …", then the first half of the lead cut off by the scrape, or a
    sub-title): the last candidate above a date line whose words are the article's (LEAD_SHARE of them or more in
    the lines below it, up to the body's first paragraphs), when a candidate stands below that date line too. Such
    a title is the page's own; what follows it down to the body is the article's, not a promo."""
    if len(pool) < 2:
        return None
    dates = [n for n, (action, _) in scan.decided.items() if action == "date"]
    below = [ln for ln in pool if any(n < ln.number for n in dates)]
    above = [ln for ln in pool if ln not in below and any(ln.number < n < below[0].number for n in dates)] \
        if below else []
    if not above:
        return None
    title = above[-1]
    after = [ln.text for ln in scan.content if title.number < ln.number and scan.decided.get(ln.number, ("",))[0] != "date"]
    lead = content_words(" ".join(after[:6]))
    own = content_words(title.text)
    return title if len(own) >= 3 and len(own & lead) >= LEAD_SHARE * len(own) else None


def outlet_prefix(scan: _Scan, start: int) -> tuple[int, str, str] | None:
    """A credit glued to the start of the first body line, kept as metadata: "شفق نيوز/ …" (the outlet);
    "دبي، الإمارات العربية المتحدة (CNN) – …" (a place and an outlet in brackets); "عيسى الحربي- سبق- الرياض: …"
    or "واس - ابها: …" (a credit whose parts cannot be told apart: kept whole as the byline)."""
    first = next((ln for ln in scan.open_lines() if ln.number >= start), None)
    if first is None:
        return None
    if (m := _OUTLET_PREFIX.match(first.text)) and word_count(m.group(1)) <= 3 and word_count(first.text[m.end():]) >= 5:
        scan.meta.setdefault("prefix_outlet", m.group(1))
        return first.number, m.group(0), "outlet prefix (kept as metadata)"
    if (m := _BRACKET_CREDIT.match(first.text)) and word_count(m.group("place")) <= 5 \
            and word_count(first.text[m.end():]) >= 5:
        scan.meta.setdefault("prefix_outlet", m.group("outlet").strip())
        if m.group("place").strip():
            scan.meta.setdefault("dateline", m.group("place").strip(" ،,"))
        return first.number, m.group(0), "credit before the first paragraph (kept as metadata)"
    if (m := _DASHED_CREDIT.match(first.text)) and word_count(first.text[m.end():]) >= 5:
        scan.meta.setdefault("byline", m.group(1).strip())
        return first.number, m.group(0), "credit before the first paragraph (kept as metadata)"
    return None
