"""The Arabic calendar, in one place: month and weekday names, the date formats outlets print, and the
days a sentence states ("يوم الأحد", "مساء أمس", "20 كانون الثاني 2022"), resolved against the date of
the report that says them."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .arabic import ascii_digits, normalize

MONTHS = {
    # Gregorian names used in Egypt, the Gulf and the Maghreb; Levantine/Iraqi names; English.
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
WEEKDAYS = ("الأحد", "الاحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس",
            "الجمعة", "السبت", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Normalised weekday stems (after generator.arabic.normalize) → Python's weekday number and English name.
WEEKDAY_NUMBER = {"اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6}
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BACKGROUND_DAYS = 45  # a date stated this long before the report (or any time after it) is background, not news
EARLIER_DAYS = 7  # a day stated at least this long before the report dates another event (figures.dated_before)

MONTH_PATTERN = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_NORMAL_MONTHS = {normalize(k): v for k, v in MONTHS.items()}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _NORMAL_MONTHS), key=len, reverse=True))
_EXPLICIT = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})(?:\s*/?\s*(?:{_MONTH_RE}))?\s+(?:ال)?(?:عام\s+)?(\d{{4}})\b")
# A day of a month with no year ("في 26 يونيو الماضي", "في 20 تموز/يوليو", "الـ15 من أغسطس"): "آب" alone is "أب" too,
# only with the other name ("آب/أغسطس"); a year after it makes it _EXPLICIT.
_DAY_MONTH = re.compile(rf"(?<![\d/.:-])(?:ال)?(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?((?!اب(?!\s*/?\s*(?:{_MONTH_RE})))(?:{_MONTH_RE}))"
                        rf"(?:\s*/?\s*(?:{_MONTH_RE}))?(?![^\s،,.؛:)])(?!\s*/?\s*(?:(?:ال)?عام\s+)?\d)")
_PART = r"(?:يوم|ليل|ليله|مساء|صباح|فجر|ظهر|عصر|منتصف ليل|بعد منتصف ليل)"
# A weekday is a whole word with its article ("الأحد", "والخميس", "يوم الجمعة"): "أحد" is "one" (and "واحد"
# ends in it), "اثنين" is "two", "جمعة" a man's name.
_WEEKDAY = re.compile(rf"(?:(?<!\S){_PART}\s+)?(?:(?<!\S)(?:(?:اول\s+من\s+)?امس|اليوم)\s+)?(?<!\S)[وفب]?ال"
                      rf"(اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)\b")
# A weekday to come ("الجمعة المقبل", "يوم الأحد القادم", "غدا السبت", "سيطلق الأربعاء") is a plan, not a day of
# the story; one "الماضي" on the report's own weekday is a week back; "الأحد عشر" is eleven, "الواحد الأحد" God.
_COMING = re.compile(r"\s*(?:المقبل|المقبله|القادم|القادمه)\b")
_TOMORROW = re.compile(r"(?:^|\s)[وف]?(?:غدا|يوم\s+غد|بعد\s+غد|صباح\s+غد|مساء\s+غد)\s*\(?\s*$")
_FUTURE_VERB = re.compile(r"(?:^|\s)[وف]?س[يتن][\u0621-\u064A]{2,}\s*$")  # right before it: "سيطلق الأربعاء", "ستكون يوم الإثنين"
_PLANNED = re.compile(r"(?:من\s+)?(?:ال)?(?:مقرر|متوقع|منتظر|مزمع|مرتقب|مفترض)\s+ان(?:\s|$)")  # (normalised: "من
#   المقرر أن", "من المرتقب أن")
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
_NOT_VERBS = frozenset(normalize(w) for w in (
    "سيارة سيارات سياسة سياسي سياسية سياسيين سيدة سيدات سيطرة سيناء سيول سيوف ستة ستين ستون ستار ستاد ستوديو "
    "سنة سنوات سنوي سنويا سنين سنتين سنغافورة سينما ستراتيجية سيرة سيرك سيف سيجارة سيتي ستريت سنتا سنتات "
    "سيطر سيطرت سيما").split())  # (past verbs: "التي سيطرت الجمعة على")
_PAST = re.compile(r"\s*(?:الماضي|الماضيه|الفائت|الفائته|المنصرم)\b")
_NOT_A_DAY = re.compile(r"\s+عشر\b")  # "الأحد عشر": eleven
# A weekday right after a title is a surname ("الدكتور الخميس"), so is one right after a common given name ("وأوضح
# رئيس اللجنة محمد الخميس أن …": an analyst found it dated Thursday), unless that name ends a ruler's or a patronymic
# chain ("الملك سلمان بن عبدالعزيز، الثلاثاء", "الشيخ محمد بن راشد الخميس", "الملك عبدالله الأحد": the day he spoke,
# an adversarial review found); normalised.
_TITLED = re.compile(r"(?:^|\s)(?:الدكتور|د\.?|الشيخ|الاستاذ|المهندس|السيد|السيده|المحامي)\s*$")
_GIVEN = re.compile(r"(?:^|\s)[وف]?(?:محمد|احمد|عبدالله|عبد الله|عبدالعزيز|عبد العزيز|عبدالرحمن|عبد الرحمن|خالد|سعد|فهد|"
                    r"سلطان|ناصر|صالح|ابراهيم|سعود|فيصل|عمر|حسن|حسين|يوسف|سليمان|منصور|ماجد|بندر|نايف|مشعل|طلال|وليد|"
                    r"عادل|سامي|حمد|راشد|سالم|جمال|طارق|مصطفي|محمود|عثمان|زياد|يحيي|عيسي|موسي)\s*[،,]?\s*$")
_RULER_OR_FATHER = re.compile(r"(?:^|\s)(?:بن|بنت|ابن|الملك|الامير|الشيخ|السلطان|سمو|الرئيس|ولي العهد)\s+(?:\S+\s+){0,3}$")


def _surname(before: str) -> bool:
    """Whether a weekday after these words is a surname: right after a title, or after a common given name that ends no
    ruler's or patronymic chain (_TITLED, _GIVEN)."""
    if _TITLED.search(before):
        return True
    given = _GIVEN.search(before)
    return given is not None and not _RULER_OR_FATHER.search(before[:given.start()] + " ")


_BEFORE_YESTERDAY = re.compile(r"(?<!\S)[وف]?(?:(?:مساء|صباح|ليل)\s+)?(?:اول\s+(?:من\s+)?امس|امس\s+الاول)\b")
_YESTERDAY = re.compile(r"(?:مساء|صباح|ليل)?\s*\bامس\b")
_DIGIT = re.compile(r"\d")
_TODAY_WEEKDAY = re.compile(r"(?:^|\s)اليوم\s*(?:ال)?(اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)\b")


@lru_cache(maxsize=4096)
def report_day(date: str) -> dt.date | None:
    """A report's ISO date ("2022-01-21", "2022-01-21T10:00") as a day; None when undated or unreadable."""
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def parse_date(text: str) -> str:
    """ISO date (and time) from the date formats Arabic outlets print; "" when none is found."""
    plain = ascii_digits(text)
    time = re.search(r"\b(\d{1,2}):(\d{2})\b(?:\s*(م|مساء|مساءً|pm|p\.m\.|ص|صباحا|صباحاً|am|a\.m\.)(?!\w))?",
                     plain, re.IGNORECASE)
    suffix = ""
    if time:
        hour = int(time.group(1))
        if time.group(3) and time.group(3).lower()[0] in "مp" and hour < 12:
            hour += 12  # "03:45 م" is 15:45
        suffix = f"T{hour:02d}:{time.group(2)}"
    if m := re.search(r"\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b", plain):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := re.search(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b", plain):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := re.search(rf"(?i)\b(\d{{1,2}})\s+({MONTH_PATTERN})\s*(?:/\s*\S+\s*)?,?\s*(\d{{4}})", plain):
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    elif m := re.search(rf"(?i)\b({MONTH_PATTERN})\s+(\d{{1,2}}),?\s+(\d{{4}})", plain):
        mo, d, y = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
    else:
        return ""
    try:
        dt.date(y, mo, d)
    except ValueError:
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}{suffix}" if 1900 <= y <= 2100 else ""


def weekday_today(text: str) -> str:
    """"Sunday" when a first line says "اليوم، الأحد" (published today, a Sunday); else ""."""
    m = _TODAY_WEEKDAY.search(normalize(text))
    return WEEKDAY_EN[WEEKDAY_NUMBER[m.group(1)]] if m else ""


def _first_day(normal: str, dated: bool = True) -> tuple[re.Pattern, re.Match] | None:
    """The first of the day patterns that the normalised sentence matches, and its match (`dated`: a date with its
    year too, first; a day of a month without one, last). Each pattern is searched only when a word it needs is
    there (most sentences state no day)."""
    if dated and _DIGIT.search(normal) and (m := _EXPLICIT.search(normal)):
        return _EXPLICIT, m
    if any(map(normal.__contains__, WEEKDAY_NUMBER)):  # (map: no Python frame a weekday)
        for m in _WEEKDAY.finditer(normal):
            before = normal[:m.start()]
            if not _surname(before) and not _NOT_A_DAY.match(normal, m.end()) \
                    and not before.rstrip().endswith("الواحد"):
                return _WEEKDAY, m
    if "امس" in normal and (m := _BEFORE_YESTERDAY.search(normal) or _YESTERDAY.search(normal)):
        return (_BEFORE_YESTERDAY if m.re is _BEFORE_YESTERDAY else _YESTERDAY), m
    if dated and _DIGIT.search(normal):
        for m in _DAY_MONTH.finditer(normal):  # (after a weekday or "أمس": "نشر اليوم الثلاثاء لائحة … المتوج في 15
            if not named_by_date(normal[:m.start()], normal[m.end():]):  # تموز/يوليو")
                return _DAY_MONTH, m
    return None


def _chosen_day(normal: str, published: str) -> tuple[re.Pattern, re.Match] | None:
    """_first_day, but a date far from the report's (another event's) gives way to a weekday or "أمس" that resolves."""
    found = _first_day(normal)
    if found is not None and found[0] in (_EXPLICIT, _DAY_MONTH) and published and not _resolved(*found, published)[0] \
            and (other := _first_day(normal, dated=False)) is not None and _resolved(*other, published)[0]:
        return other
    return found


def stated_day(sentence: str) -> tuple[str, str]:
    """(the words that state a day, as written in the sentence; the normalised match) or ("", "")."""
    return days(sentence, "")[1:]


def resolve(sentence: str, published: str) -> tuple[str, str]:
    """(ISO date or "", the words that state it) for the first day the sentence states. Weekdays become the
    latest such day on or before the report's date ("الجمعة المقبل", a day to come, is not resolved), "أمس" the
    day before it, "أول من أمس" and "أمس الأول" two days before; a date far before the report (or after it) is
    background and not resolved; a weekday right after a title is a surname ("الدكتور الخميس")."""
    found = _chosen_day(normalize(sentence), published)
    return _resolved(*found, published) if found else ("", "")


def days(sentence: str, published: str) -> tuple[str, str, str]:
    """resolve()'s ISO date and stated_day()'s words as written and normalised, from one reading. A date far from
    the report's (another event's: "حكمت محكمة تركية الجمعة على ثلاثة صحافيين … بتهمة التورط في الانقلاب الفاشل
    في 15 تموز/يوليو 2016") gives way to a weekday or "أمس" the sentence also states (an analyst: the sentencing
    was dated the coup's night)."""
    found = _chosen_day(normalize(sentence), published)
    if found is None:
        return "", "", ""
    said = found[1].group(0).strip()
    return _resolved(*found, published)[0], original_words(sentence, said), said


def _resolved(pattern: re.Pattern, m: re.Match, published: str) -> tuple[str, str]:
    day = dt.date.fromisoformat(published[:10]) if published else None
    if pattern is _EXPLICIT:
        try:
            when = dt.date(int(m.group(3)), _NORMAL_MONTHS[m.group(2)], int(m.group(1)))
        except ValueError:
            return "", m.group(0)
        if day is not None and not (dt.timedelta(0) <= day - when <= dt.timedelta(days=BACKGROUND_DAYS)):
            return "", ""  # history or a plan, not this story's day
        return when.isoformat(), m.group(0)
    if pattern is _DAY_MONTH:
        when = month_day(int(m.group(1)), _NORMAL_MONTHS[m.group(2)], day, _PAST.match(m.string, m.end()) is not None,
                         _COMING.match(m.string, m.end()) is not None) if day is not None else None
        if when is None or not dt.timedelta(0) <= day - when <= dt.timedelta(days=BACKGROUND_DAYS):
            return "", "" if day is not None else m.group(0)
        return when.isoformat(), m.group(0)
    if pattern is _WEEKDAY:
        if _COMING.match(m.string, m.end()) or _to_come(m.string[:m.start()]):
            return "", ""  # a plan, not this story's day
        if day is None:
            return "", m.group(0)
        back = (day.weekday() - WEEKDAY_NUMBER[m.group(1)]) % 7
        if back == 0 and _PAST.match(m.string, m.end()):
            back = 7  # "الخميس الماضي" in a report of a Thursday
        return (day - dt.timedelta(days=back)).isoformat(), m.group(0)
    back = 2 if pattern is _BEFORE_YESTERDAY else 1  # "أول من أمس": the day before yesterday
    return ((day - dt.timedelta(days=back)).isoformat() if day else ""), m.group(0).strip()


# Words a day of a month names rather than dates ("مدينة 6 أكتوبر", "كتيبة 17 فبراير", "جسر 14 تموز", "قوى 14 آذار",
# "ثورة 30 يونيو": a city, a brigade, a bridge, a bloc, a revolution of another year; an adversarial review), and a day
# of every year ("في 15 مايو من كل عام"); normalised.
_NAMING = frozenset(normalize(w) for w in (
    "مدينة", "مدينه", "شارع", "جسر", "ميدان", "ساحة", "حي", "كتيبة", "لواء", "حركة", "قوى", "كتلة", "تحالف", "ثورة",
    "انتفاضة", "ذكرى", "مستشفى", "جامعة", "ملعب", "مطار", "مجمع", "جادة", "بلدة", "مدرسة", "نادي", "قضية", "أحداث",
    "جمعة", "مسجد", "منطقة"))
_EVERY_YEAR = re.compile(r"\s*(?:من\s+)?كل\s+(?:عام|سنه|سنة)")


_PERIOD_END = re.compile(r"(?:بين|من)\s+\d{1,2}\s*(?:و|الي|الى|إلى|-)?\s*$")  # "ما بين 1 و15 يوليو", "من 1 إلى 15"
_SINCE_START = re.compile(r"(?:^|\s)[وف]?منذ\s+(?:\S+\s+){0,3}$")  # "منذ انطلاق مسيرات العودة في 30 مارس": a start


def named_by_date(before: str, after: str) -> bool:
    """Whether a day of a month between these (normalised) words is no day of one event: it names something or recurs
    every year (_NAMING, _EVERY_YEAR), ends a period or starts a running one (_PERIOD_END, _SINCE_START)."""
    words = before.split()
    last = words[-1].removeprefix("و").removeprefix("ب").removeprefix("ل") if words else ""
    return (last.removeprefix("ال") in _NAMING or last in _NAMING) or _EVERY_YEAR.match(after) is not None \
        or _PERIOD_END.search(before) is not None or _SINCE_START.search(before) is not None


def month_day(number: int, month: int, report: dt.date, past: bool = False, coming: bool = False) -> dt.date | None:
    """The date a day of a month with no year names in a report of `report`: in the report's year when that is not
    after the report; after it, the year before when "الماضي" follows or the date is half a year or more ahead
    ("28 ديسمبر" in a report of 3 January), else a day to come (None), as with "المقبل" after it; None for no
    such day ("31 يونيو")."""
    if coming:
        return None
    try:
        when = dt.date(report.year, month, number)
        if when > report and (past or (when - report).days >= 183):
            when = dt.date(report.year - 1, month, number)
    except ValueError:
        return None
    return None if when > report else when


def future_verb(word: str) -> bool:
    """A normalised word that is a verb in the future ("سيطلق", "وستنتهي"), not a noun or a past verb that
    starts like one ("سيارة", "سيطرت")."""
    return _FUTURE_VERB.fullmatch(" " + word) is not None and word.lstrip("وف") not in _NOT_VERBS


def _to_come(before: str) -> bool:
    """The words before a weekday say it is to come: "غدا", "بعد غد", a verb in the future right before it ("سيطلق
    الأربعاء", "ستكون يوم الإثنين"; not a noun that starts like one: "سيارة"; with words between, as in "سيرغي
    لافروف، الإثنين" or "سيطرت قوات النظام السبت", a name or a past verb is as likely), or a plan within the ten
    words before it and no relative pronoun after it ("ومن المقرر أن يقام حفل الزفاف يوم السبت")."""
    if _TOMORROW.search(before):
        return True
    m = _FUTURE_VERB.search(before)
    if m is not None and future_verb(m.group().split()[0]):
        return True
    words = before.split()[-10:]  # (normalised: no commas; a relative pronoun after the plan ends it, "من المقرر أن
    for k in range(len(words) - 1, -1, -1):  # يبحث المجلس الهجوم الذي وقع السبت" is Saturday's attack)
        if words[k] in _RELATIVES:
            return False
        if _PLANNED.match(" ".join(words[k:k + 3])):
            return True  # "ومن المقرر أن يقام حفل الزفاف يوم السبت", "ومن المتوقع أن يصل الوفد يوم الأحد"
    return False


def original_words(arabic: str, normalised_match: str) -> str:
    """The original Arabic words for a normalised match (for display)."""
    words = arabic.split()
    target = normalised_match.split()
    for i in range(len(words)):
        if [normalize(w) for w in words[i:i + len(target)]] == target:
            return _trimmed(" ".join(words[i:i + len(target)]))
    for i in range(len(words)):  # (fewer words as written: normalising drops a slash, "آب/أغسطس" → "اب اغسطس")
        for k in range(1, len(target)):
            if normalize(" ".join(words[i:i + k])) == normalised_match:
                return _trimmed(" ".join(words[i:i + k]))
    return normalised_match


_TRAILING = "،,.؛:!?؟\"«»"  # (punctuation around the words: normalising drops it)


def _trimmed(words: str) -> str:
    """The words without the punctuation around them, and a bracket only when its pair is not among them
    ("(26 مايو/أيار)" → "26 مايو/أيار"; "أمس (الأحد)" stays whole)."""
    words = words.strip(_TRAILING)
    if words.startswith("(") and ")" not in words:
        words = words[1:]
    if words.endswith(")") and "(" not in words:
        words = words[:-1]
    if words.startswith("(") and words.endswith(")"):
        words = words[1:-1]
    return words.strip(_TRAILING)
