"""People a number counts without a noun of its own, referred to by the words around it:

- a part of a count of people ("189 راكبا، من بينهم 33 …", "21 عضوا منهم 14 بالانتخاب");
- a number in parentheses after a noun for people ("60 في المئة من السكان (17 مليون)");
- a count of people named before it ("بلغ عدد مستخدمي التطبيق حوالي 1.2 مليار", "ارتفع عدد العاطلين …
  بمقدار 88 ألفا", "تجاوز التعداد السكاني العالمي عتبة 7 مليارات");
- "الملايين", "الآلاف" used as a noun ("فقر الملايين", "لا يتلقى الملايين فيه التعليم").
"""

from __future__ import annotations

from .number_people import Counted, definite, noun_kind
from .number_scan import Seen, Sentence
from .number_spans import Raw

_REACH = 25  # how far before a number a count of people may be named, in tokens


def referred(s: Sentence, raw: Raw, seen: Seen, noun: Counted | None) -> Counted | None:
    """The people a number with no noun (or an unknown one, after "منهم") refers to; None when it is not people."""
    if noun is not None and noun.kind != "unknown":
        return None
    if part_of_people(s, raw):
        return Counted("pronoun", s.prev(raw.i))
    if found := apposition(s, raw):
        return found  # the noun after its parentheses is not its noun
    if noun is not None:
        return None
    if year_like(raw):
        return None
    return named_count(s, raw, seen) or _as_noun(s, raw)


def year_like(raw: Raw) -> bool:
    return raw.kind == "digits" and raw.value is not None and float(raw.value).is_integer() \
        and 1900 <= raw.value <= 2100 and not raw.multiplied


def part_of_people(s: Sentence, raw: Raw) -> bool:
    """Right after "منهم", "بينهم", "أغلبهم" …: a pronoun for people (not "منها", "بما في ذلك")."""
    hit = s.ends_before(s.lex.subset_cues, raw.i, 1)
    k = s.prev(raw.i)
    return hit is not None and k >= 0 and s.tokens[k].norm.endswith(("هم", "هن"))


def apposition(s: Sentence, raw: Raw) -> Counted | None:
    """ "من السكان (17 مليون) في حاجة": in parentheses right after a noun for people, and no noun of its own
    after them (not "قروض الأسرة (34500) قرض")."""
    if s.text_at(raw.i - 1) != "(" or s.text_at(raw.j) != ")":
        return None
    if s.is_word(raw.j + 1) and not s.has(raw.j + 1, s.lex.function_words):
        return None
    found = noun_kind(s, raw.i - 2)
    return found if found is not None and found.kind == "human" else None


def named_count(s: Sentence, raw: Raw, seen: Seen) -> Counted | None:
    """A count of people named before the number in its sentence ("عدد" + a noun for people, "التعداد
    السكاني"), no clause boundary ("إن", "بينما" …) and no other count of people in between."""
    for k in range(s.prev(raw.i), max(raw.i - _REACH, 0) - 1, -1):
        tok = s.tokens[k]
        if (s.owner[k] >= 0 and seen.at(s.owner[k]) is not None and seen.at(s.owner[k]).type == "people") \
                or (tok.kind == "word" and tok.norm in s.lex.boundary_words):
            return None
        head = s.lex.count_heads.at(s.forms, k)
        if head is None or s.owner[k] >= 0:
            continue
        if head[1] == "people":
            return Counted("pronoun", k)
        found = noun_kind(s, k + head[0])
        if found is not None and found.kind in ("human", "member"):
            return found
    return None


def _as_noun(s: Sentence, raw: Raw) -> Counted | None:
    """ "الملايين", "الآلاف", "المئات" standing for people; not billions, not "بالملايين" (by millions), not
    after a verb of quantity ("تجاوزت العشرات"), not in a sentence about money."""
    if raw.kind != "vague" or raw.vague == "billions" or not definite(s, raw.i) \
            or s.tokens[raw.i].norm.startswith("بال"):
        return None
    b, lex = s.prev(raw.i), s.lex
    if b >= 0 and (s.has(b, lex.quantity_verbs) or s.has(b, lex.vague_not_people_after)
                   or lex.qualifiers[0].ending(s.forms, b)):
        return None
    if s.mentions(lex.money_words, "money words") or s.mentions(lex.currencies, "currencies"):
        return None
    return Counted("pronoun", raw.i)
