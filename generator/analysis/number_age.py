"""Ages: "(35 عاما)", "/42 عاما/", "«23 عامًا»", "يبلغ من العمر 29 عاما", "في الأربعين من العمر", "الـ15 والـ16
من عمرهما", "49 ربيعا"; with a word for age a few words before, any unit of time or none ("ألا يقل عمره عند
الاقتراع عن 18 سنة", "عن عمر 43 عاما وثلاثة أيام", "في سن الـ15", "تحت ال 18"); a comparison ("ممن هم أكبر
من 15 عاما"), the age at death ("توفي في مارس عن 76 عاما"), the parts of an age ("45 عاما و161 يوما") and a
decade of life ("في السبعين", "في بدايات العشرين").
"""

from __future__ import annotations

from dataclasses import dataclass

from .number_people import definite
from .number_scan import Seen, Sentence
from .number_spans import Raw

_OPEN = {"(": ")", "/": "/", "«": "»", "\"": "\"", "“": "”"}
_COMMAS = frozenset({",", "،"})
_DEATH_REACH = 12  # how far before "عن" a death is looked for, in tokens
_LIST = 8  # how many numbers back the start of a list of ages is looked for


@dataclass(frozen=True)
class Age:
    """An age, and the token of its unit (-1: none)."""

    unit: int = -1


def age(s: Sentence, raw: Raw, k: int, seen: Seen) -> Age | None:
    """An age, from the words around the number; k is the token right after it."""
    lex = s.lex
    after = k
    while after < min(k + 6, len(s.tokens)) and (s.owner[after] >= 0 or s.tokens[after].norm in ("و", "وال", "ال")):
        after += 1
    if lex.age_after.at(s.forms, after) or decade_of_life(s, raw, k):
        return Age()
    k = _unit_after_list(s, k, after)
    unit = lex.time_units.at(s.forms, k) is not None
    if (unit or _bare(s, k)) and said(s, _list_start(s, raw), unit):
        return Age(k if unit else -1)
    if unit and seen.last is not None and seen.last.type == "age" and s.joined(raw.i):
        return Age(k)  # "45 عاما و161 يوما"
    if not s.has(k, lex.age_units):
        return None
    if s.has(k, lex.age_only_units) or delimited(s, raw, k) or s.ends_before(lex.age_before, raw.i, 3) \
            or s.ends_before(lex.age_comparisons, raw.i, 1) or at_death(s, raw):
        return Age(k)
    return None


def _unit_after_list(s: Sentence, k: int, after: int) -> int:
    """ "أعمارهن 19 و32 و44 سنة": for a number that a list of numbers follows, the unit of age after the list."""
    listed = s.text_at(k) == "و" and k + 1 < len(s.tokens) and s.owner[k + 1] >= 0
    if listed and after < len(s.tokens) and s.lex.age_units.intersection(s.forms[after]):
        return after
    return k


def said(s: Sentence, i: int, unit: bool) -> bool:
    """A word for age in the four words before the number at i ("عمره عند الاقتراع عن"); with no unit, right
    before ("سن الـ15", "تحت ال 18")."""
    if not unit:
        return s.ends_before(s.lex.age_bare_before, i, 1) is not None and s.raws[s.owner[i]].value is not None \
            and s.raws[s.owner[i]].value < 100
    return s.ends_before(s.lex.age_words, i, 4) is not None and not s.ends_before(s.lex.duration_before, i, 1)


def _list_start(s: Sentence, raw: Raw) -> int:
    """The first token of the list of numbers joined by و or commas this number ends ("19 و32 و44"), at most
    _LIST numbers back."""
    i = raw.i
    for _ in range(_LIST):
        if i < 2 or s.tokens[i - 1].norm not in ("و", "،", ",") or s.owner[i - 2] < 0:
            break
        i = s.raws[s.owner[i - 2]].i
    return i


def _bare(s: Sentence, k: int) -> bool:
    """Nothing counted after the number: the end, a mark, a particle."""
    return not s.is_word(k) or s.has(k, s.lex.function_words) or s.boundary(k)


def delimited(s: Sentence, raw: Raw, k: int) -> bool:
    """Between parentheses, slashes or quotes, as an age is put after a name: "ساجدة عبد الحسن / 42عاما/"; or
    set off by commas right after a name ("الزفزافي، 39 عاما، في مايو": the comma closes the unit too)."""
    opening = s.text_at(raw.i - 1)
    if opening == "(" or ")" in (s.text_at(raw.j), s.text_at(k + 1)):
        return True
    if opening in _COMMAS and s.text_at(k + 1) in _COMMAS and raw.kind == "digits":
        named = s.tok(raw.i - 2)
        return named is not None and named.kind == "word" and not s.has(raw.i - 2, s.lex.function_words) \
            and s.owner[raw.i - 2] < 0
    return opening in _OPEN and _OPEN[opening] in (s.text_at(k + 1), s.text_at(raw.j))


def at_death(s: Sentence, raw: Raw) -> bool:
    """ "عن 76 عاما" in the clause of a death ("وتوفي هوكينغ، أشهر عالم فيزياء في العالم، في مارس عن 76 عاما")."""
    b = s.prev(raw.i)
    if b < 0 or s.tokens[b].norm != "عن":
        return False
    for k in range(b - 1, max(b - _DEATH_REACH, -1), -1):
        if (s.boundary(k) and s.text_at(k) not in ",،") or s.owner[k] >= 0:
            return False
        if s.lex.death_words.ending(s.forms, k):
            return True
    return False


def decade_of_life(s: Sentence, raw: Raw, k: int) -> bool:
    """ "مصففة شعر في السبعين" (in her seventies; nothing counted after), "في بدايات العشرين": a definite ten."""
    if raw.kind != "words" or not definite(s, raw.i) or not within_tens(raw):
        return False
    b = s.prev(raw.i)
    return (s.text_at(raw.i - 1) == "في" and _bare(s, k)) or (b >= 0 and s.has(b, s.lex.age_groups))


def within_tens(raw: Raw) -> bool:
    return raw.value is not None and 20 <= raw.value <= 90 and raw.value % 10 == 0
