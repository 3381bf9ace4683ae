"""Kinds of page chrome found in scraped news pages, recognised line by line.

Each rule describes a *kind* of noise (a comment form, a share counter, a bare
URL …) in the ways Arabic and English news sites word it, so that articles from
outlets the tool has never seen are cleaned too. The cleaner (clean.py) applies
these first, then decides by the article's structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as _c  # (Python's own regex parser, 3.11 and later: the screen below reads the
from re import _parser  #            rules' parsed alternatives; if it cannot, every rule is tried)

from ..arabic import ARABIC_LETTER, LATIN_LETTER, ascii_digits, word_count
from ..dates import MONTH_PATTERN, WEEKDAYS

TERMINAL = ".!?؟…"
CLOSERS = " \"'”“»«’‘)]}*"

_MONTH_RE = MONTH_PATTERN
_DATE_WORDS = re.compile(
    rf"(?i)\b(?:{_MONTH_RE}|{'|'.join(WEEKDAYS)}|am|pm|gmt|utc|posted|on|updated|published|"
    r"نشر|نُشر|في|بتاريخ|تاريخ|النشر|آخر|اخر|تحديث|التحديث|اليوم|ص|م|مساء|صباحا|صباحاً|الساعة|بتوقيت|غرينتش)\b"
)


def strip_closers(text: str) -> str:
    return text.rstrip(CLOSERS)


def ends_sentence(text: str) -> bool:
    stripped = strip_closers(text.strip())
    return bool(stripped) and stripped[-1] in TERMINAL


def is_sentence_like(text: str) -> bool:
    """A full sentence: ends with terminal punctuation and has at least five words."""
    return ends_sentence(text) and word_count(text) >= 5


def is_prose(text: str) -> bool:
    return is_sentence_like(text) or word_count(text) >= 12


_DATE_SHAPE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}")
_DIGIT = re.compile(r"\d")
_MONTH = re.compile(rf"(?i)(?:{_MONTH_RE})")


def is_date_line(text: str) -> bool:
    """A line that holds only a date and/or time, with words like "posted on" or "آخر تحديث"."""
    plain = ascii_digits(text)
    if len(text.split(None, 11)) > 10 or not (  # (more than ten words: the first eleven need not be split off)
        _DATE_SHAPE.search(plain) or (_DIGIT.search(plain) and _MONTH.search(plain))
    ):
        return False
    rest = _DATE_WORDS.sub(" ", ascii_digits(text).lower())
    rest = re.sub(r"\d{1,4}(?:[./:-]\d{1,4})*", " ", rest)
    return not re.search(r"\w", rest.replace("_", " "))


def date_words_removed(text: str) -> str:
    """The text without month and weekday names and words that come with dates ("نشر", "آخر تحديث", "am")."""
    return _DATE_WORDS.sub(" ", text)


@dataclass(frozen=True)
class Rule:
    reason: str
    action: str  # "remove" | "caption" | "related" (starts a read-more list)
    pattern: re.Pattern[str]
    max_words: int = 40


_ALTERNATIVES: dict[re.Pattern[str], tuple[str, ...]] = {}  # a rule's pattern -> the alternatives it was made of


def _rx(*alternatives: str) -> re.Pattern[str]:
    pattern = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)
    _ALTERNATIVES[pattern] = alternatives
    return pattern


RULES: tuple[Rule, ...] = (
    Rule("link to the original article", "url", _rx(
        r"^\s*(?:رابط\s+(?:المقال|الخبر|المصدر)|المصدر|الرابط|source|url|link|original)\s*[:：]\s*(?:https?://|www\.)\S+\s*$"), 6),
    Rule("bare URL", "remove", _rx(r"^\s*(?:https?://|www\.)\S+\s*$"), 1),
    Rule("skip link", "remove", _rx(
        r"^\s*(?:تجاوز|تخطى|تخط|انتقل|الانتقال)\s+(?:إلى|الى|ل)\s*(?:ال)?(?:المحتوى|محتوى)",
        r"^\s*skip\s+to\s+(?:main\s+)?(?:content|navigation)", r"^\s*skip\s+navigation"), 8),
    Rule("masthead, editor or copyright line", "remove", _rx(
        r"^\s*(?:رئيس\s+(?:التحرير|مجلس\s+الإدارة|مجلس\s+الادارة)|مدير\s+التحرير|المدير\s+العام|نائب\s+رئيس\s+التحرير)",
        r"(?:جميع|كل)\s+الحقوق\s+محفوظة", r"all\s+rights\s+reserved", r"^\s*(?:©|copyright\b|حقوق\s+النشر)",
        r"^\s*editor[-\s]in[-\s]chief"), 16),
    Rule("tag list", "remove", _rx(
        r"^\s*(?:الوسوم|وسوم|الكلمات\s+المفتاحية|كلمات\s+مفتاحية|كلمات\s+دلالية|مواضيع|تاغ|tags?|keywords|topics)\s*[:：]",
        r"^\s*(?:#\S+\s*){2,}$"), 40),
    Rule("cookie or privacy notice", "remove", _rx(
        r"ملفات\s+(?:تعريف\s+)?الارتباط", r"(?:ال)?كوكيز", r"\bcookies?\b",
        r"^\s*(?:سياسة\s+الخصوصية|شروط\s+الاستخدام|privacy\s+policy|terms\s+of\s+use)\s*$",
        r"^\s*(?:أوافق|موافق|قبول|accept(?:\s+all)?|agree|I\s+agree)\s*$"), 40),
    Rule("share buttons", "remove", _rx(
        r"^\s*(?:شارك|شاركوا|مشاركة|انشر|طباعة|اطبع|أرسل|ارسل|share|tweet|print|email|e-mail)(?:\s+(?:الخبر|المقال|هذا|على|عبر|this|article|on))*\s*:?\s*$",
        r"^\s*(?:(?:facebook|twitter|whatsapp|telegram|linkedin|email|فيسبوك|تويتر|واتساب|تلغرام|تيليجرام|لينكد\s*إن|messenger|x|pinterest|reddit)\s*[|•·,]?\s*){2,}$"), 10),
    Rule("advertisement label", "remove", _rx(
        r"^\s*(?:إعلان|اعلان|إعلانات|محتوى\s+مدعوم|محتوى\s+ممول|advertisement|sponsored(?:\s+content)?|ads?)\s*$"), 3),
    Rule("timestamp", "date", _rx(
        r"^\s*(?:منذ|قبل)\s+(?:\d+|ساعة|ساعتين|دقيقة|دقيقتين|يوم|يومين)\s*(?:ساعات|ساعة|دقائق|دقيقة|أيام|ايام|يوم)?\s*$",
        r"^\s*\d+\s+(?:minutes?|hours?|days?)\s+ago\s*$", r"^\s*(?:آخر\s+تحديث|اخر\s+تحديث|تاريخ\s+النشر|نشر\s+في|posted\s+on|updated|published)\b"), 12),

    Rule("tracking or script fragment", "remove", _rx(
        r"^\s*[\w.\-/]*\.(?:php|aspx?|jsp|cgi|html?)(?:[?#]\S*)?\s*$",
        r"^\s*[\w.\-/]*\?[\w\-]+=\S*\s*$",
        r"(?:utm_[a-z]+=|fbclid=|gclid=)",
        r"\b(?:function\s*\(|var\s+\w+\s*=|document\.|window\.|googletag|dataLayer|adsbygoogle)",
    ), 30),
    Rule("app-store badge", "remove", _rx(
        r"\b(?:app\s*store|play\s*store|google\s*play|app\s*gallery)\b",
        r"(?:حمّ?ل|نزّ?ل|حمل|نزل)\s+(?:ال)?تطبيق", r"متجر\s+(?:آبل|ابل|جوجل|غوغل)",
    ), 12),
    Rule("byline", "byline", _rx(
        r"^\s*(?:كتب|كتبت|بقلم|by)\s*[:：\-–]?\s*\S+(?:\s+\S+){0,3}\s*$",
        r"^\s*(?:إعداد|اعداد|تقرير|تحرير|متابعة|ترجمة|المحرر|الكاتب|reporting|written\s+by)\s*[:：]\s*\S+(?:\s+\S+){0,3}\s*$",
        r"^\s*(?:مراسل|مراسلة)\s+\S+(?:\s+\S+){0,3}\s*$"), 6),
    Rule("comment form", "remove", _rx(
        r"^\s*(?:اترك|أترك|أضف|اضف|اكتب|شارك(?:نا)?)\s+(?:تعليق|تعليقا|تعليقاً|ردا|رداً|رد|رأيك|برأيك)",
        r"لن\s+يتم\s+نشر\s+(?:عنوان\s+)?بريدك", r"الحقول\s+(?:الإلزامية|الالزامية|المطلوبة)",
        r"^\s*(?:التعليقات|تعليقات|تعليق|الاسم|البريد الإلكتروني|البريد الالكتروني|الموقع الإلكتروني|الموقع)\s*\*?\s*(?:\(\s*\d+\s*\))?\s*:?\s*$",
        r"احفظ\s+اسمي", r"إرسال\s+التعليق|ارسال\s+التعليق", r"^\s*\d+\s+(?:تعليق|تعليقات)\s*$",
        r"^\s*leave\s+a\s+(?:reply|comment)", r"your\s+email\s+address\s+will\s+not\s+be\s+published",
        r"required\s+fields\s+are\s+marked", r"save\s+my\s+name", r"^\s*\d+\s+comments?\s*$",
        r"^\s*(?:post|submit)\s+comment\s*$", r"^\s*cancel\s+reply\s*$",
        r"^\s*(?:comments?|name|email|website)\s*\*?\s*:?\s*$",
    ), 20),
    Rule("channel or newsletter promotion", "remove", _rx(
        r"(?:قناة|قناتنا|صفحتنا|حسابنا|تطبيق)\b.{0,40}(?:على|عبر|في)\s+(?:ال)?(?:تلكرام|تلغرام|تيليجرام|تليجرام|تيلجرام|تيليغرام|واتساب|واتس\s*اب|يوتيوب|فيسبوك|فيس\s*بوك|تويتر|انستغرام|إنستغرام|انستجرام|تيك\s*توك)",
        r"^\s*(?:تابعونا|تابعوا|تابع|اشترك|اشتركوا|للاشتراك|انضم|انضموا|سجل)\b.{0,60}(?:قناة|نشرة|صفحة|حساب|تلكرام|تلغرام|تيليجرام|واتساب|يوتيوب|فيسبوك|تويتر|البريد)",
        r"\b(?:subscribe\s+to|sign\s+up\s+for|our\s+newsletter|follow\s+us|join\s+our)\b",
        r"^\s*(?:telegram|whatsapp|facebook|twitter|youtube|instagram|tiktok)\s*$",
    ), 15),
    Rule("link line to the article on the outlet's site", "remove", _rx(
        r"^\s*رابط\s+(?:الخبر|المقال|الموضوع|المادة)\s+(?:ب|في|على|من)?\s*(?:صحيفة|موقع|جريدة)\S*"), 30),
    Rule("app or alerts promotion", "remove", _rx(
        r"^\s*(?:يمكنكم|يمكنك|بإمكانكم|بإمكانك|حملوا|حمّلوا|نزلوا|نزّلوا)\s+(?:\S+\s+){0,8}?(?:إشعارات|تنبيهات|تطبيق)",
        r"^\s*(?:get|download|install)\s+(?:the\s+|our\s+)?(?:\S+\s+){0,3}app\b",
        r"^\s*(?:turn\s+on|enable)\s+(?:\S+\s+){0,2}notifications\b"), 30),
    Rule("contact line for the writer or the outlet", "remove", _rx(
        r"^\s*(?:للتواصل|للاتصال|لمراسلة|للمراسلة|راسلوا|راسلونا)\s+(?:مع\s+)?(?:ال)?(?:كاتب|كاتبة|محرر|صحيفة|"
        r"مجلة|موقع|تحرير)",
        r"^\s*[\w.+-]+@[\w-]+(?:\.[A-Za-z]{2,})+",  # a line that starts with an e-mail address
        r"^\s*(?:contact|e-?mail)\s+(?:the\s+)?(?:author|writer|editor|us)\b"), 40),
    Rule("pointer to a video or link in the page", "remove", _rx(
        r"^\s*(?:و?لمشاهدة|و?للمشاهدة|شاهد|شاهدوا|و?لمتابعة|يمكنك|يمكنكم)\s+(?:\S+\s+){0,12}?(?:اضغط|انقر)\s+هنا"
        r"\s*[:：.…]*\s*$",  # "لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا..."
        r"^\s*(?:و?لمشاهدة|و?للمشاهدة|شاهد|شاهدوا|يمكنك|يمكنكم)\s+(?:\S+\s+){0,12}?(?:ب|عبر\s+|في\s+)?ال?(?:فيديو|مقطع)"
        r"\s+(?:التالي|أدناه|ادناه|أعلاه|اعلاه)\s*[:：.…]*(?:\s*\S+){0,12}\s*$"), 30),  # "… بالفيديو التالي:" + its title
    Rule("'read more' link", "remove", _rx(r"^\s*(?:للمزيد|لمزيد\s+من\s+التفاصيل|المزيد)\s*[:：]",
                                          r"^\s*(?:قد\s+)?(?:يهمك|يهمكم|تهمك)(?:\s+(?:أيضا|أيضاً|ايضا|كذلك))?\s*[:：|/]"), 25),
    Rule("'read more' link list", "related", _rx(
        r"^\s*(?:اقرأ|إقرأ|اقرا|إقرا)\s+(?:المزيد|أيضا|أيضاً|ايضا|ايضاً|كذلك)\b",
        r"^\s*(?:شاهد|طالع)\s+(?:أيضا|أيضاً|ايضا|المزيد)\b",
        r"^\s*(?:مواضيع|أخبار|اخبار|مقالات|قصص)\s+(?:ذات\s+صلة|متعلقة|مشابهة)\s*:?\s*$",
        r"^\s*(?:الأكثر|الاكثر)\s+(?:قراءة|مشاهدة)\s*:?\s*$",
        r"^\s*(?:read\s+more|read\s+also|related(?:\s+(?:articles|news|stories))?|see\s+also|more\s+from|you\s+may\s+also\s+like|most\s+read)\s*:?",
    ), 20),
    Rule("media caption or credit", "caption", _rx(
        r"^\s*(?:مصدر\s+(?:الفيديو|الصورة|الصور)|الصورة|صورة|صور|فيديو|الفيديو|تصوير|بعدسة|المصدر\s*:|حقوق\s+الصورة)",
        r"^\s*(?:photo|image|picture|video|credit|source)\s*[:(]",
        r"\((?:أ\s*ف\s*ب|رويترز|أرشيفية|ارشيفية|أ\.ف\.ب|afp|reuters|ap|getty(?:\s+images)?)\)\s*$",
        r"(?:getty\s+images|afp\s+via|via\s+reuters)\s*$",
    ), 25),
)


# Screening a line for the rules. Every character re.IGNORECASE matches to an ASCII letter: the letters, İ ı ſ and
# the Kelvin sign K (checked over all of Unicode). A line without one (97 lines in 100 of an Arabic scrape) matches no
# alternative that needs a Latin letter ("cookies", "utm_…=", "getty images"); of the others, those anchored at the
# start ("^\\s*…") are tried there at once, all rules' in one pattern, and those that may match anywhere only when the
# line holds a word they cannot match without ("كوكيز", "الحقوق", "("). A line that passes (one in eight) is tried rule
# by rule, as before. The same answers; classify() took 0.27 s on the 11,000 lines of 1,000 real scrapes, now 0.16 s.
LATIN_ANY_CASE = re.compile(r"[A-Za-z\u0130\u0131\u017f\u212a]")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def _needs_latin(items: _parser.SubPattern) -> bool:
    """Whether every match of this parsed expression holds a character matched by an ASCII letter of the pattern."""
    for op, av in items:
        if op is _c.LITERAL and _ascii_letters(av, av):
            return True
        if op is _c.IN and av and all(o is _c.LITERAL and _ascii_letters(a, a) or o is _c.RANGE and _ascii_letters(*a)
                                      for o, a in av):
            return True
        if (op is _c.SUBPATTERN and _needs_latin(av[3])) or (op is _c.ATOMIC_GROUP and _needs_latin(av)):
            return True
        if op in _REPEATS and av[0] >= 1 and _needs_latin(av[2]):
            return True
        if op is _c.BRANCH and all(map(_needs_latin, av[1])):
            return True
    return False


def _ascii_letters(first: int, last: int) -> bool:
    return all(chr(code).isascii() and chr(code).isalpha() for code in range(first, last + 1))


def _required(items: _parser.SubPattern) -> frozenset[str]:
    """Strings every match of this parsed expression holds one of, made of characters without case (which
    re.IGNORECASE matches as themselves only): the longest found; empty when there are none."""
    best: frozenset[str] = frozenset()
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL and chr(av) == chr(av).lower() == chr(av).upper():
            run += chr(av)
            continue
        found = [frozenset({run})] if run else []
        run = ""
        if op is _c.BRANCH and all(options := [_required(branch) for branch in av[1]]):
            found.append(frozenset().union(*options))
        elif op is _c.SUBPATTERN or op is _c.ATOMIC_GROUP or (op in _REPEATS and av[0] >= 1):
            found.append(_required(av if op is _c.ATOMIC_GROUP else av[-1]))
        for option in found:
            if option and (not best or min(map(len, option)) > min(map(len, best))):
                best = option
    return best


def _compiled(alternatives: list[str], method: str) -> Callable[[str], object] | None:
    return getattr(re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE), method) \
        if alternatives else None


def _latin_free(rule: Rule) -> tuple[list[str], list[str]]:
    """A rule's alternatives that can match a line with no Latin letter: (anchored at the start, anywhere)."""
    anchored: list[str] = []
    anywhere: list[str] = []
    for alternative in _ALTERNATIVES[rule.pattern]:
        items = _parser.parse(alternative, re.IGNORECASE)
        if not _needs_latin(items):
            (anchored if len(items) and items[0] == (_c.AT, _c.AT_BEGINNING) else anywhere).append(alternative)
    return anchored, anywhere


def _arabic_test(anchored: list[str], anywhere: list[str]) -> Callable[[str], object]:
    match, search = _compiled(anchored, "match"), _compiled(anywhere, "search")
    if match and search:
        return lambda text: match(text) or search(text)
    return match or search or (lambda text: None)


def _screen() -> Callable[[str], object] | None:
    """The test a line with no Latin letter passes when a rule may match it (None: every such line is tried)."""
    if any(ch.lower() != ch.upper() and not ch.isascii() for r in RULES for ch in "".join(_ALTERNATIVES[r.pattern])):
        return None  # (a cased letter of another script: LATIN_ANY_CASE would not say enough)
    anchored = [a for part in _PARTS for a in part[0]]
    words = [_required(_parser.parse(a, re.IGNORECASE)) for part in _PARTS for a in part[1]]
    if not all(words):
        return None
    words = sorted(set().union(*words))
    start = _compiled(anchored, "match") or (lambda text: None)
    return lambda text: start(text) or any(map(text.__contains__, words))


try:
    _PARTS = [_latin_free(rule) for rule in RULES]
    _ARABIC_TESTS = tuple(_arabic_test(*part) for part in _PARTS)
    _MAY_MATCH = _screen()
except Exception:  # noqa: BLE001 (a Python whose parser is shaped otherwise: no screen, every rule tried as before)
    _PARTS, _ARABIC_TESTS, _MAY_MATCH = [], (), None


_COUNTER_WORDS = frozenset({"shares", "share", "views", "view", "likes", "like", "comments", "comment", "k", "m",
                            "مشاركة", "مشاركات", "مشاهدة", "مشاهدات", "إعجاب", "اعجاب", "تعليق", "تعليقات", "قراءة",
                            "ألف"})
_WORD_TOKEN = re.compile(r"\w+")


def counter_line(text: str) -> bool:
    """A share/like/view counter: only numbers, icons and counter words. (Read token by token: a line's first
    ordinary word ends it, and str.isdigit takes any script's digits.)"""
    digit = False
    for match in _WORD_TOKEN.finditer(text):
        token = match.group()
        if token.isdigit():
            digit = True
        elif token.lower() not in _COUNTER_WORDS:
            return False
    return digit and not is_date_line(text)


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_SCRIPT = re.compile(r"<\s*(script|style|noscript)\b.*?(?:<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)


def markup_line(text: str) -> bool:
    """HTML tags or script with little or no prose around them (prose with inline tags is kept, as text)."""
    if not _TAG.search(text):
        return False
    return word_count(_TAG.sub(" ", _SCRIPT.sub(" ", text))) < 5


_CRUMB_MARK = re.compile(r"[>»›/|]")


def breadcrumb_line(text: str) -> bool:
    """A trail of short section names: "الرئيسية > أخبار > سوريا", "Home / Middle East / Gulf"."""
    if not _CRUMB_MARK.search(text):
        return False  # (no separator: one part)
    parts = re.split(r"\s+[>»›/|]\s+|\s*[»›>]\s*", text.strip())
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts) and not ends_sentence(text)


def repeated_word_line(text: str) -> bool:
    """A line made of one word repeated (image alt text, icon labels): "Shadow Shadow"."""
    head = text.split(None, 2)  # (the first two words differ in most lines: the rest is not split)
    if len(head) < 2 or head[1].lower() != head[0].lower():
        return False
    first = head[0].lower()
    return all(t.lower() == first for t in text.split())


_PAGER_LABEL = r"(?:next|previous|prev|older|newer|السابق|التالي|السابقة|التالية)"
_PAGER = re.compile(rf"^\s*(?:{_PAGER_LABEL}\s*[|/«»<>‹›]?\s*)+", re.IGNORECASE)


_GLUED_TAIL = re.compile(r"(?<=[.!?؟»”\")\]])\s+((?:سمات|الوسوم|وسوم|كلمات\s+دلالية|كلمات\s+مفتاحية|رابط\s+الخبر|"
                         r"رابط\s+المقال|رابط\s+الموضوع|tags)\s*:?\s[^.!?؟\n]{0,200})$", re.IGNORECASE)
# A writer's page's list of their other articles glued after the text, the titles run together ("… حاجاتُ مقالات
# أخرى للكاتبسعود الفيصل كوكب غار ضوؤهأمير …"): the label is no prose, whatever follows it.
_GLUED_OTHERS = re.compile(r"\s*((?:مقالات|المقالات)\s+(?:أخرى|اخرى|الأخرى|الاخرى)\s+(?:للكاتب|للكاتبة|للمؤلف).*)$")


def glued_tail(text: str) -> int:
    """Where a tag list or a link line glued after a paragraph's last sentence starts ("… للبرميل. سمات أسعار
    النفط هبوط", "… (مليون ومائتي ألف دولار) سمات ذهب مكنسة", "… الترتيب. رابط الخبر بصحيفة الوئام: …"): no
    sentence ends after the label; or a writer's other articles ("مقالات أخرى للكاتب…"). 0 when none."""
    tail = _GLUED_TAIL.search(text) if _may_glue(text) else None
    others = _GLUED_OTHERS.search(text) if "مقالات" in text else None
    found = [m.start(1) for m in (tail, others) if m and m.start(1) > 0]
    return min(found) if found else 0


def _may_glue(text: str) -> bool:
    """Whether a line holds a label _GLUED_TAIL starts with ("الوسوم" holds "وسوم"; "tags", any case, a Latin
    letter): most lines do not, and are not searched (each place of a line was a try)."""
    return "سمات" in text or "وسوم" in text or "كلمات" in text or "رابط" in text or bool(LATIN_ANY_CASE.search(text))


def pager_prefix(text: str) -> int:
    """Where the labels of a slide show or pager ("Next Previous", "السابق التالي") glued before a line end:
    two labels or more, followed by Arabic text (0 when there are none). A whole line of them is
    pager_line()."""
    m = _PAGER.match(text)
    if not m or len(m.group().split()) < 2 or not ARABIC_LETTER.search(text[m.end():]):
        return 0
    return m.end()


def pager_line(text: str) -> bool:
    m = _PAGER.match(text)
    return bool(m) and m.end() == len(text.rstrip()) and (len(m.group().split()) >= 2 or bool(LATIN_LETTER.match(text.strip())))


@lru_cache(maxsize=65536)
def classify(text: str, article_is_arabic: bool) -> tuple[str, str] | None:
    """(action, reason) for a line that is a known kind of noise or caption, else None. Cached: an outlet's
    chrome lines repeat across its articles."""
    if repeated_word_line(text):
        return "remove", "repeated word (image alt text or widget label)"
    if counter_line(text):
        return "remove", "share/like counter"
    if markup_line(text):
        return "remove", "HTML markup or script"
    if breadcrumb_line(text):
        return "remove", "breadcrumb or section menu"
    if pager_line(text):
        return "remove", "pager or slide show labels"
    latin = LATIN_ANY_CASE.search(text) is not None
    if latin or _MAY_MATCH is None:
        tests = [rule.pattern.search for rule in RULES]
    else:
        tests = _ARABIC_TESTS if _MAY_MATCH(text) else ()
    n_words = len(text.split()) if tests else 0
    for rule, test in zip(RULES, tests, strict=False):
        if n_words <= rule.max_words and test(text):
            if rule.action == "caption" and is_sentence_like(text) and n_words > 12:
                continue  # a body sentence that merely mentions a photo
            return rule.action, rule.reason
    if is_date_line(text):
        return "date", "date line (kept as metadata)"
    if article_is_arabic and not ARABIC_LETTER.search(text) and not is_prose(text):  # (arabic_ratio 0.0)
        return "remove", "non-Arabic page chrome"
    return None
