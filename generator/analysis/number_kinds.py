"""The types a number's writing and the words right around it decide: a time, a code, a date, a
percentage, a score, a year, an age, a duration, money, a measure, a magnitude, a rank or identifier.
What is left (people, things, other) is decided from the noun counted (numbers.py, number_people.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .number_people import Counted
from .number_scan import OPEN_MARKS, QUOTES, Seen, Sentence
from .number_spans import Raw
from .number_tokens import DASHES

_TIMES = {"time": "time", "version": "identifier", "ratio": "other"}
_SIZE_MARKS = frozenset("×xX*")


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
    if raw.separator in DASHES:
        raw.kind = "range"
    return None


def code(s: Sentence, raw: Raw) -> bool:
    """Part of a code or name: "F-16", "إف-35", "FIFA 15", "#2018", "4G": a Latin word, a hash or a
    hyphen glued to a word right before it."""
    before, after = s.tok(raw.i - 1), s.tok(raw.j)
    if before is not None and (before.kind == "latin" or before.text == "#") or s.in_hashtag(raw.i):
        return True
    word = s.tok(raw.i - 2)
    if before is not None and before.text in DASHES and before.glued and s.tokens[raw.i].glued \
            and word is not None and word.kind in ("word", "latin"):
        return True
    return after is not None and after.kind == "latin" and after.glued


def by_context(s: Sentence, raw: Raw, seen: Seen) -> Typed | None:
    """What the words right before and after the number say."""
    lex, k = s.lex, s.next(raw.j)
    if s.ends_before(lex.capacity_before, raw.i, 4):
        return Typed("count", raw.noun if raw.noun >= 0 else k if s.is_word(k) else -1)  # "يتسع لـ 60 ألف متفرج"
    if raw.noun >= 0:
        return dual(s, raw)
    if s.ends_before(lex.time_before, raw.i) or (lex.time_after.at(s.forms, k) and within(raw, 0, 24)):
        return Typed("time")
    if s.ends_before(lex.ordinal_before, raw.i) or rank(s, raw):
        return Typed("ordinal")
    if identifier(s, raw, k):
        return Typed("identifier")
    if raw.kind in ("digits", "range") and year(s, raw):
        return Typed("year")
    if raw.kind == "range" and within(raw, 1900, 2100) and not raw.multiplied and raw.separator != "أو":
        return Typed("year")  # "1993-1994", "2017/2018", "من 2008 إلى 2011"
    if lex.months.at(s.forms, k) and within(raw, 1, 31):
        return Typed("date")
    return age(s, raw, k) or unit(s, raw, k, seen)


def rank(s: Sentence, raw: Raw) -> bool:
    """A list item ("7- ستقوم …") or, in a match report, a minute in parentheses ("… للمرمى (60).")."""
    if raw.i == 0 and raw.kind == "digits" and s.text_at(raw.j) in ("-", ")", "."):
        return True
    return s.sport and raw.kind == "digits" and s.text_at(raw.i - 1) == "(" and s.text_at(raw.j) == ")" \
        and within(raw, 1, 130) and not s.is_word(raw.j + 1)


def dual(s: Sentence, raw: Raw) -> Typed:
    """A dual noun is its own counted noun: "يومين" 2 days, "جرعتين" 2 doses, "قتيلين" 2 killed."""
    lex, stem = s.lex, raw.stem
    if lex.time_units.word(stem) is not None:
        return Typed("duration", raw.noun)
    if lex.things.word(stem) is not None:
        return Typed("count", raw.noun)
    found = lex.human_nouns.word(stem)
    return Typed("people", raw.noun, counted=Counted("human", raw.noun, found or ""))


def within(raw: Raw, low: float, high: float) -> bool:
    values = [v for v in (raw.value, raw.low, raw.high) if v is not None]
    return bool(values) and all(float(v).is_integer() and low <= v <= high for v in values)


def identifier(s: Sentence, raw: Raw, k: int) -> bool:
    """ "رقم 28", "راديو 4", "القرار الأممي 2254", "آيفون 8 بلس", a bare number in quotes, a title."""
    lex, b = s.lex, s.prev(raw.i)
    if s.ends_before(lex.identifier_before, raw.i) or s.has(k, lex.identifier_after):
        return True
    if raw.kind == "digits" and b >= 1 and s.tokens[b].norm.startswith("ال") \
            and lex.identifier_before.ending(s.forms, b - 1):
        return True  # "القرار الأممي 2254"
    quoted = s.text_at(raw.i - 1) in QUOTES | {"«"} and s.text_at(raw.j) in QUOTES | {"»"}
    if quoted and raw.kind in ("digits", "words"):
        return True
    return raw.kind == "words" and s.text_at(raw.i - 1) in OPEN_MARKS and s.has(raw.i - 2, lex.title_before)


def year(s: Sentence, raw: Raw) -> bool:
    """ "عام 2016", "2014م", "1436هـ", "أكتوبر 2012", "(تشرين الأول) 2012", "بين عامي 1982 و1983"."""
    lex = s.lex
    if raw.multiplied or not within(raw, 0, 2100) or any(mark in s.text_at(t) for t in range(raw.i, raw.j) for mark in ",."):
        return False
    if s.ends_before(lex.year_before, raw.i, 2) and not lex.time_units.at(s.forms, s.next(raw.j)):
        return True  # "عام 2016", "عام 94"
    if not within(raw, 600, 2100):
        return False
    suffix = s.tok(raw.j)
    if suffix is not None and suffix.kind == "word" and suffix.norm in lex.era_suffixes:
        return True
    b = s.prev(raw.i)
    if s.text_at(b) == ")":
        b -= 1
    return bool(lex.months.ending(s.forms, b))


def age(s: Sentence, raw: Raw, k: int) -> Typed | None:
    """ "(35 عاما)", "يبلغ من العمر 29 عاما", "في الأربعين من العمر", "الـ15 والـ16 من عمرهما", "49 ربيعا"."""
    lex = s.lex
    after = k
    while after < min(k + 6, len(s.tokens)) and (s.owner[after] >= 0 or s.tokens[after].norm in ("و", "وال", "ال")):
        after += 1
    if lex.age_after.at(s.forms, after):
        return Typed("age")
    if raw.kind == "words" and s.text_at(raw.i - 1) == "في" and s.tokens[raw.i].norm.startswith("ال") \
            and within(raw, 20, 90) and raw.value % 10 == 0 and (not s.is_word(k) or s.has(k, lex.function_words)):
        return Typed("age")  # "مصففة شعر في السبعين": in her seventies
    if not s.has(k, lex.age_units):
        return None
    paren = s.text_at(raw.i - 1) == "(" or ")" in (s.text_at(raw.j), s.text_at(k + 1))
    if s.has(k, lex.age_only_units) or paren or s.ends_before(lex.age_before, raw.i, 3):
        return Typed("age", k)
    return None


def unit(s: Sentence, raw: Raw, k: int, seen: Seen) -> Typed | None:
    """A duration, money, a measure, a magnitude, a ratio or a capacity, from the words after the number."""
    lex = s.lex
    at = k + 1 if raw.kind == "vague" and s.tok(k) is not None and s.tokens[k].norm == "من" else k
    if raw.kind != "vague" and lex.time_units.at(s.forms, at):
        return Typed("duration", at)
    if raw.kind == "words" and lex.time_units.ending(s.forms, raw.i - 1) and (raw.value or 0) <= 2:
        return Typed("duration", raw.i - 1)  # "الليلة الواحدة"
    if hit := lex.currencies.at(s.forms, at):
        return Typed("money", at, currency(s, at + hit[0], hit[1]))
    if hit := lex.measure_units.at(s.forms, at):
        return Typed("measure", at, hit[1])
    if lex.magnitude_after.at(s.forms, k) or (s.quake and s.ends_before(lex.magnitude_before, raw.i)):
        return Typed("magnitude")
    if lex.ratio_words.at(s.forms, k):
        return Typed("other", k)
    if raw.multiplied and seen.money and (not s.is_word(k) or s.tokens[k].forms[0] in lex.function_words):
        return Typed("money", -1, seen.money.unit)  # "50 مليون دولار … وليس 34 مليونا"
    return None


def currency(s: Sentence, k: int, entry: tuple[str, dict[str, str]]) -> str:
    """The currency code: the word's own, or the one an adjective after it names ("دولار كندي" → CAD)."""
    code, adjectives = entry
    if k < len(s.tokens):
        return next((adjectives[f] for f in s.forms[k] if f in adjectives), code)
    return code
