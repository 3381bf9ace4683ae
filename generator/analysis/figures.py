"""Key figures: every number of every body sentence as a record that refers to its sentence (source,
pair, sentence, span) with a stable id, and what the figures pages and the summary compute from the
counts of people among them: disagreements between sources and the chart's data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from itertools import combinations
from types import MappingProxyType

from ..arabic import RELATIVE_PRONOUNS, ascii_digits, normalize, without_diacritics
from ..dates import (
    EARLIER_DAYS,
    MONTH_PATTERN,
    MONTHS,
    WEEKDAYS,
    days,
    future_verb,
    month_day,
    named_by_date,
    report_day,
)
from ..models import Figure, Number, SentenceNote, Source
from .labels import category_label, category_order, group_label
from .number_lexicon import lexicon
from .numbers import claimant_of


def figure_id(source_id: str, sentence_key: str, start: int) -> str:
    """Stable while the sentence's Arabic is unchanged: "f-" and ten hex digits."""
    return "f-" + hashlib.sha1(f"{source_id}|{sentence_key}|{start}".encode()).hexdigest()[:10]


def figures_of(source: Source) -> list[Figure]:
    """Every number in the source's sentences, typed, with who says so and the day it states; those of its
    sub-headings and captions marked as such (in the data, never key figures: they repeat the body's)."""
    out = []
    tally = ""  # who gave the last running total, while the sentences after it go on with its breakdown (_tallied)
    for pair in source.pairs:
        outside = "" if pair.kind == "body" else pair.kind  # a sub-heading's or a caption's number
        if not any(note.numbers for _, note in zip(pair.sentences, pair.notes, strict=False)):
            # (no number in the paragraph, as in most: nothing of it is read but the tally's end, as below)
            if outside:
                tally = ""
            for _, note in zip(pair.sentences, pair.notes, strict=False):
                if note.claimant and note.claimant != tally:
                    tally = ""
            continue
        text = pair.ar if pair.kind == "body" else ""  # (joined once)
        turned = pair.kind == "body" and _TURN.match(text) is not None  # ("من جهة أخرى، …": another matter)
        since = pair.kind == "body" and _SINCE_OPENING.match(text) is not None  # ("ومنذ بدء هجومها، … . وقتل 252 …":
        #   the paragraph's opening counts the tolls of its later sentences since then too, unless one says now)
        looking_back = pair.kind == "body" and bool(pair.sentences) and _told_before(pair.sentences[0].ar,
                                                                                      source.meta.date) \
            and _ONE_EVENT.search(pair.sentences[0].ar) is not None  # (an event it tells: "فجر مهاجم قنبلة"; not "بدأ
        #                                                             التحالف حملته الجوية في 26 مارس 2015", background)
        #   ("وكانت النجمة تحيي الحفل … يوم 22 مايو/أيار 2017. وسقط في الهجوم الدامي 22 قتيلا": the paragraph opens
        #   on an earlier event, dated, in the pluperfect; its later sentences' tolls are that event's)
        if outside:
            tally = ""  # (a sub-heading opens another part)
        for index, (sentence, note) in enumerate(zip(pair.sentences, pair.notes, strict=False), 1):
            if not note.numbers:  # (no figure, no toll: only another speaker ends the tally, as below)
                if note.claimant and note.claimant != tally:
                    tally = ""
                continue
            years, people = _years(note), [m for m in note.numbers if m.type == "people"]  # (once a sentence: a
            #   hostile one holds thousands of numbers, and reading them all again for each was quadratic)
            first_people = people[0].start if people else None
            after = {}  # a number's start → the category of the next count of people after it, read backwards
            following = None
            for m in reversed(note.numbers):
                after[m.start] = following
                if m.type == "people":
                    following = m.category
            scopes = {n.start: scope_of(sentence.ar, n.start, n.end, n.category, years, source.meta.date,
                                        first_people is not None and first_people < n.start, after[n.start])
                      for n in people}
            for previous, n in zip(people, people[1:], strict=False):
                if scopes[previous.start] == PART and not scopes[n.start] and _joined_part(sentence.ar, previous, n):
                    scopes[n.start] = PART  # "بينهم 10 أطفال و5 نساء", "منهم 14 بالانتخاب، و7 بالتعيين"
                elif not scopes[n.start] and _AMONG_OPENING.match(sentence.ar[:previous.start]) \
                        and _ONE_COMMA.match(sentence.ar, previous.end, n.start):
                    scopes[n.start] = PART  # "فمن بين 62 شخصا قتلوا في لندن منذ بداية العام، تعرض 37 شخصا للطعن
                    #   القاتل": some of the whole the sentence opens with (an analyst: the 37 led a story's headline)
                elif scopes[previous.start] in (POSSIBLE, TOTAL, EARLIER, RATE) and not scopes[n.start] \
                        and _THAT_IS.match(sentence.ar, previous.end, n.start):
                    scopes[n.start] = scopes[previous.start]  # "يمكن أن تطرد 60 إماما … أي ما مجمله 150 شخصا": the
                    #   same count restated, its scope with it (an analyst's review)
                elif scopes[previous.start] in (EARLIER, TOTAL) and not scopes[n.start] \
                        and n.category not in ("", "other people") and _COORDINATED_FATE.match(sentence.ar,
                                                                                               previous.end, n.start) \
                        and not _own_time_after(sentence.ar, n.end):
                    scopes[n.start] = scopes[previous.start]  # "أدى قمع احتجاجات ديسمبر إلى مقتل 25 شخصا، واعتقال
                    #   السلطات لما يقرب من 5 آلاف شخص": what the same event did, coordinated (an analyst: the 5,000
                    #   became a later story's headline)
            anchor = next((p for p in people if scopes[p.start] == EARLIER), None)
            before_it = set()  # (counts of what an earlier event came after: earlier still, no date of theirs written)
            for n in people:
                if anchor is not None and n.start > anchor.end and not scopes[n.start] \
                        and n.category not in ("", "other people") and (after := _AFTER_IT.search(sentence.ar, anchor.end,
                                                                                                  n.start)) \
                        and not _OTHER_DAY.search(sentence.ar, after.end(), n.end) \
                        and not _NOW.search(ascii_digits(sentence.ar[after.end():n.end])) \
                        and not _own_time_after(sentence.ar, n.end):
                    # "أعدم ثلاثة رجال في مارس 2015، بعد إدانتهم بهجوم … أودى بحياة 29 شخصا": what the earlier event
                    # came after came before it (an analyst's review: the 29 led a story's headline); not a count
                    # with a day of its own after "بعد"
                    scopes[n.start] = EARLIER
                    before_it.add(n.start)
            tolls = [n for n in people if n.category not in ("", "other people")]
            # (now and carried are read for its tolls only: a sentence with none, most, is not searched)
            now = bool(tolls) and _NOW_OR_SINCE.search(ascii_digits(sentence.ar)) is not None
            carried = bool(tolls) and not outside and tally and _tallied(sentence.ar, note, tally, now)
            for n in tolls:
                if not scopes[n.start] and ((since and index > 1 and not now) or carried):
                    scopes[n.start] = TOTAL
                elif not scopes[n.start] and looking_back and index > 1 and not now and not note.stated_day \
                        and _THAT_EVENT.search(sentence.ar[:n.start]) and not _NEWER.search(sentence.ar) \
                        and not _RISING.search(sentence.ar[:n.start]):
                    scopes[n.start] = EARLIER  # (one that points back to it: "في الهجوم الدامي", "جراء الانفجار")
            if any(scopes[n.start] == TOTAL for n in tolls) and note.claimant and not outside:
                tally = note.claimant
            elif any(not scopes[n.start] for n in tolls) or (note.claimant and note.claimant != tally):
                tally = ""  # (a toll of one event, or another speaker: the breakdown is over)
            clauses = _other_speakers(sentence.ar, note.claimant, [n.start for n in people])
            for n in note.numbers:
                scope = scopes.get(n.start, "") if n.type == "people" else ""
                if turned and n.type == "people" and not scope:
                    scope = ANOTHER
                # (a running total, a rate, an earlier event: no one day of it; its sentence's is the announcement's)
                day = _UNDATED if scope in _NO_ONE_DAY else day_of(sentence.ar, n.start, note, n.end, source.meta.date)
                if n.start in before_it:
                    day = _UNDATED  # (before the date written: no date of its own to show)
                elif scope == EARLIER and _DATE_WORDS.search(note.stated_day) \
                        and 0 <= sentence.ar.find(note.stated_day) < n.start:  # (before it: not a later clause's date)
                    day = {"stated_day": note.stated_day, "day": ""}  # (the date that makes it another event's, as
                    #   written, no day of this story: an analyst missed "20 يوليو 2012" once it was tagged)
                elif scope == EARLIER and years and (year := _year_of(sentence.ar, n.start, n.end, years)):
                    day = {"stated_day": year, "day": ""}  # ("في عام 2016", "سنة 1920م": the year, as a review asked)
                out.append(Figure(
                    id=figure_id(source.meta.id, f"{outside}:{note.key}" if outside else note.key, n.start),
                    source_id=source.meta.id, pair_id=pair.id,
                    sentence=index, start=n.start, end=n.end, match=sentence.ar[n.start:n.end], value=n.value,
                    low=n.low, high=n.high, vague=n.vague, qualifier=n.qualifier, type=n.type,
                    category=n.category if n.type == "people" else "", noun=n.noun, unit=n.unit,
                    group=n.group if n.type == "people" else "",
                    claimant="" if _in_the_speakers_aside(sentence.ar, n.start, n.end) else clauses.get(n.start, note.claimant),
                    **day, paragraph=outside, scope=scope))
    return _summed_parts(out)


# Words of one event (an attack, a raid, a clash …): a sentence that names one tells that event's toll, not a
# breakdown of a running total before it (_tallied).
_ONE_EVENT = re.compile(r"(?<!\S)[وفبل]?(?:ال)?(?:غار[ةه]|غارات|قصف|انفجار|تفجير|هجوم|هجمات|اشتباك|اشتباكات|معارك|معركة|حادث|"
                        r"حادثة|كمين|عملية|مجزرة|مداهمة|مداهمات|إطلاق|اطلاق|ضربة|ضربات|تظاهرة|مظاهرة|احتجاجات|زلزال|فيضان|"
                        r"فيضانات|حريق|سيول|"
                        # verbs of one event, weapons, a time of day, last week (an adversarial review: "استهدفت طائرات
                        # قاعة عزاء", "انتحاريا فجر نفسه", "أعدم تنظيم الدولة 15", "بنيران قناصة", "قذائف … مساء")
                        r"استهدف|استهدفت|فجر|فجرت|أعدم|أعدمت|اعدم|اعدمت|قصفت|أطلق|أطلقت|اطلق|اطلقت|قذائف|قذيفة|براميل|"
                        r"صاروخ|صواريخ|نيران|رصاص|قناص|قناصة|عبوة|لغم|ألغام|مفخخة|انتحاري|انتحاريا|انتحارية|مساء|صباح|ليلة|"
                        r"فجر|ظهر)(?!\S)|(?<!\S)(?:ال)?(?:أسبوع|اسبوع|شهر)\s+(?:ال)?(?:ماضي|فائت|منصرم)")


_UNARMED_KIN = frozenset(("women", "children", "civilians", "people", ""))  # groups one breakdown lists side by side


_THAT_IS = re.compile(r"[^.!?؟؛:]*(?<!\S)[،,]?\s*(?:أي|اي)\s+(?:ما\s+(?:مجمله|مجموعه|يعادل)\s+|نحو\s+|حوالي\s+)?[^\s]*$")
_LAST_YEAR_WORDS = r"(?:العام|السنة|السنه)\s+(?:الماضي|الماضية|الماضيه|المنصرم|المنصرمة|الفائت|الفائتة)(?![^\s،,.؛:])"
_LAST_YEAR = re.compile(r"(?<!\S)[وف]?(?:في\s+|خلال\s+)?" + _LAST_YEAR_WORDS)
_LAST_YEAR_OPENING = re.compile(r"\W*[وف]?(?:في|خلال)\s+" + _LAST_YEAR_WORDS)
# A count in the aside that tells who the speaker is, between the verb of saying and "إن/أن": "وقالت المرأة، المسؤولة
# بمقتضى منصبها عن أكثر من 300 موظف، إنها …" (the outlet's words about her, not hers: a second analyst's review).
_ASIDE_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أضاف|أضافت|ذكر|ذكرت|أعلن|أعلنت|صرح|صرحت)"
                           r"\s+[^.،,!?؟؛:]+[،,](?![^.!?؟؛:]*(?<!\S)(?:إن|أن|إنه|أنه|إنها|أنها|بأن)(?!\S))[^.!?؟؛:]*$")
_ASIDE_AFTER = re.compile(r"[^.!?؟؛:،,]*[،,]\s*(?:إن|أن|إنه|أنه|إنها|أنها|إنهم|أنهم|بأن)(?!\S)")


def _in_the_speakers_aside(sentence: str, start: int, end: int) -> bool:
    """Whether the count at sentence[start:end] stands in the aside between a verb of saying and "إن/أن", or in the
    speaker's own words before "إن" after "قال" ("وقال أحد القضاة الـ 12 في المحكمة إن": one of them says, the outlet
    counts them)."""
    return (_ASIDE_AFTER.match(sentence, end) is not None and _ASIDE_BEFORE.search(sentence[:start]) is not None) or (
        _SAID_BEFORE.search(sentence[:start]) is not None and _THAT_AFTER.match(sentence, end) is not None)


_SAID_BEFORE = re.compile(r"(?:^|[،,])\W*[وف]?(?:قال|قالت|يقول|تقول|أضاف|أضافت|اضاف|اضافت)\s+"
                          r"(?:(?!(?<!\S)(?:إن|أن|ان|إنه|أنه|انه|إنها|أنها|انها|بأن)(?!\S))[^.!?؟؛:«»\"])*$")  # (no "إن" between)
_THAT_AFTER = re.compile(r"[^.!?؟؛:«»\"]{0,100}?(?<!\S)(?:إن|إنه|إنها|إنهم)(?!\S)")


_YEAR_RIGHT_AFTER = re.compile(r"\s*(?:[^\s،,.!?؟؛:]+\s+){0,3}?(?:في|عام|العام|سنة|خلال)\s+(?:عام\s+|العام\s+)?(\d{4})(?!\d)")
_EVENT_NOUN = re.compile(r"(?:هجوم|هجمات|الهجوم|الهجمات|تفجير|تفجيرات|التفجير|التفجيرات|انفجار|الانفجار|احتجاجات|الاحتجاجات|"
                         r"انقلاب|الانقلاب|مجزرة|المجزرة|مذبحة|حادث|حادثة|الحادث|أحداث|احداث|زلزال|الزلزال|فيضانات|"
                         r"انتخابات|الانتخابات|عملية|اعتداء|اعتداءات|حرب|الحرب|معارك|مواجهات|قصف|غارة|غارات|أزمة|ازمة|"
                         r"كارثة|ذكرى|مماثل|مماثلة|للهجوم)$")


def _own_time_after(sentence: str, end: int) -> bool:
    """A time of its own in the count's phrase after it ("واعتقال 20 شخصا اليوم", "الليلة الماضية")."""
    phrase = re.split(r"[،,.!?؟؛:]", sentence[end:end + 120])[0]
    return bool(_NOW.search(ascii_digits(phrase)) or _OTHER_DAY.search(phrase)
                or re.search(r"(?<!\S)(?:الليلة|الليله)\s+الماضية", phrase))


def _last_year(sentence: str, start: int, clause_start: int, clause_end: int) -> bool:
    """ "العام الماضي" as the time of the count's own verb in its clause: not another event's that a noun names
    ("في إطار التحقيق في تفجير العام الماضي", "ذكرى احتجاجات العام الماضي"), not in a relative clause after the count
    ("الهجوم الذي وقع العام الماضي"), and not when the clause says today ("اليوم", "أمس": an adversarial review)."""
    found = _LAST_YEAR.search(sentence, clause_start, clause_end)
    if found is None or _NOW.search(ascii_digits(sentence[clause_start:clause_end])):
        return False
    before = sentence[clause_start:found.start()].split()
    if before and _EVENT_NOUN.search(before[-1]):
        return False
    return not (found.start() > start and _RELATIVE.search(sentence, start, found.start()))


_AFTER_IT = re.compile(r"(?<!\S)[وف]?(?:بعد|عقب|إثر|اثر)(?!\S)")
_AMONG_OPENING = re.compile(r"\W*[وف]?من\s+(?:بين|أصل|اصل)\s*$")  # a sentence that opens "(ف)من بين" a count
_ONE_COMMA = re.compile(r"[^،,.!?؟؛:]*[،,][^،,.!?؟؛:]*$")  # the rest of its phrase, a comma, the next clause
# A masdar of what befell people coordinated with the count before it, a few words of that count's phrase between:
# "مقتل 25 شخصا على الأقل، واعتقال …" (another fate of the same event, in the same chain).
_COORDINATED_FATE = re.compile(r"\s*(?:[^\s،,.!?؟؛:]+\s+){0,4}?[^\s،,.!?؟؛:]*\s*[،,]?\s*و(?:مقتل|اعتقال|إصابة|اصابة|جرح|إجلاء|"
                               r"اجلاء|نزوح|تهجير|تشريد|اختطاف|احتجاز|سقوط|فقدان|أسر|اسر|توقيف|إعدام|اعدام)"
                               r"(?!\S)[^،,.!?؟؛:]*$")


def _joined_part(sentence: str, part: Number, n: Number) -> bool:
    """Whether count n is joined by "و" to a part right before it, of its category and group (or none), a few words
    between at most and no clause ending ("أصيب 40 شخصا بينهم 10 أطفال و5 نساء": the five are of the forty too; an analyst met "21 عضواً منهم 14
    بالانتخاب، و7 بالتعيين" with the seven as a count of their own)."""
    between = sentence[part.end:n.start]
    joined = sentence[n.start:n.end].startswith("و") or between.rstrip().endswith("و")
    after_comma = re.search(r"[،,]\s*و?\s*$", between) is not None
    kin = {part.group, n.group} <= _UNARMED_KIN or n.group in (part.group, "")
    return joined and n.category in (part.category, "other people") and kin \
        and len(between.split()) <= 4 and not re.search(r"[.!?؟؛:]", between) and not (after_comma and n.noun)
    #   (not another category, "بينهم 20 مدنيا و50 جريحا", nor another group, "بينهم 4 أطفال و12 من عناصر قوات
    #   النظام"; after a comma only a count with no noun of its own, "منهم 14 بالانتخاب، و7 بالتعيين": "بينهم 6
    #   أطفال و4 مواطنات، و18 مقاتلا" starts another count, an adversarial review found)


_NEWER = re.compile(r"(?<!\S)(?:ال)?(?:أخير|الأخير|الأخيرة|أخيرة|جديد|الجديد|الجديدة|جديدة)(?!\S)")  # ("الهجوم الأخير")
_THAT_EVENT = re.compile(r"(?<!\S)[وفبل]?(?:في|جراء|خلال|إثر|اثر|بسبب)?\s*ال(?:هجوم|حادث|حادثة|انفجار|تفجير|اعتداء|هجمات|"
                         r"تفجيرات|غارة|مجزرة|كارثة|زلزال|حريق)(?!\S)")  # a definite event noun: the one told before


def _year_of(sentence: str, start: int, end: int, years: tuple[tuple[int, int], ...]) -> str:
    """The year nearest a count in its sentence, before it or after it within a clause (no clause end between), as its
    digits: what an earlier event's row shows as its date when the sentence states no day."""
    best = ""
    distance = None
    for at, value in years:
        between = sentence[end:at] if at >= end else sentence[at:start]
        if re.search(r"[.!?؟؛]", between) or not 1800 <= value <= 2100:
            continue
        if distance is None or len(between) < distance:
            best, distance = str(value), len(between)
    return best


def _told_before(sentence: str, report_date: str) -> bool:
    """Whether a sentence opens in the pluperfect ("وكان …", "وكانت …") and dates what it tells before the report: a
    year before the report's, or a day of a month a week or more back (_days_back), and no now-word."""
    dated = _report_month(report_date)
    if dated is None or not _PLUPERFECT.match(sentence):
        return False
    plain = ascii_digits(sentence)
    if _NOW_OR_SINCE.search(plain):
        return False
    return any(1800 <= int(y.group()) <= dated[2] for y in re.finditer(r"(?<!\d)\d{4}(?!\d)", plain)) \
        or any(_days_back(found, report_date) for found in _DAY_OF_MONTH.finditer(plain))


def _tallied(sentence: str, note: SentenceNote, tally: str, now: bool) -> bool:
    """Whether a sentence's tolls go on with the breakdown of a running total given before it (in the sentences or
    paragraphs right before, no toll of one event nor another speaker between): the same speaker says them, and the
    sentence states no day, says neither now nor since, and names no event of its own (an analyst: "ذكر المرصد … أن أكثر
    من 240 ألفا قتلوا منذ بداية هذا الصراع في مارس 2011. ووثق المرصد مقتل 71 ألفا و781 مدنيا …. وذكر المرصد أن حصيلة
    القتلى في صفوف مقاتلي المعارضة بلغت 42 ألفا": the war's totals shown as the day's tolls beside its 3 killed)."""
    return note.claimant == tally and not note.stated_day and not now and _ONE_EVENT.search(sentence) is None


# Between a sentence's day and a count, words that make the day another event's: a verb of saying before the
# day with "أن/إن" after it and a time span of the count's own (the statement's day: "قال المرصد أمس الخميس إن 173
# مدنيا قتلوا خلال عشرة أشهر"; without one, "قالت الشرطة الأحد إن 5 قتلوا", the day stays), or,
# with the count after the day, "after", "where" or another day ("عقد مجلس الأمن اجتماعا الثلاثاء بعد مقتل العشرات",
# "وصل المفتشون السبت إلى دوما حيث قتل 40", "شيعت السويداء الخميس ضحايا الهجمات التي شهدتها الأربعاء وأودت بحياة
# 250"; not a relative clause alone: "الهجوم الانتحاري الاثنين الذي أوقع 32 قتيلا" is Monday's).
_SAYING = re.compile(r"(?<!\S)[وف]?(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|أكد|أكدت|اكد|اكدت|ذكر|ذكرت|أفاد|أفادت|افاد|افادت|أوضح|أوضحت|"
                     r"اوضح|اوضحت|أضاف|أضافت|اضاف|اضافت|صرح|صرحت|أشار|أشارت|اشار|اشارت|كشف|كشفت)(?!\S)")
_THAT = re.compile(r"(?<!\S)(?:[وف]?(?:أن|إن|ان|بأن|بان)|أنه|إنه|انه|أنها|إنها|انها)(?!\S)")
_SPAN = re.compile(r"(?<!\S)(?:(?:خلال|طوال|طيلة|على مدى|على مدار)\s+(?:ال)?(?:\d+\s+)?(?:\S+\s+)?(?:أيام|ايام|يوما|أسابيع|"
                   r"اسابيع|أسبوعا|اسبوعا|أشهر|اشهر|شهرا|شهور|سنوات|سنة|سنين|عاما|أعوام|اعوام|عقود|عقد|فترة|الفترة)(?!\w)"
                   r"|منذ)(?!\S)")  # (a span of the count's own: "خلال عشرة أشهر", "منذ بداية العام"; not "خلال حفل")
_AFTER_ANOTHER = re.compile(r"(?<!\S)[وف]?(?:بعد|غداة|عقب)(?!\s+(?:الظهر|ظهر|أن|ان|منتصف|العصر|الظهيرة))(?!\S)"
                            r"|(?<![،,])\s+حيث(?!\S)")  # (not "بعد الظهر", "بعد أن": the same day; "حيث" after
#   a place is "where": "إلى دوما حيث قتل 40"; after a comma it tells the clause before in detail: "…، حيث قتل 16")
_ANOTHER_TIME = re.compile(r"(?<!\S)(?:ال)?(?:شهر|أسبوع|اسبوع|عام|سنة)\s+(?:ال)?(?:ماضي|ماضية|سابق|فائت|منصرم)(?!\w)")
_OTHER_DAY = re.compile(r"(?<!\S)(?<!صلاة )[وف]?(?:ب|في)?(?:يوم\s+(?:ال)?|ال)(?:أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|"
                        r"خميس|جمعة|سبت)(?!\w)|(?<!\S)[وف]?(?:أمس|امس)(?!\w)")  # (with its article or "يوم": "أحد الأسواق"
#                        is one of them, "اثنين" two; "صلاة الجمعة" is the same Friday's)


def _own_time_between(between: str) -> bool:
    """A time of the count's own between a statement's day and it ("أن عدد المهاجرين بلغ العام الماضي 10 ملايين"), not
    one of a relative clause or a comparison ("المسلحين الذين طردوا العام الماضي", "منذ الشهر الماضي", "يشبه هجوم العام
    الماضي": an adversarial review)."""
    found = _ANOTHER_TIME.search(between)
    return found is not None and not _NOT_OWN_TIME.search(" ".join(between[:found.start()].split()[-4:]))


_NOT_OWN_TIME = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذين|اللتين|منذ|يشبه|تشبه|مقارنة|بمقارنة|مثل)(?!\S)")


def day_of(sentence: str, start: int, note: SentenceNote, end: int = -1, published: str = "") -> Mapping[str, str]:
    """The day the sentence states, as a count's own (stated_day, day), or none when the words between them make it
    another event's day (_SAYING, _AFTER_ANOTHER, _OTHER_DAY, a span or a time of the count's own): an analyst found
    deaths of a Monday dated the Tuesday of the meeting that followed them, and a ten months' tally dated the day
    it was announced. A day of the count's own right after it (its noun and a word between at most, in its clause:
    "قتلت 40 شخصا يوم الجمعة، و30 آخرين يوم السبت") is its day, whatever day the sentence states first (an analyst
    found Saturday's 30 dated the Friday; `end`: the count's end, `published`: the report's date). (A running total,
    a rate or an earlier event gets none at all: figures_of.)"""
    if not note.stated_day:
        return _UNDATED
    if end >= 0 and (own := _own_day(sentence, start, end, published)) is not None and own["day"] != note.day:
        return own
    found = re.search(rf"(?<!\w){re.escape(note.stated_day.strip())}(?!\w)", sentence)  # (a word: "الأحد" is not in
    if found is None:  #                                                                  "الأحداث")
        return {"stated_day": note.stated_day, "day": note.day}
    at, end = found.span()
    plain = without_diacritics  # (the verbs as written: "أكّدت")
    if start > at:  # the day, then the count
        before, between = plain(sentence[max(0, at - 60):at]), plain(sentence[end:start])
        said = _THAT.search(between) and _SAYING.search(before.split("،")[-1])  # (the statement's day: the count's
        own = sentence[start:start + 120].split("،")[0]  #                       too, unless the count has a span of
        if _AFTER_ANOTHER.search(between) or _OTHER_DAY.search(between) or _own_time_between(between) \
                or (said and _SPAN.search(plain(own))) or _ANOTHER_TIME.search(plain(own)):  # its own, in its clause;
            return _UNDATED  #                                        a time of its own: "قتل 40 … الشهر الماضي")
    elif _SAYING.search(plain(sentence[start:at])) or _AFTER_ANOTHER.search(plain(sentence[start:at])):
        return _UNDATED  # the count, then a verb of saying and its day, or another event's
    return {"stated_day": note.stated_day, "day": note.day}


def _own_day(sentence: str, start: int, end: int, published: str) -> Mapping[str, str] | None:
    """A day stated right after a count, within three words and before the clause ends or another number starts,
    when it is not the day the sentence states first (that one day_of reads as before), and no word of a plan or a
    possibility stands before the count ("من المفترض أن يتم لم شمل 1600 أسرة الخميس": a deadline, not a day of it)."""
    if _maybe(without_diacritics(" ".join(sentence[max(0, start - 100):start].split()[-10:]))):
        return None
    tail = re.split(r"[،,؛;.!?؟:]|\d", sentence[end:end + 80])[0]
    iso, words, said = days(tail, published)
    if not said or words not in tail:
        return None
    between = tail[:tail.find(words)].split()
    if len(between) > 5 or len(between) > 3 and (
            normalize(between[1]) not in _PLACE_PREPOSITIONS or normalize(between[2]) in _NOT_A_PLACE
            or any(w.startswith("و") or normalize(w) in _NOT_A_PLACE for w in between[1:])):
        return None  # (its noun and a place, four words at most: "بغرق أكثر من 200 مهاجر في البحر المتوسط يوم
        #              الأربعاء", "أنقذت نحو 141 مهاجرا قبالة السواحل الليبية الجمعة"; not past a verb of their own,
        #              "40 ناشطا شاركوا في مظاهرة الجمعة", a cause, "على خلفية", or a clause joined by و)
    return {"stated_day": words, "day": iso}


_PLACE_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "قبالة", "على", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب",
                                                       "شمالي", "جنوبي", "شرقي", "غربي", "داخل", "خارج", "عند", "أمام",
                                                       "وسط", "بمدينة", "بمحافظة", "بولاية", "بمنطقة"))
_NOT_A_PLACE = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "أن", "أنه", "إن", "بعد", "قبل", "حين", "عندما",
                                                "حتى", "منذ", "خلفية", "هجوم", "مباراة", "مظاهرة", "اجتماع", "انتخابات"))


_NO_ONE_DAY = frozenset({"running total", "rate", "earlier event"})
_DATE_WORDS = re.compile(rf"\d{{4}}|(?:^|\s|\d|/)(?:{MONTH_PATTERN})(?:$|\s|/)")  # a date's words: a year or a month
_UNDATED = MappingProxyType({"stated_day": "", "day": ""})
_MOST_PARTS = {2: 20, 3: 8}  # the most other counts of the category a report may hold for pairs, for triples
_PARTS_NEAR = 3  # paragraphs at most between a part and its whole


# A clause of its own ("، فيما …", "بينما …") in a sentence: it may name its own speaker ("وقالت الوزارة إن 5 قتلوا، فيما
# قال المرصد إن 10 قتلوا").
_OWN_CLAUSE = re.compile(r"(?:^|[،,]\s*|\s)[وف]?(?:فيما|بينما)(?!\S)")


def _other_speakers(sentence: str, claimant: str, starts: list[int]) -> dict[int, str]:
    """The counts of people (by start) in a clause of their own ("فيما …", "بينما …") that names a speaker of its own,
    another than the sentence's: that speaker ("وقالت الوزارة إن 5 قتلوا، فيما قال المرصد إن 10 قتلوا": SOHR's 10).
    Read only for sentences with such a clause before a count (most have none)."""
    found = {}
    if not starts:
        return found
    opens = [m.end() for m in _OWN_CLAUSE.finditer(sentence, 0, starts[-1])]
    if not opens:
        return found
    for start in starts:
        at = max((o for o in opens if o <= start), default=-1)
        if at < 0:
            continue
        ahead = sentence[start:].split("،")[0].split(",")[0]  # (the count and its clause up to a comma)
        own = claimant_of(sentence[at:start] + ahead)  # (a speaker before the count in its clause, or an according
        #                                                phrase after it before the clause ends; not the next clause's)
        if own and own != claimant:
            found[start] = own
    return found


def _summed_parts(figures: list[Figure]) -> list[Figure]:
    """Counts of one report that add up to another of its counts of the same category ("26" in one operation,
    "26" in another, "52" in all) are parts of it: no end of a range, no side of a dispute. Exact counts of one
    event (no qualifier, no scope but another matter's: "ميدانياً، أصيب 16 مجندا …" then "9 منهم … و7") only; two or
    three parts, each within _PARTS_NEAR paragraphs of the whole."""
    exact = [f for f in figures if f.type == "people" and not f.paragraph and f.scope in ("", ANOTHER, TOTAL)
             and not f.qualifier and isinstance(f.value, int) and f.value > 0 and f.category
             and f.category != "other people"]  # (a running total's parts are running totals: "844 مدنيا" and "488
    #                                        عنصرا" of the month's 1,332, parts of it; a recheck found them totals)
    order = {pair: n for n, pair in enumerate(dict.fromkeys(f.pair_id for f in figures))}  # (paragraphs in order)
    parts: set[str] = set()
    smaller = defaultdict(list)  # category → its values, sorted: how many are smaller, without a list a count
    for f in exact:
        smaller[f.category].append(f.value)
    for values in smaller.values():
        values.sort()
    for whole in exact:
        if bisect_left(smaller[whole.category], whole.value) > _MOST_PARTS[2]:
            continue  # (the test below, made first: a report of thousands of counts was quadratic)
        others = [f for f in exact if f is not whole and f.category == whole.category and f.value < whole.value
                  and (f.scope == TOTAL) == (whole.scope == TOTAL)  # (a total's parts are totals; a day's are not:
                  #                                                         sums across the two met by chance)
                  and abs(order[f.pair_id] - order[whole.pair_id]) <= _PARTS_NEAR]  # (a long report's counts of
        #   other events add up by chance: 70 in ¶10 and Khan Sheikhoun's 80 in ¶18 were "parts" of ¶7's 150)
        for size in (2, 3):
            if len(others) > _MOST_PARTS[size]:
                continue  # (a page of dozens of counts: sums that match by chance, and too many to try)
            found = next((c for c in combinations(others, size) if sum(f.value for f in c) == whole.value), None)
            if found:
                parts.update(f.id for f in found)
                break
    return [replace(f, scope=PART) if f.id in parts else f for f in figures] if parts else figures


def _years(note: SentenceNote) -> tuple[tuple[int, int], ...]:
    """The years a sentence names: (start, value), a range by its first year."""
    return tuple((n.start, int(v)) for n in note.numbers if n.type == "year"
                 and (v := n.value if n.value is not None else n.low) is not None)


_UNGROUPED = frozenset({"year", "date", "time", "identifier", "ordinal", "score"})


def figure_value(figure: Figure) -> str:
    """"at least 120", "2,000–4,000", "about 12,000", "dozens"; a year, a date, a time or an identifier
    without thousands separators ("2016", "1436–1437", "flight 737")."""
    grouping = "" if figure.type in _UNGROUPED else ","
    if figure.vague:
        number = figure.vague
    elif figure.value is not None:
        number = f"{figure.value:{grouping}}"
    elif figure.low is not None:
        number = f"{figure.low:{grouping}}–{figure.high:{grouping}}"
    else:
        number = figure.match
    return f"{figure.qualifier} {number}".strip()


def top(figure: Figure) -> int | float | None:
    """The figure's number for comparisons: the value, or a range's upper end."""
    return figure.value if figure.value is not None else figure.high


def _by_date(figure: Figure, sources: dict[str, Source]) -> tuple:
    meta = sources[figure.source_id].meta
    return (meta.date == "", meta.date, meta.outlet, figure.id)


_SINCE = re.compile(r"(?<!\S)و?منذ(?!\S)(?!\s+(?:قليل|ساعة|ساعات|ساعتين|يوم|يومين)(?!\S))"  # since a start, a year,
                    #   a day, or "منذ سبع سنوات" (a span back); not "ago" ("قتل 12 على الأقل منذ يومين": one blast's)
                    r"|(?<!\S)خلال\s+(?:\S+\s+)?(?:سنوات|أعوام|عاما|عامًا|عقود|عقدين|عقد|السنوات|الأعوام|العقود|"
                    r"الأشهر|أشهر|شهور|الشهور|الأسابيع|أسابيع)(?!\S)"  # over years, months or weeks
                    r"|(?<!\S)(?:خلال\s+)?(?:هذا\s+الأسبوع|الأسبوع\s+(?:الحالي|الجاري))(?!\S)"  # this week's, all of it
                    r"|(?<!\S)خلال\s+الأيام\s+(?:\S+\s+)?(?:الماضية|الأخيرة|القليلة\s+الماضية)(?![^\s،,.؛:])"  # the past (six) days'
                    r"|(?<!\S)في\s+هذه\s+(?:التظاهرات|المظاهرات|الاحتجاجات|المسيرات)(?!\S)"  # all these protests
                    r"|(?<!\S)[وف]?خلال\s+(?:ذلك\s+الوقت|تلك\s+الفترة|هذه\s+الفترة|تلك\s+المدة|هذه\s+المدة)(?![^\s،,.؛:])")
_SINCE_YEAR = re.compile(r"(?<!\S)و?منذ\s+(?:\S+\s+){0,3}?$")  # a year this ends before is a since-phrase's
_RECORD = re.compile(r"(?<!\S)(?:(?:ال)?(?:أعنف|اعنف|أسوأ|اسوأ|أكبر|اكبر|أعلى|اعلى|أدنى|ادنى|أول|اول|أشد|اشد)"
                     r"|الأكثر|الاكثر|(?<!على\s)الأقل|(?<!على\s)الاقل)(?!\s+من\s)(?:\s+\S+){0,3}\s+منذ\s")  # "أعنف هجوم تشهده
#                      المدينة منذ 2017": the worst since, no running total (but not "أكثر من 3200 … منذ", nor
#                      "على الأقل منذ بدء الهجوم": at least, since the offensive began)
_CLAUSE_END = re.compile(r"[،,؛;.!?؟:]")
_PART = re.compile(r"(?:^|\s)و?(?:من\s+)?(?:بينهم|بينهن|بينهما|منهم|منهن|منهما|ضمنهم|بمن\s+فيهم|بما\s+فيهم|"
                   r"بما\s+في\s+ذلك|أغلبهم|اغلبهم|معظمهم|[وت]?يشمل\s+(?:ذلك|هذا)\s+(?:العدد|الرقم)|"
                   r"بين\s+(?:ال)?(?:قتلى|ضحايا|جرحى|مصابين|المعتقلين|معتقلين|الموقوفين|النازحين|المفقودين))"
                   r"\s*(?:\S+\s+)?$")  # ("مشيرا إلى أن من بين القتلى 62 مدنيا": some of the dead)
_ALONE = re.compile(r"(?<!\S)[وف]?ل?وحد(?:ه|ها|هم|هما|هن)(?!\w)")  # "مساء السبت وحدها", "في يوليو وحده", "لوحده"
_WHEN_OR_WHERE = re.compile(  # what "alone" must follow to make a share: a day, a time, a month or a year, or a place
    r"(?:(?<!\S)(?:يوم|ليلة|ليل|مساء|صباح|أمس|امس|اليوم|شهر|الشهر|عام|العام|سنة|الأسبوع|الاسبوع|أسبوع|الماضي|الماضية|"
    r"السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|يناير|فبراير|مارس|أبريل|ابريل|"
    r"مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|\d{4})(?:\s+\S+)?|(?<!\S)[وف]?(?:في|ب)\s*\S+"
    r"(?:\s+\S+)?)\s*$")  # ("نجا طفل وحده", "المسلح وحده": a person alone, no share of a toll)
_RECORD_WORD = re.compile(r"(?<!\S)(?:ال)?(?:أعنف|اعنف|أسوأ|اسوأ|أكثر\s+دموية|الأكثر\s+دموية|أدمى|ادمى)(?!\S)")
_DONE_AFTER = re.compile(r"\s+(?:\S+\s+)?[وف]?(?:قد\s+)?(?:قتلوا|لقوا|سقطوا|أصيبوا|اصيبوا|جرحوا|توفوا|ماتوا|"
                         r"استشهدوا|غرقوا|اعتقلوا|نزحوا|فقدوا|اختطفوا)(?!\w)")  # (the count's own verb, past: done)
_PART_CUE = re.compile(r"(?<!\S)و?(?:من\s+)?(?:بينهم|بينهن|منهم|منهن|ضمنهم|بمن\s+فيهم)(?!\S)")
_ANOTHER_SUBJECT = re.compile(r"[يت][\u0621-\u064A]{2,}(?:ه|ها|هم)$|[وف]?(?:ال)?(?:آلاف|الاف|مئات|ملايين|عشرات)$")
_MONTH_PERIOD = re.compile(rf"(?<!\S)خلال\s+(?:شهر\s+)?(?:{MONTH_PATTERN})(?![^\s،,.؛:/])")
_PAST_DAYS = re.compile(r"(?<!\S)خلال\s+الأيام\s+(?:\S+\s+)?(?:الماضية|الأخيرة)(?![^\s،,.؛:])")
_ELABORATES = re.compile(r"\s*و?(?:حيث|إذ|اذ)(?!\S)")  # a clause that tells the one before it in detail: "…، حيث قتل 16"
_WAR = re.compile(r"(?<!\S)(?:[وف]?(?:في|خلال|جراء|طوال|طيلة)\s+|[وف]?(?:أسفر|أسفرت|أودى|أودت|خلف|خلفت|حصد|حصدت|"
                  r"أوقع|أوقعت|اوقع|اوقعت)\s+|[وف]?(?:وهو|وهي|هو|هي)\s+)ال(?:حرب|نزاع|صراع|اقتتال|أزمة|ازمة|تصعيد)(?!\w)"
                  r"(?P<after>\s*\S*)")  # "قتل نحو 10 آلاف شخص في الحرب", "أسفر النزاع عن …", "وهو الصراع الذي أودى
#   بحياة أكثر من 10 آلاف شخص"; definite ("في نزاع عشائري", "حرب شوارع": one clash)
_WAR_WHICH = re.compile(r"(?<!\S)ال(?:حرب|نزاع|صراع|اقتتال|أزمة|ازمة)\s+(?:\S+\s+){0,2}?(?:الذي|التي)\s+(?:قتل|قتلت|أودى|أودت|"
                        r"اودى|اودت|خلف|خلفت|حصد|حصدت|أسفر|أسفرت|راح|أوقع|أوقعت)(?!\w)")  # "الصراع الذي قتل بسببه
#   أكثر من أربعة آلاف شخص", "الحرب الأهلية التي أودت بحياة", "الصراع في اليمن خلف عشرة آلاف قتيل": the war that
#   killed them, whatever stands before it
# A war as the subject of the verb of its toll, no relative pronoun ("الصراع في اليمن خلف عشرة آلاف قتيل", "الحرب
# الأهلية في جنوب السودان خلفت …"): a running total, unless it is one clash: a day in the clause, a war of a tribe or
# within ("النزاع القبلي"), a war over something ("الصراع على السلطة"; a day: "الاقتتال بين الفصائل أوقع 12 قتيلا اليوم").
_WAR_SUBJECT = re.compile(r"(?<!\S)ال(?:حرب|نزاع|صراع|اقتتال|أزمة|ازمة)(?P<between>(?:\s+[^\s،,.؛:]+){0,4}?)\s+(?:قتل|قتلت|أودى|أودت|"
                          r"اودى|اودت|خلف|خلفت|حصد|حصدت|أسفر|أسفرت|أوقع|أوقعت)(?!\w)")
_DAY_WORD = re.compile(r"(?<!\S)[وفب]?(?:يوم\s+)?(?:" + "|".join(WEEKDAYS) + r")(?!\S)")
_ONE_CLASH = re.compile(r"(?<!\S)(?:على|حول|ال?قبلي|ال?عشائري|ال?داخلي)(?!\S)")  # (not "بين": "الحرب بين البلدين")
_WAR_GOES_ON = frozenset(normalize(w) for w in (  # what may follow "الحرب" when it is a war: where, how long, which
    "الأهلية", "الدائرة", "الدائر", "المستمرة", "المستمر", "الجارية", "الجاري", "التي", "الذي", "في", "منذ", "عن", "بين",
    "العالمية", "الأخير", "الأخيرة", "الحالي", "الحالية", "الجاري", "الجارية", "الراهن"))  # ("خلال الحرب العالمية
#   الأولى": a world war's toll; "خلال التصعيد الأخير": the latest escalation's, over days)
_OF_THEM = re.compile(r"^\s*(?:[^\s،,.؛]+\s+)?(?:منهم|منهن|منها|منهما)(?!\S)")  # "751 منهن", "38 حالة منها"
_OF_THE_WOUNDED = re.compile(r"\s*من\s+(?:ال)?(?:مصابين|جرحى)(?!\w)")  # dead of the wounded
_OUT_OF = re.compile(r"^\s*(?:[^\s،,.؛]+\s+){0,2}?[(\[]?(?:من\s+أصل|من\s+اصل|من\s+بين|من\s+إجمالي|من\s+اجمالي)\s")
_PERIOD = r"(?:عام|سنة|سنه|يوم|شهر|أسبوع|اسبوع|ساعة|ساعه|دقيقة|دقيقه)"
_RATE = re.compile(r"(?<!\S)(?:و|ف)?(?:سنويا|سنوياً|يوميا|يومياً|شهريا|شهرياً|أسبوعيا|أسبوعياً|اسبوعيا|اسبوعياً|"
                   rf"كل\s+{_PERIOD}|في\s+(?:العام|السنة|السنه|اليوم|الشهر|الأسبوع|الاسبوع|الدقيقة|الدقيقه|"
                   r"الثانية|الثانيه)\s+الواحدة?|في\s+(?:الساعة|الساعه)\s+الواحدة?(?!\s+(?:فجرا|صباحا|ظهرا|مساء|ليلا|"
                   r"بعد|من|و|ظهر|صباح|فجر)))(?!\S)")  # (not "في العام الحالي"; "110 وفاة في الدقيقة الواحدة";
#                   "في الساعة الواحدة فجرا" is one o'clock)
_PER_HEAD = re.compile(r"^(?:\S+\s+){0,2}?(?:و?لكل\s+(?:\d|(?:ال)?(?:الف|مايه|ميه|مليون|مليار|عشره|عشر|خمس\S*|عشر\S*|مئ\S*|ماي\S*)(?!\S))"
                       r"|و?(?:من|في)\s+كل\s+(?:10+(?![\d.])|(?:ال)?(?:الف|مايه|ميه|مليون|مليار|عشره|عشر)(?!\S)))")
# (normalised text: "لكلّ 100 ألف", "لكل 11 شخصا", "لكل خمسين ألف": per N; after "من كل"/"في كل" only a power of ten,
#  "من كل 100 ألف", "في كل مئة ألف": "من كل 22 دولة" is from all 22)
_GROUPED = re.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")  # "1,000": one number, not two (normalize makes the comma a space)
# (normalised text: "لكلّ 100 ألف", "من كل ألف", "في كل مئة ألف" within the count's noun and two words after it)
_RELATIVE = re.compile(rf"(?<!\S)(?:{'|'.join(RELATIVE_PRONOUNS)})(?!\S)")
# A rate word right before a verb in the present joined to it by و, the count at most three words after that verb
_CONJUNCT = re.compile(r"(?<!\S)[وف][\u0621-\u064A]{2,}")  # a word joined by و or ف: another clause's verb
_RATE_SHARED = re.compile(_RATE.pattern + r"\s+و[يت](?:تسبب|قتل|صيب|صاب|موت|لقى|ودي|خلف|سقط|حصد)(?:\s+\S+){0,3}$")
#   (a verb of a toll only: not one of saying or of employing, "وتقول الأمم المتحدة إن 400 ألف", "وتوظف 40 ألف عامل")
_RELATIVE_START = re.compile(rf"\s*و?(?:{'|'.join(RELATIVE_PRONOUNS)})(?!\S)")
_KILLING = r"(?:مصرع|مقتل|قتل|استشهاد|سقوط|وفاة|موت)"
_WOUNDING = r"(?:إصابة|اصابة|إصابات|اصابات|جرح)"
_DEAD = r"(?:ال)?(?:قتلى|قتيل|قتيلا|شهداء|شهيد|شهيدا)"
_HURT = r"(?:ال)?(?:جرحى|جريح|جريحا|مصابين|مصاب|مصابا|إصابات|اصابات)"
_BOTH_BEFORE = re.compile(rf"(?<!\S)[وب]?{_KILLING}\s+و{_WOUNDING}(?![\u0621-\u064A])")
_BOTH_AFTER = re.compile(rf"(?<!\S)(?:بين\s+)?{_DEAD}\s+و{_HURT}(?![\u0621-\u064A])")  # (a quote may close it)
SCOPES = ("", "running total", "part", "rate", "killed and wounded", "earlier event", "possible", "elsewhere",
          "another matter")
# what one event did; since a start; some of another count; a rate; the killed and the wounded counted as one;
# an event of an earlier year; what may happen or is expected; another matter the report turns to
TOTAL, PART, RATE, BOTH, EARLIER, POSSIBLE, ELSEWHERE, ANOTHER = SCOPES[1:]  # (elsewhere: set per story, places.py)
# A paragraph that opens by turning to another matter ("من جهة أخرى،", "من ناحية ثانية،", "على صعيد آخر،", "في سياق
# آخر،", "في تطور آخر،", "ميدانياً،"): its counts are that matter's, not the report's lead event (an analyst: a
# minibus crash's 16 wounded and another province's 4 dead led two stories' headline numbers).
_TURN = re.compile(r"\s*[«\"(]?\s*و?(?:من\s+(?:جهة|ناحية)\s+(?:ثانية|أخرى|اخرى)|على\s+صعيد\s+(?:آخر|اخر)|"
                   r"في\s+(?:سياق|شأن|تطور)\s+(?:آخر|اخر)|ميدانيا|ميدانياً)\s*[،,]")
_MAYBE = re.compile(r"(?<!\S)[وف]?(?:يمكن|يمكنه|يمكنها|يمكنهم|ربما|من\s+المتوقع|من\s+المقرر|يتوقع|يُتوقع|متوقع|"
                    r"المتوقع\s+أن|المقرر\s+أن|توقعت|توقعات|توقع\s+أن|[سو]?(?:سيكون|ستكون)\s+هناك|"
                    r"يرتقب|يُرتقب|من\s+المرتقب|من\s+المنتظر|ينتظر\s+أن|يُنتظر\s+أن|من\s+المفترض|"
                    r"في\s+حال|في\s+حالة|سوف|"
                    r"قد\s+(?:ي\S+|تصل|تبلغ|تكون|ترتفع|تزيد|تتجاوز))(?!\S)")  # "يمكن قتل", "قد يصل"; not "قد قتل",
#                                                          "قد تم", "قد تلقى" (a past verb in ت)


_NOT_BEFORE = re.compile(r"(?<!\S)[وف]?(?:لا|لم|لن)\s*$")  # "ولا يمكن التحقق من مقتل 20": not a possibility


_PAST_AFTER = re.compile(r"(?<!\S)(?:بعد|إثر|اثر|عقب|جراء)(?!\S)(?!\s+(?:أن|ان))")


# A word of possibility right after the count (its noun and a word at most between): "150 شخصا يمكن أن يخسروا حقهم"
# (not "قد" before a past verb: "5 قد قتلوا").
_MAYBE_AFTER = re.compile(r"\s*(?:[^\s،,.!?؟؛:]+\s+){0,2}?(?:يمكن\s+أن|يمكن\s+ان|ربما|من\s+المحتمل|من\s+الممكن|"
                          r"يحتمل\s+أن|قد\s+(?:ي\S+|تصل|تبلغ|تكون|ترتفع|تزيد|تتجاوز))(?!\S)")


def _maybe(text: str) -> bool:
    """A word of possibility in the text that no negation stands right before ("لا يمكن التحقق من …" is the
    standard line of a toll nobody could verify, not a toll that may happen: an adversarial review)."""
    return any(not _NOT_BEFORE.search(text[:found.start()]) and not _PAST_AFTER.search(text[found.end():])
               for found in _MAYBE.finditer(text))  # (not "توقعت المصادر ارتفاع الحصيلة بعد مقتل 15": past)


_WHOLE_BEFORE = re.compile(r"(?:من\s+(?:أصل|اصل|بين|إجمالي|اجمالي))\s*(?:ال)?$")  # "13 عضوا من أصل 31": the whole, not
#                                                                              what is expected
_IF = re.compile(r"(?<!\S)[وف]?(?:في\s+حال|في\s+حالة|إذا|اذا)(?!\S)")  # a condition in the clause before (not لو: "لو دريان")


_NEAR_YEAR = 8  # words at most between a count and the year that dates it
_REACH = 1500  # characters of a count's clause read on either side (about 250 words: more than any real clause)


def _report_month(report_date: str) -> tuple[int, int, int] | None:
    """The report's year and month, and the latest year that dates a count before it (a report of January or
    February may name the year before for a recent event: two years back then); None for an undated report."""
    try:
        year, month = int(report_date[:4]), int(report_date[5:7])
    except ValueError:
        return None
    return year, month, year - (2 if month <= 2 else 1)


def earlier(sentence: str, span: tuple[int, int], clause: tuple[int, int], years: tuple[tuple[int, int], ...],
            report_date: str) -> bool:
    """A year before the report's own (a Gregorian one: not 1436هـ) within _NEAR_YEAR words of the count in its
    clause, not after "منذ". A report of January or February may name the year before for a recent event: only
    a year two before it counts then."""
    if (dated := _report_month(report_date)) is None:
        return False
    latest = dated[2]
    for at, value in years:
        if not (clause[0] <= at < clause[1] and 1800 <= value <= latest) or _SINCE_YEAR.search(sentence[clause[0]:at]):
            continue
        between = sentence[span[1]:at] if at >= span[1] else sentence[at:span[0]]
        if len(between.split()) <= _NEAR_YEAR:
            return True
    return False


# "In the same period" after a count refers to the period its sentence named before it ("4.2 مليون حالة وفاة في عام
# 2016، بينما تسبب تلوث الهواء المنزلي في وفاة 3.8 مليون في نفس الفترة"): that year dates this count too.
_DAY_AFTER = re.compile(r"(?<!\S)[وف]?(?:غداة|عقب\s+يوم\s+من|بعد\s+يوم\s+من)(?:\s+\S+)?$")  # the day after another's toll
_SAME_PERIOD = re.compile(r"(?<!\S)[وف]?(?:في|خلال)\s+(?:نفس\s+الفترة|ذات\s+الفترة|الفترة\s+(?:نفسها|ذاتها|عينها))(?!\S)")


_IN_YEAR = re.compile(r"(?<!\S)[وف]?(?:في|خلال)\s+(?:(?:ال)?عام\s+|(?:ال)?سنة\s+)?$")  # "في عام 2016" (not "منذ", "أقل من")
_THIS_YEAR = re.compile(r"(?<!\S)(?:العام|السنة)\s+(?:الجاري|الحالي)|(?<!\S)(?:هذا\s+العام|هذه\s+السنة|مطلع\s+العام)(?!\S)")


def same_period_earlier(sentence: str, clause: tuple[int, int], years: tuple[tuple[int, int], ...],
                        report_date: str) -> bool:
    """A count's clause says "in the same period" and the last year its sentence named before that clause is one
    before the report's (not a since-phrase's: "منذ 2011 …": a running total's period, not an event's)."""
    if _SAME_PERIOD.search(sentence, clause[0], clause[1]) is None or (dated := _report_month(report_date)) is None:
        return False
    before = [(at, value) for at, value in years if at < clause[0] and 1800 <= value]
    if not before or _THIS_YEAR.search(sentence):
        return False
    at, value = before[-1]
    return value <= dated[2] and _IN_YEAR.search(sentence[max(0, at - 25):at]) is not None \
        and not _ASIDE_RELATIVE.search(sentence[max(0, at - 90):at])


# A month named as past ("يناير الماضي", "فبراير/شباط الماضي", "أواخر ديسمبر ومطلع يناير الماضي").
_PAST_MONTH = re.compile(rf"(?<!\S)[وفب]?(?P<month>{MONTH_PATTERN})(?:\s*/\s*(?:{MONTH_PATTERN}))?\s+(?:الماضي|المنصرم|الفائت)(?!\S)")
# A time phrase that opens a sentence dates what it tells, whatever clause a count stands in: "وفي يوليو/تموز 2017،
# قُتل شخصان", "في أغسطس/آب 2013، أُطلق صاروخ …، ما أسفر عن مقتل الآلاف", "وفي فبراير/شباط الماضي، قتل مسلح …".
_LEADING_TIME = re.compile(r"\s*[وف]?(?:في|خلال)\s+(?P<words>(?:[^\s،,.؛:]+\s+){0,4}?(?:\d{4}|(?:الماضي|المنصرم|الفائت)))"
                           r"\s*[،,]")
_SINCE_OPENING = re.compile(r"\s*[وف]?(?:منذ\s+[^،,.؛:]{1,120}?|خلال\s+(?:ذلك\s+الوقت|تلك\s+الفترة|هذه\s+الفترة|تلك\s+المدة|"
                            r"هذه\s+المدة))\s*[،,]")  # a sentence opening "since …," (scope_of)
_OPENING_CLAUSE = re.compile(r"\s*[وف]?(?:في|خلال)\s+(?P<words>[^،,.؛:]{1,80}?)\s*[،,]")  # the sentence's opening
#                                                                                  phrase of time or of an event
_DATED_BETWEEN = re.compile(r"\d{4}|(?<!\S)[وف]?منذ(?!\S)")  # a year or "since" between an opening phrase and the
#                                                              count: its own date, not the phrase's
_MONTHS_BACK = 2  # a month named as past this many months or more before the report's month: another event's
# A month named alone, Gregorian, no year nor "next" after it ("في هجوم أبريل على خان شيخون" in a report of February:
# last April): when it is _MONTHS_BACK or more before the report's month, it dates a toll in its clause before it.
_BARE_MONTH = re.compile(r"(?<!\S)(?<![،,.؛:]\s)(?<!قد\s)(?<!لم\s)(?<!الذي\s)(?<!التي\s)(?<!كما\s)"  # (not a verb:
                         r"[فب]?(?:ال)?(?P<month>يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|"  # "ومارس
                         r"أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر)(?![^\s/(])(?:\s*[/(]\s*[^\s)]+\s*\)?)?"  # الأمن")
                         r"(?!\s*(?:\d|المقبل|القادم|الجاري|الحالي|من\s))")
# A day of a month ("في 26 يونيو الماضي", "في 20 تموز/يوليو", "الـ15 من أغسطس 2015"; "آب" alone is "أب" too).
_DAY_OF_MONTH = re.compile(rf"(?<![\d/.:-])(?:الـ?)?(?P<day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<month>{MONTH_PATTERN})"
                           rf"(?P<other>\s*/\s*(?:{MONTH_PATTERN}))?(?![^\s،,.؛:)/])(?:\s+(?:ال)?(?:عام\s+)?(?P<year>\d{{4}}))?"
                           r"(?P<past>\s+(?:الماضي|المنصرم|الفائت))?(?P<coming>\s+(?:المقبل|القادم))?")
_TIME_OF_DAY = re.compile(r"(?<!\S)[وف]?(?:من\s+)?(?:صباح|مساء|ليلة|ليل|فجر|ظهر|عصر)(?!\S)")  # ("في وقت سابق من مساء
#   الثلاثاء": that day, not another event)
_EARLIER_TIME = re.compile(r"(?<!\S)[وف]*(?:في\s+)?وقت\s+سابق(?![^\s،,.؛:])")
_RISING = re.compile(r"(?<!\S)[وفل]?(?:ارتفع|ارتفعت|يرتفع|ترتفع|ارتفاع)(?!\S)")
_FROM_OR_TO = frozenset(normalize(w) for w in "من إلى حتى لغاية بين منذ قبل بعد اعتبارا ابتداء بدءا خلفية إثر عقب".split())  # a
#                                                   date that starts or ends a period or a deadline: not an event's
# A sentence that opens in the pluperfect ("وكان … قد …", "وكانت … أعلنت"): background to the news, dated by any year
# before the report's it states before a count (dated_before).
_RELATIVE_BEFORE = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذين|اللتين)\s+(?:\S+\s+){0,3}(?:في|عام|العام)?\s*$")
# A relative clause set off by a comma before the year (an aside on a person: "وقال الوزير، الذي تولى منصبه عام 2015،
# إن 30 شخصا قتلوا"), not one that names the event ("في الهجوم الذي وقع عام 2015،").
_ASIDE_RELATIVE = re.compile(r"(?<!\S)[وف]?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أضاف|أضافت|أوضح|أوضحت|صرح|صرحت|"
                             r"أشار|أشارت|يقول|تقول)\s+(?:[^\s،,]+\s+){0,3}?[^\s،,]+\s*[،,]\s*(?:الذي|التي|الذين|"
                             r"اللذين|اللتين|وهو|وهي)\s+(?:[^\s،,]+\s+){0,4}(?:في|عام|العام)?\s*$")
_BUT = re.compile(r"(?<!\S)(?:لكن|ولكن|غير\s+أن|غير\s+ان|إلا\s+أن|الا\s+ان|فيما|بينما|وفيما|وبينما)(?!\S)")
_PLUPERFECT = re.compile(r"\s*[وف]?(?:كان|كانت)(?!\S)")
_NOW_WORDS = r"اليوم|أمس|امس|الليلة|حاليا|الآن"
_NOW_OR_SINCE = re.compile(rf"(?<!\S)(?:[وف]?(?:منذ|{_NOW_WORDS}))(?![^\s،,.؛:])")  # a count of now, or since
_NOW = re.compile(rf"(?<!\S)(?:[وف]?(?:{_NOW_WORDS}))(?![^\s،,.؛:])")  # a count of now


def dated_before(sentence: str, span: tuple[int, int], clause: tuple[int, int], report_date: str) -> bool:
    """A count dated before the report by the words around it, when its own clause says neither now ("اليوم",
    "أمس") nor since: a time phrase opening the sentence that names a year before the report's own, the count after
    it with no other year between ("وفي أبريل/نيسان 2017، قُتل 80 شخصا"); such a year ending the clause before the
    count within _NEAR_YEAR words ("في صيف العام 2015، وانتهى بمقتل 38"); or a month named as past ("التي اندلعت في
    أواخر ديسمبر ومطلع يناير الماضي إلى مقتل 25") two months or more before the report's, in the count's clause
    within _NEAR_YEAR words of it ("مايو الماضي" in a report of June is as likely this story's own); or a Gregorian
    month named alone that far back before the count in its clause, or in the phrase opening the sentence ("في هجوم
    أبريل على خان شيخون، أسفر عن مقتل 83" in a report of February)."""
    if (dated := _report_month(report_date)) is None:
        return False
    _, month, latest = dated

    def long_ago(words: str) -> bool:  # (a year before the report's, or a month named as past two months back)
        if (year_named := re.search(r"\d{4}", words)) is not None:
            return 1800 <= int(year_named.group()) <= latest
        past = _PAST_MONTH.search(words)
        return past is not None and ((month - MONTHS[past.group("month")]) % 12 >= _MONTHS_BACK
                                     or MONTHS[past.group("month")] == month)

    plain = ascii_digits(sentence)
    if _NOW_OR_SINCE.search(plain[clause[0]:clause[1]]):
        return False  # the count's own clause says now ("وقتل 20 شخصا أمس") or since: not another event's
    for phrase, dates in ((_LEADING_TIME, long_ago),
                          (_OPENING_CLAUSE, lambda words: _month_back(words, month, report_date))):
        opening = phrase.match(plain)  # ("وفي أبريل/نيسان 2017، قُتل 80", "وفي هجوم أبريل على خان شيخون، أسفر …")
        if opening is not None and opening.end() <= span[0] and dates(opening.group("words")) \
                and not _DATED_BETWEEN.search(plain[opening.end():span[0]]):
            return True
    if _PLUPERFECT.match(plain) and not _NOW_OR_SINCE.search(plain[:span[0]]) \
            and not _OTHER_DAY.search(plain[:span[0]]) and any(
                1800 <= int(y.group()) <= latest and not _RELATIVE_BEFORE.search(plain[max(0, y.start() - 40):y.start()])
                and not _BUT.search(plain[y.end():span[0]]) for y in re.finditer(r"(?<!\d)\d{4}(?!\d)", plain[:span[0]])):
        return True  # "وكان السيسي أصدر قرارا في أكتوبر 2014 … عقب وقوع هجوم … ما أسفر عن مقتل 33 جنديا", "وكان جيمس
        #              هولمس قد دخل … في 20 يوليو 2012 … ما اسفر عن مقتل 12": background told in the pluperfect; not a
        #              year in a relative clause ("وكان الرئيس، الذي انتخب في 2014، قد أعلن …"), one another clause
        #              turns from ("… في 2015 خطة، لكن السيول … أودت بحياة 18"), nor when a day is stated before the count
    before = plain[max(0, span[0] - 160):span[0]]
    years = list(re.finditer(r"(?<!\d)\d{4}(?!\d)", before))
    if years and 1800 <= int(years[-1].group()) <= latest and len(before[years[-1].end():].split()) <= _NEAR_YEAR \
            and not _NOW_OR_SINCE.search(before[years[-1].end():]) \
            and not _NOW_OR_SINCE.search(" ".join(before[:years[-1].start()].split()[-8:])) \
            and not _ASIDE_RELATIVE.search(before[max(0, years[-1].start() - 90):years[-1].start()]):  # the clause before
        return True  # it: "في صيف العام 2015، وانتهى بمقتل 38 شخصاً" (not "ومنذ عام 2011، قتل …"; a year of its own
        #              between, "اليوم", "أمس" or "منذ": no)
    for found in _PAST_MONTH.finditer(sentence, clause[0], clause[1]):
        between = sentence[span[1]:found.start()] if found.start() >= span[1] else sentence[found.end():span[0]]
        if long_ago(found.group()) and len(between.split()) <= _NEAR_YEAR:  # (a clause with "منذ" returned above)
            return True
    opening = plain[:m.end()] if (m := re.match(r"[^،,.؛:]*[،,]", plain)) else ""
    if (_EARLIER_TIME.search(plain[clause[0]:clause[1]]) and not _OTHER_DAY.search(plain[clause[0]:clause[1]])
            and not _TIME_OF_DAY.search(plain[clause[0]:clause[1]])) \
            or (_EARLIER_TIME.match(plain) and not _NOW_OR_SINCE.search(opening) and not _OTHER_DAY.search(opening)
                and not _TIME_OF_DAY.search(opening)):
        return True  # "ففي وقت سابق من هذا الشهر، توقف شخصان وتعرضا للضرب حتى الموت", "وأعلن المرصد في وقت سابق
        #              مقتل 20": an earlier event, or an earlier count (an analyst)
    if _PLUPERFECT.match(plain) and not _NOW_OR_SINCE.search(plain) and not _OTHER_DAY.search(plain) \
            and any(MONTHS[m.group("month")] != month and not _BUT.search(plain[min(m.end(), span[0]):max(m.start(), span[1])])
                    for m in (*_BARE_MONTH.finditer(plain), *_PAST_MONTH.finditer(plain))):
        return True  # the pluperfect with a month other than the report's, before the count or after it ("وكانت هيئة
        #              الرياضة قد أعلنت في يناير …", "وكان 17 شخصا قد قتلوا في شهر شباط/فبراير الماضي": a review)
    rising = _RISING.search(plain[clause[0]:span[0]]) is not None  # ("ارتفع عدد ضحايا هجوم … في 14 يوليو إلى 86": the
    #                                                                 toll as it stands now, the report's news)
    for found in _DAY_OF_MONTH.finditer(plain, clause[0], clause[1]):
        between = plain[span[1]:found.start()] if found.start() >= span[1] else plain[found.end():span[0]]
        if len(between.split()) <= _NEAR_YEAR and not rising and _days_back(found, report_date):
            return True
    return any(len(plain[found.end():span[0]].split()) <= _NEAR_YEAR
               and (month - MONTHS[found.group("month")]) % 12 >= _MONTHS_BACK
               for found in _BARE_MONTH.finditer(plain, clause[0], span[0]))


def _month_back(words: str, month: int, report_date: str = "") -> bool:
    """Whether the words name a Gregorian month alone (_BARE_MONTH) _MONTHS_BACK months or more before `month`, or a
    day of a month EARLIER_DAYS or more before the report's (_days_back)."""
    return any((month - MONTHS[found.group("month")]) % 12 >= _MONTHS_BACK for found in _BARE_MONTH.finditer(words)) \
        or any(_days_back(found, report_date) for found in _DAY_OF_MONTH.finditer(words))


def _days_back(found: re.Match, report_date: str) -> bool:
    """Whether a day of a month (_DAY_OF_MONTH) is EARLIER_DAYS or more before the report's day: another event's
    ("التفجير … في 26 يونيو الماضي الذي أدى إلى استشهاد 26 شخصا" in a report of 31 July), unless it starts or ends
    a period ("خلال الفترة من 1 إلى 15 يوليو", "حتى 30 يونيو"), is to come, or is "آب" alone ("أب": a father)."""
    report = report_day(report_date)
    month = found.group("month")
    if report is None or found.group("coming") or (month in ("آب", "اب") and not found.group("other")):
        return False
    words = found.string[:found.start()].split()[-3:]
    if any(normalize(w).removeprefix("و") in _FROM_OR_TO for w in words[-2:]) \
            or named_by_date(normalize(found.string[:found.start()]), normalize(found.string[found.end():])):
        return False  # (also "ما بين 1 و15 يوليو", "على خلفية تفجيرات 15 تموز", "بمدينة 6 أكتوبر", "من كل عام")
    if found.group("year"):
        try:
            when = dt.date(int(found.group("year")), MONTHS[month], int(found.group("day")))
        except ValueError:
            return False
    else:
        when = month_day(int(found.group("day")), MONTHS[month], report, bool(found.group("past")))
    return when is not None and (report - when).days >= EARLIER_DAYS


def _war(clause: str) -> bool:
    """Whether the clause tells a war's or a conflict's toll: the war named with the article, then the clause's end,
    a country's adjective, or words of a war going on ("في الحرب السورية", "في الحرب الأهلية", "أسفر النزاع عن"), or
    the war that killed them ("الصراع الذي قتل بسببه أكثر من أربعة آلاف");
    not one clash ("في نزاع عشائري"), a war on something ("الحرب على المخدرات"), nor a record ("أعنف غارة في
    الحرب")."""
    if (which := _WAR_WHICH.search(clause)) is not None and not _RECORD_WORD.search(clause[:which.start()]):
        return True
    if (subject := _WAR_SUBJECT.search(clause)) is not None and not _RECORD_WORD.search(clause[:subject.start()]) \
            and not _ONE_CLASH.search(subject.group("between")) and not _NOW_OR_SINCE.search(ascii_digits(clause)) \
            and not _DAY_WORD.search(clause):
        return True
    for found in _WAR.finditer(clause):
        after = normalize(found.group("after").strip(" ،,.؛"))
        if _RECORD_WORD.search(clause[:found.start()]):
            continue
        if not after or after in _WAR_GOES_ON or lexicon().countries.word(after.removeprefix("ال")) is not None \
                or lexicon().countries.word(after) is not None:
            return True
    return False


def _share(text: str) -> bool:
    """Whether the text says "alone" right after a time or a place ("مساء أمس السبت وحدها", "في شهر يوليو وحده",
    "في سوريا وحدها"), with no part named before it ("قتل 47 أمس بينهم 20 في دوما وحدها": the 20 are the share)."""
    plain = without_diacritics(text)
    for found in _ALONE.finditer(plain):
        ahead = plain[:found.start()]
        if _WHEN_OR_WHERE.search(ahead) and not _PART_CUE.search(ahead):
            return True
    return False


_AIM = re.compile(r"(?<!\S)[وف]?(?:تهدف|يهدف|بهدف|تستهدف|يستهدف)(?!\S)")
# What an aim would do to the people counted, right before the count: "مفاوضات كانت تهدف إلى … مقابل نقل نحو 100 مقاتل"
# (the transfer was aimed at, not done: a second analyst's review; not a release, "إطلاق سراح 30 سيدة": they are held)
_RESULT_VERB = re.compile(r"(?<!\S)[وف]?(?:أسفر|أسفرت|اسفر|اسفرت|أدى|أدت|ادى|ادت|نتج|نتجت|أوقع|أوقعت|اوقع|اوقعت|خلف|خلفت)(?!\S)")
_AIMED_DEED = re.compile(r"(?<!\S)[وبل]?(?:نقل|إجلاء|اجلاء|ترحيل|تهجير|إخراج|اخراج|خروج|إعدام|اعدام|قتل|اعتقال|توطين)"
                         r"(?:\s+(?:نحو|حوالي|حوالى|قرابة|زهاء|أكثر\s+من|اكثر\s+من|ما\s+يقارب|ما\s+لا\s+يقل\s+عن))?\s*$")
_WILL_BE_DONE = frozenset(("سيتم", "ستتم", "سيجري", "ستجري"))  # normalised: auxiliaries of a masdar to come
_STANDING = re.compile(r"(?<!\S)(?:البالغ|البالغة|يبلغ|تبلغ)\s+(?:عدد\S*|تعداد\S*)")  # "السكان البالغ عددهم 32 مليون": as they are
_BY_YEAR = re.compile(r"(?<!\S)(?:و)?بحلول\s+(?:عام\s+|العام\s+)?(\d{4})")


def _forecast(clause: str, report_date: str) -> bool:
    """Whether the clause sets its count by a year after the report's ("بحلول عام 2025", "وبحلول 2065 سيبلغ"): a
    forecast (an analyst: a UN projection for 2065 and a company's for 2025 were shown as counts)."""
    found = _BY_YEAR.search(ascii_digits(clause))
    return found is not None and report_date[:4].isdigit() and int(found.group(1)) > int(report_date[:4])


def _future_before(words_before: list[str]) -> bool:
    """The verb in the future right before a count of people no toll counts is one (an adversarial review): three
    letters or more after its prefix ("ستطرد 60 دبلوماسيا"; not "سيّرت 400 حاج", a past verb, nor "سنار" or
    "ستوكهولم", places after "في")."""
    verb = normalize(words_before[-1]).lstrip("وف")
    return len(verb) >= 5 and not (len(words_before) > 1 and normalize(words_before[-2]) in ("في", "من", "الى", "ب"))


_DEFINITE_BEFORE = re.compile(r"(?<!\S)الـ?\s*$")  # "الـ23 لاعبا", "الـ 23": a number with the article
_NOT_BETWEEN = frozenset(normalize(w) for w in (*RELATIVE_PRONOUNS, "أن", "إن", "أنه", "إنه", "بعد", "قبل", "منذ"))


def _future_ahead(words_before: list[str]) -> bool:
    """A verb in the future two to five words before a count of people, only a time, a place or a masdar between
    ("سنشهد في نهاية الأسبوع عودة أربعة وزراء", "سيشارك في البطولة 20 لاعبا"; a fresh review of an old pile): what is
    to come. Not past a relative pronoun, a that-word or "بعد" ("سيحاكم الذين قتلوا 5"), nor a place read as a verb
    after a preposition ("في ستوكهولم")."""
    for back in range(2, min(5, len(words_before)) + 1):
        word = normalize(words_before[-back])
        if future_verb(word) and _future_before(words_before[:len(words_before) - back + 1]):
            between = words_before[len(words_before) - back + 1:]
            return not any(normalize(w).lstrip("وف") in _NOT_BETWEEN or "(" in w for w in between)
    return False


def scope_of(sentence: str, start: int, end: int, category: str = "", years: tuple[tuple[int, int], ...] = (),
             report_date: str = "", after_count: bool = False, whole: str | None = None) -> str:
    """What a count of people at sentence[start:end] stands for, read from its own clause once (the analysis
    stage), so that ranges, disputes and the chart never mix a day's toll with a war's total, a part of another
    count, a rate, an earlier event, a forecast or the killed and wounded counted together:
    - "part": a count of some of the people another names: right before it (a word between at most) "among
      them", "of them", "including", "that number includes" ("أصيب 96 شخصا بينهم امرأتان", "منهم 14 طفلا",
      "ويشمل ذلك العدد 890 ألفا"); or right after it (its noun between at most) "out of" a count of the same
      category, `whole` (the next count of people's, None for none: "قتل 5 أطفال من أصل 12 قتيلا", "17 شخصا من بين
      الضحايا"; not "قتل 49 من إجمالي 71 راكبا", the crash's toll out of its passengers), or "of them" after
      another count of people in the sentence,
      `after_count` ("751 منهن"; not "وتعتقل 200 منهم", of the protesters: the arrests themselves); or whose clause
      says "alone" after a time or a place (_share: "مساء السبت وحدها", "في شهر يوليو وحده"), or the clause before
      it when its own tells that one in detail ("الاشتباكات التي دارت مساء أمس السبت وحدها تسببت في خسائر بشرية،
      حيث قتل 16"): one day's or one place's share;
    - "running total": a toll (a count with a category) whose clause counts since a start or over years ("قتل
      أكثر من 3200 شخص منذ بدء الحرب", "منذ عام 2011", "منذ سبع سنوات", "خلال 27 عاما"); not "the worst since"
      ("أعنف هجوم منذ 2017"); "حتى الآن" (so far) is an event's toll as it grows, not this; or whose clause tells
      a war's or a conflict's toll ("في الحرب", "خلال النزاع", "أسفر النزاع عن");
    - "rate": a count per period ("يموت 7 ملايين شخص سنويا", "كل عام"): within three words before it or eight
      after it in its clause, no relative pronoun between (the period of another verb: "في الهجمات التي تتكرر
      كل يوم");
    - "earlier event": a count of what befell people (a category other than "other people") whose clause names,
      near it, a year before the report's ("قتل 72 مشجعا في فبراير عام 2012" in a report of 2015; not a year after
      "منذ": "أعنف هجوم منذ 2017"), or that a time phrase opening the sentence or a month named as past dates
      before it (dated_before: "وفي أبريل/نيسان 2017، قُتل 80", "في أواخر ديسمبر ومطلع يناير الماضي"): background,
      not this story's toll; `years`: the sentence's years (start, value), `report_date`: the report's ISO date;
    - "possible": a toll that may happen or is expected ("يمكن قتل مئات الآلاف", "يتوقع أن يصل إلى نحو 20 ألف",
      "في حال تطبيق الأحكام"): a word of possibility within eight words before it in its clause;
    - "killed and wounded": a count of killed (its category) that counts the wounded with them ("مصرع وإصابة
      العشرات", "قتل وجرح 40", "العشرات بين قتيل وجريح", "20 من القتلى والجرحى"): no end of a range of the
      killed;
    - "": what one event did."""
    following = sentence[end:end + 300]  # (the patterns read the few words right after it)
    if _PART.search(sentence[max(0, start - 40):start]) is not None \
            or (_OUT_OF.search(following) is not None and whole in (None, category)) \
            or (after_count and _OF_THEM.search(following) is not None) \
            or (after_count and category == "killed" and _OF_THE_WOUNDED.match(sentence, end) is not None):
        return PART  # (the last: "ارتفعت الحصيلة إلى 7 جنود بعد وفاة اثنين من المصابين": already in the toll)
    # its clause, read at most _REACH characters each side (a clause without punctuation a thousand claims long, a
    # hostile seed, made every count read the whole sentence: quadratic)
    low = max(0, start - _REACH)
    starts = [m.end() for m in _CLAUSE_END.finditer(sentence, low, start)]
    stop = _CLAUSE_END.search(sentence, end, end + _REACH)
    clause_start = starts[-1] if starts else low
    clause_end = stop.start() if stop else min(len(sentence), end + _REACH)
    if starts and _RELATIVE_START.match(sentence, clause_start):  # ("… عام 2017، والتي راح ضحيتها 7 أشخاص": the
        clause_start = starts[-2] if len(starts) > 1 else low  #   relative clause's head is in the clause before)
    clause = sentence[clause_start:clause_end]
    told_before = sentence[starts[-2] if len(starts) > 1 else low:clause_start] if _ELABORATES.match(clause) else ""
    if _share(sentence[start:clause_end]) or _share(told_before):
        return PART  # "قتل 16 منهم مساء أمس السبت وحدها", "في شهر يوليو وحده": a day's or a place's share of a
        #              larger toll, no end of its range and no side of a dispute (not "المهاجم لوحده": one alone)
    told = category not in ("", "other people")  # what befell them: a toll (not a population, a team …)
    words_before = sentence[clause_start:start].split()
    if (told and (_maybe(" ".join(words_before[-8:])) or _IF.search(" ".join(words_before)))
            or (words_before and future_verb(normalize(words_before[-1]))
                and (told or _future_before(words_before)))
            or (len(words_before) > 1 and future_verb(normalize(words_before[-2]))
                and ((words_before[-1][:1] == "ب" and _future_before(words_before[:-1]))
                     or normalize(words_before[-2]).lstrip("وف") in _WILL_BE_DONE))
            #   ("سنقوم بتعيين آلاف الأشخاص", "وسيتم تطعيم 100 ألف": a verb in the future, its masdar)
            or (not told and not sentence[start:end].startswith("ال") and not _DEFINITE_BEFORE.search(sentence[:start])
                and _future_ahead(words_before))
            #   ("سنشهد في نهاية الأسبوع عودة أربعة وزراء"; not people already there: "ستدفع المدربين الأربعة")
            or (not told and _AIM.search(" ".join(words_before[-6:])) is not None)  # "وتهدف الحملة إلى توفير اللقاح
            #   لـ600 ألف شخص" (not a toll or hostages the aim is about: "مفاوضات تهدف إلى إطلاق سراح 30 سيدة")
            or (_forecast(sentence[clause_start:clause_end], report_date)
                and not _STANDING.search(" ".join(words_before[-4:])))
            or (_maybe(near := " ".join(words_before[-6:])) and not _IF.search(near)
                and not _WHOLE_BEFORE.search(near))
            or (not told and _MAYBE_AFTER.match(sentence, end))  # (a toll's "يمكن أن يكون بينهم قادة" is who they were)
            or (told and (aim := _AIM.search(sentence, clause_start, start)) and _AIMED_DEED.search(sentence, clause_start, start)
                and not _RESULT_VERB.search(sentence, max(0, aim.start() - 120), start)))\
            and not _DONE_AFTER.match(sentence, end):
        return POSSIBLE  # ("في حال تطبيق الأحكام … خلال ثماني سنوات": possible first; "سيتجاوز الخمسة آلاف"; not
        #                   "من المقرر أن يقام حفل تأبين 12 شخصا قتلوا": what is planned is the memorial)
    if told and report_date[:4].isdigit() and (right := _YEAR_RIGHT_AFTER.match(sentence, end)) \
            and int(right.group(1)) < int(report_date[:4]) and not _SINCE.search(sentence, start, right.end()):
        return EARLIER  # a year before the report's right after the count ("أمام مئات آلاف طالبي اللجوء في 2015"): its
        #                 own time, whatever "منذ" the clause says of something else (a second analyst's review)
    if told and any(not _RECORD.search(clause[:since.end()][-50:] + " ") for since in _SINCE.finditer(clause)):
        return TOTAL
    if told and _MONTH_PERIOD.search(clause) and not _ONE_EVENT.search(clause):
        return TOTAL  # a month's toll ("قتلوا خلال يوليو الماضي"; not one blast's in that month: "في انفجار … خلال
        #              يوليو", an adversarial review)
    if told and told_before and _PAST_DAYS.search(sentence[:clause_start]) and not _OTHER_DAY.search(clause) \
            and not _NOW.search(ascii_digits(clause)) and not _ONE_EVENT.search(clause):
        return TOTAL  # the past days the words before a "حيث" clause name: "خلال الأيام الستة الماضية، من تاريخ …،
        #              حيث بلغ عدد الإصابات 60" (not "منذ بداية العام، حيث قتل 5 أشخاص أمس في هجوم": a day's own)
    if told and (opening := _SINCE_OPENING.match(sentence)) is not None and opening.end() <= start \
            and not re.search(r"[.!?؟]", sentence[opening.end():start]) \
            and not _NOW.search(ascii_digits(sentence[:start] + " " + clause)):
        #   (not when the opening phrase, the words up to the count or its own clause say now: "ومنذ وصوله إلى المدينة
        #   أمس،", "…، فيما قتل 20 آخرون في غارة اليوم")
        return TOTAL  # "ومنذ ديسمبر، اعتقلت نحو 30 امرأة", "ومنذ بدء قوات النظام حملتها …، قتل أكثر من 630 مدنيا":
        #               the phrase opening the sentence counts every toll after it since its start
    if told and _war(clause):
        return TOTAL  # a war's or a conflict's toll ("قتل نحو 10 آلاف شخص في الحرب", "وأسفر النزاع عن سقوط أكثر من
        #               عشرة آلاف قتيل"): its running total, not one event's (an analyst met it as a story's toll)
    if told and _DAY_AFTER.search(" ".join(words_before[-3:])):
        return EARLIER  # "في هجوم يأتي غداة مقتل 21 شخصا": the toll of the event the day before this one's (an
        #                 analyst: parts of today's toll were summed to it)
    if told and (earlier(sentence, (start, end), (clause_start, clause_end), years, report_date)
                 or dated_before(sentence, (start, end), (clause_start, clause_end), report_date)
                 or same_period_earlier(sentence, (clause_start, clause_end), years, report_date)
                 or _last_year(sentence, start, clause_start, clause_end) or _LAST_YEAR_OPENING.match(sentence)):
        return EARLIER  # (last year, in the count's clause or opening the sentence: "احتجز العشرات … العام الماضي",
        #                 "وفي العام الماضي … أدى إلى إجلاء أكثر من 30 ألف شخص": a second analyst's review)
    words_after = sentence[end:clause_end].split()
    before = without_diacritics(re.split(r"\d", " ".join(words_before[-3:]))[-1])
    window = list(itertools.takewhile(lambda w: not _ANOTHER_SUBJECT.match(w), words_after[:8]))  # (not past a verb
    #   with its own object or a vague number: "في حريق بسوق شعبي يرتاده الآلاف يوميا", an adversarial review)
    after = without_diacritics(re.split(r"\d", " ".join(window))[0])  # (up to another number: its rate;
    #   without diacritics: "أسبوعيًا", "سنويًا" are written with the tanween before the alif as often as after)
    for side in (before, after):
        found = _RATE.search(side)
        if found is not None and _RELATIVE.search(side[:found.start()] if side is after else side[found.end():]) is None \
                and not (side is before and _CONJUNCT.search(side[found.end():])):
            return RATE  # (not past another verb joined by و: "وتقصف الطائرات المدينة يوميا وقتل 25 شخصا أمس", the
            #              period of the verb before; a toll's verb sharing it is _RATE_SHARED below)
    if _RATE_SHARED.search(without_diacritics(" ".join(words_before[-7:]))) is not None:
        return RATE  # "يصيب بين 1,3 و4 ملايين شخص سنويا ويتسبب بوفاة بين 21 ألفا و143 ألف شخص": the period of the verb
        #              before it, joined by و, is this one's too (a sixth review: a yearly toll shown as one event's)
    if _PER_HEAD.match(normalize(_GROUPED.sub("", " ".join(words_after[:5])))):
        return RATE  # "7 وفيات لكل 100 ألف شخص", "10 وفيات من كل 100 ألف نسمة": per head of a population, after
        #              the count and its noun (two words at most)
    if category == "killed" and (_BOTH_BEFORE.search(" ".join(words_before[-4:]))
                                 or _BOTH_AFTER.search(" ".join(words_after[:4]))):
        return BOTH
    return ""


def pair_places(figures: list[Figure], sources: dict[str, Source]) -> dict[tuple[str, str], int]:
    """(source id, pair id) → where the pair stands in its report, for the reports of these figures: the
    reading order of a report's figures (the figures tables, a report's lead count)."""
    return {(sid, pair.id): n for sid in {f.source_id for f in figures} for n, pair in enumerate(sources[sid].pairs)}


def disagreements(figures: list[Figure], sources: dict[str, Source]) -> list[dict]:
    """Counts of people of the same category and group with different values from different reports (each
    report's claims listed: its outlet's and its spokesman's), oldest first: shown side by side, never
    reconciled."""
    by_key: dict[tuple[str, str, bool], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.is_people and figure.group and figure.category != "other people" and figure.scope in ("", TOTAL):
            by_key[(figure.category, figure.group, figure.scope == TOTAL)].append(figure)
    out = []
    for (category, group, running), found in by_key.items():  # (a day's toll and a war's total: no dispute)
        said: dict[tuple[str, str, str], Figure] = {}
        for figure in found:  # (a report repeating its own count is one claim)
            said.setdefault((figure.source_id, figure.claimant, figure_value(figure)), figure)
        claims = list(said.values())
        reports = {f.source_id for f in claims}  # (within one report, counts that differ are its own different
        #   scopes far more often than a dispute: a day's toll beside the UN's total for the war, "Saturday evening
        #   alone" beside the whole; the section says "from different reports", and a site review found it did not)
        if len({figure_value(f) for f in claims}) > 1 and len(reports) > 1 and not consistent(claims):
            claims = sorted(claims, key=lambda f: _by_date(f, sources))
            label = f"{category_label(category)}: {group_label(group)}" + (", running totals" if running else "")
            out.append({"category": category, "label": label, "claims": [claim(f, sources) for f in claims]})
    order = category_order()
    return sorted(out, key=lambda d: (order.index(d["category"]) if d["category"] in order else 99, d["label"]))


_ABOUT = 0.1  # "about 250" is taken as 225 to 275
_BEYOND = 1.5  # "more than 250" or "at least 250" as 250 to 375 (not any number above: "at least 2" and 16 differ)


def bounds(figure: Figure) -> tuple[float, float] | None:
    """The values a count reads as, from its qualifier: "more than 250" 250 to 375, "about 250" 225 to 275,
    "up to 250" 167 to 250; None for a vague count ("hundreds")."""
    low, high = (figure.value, figure.value) if figure.value is not None else (figure.low, figure.high)
    if low is None or high is None:
        return None
    qualifier = figure.qualifier
    if qualifier in ("more than", "at least"):
        return float(low), high * _BEYOND
    if qualifier in ("fewer than", "up to"):
        return low / _BEYOND, float(high)
    if qualifier == "about":
        return low * (1 - _ABOUT), high * (1 + _ABOUT)
    return float(low), float(high)


def consistent(claims: list[Figure]) -> bool:
    """Counts that read alike ("more than 250", 252 and "hundreds"): no dispute. Vague counts are compared with
    none; a lone exact count with only vague ones is no dispute either."""
    spans = [b for f in claims if (b := bounds(f)) is not None]
    return len(spans) < 2 or max(low for low, _ in spans) <= min(high for _, high in spans)


def claim(figure: Figure, sources: dict[str, Source]) -> dict:
    """A figure as the summary and disputes show it: value, who says so, where and when."""
    source = sources[figure.source_id]
    meta = source.meta
    return {"value": figure_value(figure), "claimant": figure.claimant or meta.outlet, "outlet": meta.outlet,
            "claimant_en": source.speaker_en(figure.claimant),
            "date": meta.date[:10] or "date not stated", "figure_id": figure.id, "source_id": figure.source_id,
            "pair_id": figure.pair_id, "category": category_label(figure.category),
            # who was counted, when the report says more than people ("" for "people" or nothing)
            "group": group_label(figure.group) if figure.group not in ("", "people") else "",
            "corrected": figure.note if figure.review == "corrected" else ""}  # (an editor's value: shown so)


def chart_rows(figures: list[Figure], sources: dict[str, Source], category: str = "killed") -> list[dict]:
    """For one category: the largest count each claimant gives for each group (the chart and its table). A
    claimant is who the report says says so, else the outlet: two claims in one report ("at least 2" by the
    outlet, 16 by a spokesman) are two bars. Running totals, rates, the killed and wounded together, earlier
    events and parts of another count are no bars (a part beside its whole would read as more)."""
    rows: dict[tuple[str, str], Figure] = {}
    for figure in sorted(figures, key=lambda f: _by_date(f, sources)):
        if not figure.is_people or figure.category != category or top(figure) is None or figure.scope:
            continue
        outlet = sources[figure.source_id].meta.outlet
        # ("SOHR in …", no brackets: an outlet's name may have its own, «الجزيرة الإنجليزية (مترجم)»)
        who = f"{figure.claimant} in {outlet}" if figure.claimant and figure.claimant != outlet else outlet
        key = (group_label(figure.group), who)
        if key not in rows or top(figure) > top(rows[key]):  # type: ignore[operator]
            rows[key] = figure
    return [{"group": g, "who": w, "outlet": sources[f.source_id].meta.outlet, "claimant": f.claimant,
             "value": figure_value(f), "number": top(f), "figure_id": f.id}
            for (g, w), f in sorted(rows.items())]
