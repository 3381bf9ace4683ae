"""The types a number's writing and the words right around it decide: a time, a code, a date, a
percentage, a score, a year, an age (number_age.py), a duration, money, a measure, a magnitude, a rank or
identifier. What is left (people, things, other) is decided from the noun counted (numbers.py,
number_people.py, number_refs.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..arabic import normalize
from .number_age import age
from .number_lexicon import Phrases
from .number_people import Counted, among_states, definite, year_follows
from .number_scan import OPEN_MARKS, QUOTES, Seen, Sentence
from .number_spans import Raw
from .number_tokens import DASHES, article

_TIMES = {"time": "time", "version": "identifier", "ratio": "other"}
_SIZE_MARKS = frozenset("×xX*")
_QUOTES = QUOTES | {"«", "»"}


@dataclass(frozen=True)
class Typed:
    """A decision: the type, the noun's token (-1: none), the unit (money, measure) and the counted noun."""

    type: str
    noun: int = -1
    unit: str = ""
    counted: Counted | None = None


def by_form(s: Sentence, raw: Raw) -> Typed | None:
    """What the writing alone says. A dash pair that is not a score becomes a range."""
    if raw.kind in _TIMES:
        return Typed(_TIMES[raw.kind])
    if code(s, raw):
        return Typed("identifier")
    if "dmy" in raw.notes:
        return Typed("year" if raw.value is not None and raw.value >= 1000 else "date")
    if raw.percent:
        return Typed("percent")
    if raw.kind != "pair":
        return None
    if raw.separator in _SIZE_MARKS:
        return Typed("measure")
    small = all(v is not None and v <= 20 for v in (raw.low, raw.high)) and not raw.multiplied
    if 0 in (raw.low, raw.high) or (small and (s.sport or raw.separator not in DASHES)):
        return Typed("score")
    if raw.separator in DASHES or (raw.separator == "/" and within(raw, 600, 2100)):
        raw.kind = "range"  # "2000-4000", "1436/1437هـ"
        if raw.separator in DASHES and _years_apart(s, raw):
            return Typed("year")  # "إدوارد ريو (1833-1900)": a life or a period, alone in brackets
    return None


def _years_apart(s: Sentence, raw: Raw) -> bool:
    """Two years, the later second, and nothing else in the brackets around them; no noun counted after them
    (a counted noun is indefinite: "(1500-2000) شخص" counts people, "(1833-1900) الرسام" dates a painter)."""
    low, high = raw.low, raw.high
    if not (isinstance(low, int) and isinstance(high, int) and 1000 <= low < high <= 2100):
        return False
    before, after, then = s.tok(raw.i - 1), s.tok(raw.j), s.tok(raw.j + 1)
    if before is None or before.text != "(" or after is None or after.text != ")":
        return False
    if not (then is None or then.kind != "word" or article(then.text)):
        return False
    named = s.tok(raw.i - 2)  # the bracket follows a name, not a particle, a qualifier or "بـ"
    if named is None or named.kind != "word" or len(named.norm.replace("ـ", "")) <= 2 \
            or named.forms[0] in s.lex.function_words or s.lex.qualifiers[0].ending(s.forms, raw.i - 2):
        return False
    return not any(s.tokens[k].kind == "word" and s.tokens[k].norm in s.lex.quantity_heads
                   for k in range(max(raw.i - 10, 0), raw.i))  # not "بلغ عدد القتلى (1200-1400)"


def code(s: Sentence, raw: Raw) -> bool:
    """Part of a code or name: "F-16", "إف-35", "FIFA 15", "#2018", "4G", "إم آي 5": a Latin word, a hash, two
    Latin letters spelled in Arabic or a hyphen glued to a word right before it."""
    before, after = s.tok(raw.i - 1), s.tok(raw.j)
    if before is not None and (before.kind == "latin" or before.text == "#") or s.in_hashtag(raw.i):
        return True
    def spelled(*at: int) -> bool:  # Latin letters spelled in Arabic at these tokens
        return all(s.is_word(q) and s.tokens[q].norm in s.lex.letter_names for q in at)
    if raw.kind == "digits" and (spelled(raw.i - 1, raw.i - 2) or spelled(raw.i - 1, raw.j)):
        return True  # "إم آي 5", "بي 52 إتش"
    word = s.tok(raw.i - 2)
    if before is not None and before.text in DASHES and before.glued and s.tokens[raw.i].glued \
            and word is not None and word.kind in ("word", "latin"):
        return True
    return after is not None and after.kind == "latin" and after.glued


def by_context(s: Sentence, raw: Raw, seen: Seen) -> Typed | None:
    """What the words right before and after the number say."""
    lex, k = s.lex, s.next(raw.j)
    measured = lex.measure_units.at(s.forms, k) or lex.currencies.at(s.forms, k) or lex.time_units.at(s.forms, k)
    if (s.ends_before(lex.capacity_before, raw.i, 4) or _before_or_past_qualifier(s, lex.capacity_words, raw.i)) \
            and not measured and not _fateful(s, raw):  # (but "لا تتجاوز 10 كم": a distance; only capacity words
        #                        past a qualifier; "قال إن عدد القتلى لا يتجاوز 10 أشخاص", "قتل كحد أقصى 40": tolls)
        return Typed("count", raw.noun if raw.noun >= 0 else k if s.is_word(k) else -1)  # "يتسع لـ 60 ألف متفرج"
    if score(s, raw, raw.noun if raw.noun >= 0 else k):
        return Typed("score")
    if raw.noun >= 0:
        typed = dual(s, raw)  # (first: a dual of time or of a fate keeps its reading)
        if typed.type == "people" and not (typed.counted and typed.counted.category) and not measured \
                and limited(s, raw, k):
            return Typed("count", raw.noun)  # "يشترط أن تضم كل مجموعة شخصين فأكثر"
        return typed
    if s.ends_before(lex.time_before, raw.i) or (lex.time_after.at(s.forms, k) and within(raw, 0, 24)):
        return Typed("time")
    if (s.ends_before(lex.ordinal_before, raw.i) and not (s.has(s.prev(raw.i), _GRADE) and _word_after(s, raw.j))) \
            or rank(s, raw) or batch(s, raw):  # (a grade, "الصف 6"; but "يدرس في الصف 30 طالبا" counts pupils)
        return Typed("ordinal")
    if identifier(s, raw, k) or listed_code(s, raw):
        return Typed("identifier")  # "المركز الانتخابي 1068 …، و 1069"
    if raw.kind == "digits" and s.text_at(raw.i - 1) == "(" and s.text_at(raw.j) == ")" \
            and after_adjective(s, raw, lex.ordinal_before):
        return Typed("ordinal")  # "بالدورة التأهيلية (45)"
    if raw.kind in ("digits", "range") and year(s, raw):
        return Typed("year")
    if raw.kind == "range" and within(raw, 1900, 2100) and not raw.multiplied and raw.separator != "أو":
        return Typed("year")  # "1993-1994", "2017/2018", "من 2008 إلى 2011"
    if within(raw, 1, 31) and (lex.months.at(s.forms, k) or lex.month_refs.at(s.forms, k) or day_before_day(s, k)
                               or _day_of_month(s, k)):
        return Typed("date")
    if one_in(s, raw) or (per_head_base(s, raw) and not measured):
        return Typed("other")  # "واحد من كل خمسة", "لكل 100 ألف شخص", "من كل ألف طفل": a share, a rate's base
    if found := age(s, raw, k, seen):
        return Typed("age", found.unit)
    typed = unit(s, raw, k, seen)
    if typed is None and not measured and limited(s, raw, k):  # (after years, dates, ages and units: "قبل 30 يونيو
        #                                                        كحد أقصى", "من سن 60 فأكثر" keep their types)
        return Typed("count", raw.noun if raw.noun >= 0 else k if s.is_word(k) else -1)  # "3 أشخاص أو أكثر"
    return typed


def _permitted(s: Sentence, raw: Raw) -> bool:
    """ "سيسمح لـ 300 حاج": a verb of permission, then "لـ", then the number (the written tokens: "لـ" is a clitic
    token, which the phrase look-ups skip)."""
    i = raw.i
    return i >= 2 and s.tokens[i - 1].norm == "ل" and s.has(i - 2, s.lex.permission_verbs)


def _word_after(s: Sentence, j: int) -> bool:
    """A noun counted right after the number: "وحدة الصف 12 فصيلا" counts; "الصف 6 فما دون", "نتائج الصف 9 تظهر"
    rank."""
    if _counted_after(s, j):
        return True
    tok = s.tok(j)  # (an indefinite accusative: "فصيلا"; not a verb or an adjective, "طلاب الصف 12 يتقدمون")
    return tok is not None and tok.kind == "word" and not article(tok.text) and tok.text.endswith("ا") \
        and tok.forms[0] not in s.lex.function_words and not s.lex.limit_after.at(s.forms, j)


def _before_or_past_qualifier(s: Sentence, table: Phrases, i: int) -> bool:
    """A phrase of the table ending within four words before the number, or before its qualifier ("تستوعب ما يصل
    إلى 500"); both, since a phrase may end with a qualifier's words ("لا يزيد عن 50", "ألا يزيد على 30")."""
    return bool(s.ends_before(table, i, 4) or s.ends_before(table, s.before_qualifier(i) + 1, 4))


_OF, _MONTH = normalize("من"), normalize("شهر")


def _day_of_month(s: Sentence, k: int) -> bool:
    """ "الـ14 من مايو", "الـ14 من شهر مايو": "من" at k, then a month (normalised: "مِن" too)."""
    if s.tok(k) is None or s.tokens[k].norm != _OF:
        return False
    return bool(s.lex.months.at(s.forms, k + 1)) or (
        s.tok(k + 1) is not None and s.tokens[k + 1].norm == _MONTH and bool(s.lex.months.at(s.forms, k + 2)))


def limited(s: Sentence, raw: Raw, k: int) -> bool:
    """How many a rule allows or asks for, not people counted: a minimum, a restriction or a requirement before the
    number ("يشترط ألا يقل عدد المشاركين عن 50 شخصا"), or a threshold or a limit after it and its noun ("يحق لكل أسرة
    استقدام 4 عمال منزليين كحد أقصى", "جماعات من ثلاثة أشخاص أو أكثر" where a rule is stated). Only where the
    number's clause states a rule (a verb of obligation, permission or restriction: rule_words), since the same words
    hedge estimates and tolls ("شارك 10 آلاف شخص أو أكثر", "يموت 10 أطفال فأكثر كل يوم", "اقتصار الخسائر البشرية على
    7 أشخاص"); never where the clause names a fate (a cue, a noun that names one, fate_words: "قتل كحد أدنى 40 مدنيا",
    "ألا يتجاوز عدد الضحايا 50 شخصا")."""
    if not (_before_or_past_qualifier(s, s.lex.limit_before, raw.i) or _permitted(s, raw) or limited_after(s, raw, k)):
        return False  # (most numbers: the cheap look-ups first)
    if within(raw, 1900, 2100) and not raw.multiplied and not _counted_after(s, raw.j):
        return False  # a year the fallback reads ("الحد الأدنى للأجور منذ 2019")
    clause = _clause(s, raw)
    lex = s.lex
    # a rule stated before the number (not "تجمع 2000 مصل أو أكثر رغم أن التعليمات تمنع التجمعات"); "فئة" is
    # normalised as "فيه" (in it): the written hamza tells them apart
    if not any((hit := lex.rule_words.at(s.forms, t)) and (hit[1] != "فئة" or "ئ" in s.tokens[t].text)
               for t in range(clause[0], raw.i)):
        return False
    return not _fateful(s, raw, clause)


def _fateful(s: Sentence, raw: Raw, clause: tuple[int, int] | None = None) -> bool:
    """The number's clause names a fate: a cue, a noun that names one ("قتلى", "جريح"), or a word of a toll
    (fate_words: "ضحايا", "حصيلة", "خسائر"): a limit's words there qualify a toll ("عدد القتلى لا يتجاوز 10 أشخاص")."""
    lex = s.lex
    low, high = clause or _clause(s, raw)
    for t in range(low, high):
        hit = lex.human_nouns.at(s.forms, t) if s.owner[t] < 0 else None
        if (hit and hit[1]) or s.has(t, lex.fate_words) or lex.cues_before.at(s.forms, t):
            return True
    return bool(s.strong_cue(raw.i, raw.j))


_CLAUSE_MARKS = frozenset("،,؛;.!؟?…:")  # (not brackets, quotes or dashes around a number: "(130) عاملا فأكثر")


def _clause(s: Sentence, raw: Raw) -> tuple[int, int]:
    """The tokens of the number's clause as its marks bound it (not its particles: a rule's "يشترط ألا يقل …" runs
    past "ألا"), at most twenty tokens either side."""
    def mark(k: int) -> bool:
        return s.tokens[k].kind == "punct" and s.tokens[k].text in _CLAUSE_MARKS
    low = raw.i
    while low > 0 and raw.i - low < 20 and not mark(low - 1):
        low -= 1
    high = raw.j
    while high < len(s.tokens) and high - raw.j < 20 and not mark(high):
        high += 1
    return low, high


def limited_after(s: Sentence, raw: Raw, k: int) -> bool:
    """A threshold or a limit right after the number's noun (up to two adjectives between): "4 عمال منزليين كحد
    أقصى", "(130) عاملا فأكثر", "ثلاثة أشخاص أو أكثر"."""
    lex = s.lex
    if raw.noun < 0 and not (s.is_word(k) and s.owner[k] < 0 and s.tokens[k].forms[0] not in lex.function_words):
        return False  # a counted noun first: not "قبل 30 يونيو كحد أقصى" (typed before), "بقوة 4 فأكثر"
    start = raw.noun + 1 if raw.noun >= 0 else k + 1
    for t in range(start, min(start + 3, len(s.tokens))):
        if lex.limit_after.at(s.forms, t):
            return True
        tok = s.tokens[t]
        if tok.kind != "word" or tok.forms[0] in lex.function_words or s.owner[t] >= 0:
            return False
    return False


_ON = frozenset({normalize("على")})
_INDICATOR = normalize("مؤشر")
_GRADE = frozenset({normalize("الصف")})
INDEX_REACH = 40  # tokens before the number where an index may be named (a bounded window, as number_scan promises)
_COMMON_INDEX = frozenset(normalize(w) for w in ("مؤشر", "المؤشر", "بورصة", "البورصة", "الأسهم"))


def _sign_of(s: Sentence, b: int) -> bool:
    """ "في مؤشر على", "مؤشر واضح على", "مؤشر آخر على", "وفي مؤشر إيجابي، …": a sign of something, no index (up to two
    words before "على", or one adjective and a mark); only the indefinite word ("أغلق المؤشر على ارتفاع", "أغلق المؤشر
    العام على انخفاض" name the index)."""
    if article(s.tokens[b].text) or _INDICATOR not in s.forms[b]:
        return False
    for m in range(b + 1, min(b + 4, len(s.tokens))):
        if s.tokens[m].norm in _ON:
            return True
        if not s.is_word(m) or s.owner[m] >= 0:
            return m == b + 2 and s.tokens[m].text in _CLAUSE_MARKS and not article(s.tokens[b + 1].text)
            #      ("وفي مؤشر إيجابي، …": an indefinite adjective, a mark; not "مؤشر السوق،": the index)
    return False


def index_value(s: Sentence, raw: Raw, at: int, seen: Seen) -> bool:
    """ "أغلق المؤشر عند مستوى 8654 نقطة", "وتراجع نيكي 440 نقطة": an index's value in points, with an index named
    up to INDEX_REACH tokens before the number, or an index's value just before it ("مؤشر على", a sign of, is
    none; in a match report only a named index, not "المؤشر", "البورصة", "الأسهم"); not "12 نقطة تفتيش", "300 نقطة
    بيع" (point_compounds), nor "خطة من 10 نقاط" (point_plans)."""
    lex = s.lex
    if not s.has(at, lex.point_nouns) or s.has(at + 1, lex.point_compounds):
        return False
    if raw.i >= 2 and s.tokens[raw.i - 1].norm == _OF and s.has(raw.i - 2, lex.point_plans):
        return False  # "طرح خطة من 10 نقاط": a plan's points
    if seen.last is not None and seen.last.type == "other" and s.lex.point_nouns & set(normalize(seen.last.noun).split()):
        return True  # "ليغلق عند 792 نقطة، مقارنة بإغلاق 724 نقطة": the index's value before it
    for b in range(raw.i - 1, max(raw.i - INDEX_REACH, 0) - 1, -1):
        hit = lex.index_context.ending(s.forms, b)
        if hit is None or _sign_of(s, b):
            continue
        if s.sport and hit[0] == 1 and any(f in _COMMON_INDEX for f in s.forms[b]):
            continue
        return True
    return False


def rank(s: Sentence, raw: Raw) -> bool:
    """A list item ("7- ستقوم …") or, in a match report, a minute in parentheses ("… للمرمى (60).")."""
    if raw.i == 0 and raw.kind == "digits" and s.text_at(raw.j) in ("-", ")", "."):
        return True
    return s.sport and raw.kind == "digits" and s.text_at(raw.i - 1) == "(" and s.text_at(raw.j) == ")" \
        and within(raw, 1, 130) and not s.is_word(raw.j + 1)


def dual(s: Sentence, raw: Raw) -> Typed:
    """A dual noun is its own counted noun: "يومين" 2 days, "جرعتين" 2 doses, "قتيلين" 2 killed."""
    lex, stem = s.lex, raw.stem
    if s.has(s.prev(raw.i), lex.place_nouns) and not lex.time_units.word(stem):
        return Typed("identifier")  # "في بلدة عربين": a place's name
    if lex.time_units.word(stem) is not None and s.ends_before(lex.age_words, raw.i):
        return Typed("age", raw.noun)  # "طفل عمره سنتان"
    if lex.time_units.word(stem) is not None or decades(s, raw, raw.noun):
        return Typed("duration", raw.noun)
    if lex.things.word(stem) is not None or (stem in lex.member_nouns and among_states(s, raw.noun)):
        return Typed("count", raw.noun)  # "جرعتين", "عضوين بمجلس الأمن" (two member states)
    found = lex.human_nouns.word(stem)
    return Typed("people", raw.noun, counted=Counted("human", raw.noun, found or ""))


def within(raw: Raw, low: float, high: float) -> bool:
    values = [v for v in (raw.value, raw.low, raw.high) if v is not None]
    return bool(values) and all(float(v).is_integer() and low <= v <= high for v in values)


_COVID = frozenset(("كوفيد", "كوفيد-"))


def identifier(s: Sentence, raw: Raw, k: int) -> bool:
    """ "رقم 28", "راديو 4", "القرار الأممي 2254", "آيفون 8 بلس", a bare number in quotes, a title."""
    lex = s.lex
    if s.has(k, lex.identifier_after):
        return True
    if raw.value == 19 and raw.kind == "digits" and s.has(s.prev(raw.i), _COVID):
        return True  # "كوفيد 19", "كوفيد-19": a disease's name (but "توفي بسبب كوفيد 1200 شخص": a count)
    if s.ends_before(lex.identifier_before, raw.i) or (raw.kind == "digits" and after_adjective(s, raw,
                                                                                               lex.identifier_before)):
        return not counts_people(s, raw, k)  # "القرار الأممي 2254"; but "أيد القرار 177 نائبا"
    quoted = s.text_at(raw.i - 1) in QUOTES | {"«"} and s.text_at(raw.j) in QUOTES | {"»"}
    if quoted and raw.kind in ("digits", "words") and _unit_after(s, k):
        return False  # "«90» بالمائة", "عن «65» عاما": a figure quoted with its unit outside
    if quoted and raw.kind in ("digits", "words"):
        return not (s.is_word(k) and (s.lex.human_nouns.at(s.bare_forms(k), k) or s.lex.things.at(s.bare_forms(k), k)))
        #  "«355» أسرة": quoted, but counting the noun after it
    return titled(s, raw)


def _unit_after(s: Sentence, k: int) -> bool:
    """A unit of measure, money, time, age or percent at k."""
    lex = s.lex
    return any(t.at(s.forms, k) for t in (lex.measure_units, lex.currencies, lex.time_units)) \
        or s.has(k, lex.age_units) or bool(lex.percent_words.at(s.forms, k))


def titled(s: Sentence, raw: Raw) -> bool:
    """In a title or a name right after its noun: "بفيلم «ثلاثة وجوه»", "باسم "النشطاء الإماراتيين الخمسة""; a
    year in a name is a year ("رؤية 2030")."""
    if raw.kind == "words" and s.text_at(raw.i - 1) in OPEN_MARKS and s.has(raw.i - 2, s.lex.title_before):
        return True
    if within(raw, 1000, 2100):
        return False
    for q in range(raw.i - 1, max(raw.i - 6, -1), -1):
        if s.owner[q] >= 0 or (s.boundary(q) and s.text_at(q) not in _QUOTES):
            return False
        if s.text_at(q) in _QUOTES:
            closed = any(s.text_at(m) in _QUOTES for m in range(raw.j, min(raw.j + 4, len(s.tokens))))
            return closed and s.has(q - 1, s.lex.title_before)
    return False


def year(s: Sentence, raw: Raw) -> bool:
    """ "عام 2016", "2014م", "1436هـ", "أكتوبر 2012", "(تشرين الأول) 2012", "بين عامي 1982 و1983"."""
    lex = s.lex
    if raw.multiplied or not within(raw, 0, 2100) or any(mark in s.text_at(t) for t in range(raw.i, raw.j) for mark in ",."):
        return False
    if s.ends_before(lex.year_before, raw.i, 2) and not lex.time_units.at(s.forms, s.next(raw.j)) \
            and not _office(s, raw.i) and s.text_at(raw.i - 1) != "و" \
            and (within(raw, 600, 2100) or not _this_year_before(s, raw.i)) \
            and (within(raw, 600, 2100) or not _counted_after(s, raw.j)
                 or (within(raw, 0, 99) and _names_year(s, raw.i) and not _people_or_goals_after(s, raw))):
        return True  # "عام 2016", "عام 94", "سنة 354هـ", "شهد عام 99 تراجعا" (not "ولد خلال النصف الأول للعام 297
        #              مولودا", "رصيده هذا الموسم إلى 43 هدفا"; not "مستشفى الطور العام و7 نقلوا": a conjunction
        #              between, the year word is another phrase's adjective)
    if not within(raw, 600, 2100):
        return False
    suffix = s.tok(raw.j)
    if suffix is not None and suffix.kind == "word" and suffix.norm in lex.era_suffixes:
        return True
    if lex.year_after.at(s.forms, raw.j):
        return True  # "ما بين 2100 و1600 قبل الميلاد"
    b = s.prev(raw.i)
    if s.text_at(b) == ")":
        b -= 1
    return bool(lex.months.ending(s.forms, b))


_ADVERBS = frozenset({"تقريبا", "تحديدا", "ايضا", "فقط", "حاليا", "سابقا", "لاحقا", "مجددا", "اساسا", "عموما",
                      "جميعا", "معا", "اولا", "ثانيا", "تماما", "رسميا", "سنويا", "يوميا", "شهريا", "اسبوعيا", "تقريبًا",
                      "اصلا", "مثلا", "غالبا", "دائما", "ابدا", "حصرا", "تباعا"})  # (normalised: an accusative
#                                                                      ending, but no noun: "عام 241 تقريباً")
_ERA_OR_BIRTH = frozenset({"ميلاديا", "هجريا", "ميلاديه", "هجريه", "ولد", "ولدت", "توفي", "توفيت", "للهجره",
                           "للميلاد", "هجري", "ميلادي"})


_THIS = frozenset(normalize(w) for w in ("هذا", "هذه", "خلال", "طوال"))


def _this_year_before(s: Sentence, i: int) -> bool:
    """ "هذا العام" right before the number: the year is already named, the number is what comes next ("وتسابق على
    الجائزة هذا العام 108 روائية")."""
    b = s.prev(i)
    return b >= 1 and s.tokens[b].norm.startswith("ال") and s.tokens[b - 1].kind == "word" \
        and s.tokens[b - 1].norm in ("هذا", "هذه")


def _names_year(s: Sentence, i: int) -> bool:
    """A year word right before the number, naming the year ("شهد عام 99 تراجعا", "في العام 94 اتفاقية سلام"); not a
    time the sentence is in ("رصيده هذا الموسم إلى 43 هدفا", "الموسم الماضي 9 أهداف"), a label ("عام / 69 مركزا")
    or a word apart ("في موسم من 38 مرحلة")."""
    k = i - 1
    if k < 0 or not s.is_word(k) or not s.lex.year_before.ending(s.forms, k):
        return False
    return not (k > 0 and s.has(k - 1, _THIS))  # ("في العام 94 اتفاقية سلام": a year too)


_SEASON = normalize("الموسم")


def _people_or_goals_after(s: Sentence, raw: Raw) -> bool:
    """After a definite year word, a two-digit number counting people ("يموت في العام 60 طفلا") or, after "الموسم" in a
    match report, anything ("سجل اللاعب في الموسم 25 هدفا"): a count, not a year ("في العام 94 اتفاقية سلام", "نظمت قطر
    في العام 22 بطولة كأس العالم" stay years)."""
    k = raw.i - 1
    if not article(s.tokens[k].text) or not _counted_after(s, raw.j):
        return False
    return (s.sport and s.tokens[k].norm == _SEASON) or bool(s.lex.human_nouns.at(s.forms, s.next(raw.j)))


def _office(s: Sentence, i: int) -> bool:
    """ "العام" right before the number is an adjective of an office before it ("أحال النائب العام 1500 متهم",
    "المدعي العام", "الأمين العام": office_nouns) with a noun counted after the number, no year word."""
    k = s.prev(i)
    if k < 1 or s.tokens[k].norm != "العام" or not s.is_word(k - 1):
        return False
    raw = s.raws[s.owner[i]] if s.owner[i] >= 0 else None
    return s.has(k - 1, s.lex.office_nouns) and raw is not None and _counted_after(s, raw.j)
    #      (and a noun counted after the number: not "وأعدمت السعودية العام 2019 رجالا", "البخاري العام 256 للهجرة")


def batch(s: Sentence, raw: Raw) -> bool:
    """ "تخريج الدفعة 151 من المعهد": a graduating class's number (not "وتضم الدفعة 150 من السجناء", "وتضم الدفعة
    250 خريجا", "تضم الدفعة 120 من منتسبي": a batch of that many)."""
    b = s.prev(raw.i)
    if not s.has(b, s.lex.batch_before):
        return False
    return s.has(b - 1, s.lex.graduation_words)


def _counted_after(s: Sentence, j: int) -> bool:
    """A noun the number counts right after it: one of the rules' people or things, or an indefinite accusative
    ("مولوداً"): no year, whatever word stands before ("للعام 297 مولوداً", "العام الماضي 299 هاتف")."""
    if j >= len(s.tokens) or not s.is_word(j) or s.tokens[j].norm in _ERA_OR_BIRTH or s.tokens[j].norm in _ADVERBS:
        return False  # "عام 132 هجرياً", "في عام 570 ولد النبي", "عام 241 تقريباً"
    text = s.tokens[j].text
    return bool(s.lex.human_nouns.at(s.forms, j) or s.lex.things.at(s.forms, j)) or text.endswith(("اً", "ًا"))


def unit(s: Sentence, raw: Raw, k: int, seen: Seen) -> Typed | None:
    """A duration, money, a measure, a magnitude, a ratio or a capacity, from the words after the number."""
    lex = s.lex
    at = k + 1 if raw.kind == "vague" and s.tok(k) is not None and s.tokens[k].norm == "من" else k
    if lex.time_units.at(s.forms, at) and not year_follows(s, at):
        return Typed("duration", at)  # (vague too: "لآلاف السنين", "منذ عشرات السنوات")
    if raw.kind != "vague" and decades(s, raw, at):
        return Typed("duration", at)
    if (b := unit_before(s, raw)) >= 0:
        return Typed("duration", b)  # "الليلة الواحدة", "خلال السنوات العشر الماضية", "الأشهر الـ12 الأخيرة"
    if hit := lex.currencies.at(s.forms, at):
        return Typed("money", at, currency(s, at + hit[0], hit[1]))
    if hit := lex.measure_units.at(s.forms, at):
        return Typed("measure", at, hit[1])
    if lex.magnitude_after.at(s.forms, k) or (s.quake and s.ends_before(lex.magnitude_before, raw.i)):
        return Typed("magnitude")
    if lex.ratio_words.at(s.forms, k):
        return Typed("other", k)
    if index_value(s, raw, at, seen):
        return Typed("other", at)  # an index's value: "أغلق المؤشر عند 8654 نقطة"
    bare = not s.is_word(k) or s.tokens[k].forms[0] in lex.function_words
    if raw.multiplied and seen.money and bare:
        return Typed("money", -1, seen.money.unit)  # "50 مليون دولار … وليس 34 مليونا"
    if (raw.multiplied or raw.kind == "vague") and bare and any(s.lookup(lex.money_words, b)
                                                                for b in range(s.prev(raw.i), s.prev(raw.i) - 3, -1)):
        return Typed("money", -1, "unknown")  # "تقدر ميزانياتها بالملايين", "صافي مبيعاتهم من 103.9 مليون"
    return None


def currency(s: Sentence, k: int, entry: tuple[str, dict[str, str]]) -> str:
    """The currency code: the word's own, or the one an adjective after it names ("دولار كندي" → CAD)."""
    code, adjectives = entry
    if k < len(s.tokens):
        return next((adjectives[f] for f in s.forms[k] if f in adjectives), code)
    return code


def score(s: Sentence, raw: Raw, g: int) -> bool:
    """A side of a match result in words: "بنتيجة 16 هدفا", "بثلاثة أهداف مقابل هدف واحد", "بهدفين مقابل هدف"."""
    lex = s.lex
    if not s.sport or raw.kind not in ("digits", "words", "dual"):
        return False
    if s.has(g, lex.goal_nouns):
        return bool(s.ends_before(lex.score_before, raw.i)) or s.has(g + 1, lex.score_links)
    b = raw.i - 1  # "مقابل هدف واحد": the number after its noun
    return raw.kind == "words" and s.has(b, lex.goal_nouns) and s.has(b - 1, lex.score_links)


def listed_with(s: Sentence, raw: Raw) -> bool:
    """Only marks and و between this number and the one before: "(2216)، (2231)"."""
    return _before_in_list(s, raw) >= 0


def _before_in_list(s: Sentence, raw: Raw) -> int:
    """The index of the number before this one when only marks and و are between them; -1."""
    k = raw.i - 1
    while k >= 0 and s.owner[k] < 0 and (s.tokens[k].kind == "punct" or s.tokens[k].norm == "و"):
        k -= 1
    return s.owner[k] if k >= 0 and s.owner[k] >= 0 and raw.i - k <= 4 else -1


def listed_code(s: Sentence, raw: Raw) -> bool:
    """Listed after a number that a code noun names: "المادتين 5 و6"; or a parallel item, joined by و and
    followed by the same word: "المركز الانتخابي 1068 رجال مبنى البلدية، و 1069 رجال مدرسة …"."""
    before = _before_in_list(s, raw)
    if before < 0 and s.joined(raw.i) and s.owner[raw.i] > 0:
        last = s.raws[s.owner[raw.i] - 1]
        same = s.is_word(raw.j) and s.text_at(last.j) == s.text_at(raw.j)
        before = s.owner[raw.i] - 1 if same and raw.i - last.j <= 10 else -1
    if before < 0:
        return False
    first = s.raws[before]
    return bool(s.ends_before(s.lex.identifier_before, first.i)) and not counts_people(s, first, s.next(first.j))


def counts_people(s: Sentence, raw: Raw, k: int) -> bool:
    """A noun for people after the number in the form of its counted noun: accusative after 11-99 ("177
    نائبا"), after a multiplier ("20 مليون سائح"); not "1068 رجال" (a plural after a large number)."""
    if not s.is_word(k) or not (s.lex.human_nouns.at(s.bare_forms(k), k)
                                or not s.lex.member_nouns.isdisjoint(s.bare_forms(k)[k])):
        return False  # (a noun for people, or a member: "أيد القرار 11 عضوا" counts members, not resolution 11)
    return raw.multiplied or s.tokens[k].norm.endswith("ا") or (raw.value or 0) <= 10


def after_adjective(s: Sentence, raw: Raw, table: Phrases) -> bool:
    """A noun of the table, then a definite adjective, then the number: "القرار الأممي 2254", "الدورة
    التأهيلية (45)"."""
    b = s.prev(raw.i)
    return b >= 1 and s.tokens[b].norm.startswith("ال") and bool(table.ending(s.forms, b - 1))


def day_before_day(s: Sentence, k: int) -> bool:
    """ "في 10 و11 أبريل": a day joined by و to a day of a month."""
    if s.text_at(k) != "و" or k + 1 >= len(s.tokens) or s.owner[k + 1] < 0:
        return False
    after = s.raws[s.owner[k + 1]]
    return within(after, 1, 31) and bool(s.lex.months.at(s.forms, s.next(after.j)))


def per_head_base(s: Sentence, raw: Raw) -> bool:
    """ "لكل 100 ألف شخص", "من كل ألف طفل", "في كل مئة ألف ولادة": an indefinite number right after "(ل)كل" is
    every N, a rate's base, not a count (not "كل الـ 40 راكبا", "لكل الأربعين": all of them, a count)."""
    b = s.prev(raw.i)
    if b < 0 or not s.has(b, s.lex.per_before) or definite(s, raw.i):
        return False
    if s.tokens[b].norm not in ("لكل", "ولكل", "فلكل") and not _round_base(raw.value):
        return False  # ("كل 12 راكبا", "من كل 22 دولة": all of them; "لكل 11 شخصا" is per 11 whatever the number)
    return not any(s.tokens[m].norm in ("ال", "بال", "وال", "لل", "فال", "كال") for m in range(b + 1, raw.i))


def _round_base(value: Any) -> bool:
    """A power of ten from ten on (10, 100, 1,000, 100,000 …): what a rate after "(من/في) كل" is counted per;
    "كل 12 راكبا", "من كل 22 دولة", "كل 3 ملايين نسمة" are all of them."""
    if not isinstance(value, int | float) or value < 10:
        return False
    while value >= 10 and value % 10 == 0:
        value //= 10
    return value == 1


def one_in(s: Sentence, raw: Raw) -> bool:
    """One in N: "كل فرد من بين خمسة أفراد", "واحد من كل عشرة", after a rate "واحد من 11 شخصا" (a ratio, not a
    count)."""
    b = s.prev(raw.i)
    hit = s.lex.ratio_before.ending(s.forms, b)
    if hit is None:
        return s.text_at(b) == "من" and s.has(b - 1, s.lex.ratio_one) and _rate_before(s, b - 1)
    start = b - hit[0]
    return any(s.has(m, s.lex.ratio_one) for m in range(max(start - 3, 0), start + 1))


_RATE_BREAKS = frozenset({"التي", "الذي", "بعد", "قبل", "عقب", "اثر", "منذ", "بسبب", "جراء"})
_RATE_LINKS = frozenset({"بلغ", "بلغت", "يبلغ", "تبلغ", "تصل", "يصل", "وصلت", "وصل", "ترتفع", "ارتفعت"})


def _rate_before(s: Sentence, k: int) -> bool:
    """A rate named in the clause within six words before k, the subject of a verb of reaching ("تصل نسبة الإصابة
    بهذا المرض إلى واحد من 11"; not "ارتفع معدل الوفيات بعد وفاة واحد من 12 مريضا": a death, not a rate's value)."""
    for m in range(k - 1, max(k - 7, -1), -1):
        if s.boundary(m) or s.owner[m] >= 0 or s.tokens[m].norm in _RATE_BREAKS:
            return False  # (another clause: "ارتفع معدل الجريمة بعد انضمام الشاب إلى واحد من 3 آلاف")
        if s.has(m, s.lex.ratio_rates):  # (the subject of a verb of reaching: "تصل نسبة …", "تبلغ نسبة …"; not
            return s.has(m - 1, _RATE_LINKS)  # "ذهبت نسبة كبيرة من الأصوات إلى واحد من 5 مرشحين")
    return False


def decades(s: Sentence, raw: Raw, k: int) -> bool:
    """ "بعد ستة عقود", "نحو ستة عقود من حكم": decades after a word of time or a qualifier (else contracts)."""
    if not s.has(k, s.lex.decade_units):
        return False
    b = s.prev(raw.i)
    return bool(s.ends_before(s.lex.duration_before, raw.i, 2) or s.lex.qualifiers[0].ending(s.forms, b))


def unit_before(s: Sentence, raw: Raw) -> int:
    """The noun of time a number agrees with after it: "الليلة الواحدة", "السنوات العشر", "الأشهر الـ12"; -1."""
    b, numeral = raw.i - 1, definite(s, raw.i)
    if raw.kind == "digits" and s.text_at(b).replace("ـ", "") == "ال":
        b, numeral = b - 1, True
    elif raw.kind != "words":
        return -1
    if b < 0 or not s.lex.time_units.ending(s.forms, b):
        return -1
    return b if (raw.value or 0) <= 2 or (numeral and definite(s, b)) else -1
