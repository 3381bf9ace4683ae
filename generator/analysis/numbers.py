"""Typed numbers of one Arabic sentence: every number gets a TYPE (people, money, year, age …) before,
for counts of people only, a category (killed, wounded …) and a group; and who says so.

How a number is written decides first (a percent sign, "14:59", "إف-16", "2-1" in a match report); then
the words right around it (a month after it, "عام" or an era suffix, an age (number_age.py) or time cue, a
unit, a currency, a rank or identifier noun before it: number_kinds.py); then the noun it counts
(number_people.py), the people it refers to without a noun ("منهم 14", "عدد المستخدمين … 1.2 مليار":
number_refs.py) and the verbs of its own clause; for people, what happened to them (number_category.py).
The Arabic knowledge is data, in number_rules.yml (number_lexicon.py); where the numbers are is
number_spans.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic import RELATIVE_PRONOUNS, ascii_digits, normalize
from ..models import Number
from .number_category import category, group
from .number_kinds import Typed, by_context, by_form, listed_with
from .number_lexicon import lexicon
from .number_people import Counted, counted, definite, nothing_counted_after
from .number_refs import referred, year_like
from .number_scan import Seen, Sentence
from .number_spans import Raw
from .number_tokens import article, parse_digits, tokenize

TYPES = ("people", "money", "percent", "year", "date", "time", "age", "duration", "measure", "magnitude", "count",
         "score", "ordinal", "identifier", "other")
CATEGORIES = ("killed", "wounded", "missing", "escaped", "recaptured", "hostages", "arrested", "detained",
              "displaced", "surrendered", "attackers", "other people")
__all__ = ["CATEGORIES", "TYPES", "Number", "claimant_of", "continues", "mentions_actor", "numbers_in", "same_source"]


@lru_cache(maxsize=16384)
def numbers_in(sentence: str) -> tuple[Number, ...]:
    """Every number in one Arabic sentence, in order, typed; counts of people with category and group.
    Cached: wire copy repeats the same sentences across a pile (the numbers are immutable)."""
    s, seen = Sentence(lexicon(), sentence), Seen()
    for raw in s.raws:
        if "nisba" in raw.notes and not s.strong_cue(raw.i, raw.j):
            seen.add(None)  # "كارداشيان": a name, unless a verb of the clause counts it
            continue
        seen.add(_number(s, raw, seen))
    return tuple(n for n in seen.numbers if n is not None)


def _number(s: Sentence, raw: Raw, seen: Seen) -> Number:
    typed = by_form(s, raw) or by_context(s, raw, seen) or _by_noun(s, raw, seen) or _fallback(s, raw, seen)
    if typed.type == "people" and not raw.multiplied and any(
            isinstance(v, float) and not v.is_integer() for v in (raw.value, raw.low, raw.high)):
        if _thousands(s, raw):  # "بـ14.500 من المصححين": thousands marked with a point (no one counts half a man)
            raw.value, raw.low, raw.high = (None if v is None else round(v * 1000) for v in (raw.value, raw.low, raw.high))
        else:
            typed = Typed("other", typed.noun)  # "(25.8) من المستجيبين": a share or an average, not a count
    if typed.type == "people" and raw.kind == "words" and raw.value == 1 and s.denied_one(raw.i, raw.j):
        typed = Typed("other", typed.noun)  # "لم تسجل حالة وفاة واحدة": not a single death, no count of one
    if typed.type == "people" and raw.multiplied and (raw.value or 0) > _EVERYONE:
        _restated(s, raw)  # "(5,712,778) مليون معتمر": the scale word restates what the digits already say
    people = typed.type == "people"
    return Number(
        start=s.tokens[raw.i].start, end=s.tokens[raw.j - 1].end, value=raw.value, low=raw.low, high=raw.high,
        vague=raw.vague, qualifier=_qualifier(s, raw), type=typed.type, unit=typed.unit,
        noun=s.text_at(typed.noun) if typed.noun >= 0 else "",
        category=category(s, raw.i, raw.j, typed.counted, seen) if people else "",
        group=group(s, raw.i, typed.counted, seen, raw.j) if people else "")


def _digits(s: Sentence, raw: Raw) -> list[str]:
    """The runs of digits the number is written with, as written."""
    return [t.text for t in s.tokens[raw.i:raw.j] if t.kind == "num"]


def _thousands(s: Sentence, raw: Raw) -> bool:
    """A number, or both ends of a range, written as 1 to 3 digits, a point and 3 digits ("14.500", "بين 1.200
    و1.500"), not a rate or an average ("معدل الخصوبة 2.375 طفل لكل امرأة")."""
    digits = _digits(s, raw)
    if len(digits) != (1 if raw.low is None else 2) or not all(
            re.fullmatch(r"\d{1,3}\.\d{3}", ascii_digits(d)) for d in digits):
        return False
    near = [t.norm for t in s.tokens[max(raw.i - 6, 0):raw.j + 5] if t.kind == "word"]
    return not any(w in s.lex.per_words for w in near)


_EVERYONE = 10**10  # more people than there are: no count of people is this large


def _restated(s: Sentence, raw: Raw) -> None:
    """A count of people written in full digits (a million or more) before مليون/مليار: the value is the
    digits' own, not the digits times the scale word."""
    digits = _digits(s, raw)
    value = parse_digits(ascii_digits(digits[0])) if digits else None
    if value is not None and 10**6 <= value <= _EVERYONE and raw.low is None:
        raw.value = value


def _by_noun(s: Sentence, raw: Raw, seen: Seen) -> Typed | None:
    """People or things, from the noun the number counts, the people it refers to (number_refs.py), or from a
    verb of killing, arresting … around it. An unknown noun is a thing unless such a verb governs the number."""
    if raw.kind == "words" and raw.value == 1 and definite(s, raw.i):
        return Typed("other")  # "سياسة الطفل الواحد", "في اليوم الواحد": "single", "per", not a count
    noun, yearish = counted(s, raw), _yearish(s, raw)
    if noun is not None and yearish and noun.kind in ("human", "unknown", "verb") and not _listed_noun(s, noun):
        noun = None  # "كأس العالم 2018 بروسيا": a year before a word that is not a listed noun
    if noun is not None and yearish and noun.kind == "pronoun" and s.has(s.prev(raw.i), s.lex.bare_year_before):
        noun = None  # "أكبر بخمس مرات من عددهم في 1960": their number in a year
    if noun is not None and noun.kind == "human" and _verdict(s, noun.token):
        return Typed("count", noun.token)  # "أصدرت المحكمة 20 حكما بإدانة متهمين": verdicts, not referees
    if noun is not None and noun.kind == "human" and _masdar_event(s, raw, noun.token, yearish):
        noun = None  # "وشهد 2022 وفاة الملكة", "يوم 15 وفاة ثلاثة أطفال": the event, not a count of it
    noun = referred(s, raw, seen, noun) or noun
    cue = s.strong_cue(raw.i, raw.j)
    if noun is not None and noun.kind == "others" and not cue and seen.people is None \
            and not s.has(s.prev(raw.i), s.lex.company_before):
        return Typed("other", noun.token)  # "صنع اثنين آخرين": two other goals (but "مع أربعة آخرين": people)
    if noun is not None and noun.kind in ("human", "member", "others", "pronoun", "verb"):
        return Typed("people", noun.token, counted=noun)
    if noun is not None and noun.kind == "thing":
        return Typed("count", noun.token)
    if noun is not None and noun.kind == "unknown" and s.has(noun.token, s.lex.case_nouns) \
            and s.mentions(s.lex.medical_context, "medical"):
        return Typed("people", noun.token, counted=noun)  # "بلغ عدد الحالات 151 حالة" in a hospital's report
    if cue and (not yearish or s.cue_ending(s.prev(raw.i))):
        return Typed("people", noun.token if noun else -1, counted=noun)
    if noun is not None and noun.kind == "unknown" and not yearish:
        return Typed("count", noun.token)
    if noun is None and raw.kind == "words" and definite(s, raw.i) and 2 <= (raw.value or 0) <= 10 \
            and nothing_counted_after(s, raw) and not s.has(raw.j, s.lex.span_ends):
        return Typed("people")  # "أدين الثلاثة بارتكاب …": the three (people); not "العشر الأواخر" (the last
        #                          ten nights of Ramadan)
    return None


_MASDARS = frozenset(normalize(w) for w in ("وفاة", "إصابة"))  # also count the dead and wounded ("45 وفاة")
_SINCE = frozenset(("منذ",))
# What may follow a masdar a year-shaped number counts: an adjective, a time, a preposition ("تسببت في 2015 إصابة خلال
# العام"); after any other word the year names when the event was ("وشهد 2022 وفاة الملكة").
_COUNTED_AFTER = frozenset(normalize(w) for w in (
    "جديدة", "واحدة", "إضافية", "أخرى", "مؤكدة", "محتملة", "مسجلة", "مبكرة", "خطيرة", "طفيفة", "بليغة", "متوسطة",
    "حرجة", "يومية", "يوميا", "سنويا", "اليوم", "أمس", "في", "من", "على", "إلى", "عن", "مع", "خلال", "منذ", "حتى",
    "بين", "داخل", "حول", "جراء", "نتيجة", "إثر", "بسبب", "لكل"))
_OF_THEM = frozenset(normalize(w) for w in ("منها", "منهم", "منهن"))


_JUDGEMENTS = frozenset(normalize(w) for w in ("حكم", "حكما"))  # a referee, or a verdict
_VERDICT_AFTER = frozenset(normalize(w) for w in (
    "ابتدائي", "ابتدائيا", "نهائي", "نهائيا", "غيابي", "غيابيا", "بات", "باتا", "حضوري", "حضوريا", "قضائي", "قضائيا",
    "إعدام", "حبس", "سجن", "بالإعدام", "بالسجن", "بالحبس", "بالجلد", "بالمؤبد", "بالبراءة", "بالأشغال", "بالغرامة",
    "بإعدام", "بإدانة", "بحبس", "بسجن", "بتغريم", "بحق", "بالإدانة", "بالعزل"))


def _verdict(s: Sentence, k: int) -> bool:
    """ "حكم" at k followed by what a court rules ("حكما بالإعدام", "حكم غيابي", "حكما بحق"): a verdict ("أحكام" is
    always one); "12 حكما للبطولة", "3 حكام من ألمانيا" are referees."""
    after = s.tok(k + 1)
    return s.tokens[k].norm in _JUDGEMENTS and after is not None and after.norm in _VERDICT_AFTER


def _masdar_event(s: Sentence, raw: Raw, k: int, yearish: bool) -> bool:
    """ "وفاة" or "إصابة" at k as the event a number does not count: followed by a count of its own ("يوم 15 وفاة
    ثلاثة أطفال", "خلال 2021 وفاة 1200 شخص"; not "120 إصابة 15 منها حرجة"); after a year-shaped number, taking
    its own complement ("وشهد 2022 وفاة الملكة", "2019 إصابة اللاعب", "وفاة لاعب شهير") or after "منذ" ("منذ 2015
    وفاة واحدة"). A quantity before the masdar otherwise counts it ("120 إصابة خطيرة", "45 وفاة للأطفال")."""
    if k < raw.j or s.tokens[k].norm not in _MASDARS:
        return False  # (a masdar before the number is its noun: "حالة وفاة واحدة")
    yearish = yearish or (raw.kind == "digits" and isinstance(raw.value, int) and 1000 <= raw.value <= 2100
                          and len(s.text_at(raw.i)) == 4)  # ("في 1882 وفاة عدد من قادة الثورة")
    if yearish and s.has(s.prev(raw.i), _SINCE):
        return True
    after = s.tok(k + 1)
    if after is None or after.kind not in ("word", "num") or _next_count(s, k + 1):
        return False  # (the end, a mark, or "و" and the next count: "120 إصابة وثلاث وفيات")
    if after.kind == "num" or after.norm in s.lex.number_words:  # ("الأحد" is Sunday, no "أحد")
        later = s.tok(k + 2)
        return later is None or later.norm not in _OF_THEM
    if after.norm == "عدد":
        return True  # "وفاة عدد من": the death of a number of them
    if not yearish:
        return False
    norm = after.norm
    return not (norm in _COUNTED_AFTER or norm.startswith(("بال", "لل")))


def _next_count(s: Sentence, j: int) -> bool:
    """ "و" and another count at j: "و120 إصابة", "وثلاث وفيات", "وحالتي وفاة" (not "والدته", whose و is its own)."""
    tok = s.tokens[j]
    if tok.norm == "و":
        return True
    if not tok.norm.startswith("و") or tok.kind != "word":
        return False
    rest = [f for f in tok.forms if f != tok.norm]
    return any(f in s.lex.number_words or f in _MASDARS or f.startswith(("حالت", "وفي", "اصاب")) for f in rest)


def _listed_noun(s: Sentence, noun: Counted) -> bool:
    """The word is in the lexicon of nouns for people (not only shaped like one)."""
    return bool(s.lex.human_nouns.at(s.bare_forms(noun.token), noun.token))


_year_like = year_like


def _yearish(s: Sentence, raw: Raw) -> bool:
    """Shaped like a year and not a quantity: "أكثر من 2000 سؤال" is not a year."""
    return year_like(raw) and not _qualifier(s, raw)


def _fallback(s: Sentence, raw: Raw, seen: Seen) -> Typed:
    """No unit, no noun, no verb: a year, a code, the type of the number it is listed with, or other."""
    last = seen.last
    digits = s.text_at(raw.i)
    if _yearish(s, raw) and digits.isdigit():
        return Typed("year")
    if raw.kind == "digits" and len(digits) == 4 and 1000 <= raw.value <= 2100 and s.has(s.prev(raw.i),
                                                                                         s.lex.bare_year_before):
        return Typed("year")  # "تبنت القانون في 1789"
    if raw.kind == "range" and all(v is not None and 1900 <= v <= 2100 for v in (raw.low, raw.high)):
        return Typed("year")
    if last is not None and last.type in ("count", "people") and s.lex.ratio_before.ending(s.forms, s.prev(raw.i)):
        return Typed(last.type)  # "13 عضوا جديدا من أصل 31": the total of the same kind
    if raw.kind == "digits" and not raw.multiplied and digits.isdigit() and len(digits) >= 5 and not _qualifier(s, raw):
        return Typed("identifier")  # a phone number, a code (but "أكثر من 15000 برقية": a quantity)
    if raw.kind == "digits" and not raw.multiplied and _after_a_name(s, raw):
        return Typed("identifier")  # "سبوتنك 1", "سكاي 1"
    if last is not None and last.type not in ("people", "other") and listed_with(s, raw):
        return Typed(last.type, -1, last.unit)
    if last is not None and last.type in ("count", "people") and s.joined(raw.i) and raw.kind == "digits":
        return Typed(last.type)  # "156 دولة …، و 117 …": the noun is not repeated
    return Typed("other")


def _after_a_name(s: Sentence, raw: Raw) -> bool:
    """A word found in no table right before a number that counts nothing: part of a name."""
    b = s.prev(raw.i)
    if b != raw.i - 1 or not s.is_word(b) or not s.text_at(raw.i).isdigit() or s.tokens[b].norm[:1] in "يت":
        return False  # "تحيل 41": a verb, not a name
    lex, forms = s.lex, s.tokens[b].forms
    words = (lex.function_words, lex.quantity_verbs, lex.boundary_words, lex.member_nouns, lex.others_words)
    if any(f in table for f in forms for table in words):
        return False
    tables = (lex.cues_before, lex.cues_after, lex.flight_cues, lex.human_nouns, lex.things, lex.qualifiers[0],
              lex.toll_phrases, lex.months, lex.year_before, lex.subset_cues, lex.coordinators, lex.time_units)
    return not any(t.ending(s.forms, b) for t in tables)


_HAL_WORDS = frozenset(normalize(w) for w in (
    "ساخرا ساخرة غاضبا غاضبة ضاحكا ضاحكة قائلا قائلة باكيا باكية صارخا هاتفا ناصحا حاسما جازما واعدا آملا داعيا "
    "متسائلا متسائلة مستغربا مستدركا متهكما متابعا معلقا").split())


def _hal(norm: str) -> bool:
    """A ḥāl of a verb of saying, normalised: م…ا of five letters or more ("مؤكدا", "موضحا", "مازحا"), or one of the
    listed فاعلا words ("ساخرا", "ضاحكة"; not a name of that shape, "تابيا")."""
    return (norm.startswith("م") and norm.endswith("ا") and len(norm) >= 5) or norm in _HAL_WORDS


def _that_follows(tokens: tuple, k: int) -> bool:
    """Whether "أن/بأن/إلى أن" follows within a dozen words, not "بعد أن", "قبل أن", "تبين أن" (another clause's: "وعلقت
    الخطوط الجوية رحلاتها بعد أن قتل 5", an adversarial review)."""
    if k + 1 < len(tokens) and tokens[k + 1].norm in ("اليه", "اليها"):
        return True  # "النتائج التي خلصت إليها هيومن رايتس ووتش": what it concluded
    for m in range(k + 1, min(k + 14, len(tokens))):
        if tokens[m].norm in ("بالقول", "قائلا", "قائله"):
            return True  # "وعلق البيت الأبيض على … بالقول"
        if tokens[m].norm in ("ان", "بان", "انه", "بانه", "انها", "بانها"):
            return tokens[m - 1].norm not in ("بعد", "قبل", "منذ", "تبين", "يبدو", "بيد", "رغم", "برغم")
    return False


_INSTITUTES = frozenset(normalize(w) for w in ("معهد", "جامعة", "كلية", "مؤسسة", "مركز", "جائزة"))  # (named after another)
# Verbs of saying only with أن after: a comment, a conclusion ("وعلق الفريق على الخسارة"), and the present tense of
# verbs that also show, confirm or add a thing ("صورا توضح الرسالة", "يؤكد مدى تشدد", "قبل أن يضيف اللاعب الهدف")
# Their present tense says so only as the sentence's first word ("وتفيد منظمة الصحة العالمية أن", "ويوضح حمادة أنه"),
# not inside a clause ("أشار الصباغ إلى أن المؤشرات تؤكد أن": الصباغ's; "يسر المؤسسة أن توضح").
_OPENING_ONLY = frozenset(normalize(w) for w in ("تفيد", "يفيد", "تؤكد", "يؤكد", "توضح", "يوضح", "يضيف", "تضيف"))
_ISSUED = frozenset(normalize(w) for w in ("نشره", "أصدره", "وزعه", "بثه", "نشرته", "أصدرته", "وزعته", "بثته"))


def _issuer(sentence: str, tokens: tuple, k: int) -> str:
    """Who issued the statement or the report named before token k: "الذي نشره X" up to a comma or "أن" (X as
    claimant_of reads it after "قال"); "" when no such clause."""
    if k + 2 >= len(tokens) or tokens[k].norm != "الذي" or tokens[k + 1].norm not in _ISSUED:
        return ""
    end = next((m for m in range(k + 2, min(k + 14, len(tokens)))
                if tokens[m].text in ("،", ",", ".", ":") or (tokens[m].forms and tokens[m].forms[0] in lexicon().that_words)),
               -1)
    if end <= k + 2:
        return ""
    words = sentence[tokens[k + 2].start:tokens[end - 1].end]
    return claimant_of("قال " + words + " إن") or words


_DECLARED = frozenset(normalize(w) for w in ("حداد", "حالة", "طوارئ", "نفير", "تعبئة", "إضراب", "استنفار", "هدنة", "وقف",
                                             "حظر", "عصيان", "تأهب", "إغلاق", "حصار"))
_NEEDS_THAT = frozenset(normalize(w) for w in ("علق", "علقت", "خلص", "خلصت")) | _OPENING_ONLY
_SIDE_WORDS = frozenset(normalize(w) for w in ("جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "ناحيته", "ناحيتها"))


def _opening(tokens: tuple, k: int) -> bool:
    """The token at k opens its sentence, or follows only "من جانبه/جهتها …،" ("ومن جانبها، تؤكد الوزارة أن")."""
    return k == 0 or (k == 3 and tokens[0].norm in ("من", "ومن") and tokens[1].norm in _SIDE_WORDS
                      and tokens[2].text in ("،", ","))
_TOTAL_HEADS = frozenset(("حصيله", "عدد", "اجمالي", "مجموع"))  # normalised: a toll or a total as a verb's subject
_MODALS = frozenset(("قد", "ربما", "يمكن", "يتوقع", "يرجح", "ترجح", "توقع", "متوقع"))  # (then "يصل إلى" is a ceiling)


def _qualifier(s: Sentence, raw: Raw) -> str:
    """ "أكثر من", "حوالي", "ما لا يقل عن" right before (past an opening bracket: "أكثر من (20)"); "على الأقل" in
    the noun phrase after."""
    end = s.prev(raw.i)
    before = s.lex.qualifiers[0].ending(s.forms, end)
    if before:
        first = s.tok(end - before[0] + 1)
        if before[1] == "up to" and first is not None and first.norm[:1] == "ل" and first.norm[1:] in first.forms:
            return ""  # "لتصل إلى 3.2 مليارات", "ليصل إلى 30": the total it comes to, no ceiling
        start = end - before[0] + 1
        if before[1] == "up to" and first is not None and first.norm[:1] in "يت" and any(
                s.tokens[k].norm.removeprefix("و") in _TOTAL_HEADS and s.text_at(k + 1) != "من"
                for k in range(max(0, start - 3), start)) \
                and not any(s.tokens[k].norm.removeprefix("و") in _MODALS for k in range(max(0, start - 4), start)):
            return ""  # "حصيلة القتلى تصل إلى 230 ألفا", "وعدد الضحايا يصل إلى 40": what a toll comes to (an analyst),
            #            not a ceiling ("ما يصل إلى خمسة ملايين" stays "up to")
        return before[1]
    if end >= 2 and s.tokens[end - 1].norm in ("عدد", "حصيله") and s.tokens[end].kind == "word" \
            and (head := s.lex.qualifiers[0].ending(s.forms, end - 2)) and head[0] <= 2 and head[1] in ("more than", "up to"):
        return head[1]  # "تجاوز عدد الضحايا 150", "لا يتجاوز عدد المصابين 20": the verb, the head and its noun before it
    for k in range(raw.j, min(raw.j + 5, len(s.tokens))):
        if s.text_at(k) in ",،" and (after := s.lex.qualifiers[1].at(s.forms, k + 1)):
            return after[1]  # "4 مقاتلين روس، على الأقل، مصرعهم": set off by commas
        if s.owner[k] >= 0 or (s.boundary(k) and s.text_at(k) != ")"):
            break
        if after := s.lex.qualifiers[1].at(s.forms, k):
            return after[1]
    return ""


def claimant_of(sentence: str) -> str:
    """Who says so: the actor named right after a reporting word ("قال المرصد", "بحسب وزارة الصحة",
    "أعلنت الوزارة") or just before it ("قوات سوريا الديمقراطية قد قالت"), else a role right after it ("وأعلن
    وزير الداخلية النمساوي", "وبحسب الإحصاءات الرسمية"), or before a headline's colon ("دراسة: …"); "" when
    none is named."""
    lex = lexicon()
    tokens = tokenize(sentence)
    forms = [t.forms for t in tokens]
    reporting = lex.reporting_words.starts(forms)  # (where a reporting word may stand: at() finds none elsewhere)
    first = True  # (the sentence's first reporting word)
    for k in reporting:
        hit = lex.reporting_words.at(forms, k)
        if not hit or (hit[0] == 1 and (not _reports(lex, tokens, forms, k) or article(tokens[k].norm))):
            continue  # (a verb never has the article: "إلى الحذر", "بالكشف" are nouns)
        told = -1  # (the end of an addressee's name)
        said = normalize(" ".join(t.text for t in tokens[k:k + hit[0]])).removeprefix("و").removeprefix("ف")
        if said in _NEEDS_THAT and not _that_follows(tokens, k) or not _opening(tokens, k) and _OPENING_ONLY.intersection(forms[k]):
            continue  # ("علّق وزير الطاقة عمله": suspended, no saying without "أن")
        speaking = said not in lex.statement_verbs  # ("دعا", "نفى", "حذر" …: a statement with an object of its own)
        if not speaking and (not first or any(forms[m] and forms[m][0] in lex.that_words for m in range(k))):
            continue  # (one inside what another says is that speaker's content: "وأوضح الصباغ أن المركز دعا الأطباء",
            #            "وبيّن الوزير أن الجيش نفى")
        first = False
        if (role := lex.roles.at(forms, k + hit[0])) and not lex.actors.at(forms, k + hit[0]) \
                and role[1] not in lex.document_roles:
            return _country(lex, tokens, forms, k + hit[0], k + hit[0] + role[0], role[1])  # an office right after
        #   the verb is its subject, before any body after it or before the verb ("وقال الرئيس في مقابلة مع وكالة
        #   فرانس برس", "وخلال زيارته مقر حلف الناتو قال الرئيس الأوكراني")
        for j in range(k + hit[0], min(k + hit[0] + 6, len(forms))):
            if forms[j] and forms[j][0] in lex.that_words or _quotation(tokens, j):
                break  # "قال إنهما من الجيش السوري": the reported clause names the army, not the one who says it
                #        (so does a quotation: 'وتابع "ما لم يتم إقناع الاتحاد الأوروبي …')
            if j == k + hit[0] and tokens[j].norm in ("عن", "لدي", "لدى"):
                break  # "وتحدث عن هجمات الجيش", "وقال لدى استقباله وفد الصليب الأحمر": about what, when; no one named
            if tokens[j].text in ("،", ",") and j + 1 < len(tokens) and tokens[j + 1].norm in RELATIVE_PRONOUNS:
                break  # "وقالت إيران، التي تدعم الحكومة السورية، إن": the aside's bodies are not who says so
            if not _according(tokens[k]) and _addressee(lex, tokens[j], forms, j):
                if own := lex.actors.at(forms, j):  # "وقال المتحدث لرويترز", "وقال لوكالة فرانس برس": to whom, not
                    told = j + own[0]  #                who ("لرويترز": the name itself; "لوكالة فرانس برس", 'لـ"رويترز"':
                else:  #                                 the name after its word or a mark)
                    told = j + 1
                    for after in (j + 1, j + 2):
                        if named := lex.actors.at(forms, after):
                            told = after + named[0]
                            break
                continue
            if j < told:
                continue
            if j > 0 and tokens[j - 1].norm in ("لدي", "لدى"):  # "المندوبة الأمريكية لدى الأمم المتحدة": where she
                told = j + ((named := lex.actors.at(forms, j)) or (1,))[0]  # serves, not who speaks
                continue
            if not speaking and _object_ahead(lex, tokens, forms, k + hit[0], j, before_body=False):
                break  # "دعا ملك الأردن عبد الله الثاني الحكومة": after a statement's subject, its object
            if (actor := lex.actors.at(forms, j)) and actor[1] in lex.media_actors and j > 0 \
                    and (tokens[j - 1].norm == "مع" or j > k + hit[0] and tokens[j].norm[:1] == "ل"):
                told = j + actor[0]  # "في مقابلة مع رويترز", "حسبما قال مسؤول لرويترز": who was told (not "وفقا
                continue  #            لرويترز": Reuters says so)
            if actor and actor[1] in _MEDIA_LABELS and not _media_stands(lex, tokens, j, j + actor[0]):
                continue  # ("وسائل إعلام تابعة لتنظيم الدولة", "مسؤول بوزارة النقل ووسائل إعلام", "…، نقلا عن الشرطة")
            if actor and j > 0 and tokens[j - 1].norm.removeprefix("و") in _INSTITUTES:
                return _as_written(tokens, j - 1, j + actor[0])  # "معهد رويترز": an institute, not the agency
            if actor:
                if not speaking and (_object_ahead(lex, tokens, forms, k + hit[0], j)
                                     or (j == k + hit[0] and not said.endswith("ت") and _feminine(tokens[j]))):
                    break  # (a body that follows other words unlinked is an object: "ودعت فرنسا الأمم المتحدة";
                    #         "وطالب الحكومة الإسرائيلية": a masculine verb before a feminine body, "طالبت")
                if actor[1] in lex.media_actors and (relayed := _relayed(lex, sentence, tokens, j + actor[0])):
                    return relayed  # "ونقلت وكالة رويترز عن مصدر أمني": the source quoted, not the medium
                if (other := _another_of_the_kind(lex, tokens, j, actor)) is not None:
                    return other
                return _inside(lex, tokens, forms, j + actor[0], actor[1]) if actor[1] in lex.inside_speakers \
                    else _country(lex, tokens, forms, j, j + actor[0], actor[1])
        for j in range(k - 1, max(k - 5, -1) if not _according(tokens[k]) else k - 1, -1):  # ("X بحسب Y": not X)
            if actor := lex.actors.ending(forms, j):
                begin = j + 1 - actor[0]
                if actor[1] in lex.media_actors and (_addressee(lex, tokens[begin], forms, begin) or begin > 0 and (
                        tokens[begin - 1].norm in ("مع", "ل", "لـ") or _addressee(lex, tokens[begin - 1], forms, begin - 1))):
                    break  # "وفي تصريح لوكالة الأناضول، قال وزير الخارجية": the medium told, before the verb
                return _country(lex, tokens, forms, begin, j + 1, actor[1])
        if k > 0 and not _according(tokens[k]) and (role := lex.roles.ending(forms, k - 1)) \
                and said.endswith(("وا", "ون")):  # a plural role right before its plural verb: "ناشطون أفادوا",
            return _country(lex, tokens, forms, k - role[0], k, role[1])  # "شهود عيان قالوا"
        if role := lex.roles.at(forms, k + hit[0]):  # (a study, statistics, a survey: after the bodies they cite)
            return _country(lex, tokens, forms, k + hit[0], k + hit[0] + role[0], role[1])
    for k in range(len(forms)):  # "حصيلة وزارة الداخلية التي تحدثت عن 5300 قتيل": the body whose toll it is
        if not lex.figure_heads.isdisjoint(forms[k]) and (hit := lex.actors.at(forms, k + 1) or lex.roles.at(forms, k + 1)):
            return _country(lex, tokens, forms, k + 1, k + 1 + hit[0], hit[1])
    head = next((k for k, t in enumerate(tokens[:4]) if t.text == ":"), -1)
    hit = lex.actors.ending(forms, head - 1) or lex.roles.ending(forms, head - 1) if head > 0 else None
    if hit and hit[0] == head:
        return hit[1]
    if head > 1 and (title := lex.office_titles.at(forms, 0)) and head > title[0] \
            and all(t.kind == "word" for t in tokens[:head]):
        return sentence[:tokens[head - 1].end]  # "عميد بلدية درنة: عدد القتلى قد يصل إلى 20 ألفاً"
    for k in reporting:  # none of the rules' actors or roles: the words themselves
        if (hit := lex.reporting_words.at(forms, k)) is None:
            continue
        said = normalize(" ".join(t.text for t in tokens[k:k + hit[0]]))
        said = said if said in lex.according_words else said.removeprefix("و").removeprefix("ف")  # ("وفقا": its و
        at = k + hit[0]  #                                                       is its own, "وبحسب", "ووفقا" a clitic)
        if said in lex.carrying_reporting and at < len(tokens) and not lex.media_words.isdisjoint(tokens[at].forms):
            via = next((m for m in range(at + 1, min(at + 8, len(tokens) - 1)) if tokens[m].norm == "عن"), -1)
            if via > 0 and all(t.kind == "word" for t in tokens[at:via]) \
                    and (quoted := _quoted_after(lex, sentence, tokens, via)):
                return quoted  # "ونقلت وكالة برس ترست أوف إنديا عن مسؤولي ولاية كيرالا قولهم إن": whom a medium the
                #                rules do not know quotes (a second analyst's review; _relayed for the ones they know)
        what = False  # (an according word, "ما" and a verb of saying: who the verb names)
        if said in lex.according_words and at + 2 < len(tokens) and tokens[at].norm in ("لما", "ما") \
                and tokens[at + 1].kind == "word":
            said, at = "قال", at + 2  # "وفقاً لما ذكرته خدمة الطوارئ الحكومية": who the verb after "ما" names
            what = lex.reporting_words.at([(re.sub("(?:ها|ه)$", "", tokens[at - 1].norm),)], 0) is not None
            #   (a verb of saying there: not "وفقا لما هو معروف")
        elif said.endswith("ما") and said in lex.according_words and at + 1 < len(tokens) \
                and lex.reporting_words.at([(re.sub("(?:ها|ه)$", "", tokens[at].norm),), *forms[at + 1:at + 3]], 0):
            said, at, what = "قال", at + 1, True  # "حسبما أوردته صحيفة ميترو البريطانية": "ما" is in the word
        if said == "نقلا عن" and k > 0 and tokens[k - 1].norm.removeprefix("و").removeprefix("ف") in lex.speaking_verbs:
            said = "قال"  # "وقال نقلا عن دائرة صحة محافظة الأنبار إن": who he cites, named as written
        named = _named(sentence, tokens, at, said in lex.according_words) if (
            said in lex.speaking_verbs or said in lex.according_words) and (
            said not in _NEEDS_THAT or _that_follows(tokens, at)) and not (not _opening(tokens, k) and _OPENING_ONLY.intersection(forms[k])) \
            else ""
        #   ("وعلق الفريق على الخسارة", "وخلص الاجتماع إلى قرارات": a comment, a conclusion, no one saying a count)
        if named and normalize(named).removeprefix("ال") in ("بيان", "تقرير") and (issuer := _issuer(sentence, tokens, at + 1)):
            named = issuer  # "وأوضح البيان الذي نشره المركز الإعلامي للمنطقة العسكرية الخامسة، أن": who issued it
        if named and normalize(named.split()[0]).removeprefix("ال") in _DECLARED:
            named = ""  # "وأعلنت حالة الطوارئ", "وأعلن الحداد": what was declared (a passive), no one saying
        if named and _opening(tokens, k) and _OPENING_ONLY.intersection(forms[k]) and _lifeless(lex, tokenize(named)[0]):
            named = ""  # "وتؤكد الصور المنشورة أن", "ويؤكد استمرار القصف أن": a thing or a deed shows, no one says
        if not named and said in lex.speaking_verbs and (before := _pluperfect_subject(lex, sentence, tokens, k, at)):
            return before  # "وكان الاتحاد التونسي (قد) أعلن أن": the subject between "كان" and the verb (a sixth review)
        if (what or said in lex.according_words and at < len(tokens) and _may_be_named(lex, tokens[at])) and not named \
                and (bare := _closed_name(sentence, tokens, at)):
            return bare  # "وطبقا لما يقوله فيسبوك، فإن": a bare name that the phrase's comma closes (a sixth review)
        if named and (headed := _headed_name(sentence, tokens, at)) and headed.startswith(named):
            named = headed  # 'وذكرت وكالة أنباء "برس ترست أوف إنديا" أن': the kind stopped at the mark, the name after it
        head = normalize(named.split()[0]) if named else ""
        head = "ال" + head[2:] if head.startswith("لل") else head.removeprefix("ل")  # ("وفقاً للاتحاد": ل + ال)
        if named and (said in lex.speaking_verbs or head in lex.according_sources):
            if said in lex.according_words and named.startswith("لل"):
                named = "ال" + named[2:]  # "للاتحاد الدولي للاتصالات" → "الاتحاد الدولي للاتصالات"
            elif said in lex.according_words and named.startswith("ل") and head in lex.according_sources:
                named = named[1:]
            return named  # "بحسب صحيفة ميترو البريطانية", "وحسب المنظمة الدولية" (not "حسب فئة السرطان")
        if (said in lex.speaking_verbs or said in lex.continuation_verbs) and (bare := _bare_name(sentence, tokens, at)
                                                                              or _headed_name(sentence, tokens, at)):
            return bare  # "وأضاف أصلان أنه …", "وقال ترامب إن …", 'وقالت شبكة "فيسبوك"
    for k in reporting:  # no one named at all: unnamed officials, when they say so
        hit = lex.reporting_words.at(forms, k)
        verb = normalize(" ".join(t.text for t in tokens[k:k + hit[0]])) if hit else ""
        according = verb in lex.according_words or verb.removeprefix("و") in lex.according_words
        if hit and k + hit[0] < len(tokens) and (
                tokens[k + hit[0]].norm in lex.unnamed_officials
                or according and tokens[k + hit[0]].norm.removeprefix("ل") in lex.unnamed_officials) \
                and (verb.removeprefix("و").removeprefix("ف") in lex.speaking_verbs or according):
            return _officials_of(lex, tokens, k + hit[0] + 1)  # "قال مسؤول إن", "حسبما أعلن مسؤولون" (an analyst:
            #                                                      shown as the outlet's own), "بحسب مسؤولين"
        if hit and (trade := _trade_at(lex, tokens, k + hit[0])) and (normalize(
                " ".join(t.text for t in tokens[k:k + hit[0]])).removeprefix("و").removeprefix("ف") in lex.speaking_verbs
                                                                     or according):
            return trade  # "قال محققون إن", "وقال أحد المحللين إن", "بحسب أحد محاميهم" (an analyst's review)
    return ""


_OF_ORIGIN = frozenset(normalize(w) for w in (  # adjectives of a people or a place that name no country of the rules
    "آشوري آشورية كردي كردية أورومتوسطي أورومتوسطية وطني وطنية عربي عربية إسلامي إسلامية إقليمي إقليمية محلي محلية "
    "أوروبي أوروبية أفريقي أفريقية إفريقي إفريقية خليجي خليجية آسيوي آسيوية").split())


def _another_of_the_kind(lex, tokens: tuple, j: int, actor: tuple[int, str]) -> str | None:
    """An actor the rules name by a bare word with the article (bare_actors: "المرصد", "التحالف": SOHR, the US-led
    coalition, as the seeds' reports call them) followed by an adjective of origin with the article that no phrase
    of the rules goes on with ("المرصد الآشوري", "المفوضية الوطنية"): another body of the kind, named as written (an
    analyst: the Assyrian Observatory was shown as SOHR)."""
    if actor[0] != 1 or tokens[j].norm not in lex.bare_actors or j + 1 >= len(tokens):
        return None
    after = tokens[j + 1]
    if after.kind != "word" or not after.norm.startswith("ال"):
        return None
    bare = after.norm[2:]
    if lex.countries.word(bare) is None and lex.countries.word(bare.removesuffix("ه") + "ة") is None \
            and bare not in _OF_ORIGIN:
        return None  # (an adjective of origin or place only: "المفوضية السامية", "التحالف العسكري" stay theirs)
    return _as_written(tokens, j, j + 2)


def _trade_at(lex, tokens: tuple, j: int) -> str:
    """Speakers named by their trade at j, or after "أحد" there ("محققون", "أحد المحللين"): their label, else ""."""
    if j < len(tokens) and tokens[j].norm == "احد":
        j += 1
    return lex.unnamed_trades.get(tokens[j].norm, "") if j < len(tokens) and tokens[j].kind == "word" else ""


def _officials_of(lex, tokens: tuple, j: int) -> str:
    """Unnamed officials, with their country when its adjective follows them ("مسؤولون أمريكيون", "مسؤول إيراني
    كبير"): "officials (United States)"."""
    if j < len(tokens) and tokens[j].kind == "word":
        norm = tokens[j].norm
        for form in (norm, norm[:-2] if norm.endswith(("يون", "يين")) else ""):  # (a plural: "أمريكيون" → "أمريكي")
            if form and (country := lex.countries.at([(form,)], 0)) is not None:
                return f"officials ({country[1]})"
        if norm in lex.nationality_plurals:
            return f"officials ({lex.nationality_plurals[norm]})"  # a broken plural: "مسؤولون أتراك"
    return "officials"


def _common_word(lex, tok) -> bool:
    """A word that names no one (an adversarial review of _bare_name): a noun for people of the rules ("ضابط",
    "طبيب", "امرأة", "دبلوماسي", "مسؤولان"), a group's word ("جنود"), a number word ("ثلاثة"), a word with a pronoun
    ("شقيقه", "غيره", "لأنصاره"; not "عبدالله"), or a ḥāl of the verb ("مؤكدا", "موضحا", "مشددا": م…ا, five letters or
    more)."""
    norm, text = tok.norm, tok.text.rstrip("ًٌٍَُِّْ")
    return bool(lex.human_nouns.at([tok.forms], 0) or lex.groups.at([tok.forms], 0)) or norm in lex.number_words \
        or (text.endswith(("ه", "ها", "هم", "هن", "هما")) and len(norm) > 3 and not norm.endswith("الله")) \
        or _hal(norm)


_ASIDE_TIMES = frozenset(normalize(w) for w in ("اليوم", "أمس", "امس", "الليلة", "مساء", "صباح", "ليل", "فجر", "يوم",
                                                 "الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                                 "الجمعة", "السبت"))


def _told(lex, tok) -> bool:
    """A word that is "to" a medium or a body the rules name ("لرويترز", "لوكالة", "لسانا"): who is told, after a
    verb of saying, never a speaker's name (wider than _addressee, which takes media only)."""
    return tok.norm.startswith("ل") and (tok.norm[1:] in lex.media_words or lex.actors.at([(tok.norm[1:],)], 0) is not None)


def _past_aside(lex, tokens: tuple, k: int) -> int:
    """Where "أن" may stand after a speaker's name: past the day and the medium told that wire copy sets between
    them ("وقال ترامب الثلاثاء إن", "وقال ترامب، الثلاثاء، إن", "وقال أصلان لرويترز إن", "وقال أصلان في بيان إن"), at
    most four tokens; k itself when none stands there."""
    j = k
    while j < len(tokens) and j < k + 8:
        tok = tokens[j]
        if tok.text in ("،", ","):
            j += 1
        elif tok.kind == "word" and (tok.norm in _ASIDE_TIMES or _told(lex, tok) or _hal(tok.norm)):
            j += 1  # (the day, the medium told, or a ḥāl: "قال رونار مازحا:")
        elif tok.norm == "في" and j + 1 < len(tokens) and tokens[j + 1].norm.removeprefix("ال") in _STATEMENT_NOUNS:
            #   ("في بيان", "في المقابلة")
            j += 2
            if j < len(tokens) and tokens[j].norm in ("له", "لها", "لهم", "صحفي", "صحافي", "متلفز", "مشترك"):
                j += 1  # ("في تصريح لها", "في مؤتمر صحفي")
        elif tok.norm == "في" and j + 2 < len(tokens) and tokens[j + 1].norm == "وقت" \
                and tokens[j + 2].norm in ("سابق", "لاحق", "متاخر"):
            j += 3  # ("في وقت سابق")
        else:
            break
    return j if j < len(tokens) and (tokens[j].forms and tokens[j].forms[0] in lex.that_words
                                     or (j > k and tokens[j].text == ":")) else k


_NAMED_HEADS = frozenset(normalize(w) for w in ("شبكة", "شركة", "موقع", "منصة", "صحيفة", "وكالة", "مجلة", "قناة", "مجموعة",
                                                 "جمعية", "منظمة", "مؤسسة", "هيئة"))


def _headed_name(sentence: str, tokens: tuple, start: int) -> str:
    """A body named by its kind and its name in quotation marks right after a verb of saying ('وقالت شبكة "فيسبوك"
    الجمعة: …', 'وأعلنت شركة "أبل" أن'): the kind and the name as written, without the marks (an analyst: Facebook's
    figure was shown as the outlet's)."""
    if start + 3 >= len(tokens) or tokens[start].norm not in _NAMED_HEADS:
        return ""
    mark = start + 1
    if tokens[mark].kind == "word" and (tokens[mark].norm.removeprefix("ال") == "انباء"
                                        or tokens[mark].norm in lexicon().media_words):
        mark += 1  # ('وذكرت وكالة أنباء "برس ترست أوف إنديا" أن', 'شبكة تلفزيون "…"': a kind of two words)
    if mark + 2 >= len(tokens) or tokens[mark].text not in _QUOTE_STARTS:
        return ""
    for end in range(mark + 1, min(mark + 6, len(tokens))):
        if tokens[end].text in _QUOTE_ENDS:
            if end == mark + 1:
                return ""
            return f"{sentence[tokens[start].start:tokens[mark - 1].end]} {sentence[tokens[mark + 1].start:tokens[end - 1].end]}"
    return ""


def _bare_name(sentence: str, tokens: tuple, start: int) -> str:
    """A speaker named by one or two words with no article right after a verb of saying, "أن/إن" right after
    them ("وأضاف أصلان أنه …", "وقال ترامب إن …", "وأكد محمد عادل أن"), or in quotation marks with "أن/إن" or a colon
    after them ('وتابع "الشولي": بلغ …'; its article is the name's own then): a name, as written. Not words that are
    the verb's adverbs, pronouns, prepositions or a statement's noun ("وأضاف أيضا أن", "وقال في بيان إن", "وقال
    لرويترز إن": to whom), nor a generic speaker ("قال مسؤول إن", "قال محللون إن", "قال خبراء إن": unnamed, a
    masculine plural or a broken plural in اء)."""
    lex = lexicon()
    quoted = start < len(tokens) and tokens[start].text in _QUOTE_STARTS  # ('وتابع "الشولي": بلغ …': a name in marks)
    first = start + 1 if quoted else start
    for end in (first + 1,) if quoted else (first + 1, first + 2):  # (one word in marks: two may be a quotation)
        after = _past_aside(lex, tokens, end + 1 if quoted else end)  # ("وقال ترامب، الثلاثاء، إن", "لرويترز")
        if quoted and (end >= len(tokens) or tokens[end].text not in _QUOTE_ENDS):
            continue
        if after >= len(tokens) or not (tokens[after].forms and tokens[after].forms[0] in lex.that_words
                                        or tokens[after].text == ":"):
            continue  # ("وتابع "الشولي": …", "قال رونار مازحا: …")
        words = tokens[first:end]
        if len(words) == 2 and words[0].text in ("آل", "وآل") and words[1].kind == "word" and _name_word(lex, words[1]) \
                and (quoted or after > end or tokens[end].start - words[-1].end <= 2):
            return sentence[words[0].start:words[-1].end]  # a family's name: "وأشار آل فهيد بأن", "وقال آل الشيخ"
        if all(t.kind == "word" and (quoted or not t.glued) and len(t.norm) > 2
               and (quoted or not t.norm.startswith(("ال", "لل", "وال", "بال")))
               and t.norm not in lex.not_names and t.norm not in lex.named_stops and t.norm not in lex.not_speakers
               and t.norm not in lex.function_words and lex.speaker_nouns.isdisjoint(t.forms)
               and not t.norm.endswith(("ون", "يين")) and not (len(t.norm) > 4 and t.norm.endswith("اء"))
               and not (len(t.norm) > 5 and t.norm.endswith("ين"))  # ("محللين"; not "بوتين", "ياسين")
               and not _common_word(lex, t)
               and not (t.norm.startswith("ل") and lex.countries.word(t.norm[1:]) is not None)  # ("زعم لأوروبا بأنها")
               and lex.reporting_words.at([t.forms], 0) is None and lex.roles.at([t.forms], 0) is None
               and not _told(lex, t)
               for t in words) and (quoted or after > end or tokens[end].start - words[-1].end <= 2):
            return sentence[words[0].start:words[-1].end]
    return ""


_OFFICIAL = frozenset(("الرسميه", "الرسمي", "الحكوميه", "الحكومي"))  # after a medium's name: "وكالة الأنباء الرسمية"
_CLOSING = frozenset(")»\"”'")


def _relayed(lex, sentence: str, tokens: tuple, end: int) -> str:
    """Whom a medium that says so quotes: "عن" (or "نقلا عن") right after its name, a short name in brackets,
    a closing quotation mark or "الرسمية" between ("ونقلت وكالة رويترز عن مصدر أمني", "وذكرت سانا نقلا عن الشرطة",
    "ونقلت وكالة الأنباء السورية (سانا) عن مصدر عسكري"): who would say so if the words after "عن" followed "قال"
    (a body, an office, a named speaker: "عن المتحدث باسم شرطة المنطقة", "عن نافارو قوله"), not another
    medium and not unnamed "sources" or a trade alone ("عن محللين": the medium that quotes them stands): the one
    who says so, not the one who carries it (an analyst's review: "Reuters" was shown for a ministry's toll)."""
    j = end
    while j < len(tokens) and j < end + 4:
        if tokens[j].text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")":
            j += 3  # "(سانا)"
        elif tokens[j].text in _CLOSING or tokens[j].norm in _OFFICIAL:  # ("(سانا) عن", '"رويترز" عن')
            j += 1
        elif tokens[j].kind == "word" and lex.countries.at([tokens[j].forms], 0) is not None:
            j += 1  # "ونقلت وسائل إعلام أمريكية عن الشركة": the media's country
        else:
            break
    if j < len(tokens) and tokens[j].norm == "نقلا":
        j += 1
    if j + 1 >= len(tokens) or tokens[j].norm != "عن":
        return ""
    found = _quoted_after(lex, sentence, tokens, j)
    return "" if found.split(" (")[0] in lex.media_actors else found


def _quoted_after(lex, sentence: str, tokens: tuple, via: int) -> str:
    """Who is quoted after "عن" at `via`, as if the words after it followed "قال": not unnamed "sources" or a trade
    alone (the medium that quotes them stands)."""
    found = claimant_of("قال " + sentence[tokens[via + 1].start:])
    return "" if found == "sources" or found in lex.unnamed_trades.values() else found


_SAME_SOURCE = re.compile(r"(?<!\S)[وف]?(?:ال)?(?:مصدر|مصادر)\s+(?:نفسه|ذاته|نفسها|ذاتها)(?!\S)"
                          r"|(?<!\S)(?:نفس|ذات)\s+(?:ال)?(?:مصدر|مصادر)(?!\S)")


def same_source(sentence: str) -> bool:
    """Whether the sentence's speaker is "the same source" ("وأفاد المصدر نفسه", "بحسب المصادر ذاتها", "نفس المصدر"),
    or one named before it by a word alone ("وقال المسؤول إن", "وأضافت الوزارة أن", "وأوضح المتحدث أن":
    anaphoric_heads, right after the verb of saying that opens the sentence, nothing of its own after it): the last
    speaker named before it, not generic sources (an analyst's review: SOHR's figures shown as "sources")."""
    head = normalize(sentence)[:160]
    if "مصدر" in head or "مصادر" in head:  # (what _SAME_SOURCE needs; most sentences have neither: not searched)
        if _SAME_SOURCE.search(head) is not None:
            return True
    lex = lexicon()
    tokens = tokenize(sentence)
    verb = _opening_verb(tokens)
    return len(tokens) > 2 and (verb in lex.continuation_verbs or verb in lex.speaking_verbs
                                or verb in lex.statement_verbs) and tokens[1].norm in lex.anaphoric_heads \
        and (tokens[2].norm in lex.continuation_links or tokens[2].kind == "punct" or tokens[2].norm == "في")


# The outlet's own background formulas ("ويذكر أن", "والجدير بالذكر أن", "يشار إلى أن", "تجدر الإشارة إلى أن"): what
# follows is the outlet's, not the last speaker's (an analyst: "ويذكر أن الاجتماع تضمن قرابة 20 من قيادات …" was
# credited to the attendees quoted before).
_OUTLET_ASIDE = re.compile(r"\s*[«\"]?\s*[وف]?(?:ي[ُ]?ذ[ْ]?ك[َ]?ر[ُ]?\s+(?:أن|ان|أنه|انه|أنها|انها)|(?:من\s+)?ال?جدير\s+بالذكر|"
                           r"ي[ُ]?شار\s+إلى|يشار\s+الى|تجدر\s+الإشارة|تجدر\s+الاشارة)(?!\S)")


def outlet_aside(sentence: str) -> bool:
    """Whether the sentence opens with the outlet's own background formula (_OUTLET_ASIDE)."""
    return _OUTLET_ASIDE.match(sentence) is not None


def unnamed_speaker(sentence: str) -> bool:
    """Whether the sentence has a speaker of its own that the rules name no one for: a verb of saying with an
    unnamed speaker right after it ("كما أعلن مسؤولون أمنيون عراقيون …", "وقال مسؤول إن"; claimant_of gives ""
    for them): its counts are not the last named speaker's (an analyst: a toll "announced by Iraqi and Kurdish
    security officials" was shown as the previous sentence's speaker's)."""
    lex = lexicon()
    tokens = tokenize(sentence)
    forms = [t.forms for t in tokens]
    if lex.reporting_words.absent(forms):
        return False
    first_number = next((k for k, t in enumerate(tokens) if t.kind == "num"), len(tokens))  # (its counts' speaker:
    for k in range(min(len(tokens) - 1, first_number)):  # "وأكدت أن 20 أصيبوا، كما قال مسؤول إن …" stays hers)
        hit = lex.reporting_words.at(forms, k)
        if hit and k + hit[0] < len(tokens) and not article(tokens[k].norm) \
                and normalize(" ".join(t.text for t in tokens[k:k + hit[0]])).removeprefix("و").removeprefix("ف") \
                in lex.speaking_verbs and not lex.speaker_nouns.isdisjoint(forms[k + hit[0]]) \
                and not article(tokens[k + hit[0]].norm):  # ("وقال المسؤول": the one named before, same_source)
            return True
    return False


def _opening_verb(tokens: tuple) -> str:
    """The sentence's first word, normalised, without a و or ف before it ("" when it opens with no word)."""
    if not tokens or tokens[0].kind != "word":
        return ""
    norm = tokens[0].norm
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm


def _past_statement(tokens: tuple, k: int) -> int:
    """The token after a statement's aside at k ("في مؤتمر صحافي في فيينا،", "في بيان له،", "خلال مؤتمر صحفي"): "في"
    or "خلال" and a statement's noun (_STATEMENT_NOUNS), up to five words more and a comma; k itself when there is
    none."""
    if k + 1 >= len(tokens) or tokens[k].norm not in ("في", "خلال") \
            or tokens[k + 1].norm.removeprefix("ال") not in _STATEMENT_NOUNS:
        return k
    for m in range(k + 2, min(k + 8, len(tokens))):
        if tokens[m].text in ("،", ","):
            return m + 1 if m + 1 < len(tokens) else k
        if tokens[m].forms and tokens[m].forms[0] in lexicon().that_words:
            return m
    return k


def continues(sentence: str) -> bool:
    """Whether a sentence opens with a verb of saying and no subject ("وأضاف أن …", "وأشار إلى أن …", 'وتابع: "…"',
    "وقالت إن …"): it goes on with the last speaker named before it (continuation_verbs, continuation_links, or a
    quotation)."""
    tokens = tokenize(sentence)
    if len(tokens) < 2 or _opening_verb(tokens) not in lexicon().continuation_verbs:
        return False
    at = _past_statement(tokens, 1)  # ("وتابع في مؤتمر صحافي في فيينا، أن": where it was said, then what)
    return tokens[at].norm in lexicon().continuation_links or _quotation(tokens, at)  # (not a name in quotation
    #                                                                                  marks: 'وأفاد "الحربي" بأنه')


def _reports(lex, tokens: tuple, forms: list, k: int) -> bool:
    """A reporting word that also carries or moves (carrying_reporting: "نقل") reports only with "عن", a that-word
    or "قول" after it in its clause ("ونقلت رويترز عن مصادر"; not "وأصبح نقل السكان مألوفا")."""
    if not lex.carrying_reporting.intersection(forms[k]):
        return True
    for j in range(k + 1, min(k + 12, len(tokens))):
        if tokens[j].kind == "punct" and tokens[j].text in ".!?؟:;":
            return False
        if tokens[j].norm == "عن" and j + 1 < len(tokens) and tokens[j + 1].norm == "طريق":
            continue  # "نقلت الشركة البضائع عن طريق البحر": carried by way of, not quoted from
        if tokens[j].norm in ("عن", "ان", "انه", "انها") or forms[j][0] in lex.that_words \
                or tokens[j].norm.startswith(("قول", "وقول")):
            return True
    return False


def _quotation(tokens: tuple, j: int) -> bool:
    """Whether the words quoted from token j on are what is said (a colon, or a quotation mark not closed within
    three words), not a name in quotation marks ('وفق ما نقلت "رويترز"', 'وقالت "هيومن رايتس ووتش"')."""
    if tokens[j].text == ":":
        return True
    if tokens[j].text not in _QUOTE_STARTS or (tokens[j].text == '"' and any(t.text == '"' for t in tokens[max(0, j - 4):j])):
        return False  # (a straight quotation mark after one a few words before closes a name: '"غافي" ومنظمة')
    return not any(t.text in _QUOTE_ENDS for t in tokens[j + 1:j + 5])


def _object_ahead(lex, tokens: tuple, forms: list, start: int, j: int, before_body: bool = True) -> bool:
    """Whether, after a statement's verb at `start` (one that takes an object: "دعا", "نفى", "حذر"), the words
    before token j hold a subject of their own, so that what stands at j is the object: a word with the article
    that heads no speaker's phrase ("دعا ملك الأردن … الحكومة", "نفى محامي الممثلة الأمريكية التقارير"); not
    "أعرب رئيس المفوضية الأوروبية", "حذر الأمين العام للأمم المتحدة", "شدد مسؤولون من الاتحاد الأوروبي"."""
    for m in range(start, j):
        tok = tokens[m]
        if tok.kind == "punct" and tok.text in ",،":
            return True
        if tok.kind == "word" and tok.norm.startswith("ال") and not lex.speaker_heads.intersection(forms[m]) \
                and lex.speaker_nouns.isdisjoint(forms[m]) and lex.office_titles.at(forms, m) is None:
            return True
    if j == start or not before_body:
        return False
    before, body = tokens[j - 1], tokens[j]  # the body belongs to the words before it only through a link ("رئيس
    linked = body.norm.startswith("ل") or before.norm in lex.speaker_links or (  # المفوضية", "الأمين العام للأمم المتحدة",
        before.kind == "word" and not article(before.norm) and (  # "المتحدث باسم الحكومة", a head in construct,
            not lex.construct_heads.isdisjoint(forms[j - 1]) or lex.office_titles.at(forms, j - 1) is not None
            or not lex.speaker_nouns.isdisjoint(forms[j - 1])))  # "مفوض الأمم المتحدة", "فريق صندوق النقد"; not a
    #                                                         name, "ودعت فرنسا الأمم المتحدة", "وطالب غوتيريش الحكومة")
    return not linked  # else it is an object: "ودعا الرئيس وزارة الصحة", "ورحب بقرار الحكومة"


def _feminine(token) -> bool:
    """A noun in the feminine or a feminine plural ("الحكومة", "وزارة", "السلطات", "الأمم"): a verb with it as
    subject agrees ("دعت")."""
    bare = token.norm.removeprefix("و").removeprefix("ف")
    return bare.endswith(("ه", "ات")) or bare in ("الامم",)


def _addressee(lex, token, forms: list, j: int) -> bool:
    """After a verb of saying (not "وفقا لـ", "بحسب"), a medium with the preposition ل: who is told ("لرويترز",
    "لوكالة الأنباء", "لصحيفة تليغراف"), not who tells. (Not a word whose ل is its own: "لجنة", "لاعب"; not a body,
    "المتحدث الإعلامي لشرطة المنطقة", "بيان لوزارة الداخلية": "of"; not the article's لل, "للهلال الأحمر".)"""
    if token.kind != "word" or not token.norm.startswith("ل"):
        return False
    if token.norm in ("ل", "لـ") or token.norm[1:] in lex.media_words or token.norm[3:] in lex.media_words and token.norm[:3] == "لل":
        return token.norm not in ("ل", "لـ") or (j + 1 < len(forms) and (  # ("لـ رويترز", 'لـ"رويترز"': the ل apart)
            (found := lex.actors.at(forms, j + 1) or lex.actors.at(forms, j + 2)) is not None
            and found[1] in lex.media_actors))
    stripped = list(forms)  # (a medium of the rules through the form without its ل only: "لشرطة", "لمنظمة" after
    stripped[j] = tuple(f for f in forms[j] if not f.startswith("ل"))  # a speaker are "of", not "to"; "للأناضول",
    return (found := lex.actors.at(stripped, j)) is not None and found[1] in lex.media_actors  # "للتلفزيون الرسمي")


def _according(token) -> bool:
    """"بحسب", "وفقا" …: who is named after it says so, never who stands before it."""
    return token.norm in lexicon().according_words or token.norm[1:] in lexicon().according_words and token.norm[0] in "وف"


def _inside(lex, tokens: tuple, forms: list, j: int, generic: str) -> str:
    """After a generic speaker (sources, a spokesperson) ending before j: the body the rules name right after "في",
    "باسم", "داخل" … ("مصدر في التحالف الدولي": the coalition), else the generic label."""
    if j >= len(tokens):
        return generic
    if tokens[j].norm not in lex.inside_links and tokens[j].kind == "word" and not article(tokens[j].norm) \
            and j + 1 < len(tokens) and tokens[j + 1].norm in lex.inside_links:
        j += 1  # one word of who they are between: "مصدر مسؤول في الخارجية", "مسؤول كبير في وزارة الدفاع"
    body = j if tokens[j - 1].norm in lex.inside_links else j + 1 if tokens[j].norm in lex.inside_links else -1
    if body > 0 and (found := lex.actors.at(forms, body) or lex.roles.at(forms, body)) \
            and found[1] not in lex.inside_speakers:
        return _country(lex, tokens, forms, body, body + found[0], found[1])  # ("المتحدث باسم وزارة الداخلية": the
    return generic  #                                                     phrase ends with its link)


def _country(lex, tokens: tuple, forms: list, start: int, end: int, label: str) -> str:
    """A state body's or office's label (the rules' state_bodies; its words tokens[start:end]) with its country when
    the words right after it name one: its adjective ("الجيش الإسرائيلي": "the army (Israel)", "وزارة الدفاع
    التركية"), after one more word with the article at most ("الجيش العربي السوري", "وزير المالية المصري"), or, for a
    body (not an office: "قال الرئيس في تركيا" is where he spoke), "في" and its name ("وزارة الدفاع في النيجر"). An
    office's former or next holder says so ("former president (United States)", "president-elect (Brazil)"). When
    the name goes on after the adjective ("الجيش السوري الحر", "الحكومة الليبية المؤقتة"), the words as written.
    Other labels as they are."""
    if label not in lex.state_bodies or end >= len(tokens):
        return label
    if not lex.state_name_continues.isdisjoint(forms[end]) and lex.countries.at(forms, end + 1) is None:
        return _as_written(tokens, start, end + 1)  # "الجيش الحر", "الحكومة المؤقتة": a name (an adversarial review)
    found, at = None, end
    if tokens[end].norm == "في":
        at = end + 1
        found = None if label in lex.role_labels else lex.countries.at(forms, at)
    else:
        found = lex.countries.at(forms, end)
        if found is None and tokens[end].kind == "word" and tokens[end].norm.startswith("ال") \
                and tokens[end].norm not in lex.named_stops:
            at = end + 1
            found = lex.countries.at(forms, at)
            if found is not None and not lex.state_name_continues.isdisjoint(forms[end]):
                return _as_written(tokens, start, at + found[0])  # "الجيش الوطني السوري", "الجيش الوطني الليبي":
                #                                                     names
    if found is None:
        return label
    after = at + found[0]
    holder = lex.state_holders.at(forms, after) if after < len(forms) else None
    goes_on = not lex.state_name_continues.isdisjoint(forms[after]) if after < len(forms) else False
    if goes_on or (holder is not None and label not in lex.role_labels):  # (a body's "السابق" is a person's: "رئيس
        #                                      أركان الجيش الإسرائيلي السابق", a former chief, not the army: as written)
        return _as_written(tokens, start, after + 1)
    if holder is not None:
        return f"former {label} ({found[1]})" if holder[1] == "former" else f"{label}-elect ({found[1]})"
    return f"{label} ({found[1]})"


def _as_written(tokens: tuple, start: int, stop: int) -> str:
    """tokens[start:stop] as the sentence writes them (a space before each but the glued ones)."""
    return "".join((" " if k > start and not t.glued else "") + t.text for k, t in enumerate(tokens[start:stop], start))


# (The words of claimants are the rules': speaking_verbs, statement_verbs, according_words, media_words … in
#  number_rules.yml.)
_QUOTE_STARTS = frozenset('"«“„')
_QUOTE_ENDS = frozenset('"»”“')


_LONGEST_NAMED = 9  # words of a speaker's name and office at most (six without an office)


def _named(sentence: str, tokens: tuple, start: int, according: bool = False) -> str:
    """Who says so, as written, right after a reporting word when the rules name no actor or role there: up to
    six words before "أن/إن", a preposition, a day, a mark or a number ("وأوضح الناطق الإعلامي للهلال الأحمر أن …"
    → «الناطق الإعلامي للهلال الأحمر», "بحسب صحيفة ميترو البريطانية"); "" for a pronoun's verb ("قال إن"), a phrase
    with no word with the article (no name: "قال مسؤول") unless it is a title of office in construct (office_titles:
    "قال عميد بلدية درنة") or a medium's word and its name ("وذكرت صحيفة نيويورك تايمز"), or one that runs on
    (more than six words). An unnamed speaker "in" a body reads on past
    "في" (speaker_nouns: "قال مسؤول في جهاز الإسعاف")."""
    words = []
    lex = lexicon()
    comma = next((c for c in range(start + 1, min(start + 4, len(tokens))) if tokens[c].text in ("،", ",")), -1)
    if not according and comma > 0 and all(t.kind == "word" and (m == 0 or not t.norm.startswith("لل"))
                                            and not (m == 0 and t.norm.startswith(("ال", "لل")))
                                            and t.norm not in lex.not_speakers for m, t in enumerate(tokens[start:comma])):
        #   (a given name first, its family name may have the article: "حيدر العبادي")
        if found := _apposition(sentence, tokens, comma + 1):  # a name, then who it is: "قال رائد صالح، رئيس
            return found  #                                      مجموعة الخوذ البيضاء، إن", "وقال سيرغي لافروف، وزير …"
        if _set_off_to_that(lex, tokens, comma) and (
                bare := _bare_name("قال " + sentence[tokens[start].start:tokens[comma - 1].end] + " إن",
                                   tokenize("قال " + sentence[tokens[start].start:tokens[comma - 1].end] + " إن"), 1)):
            return "" if normalize(bare).removeprefix("و") in _NAMED_HEADS | _BODIES_SPEAKING else bare
            #   a name, then who they are at any length: "وقال فيتالي كليتشكو، عمدة مدينة كييف وبطل العالم ثلاث مرات
            #   في الملاكمة للوزن الثقيل، إنه" (a sixth review: shown as the outlet's); not a body's kind alone ("وذكر
            #   موقع، متخصص في …، أن")
    j = start  # (where the words stopped)
    office = 0  # (the words of an office before a body it is of: "الأمين العام" of "الأمين العام لحزب الله")
    for j in range(start, min(start + _LONGEST_NAMED + 1, len(tokens))):
        tok = tokens[j]
        bare = tok.norm[1:] if tok.norm[:1] in "وف" and len(tok.norm) > 3 else tok.norm
        if tok.norm == "في" and len(words) == 1 and words[0].norm in lex.speaker_nouns:
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is None or after.kind != "word" or not lex.time_units.absent([after.forms]) \
                    or not lex.when_words.isdisjoint(after.forms):
                return ""  # "قال مسؤول في الساعات الأولى من صباح اليوم": when, not a body (a code review)
            words.append(tok)  # "قال مسؤول في جهاز الإسعاف": an unnamed speaker in a body
            continue
        if tok.kind != "word" or tok.norm in lex.named_stops or bare in lex.named_stops or tok.text in ("على", "وعلى"):
            break  # ("على" as written: "علي" is also a name, and normalised alike)
        if not words and (tok.norm in ("ما", "كما") or tok.norm in lex.not_speakers
                          or (not according and (tok.norm.startswith("لل") or tok.norm[1:] in lex.media_words))):
            return ""  # "حسب ما أعلنت المعارضة": the reporting verb after it names who; "قال بعد إعلان النتيجة",
            #            "قال للصحفيين", "قال فيه": when, to whom or about what, and the speaker a pronoun
        if words and tok.norm.startswith("ل") and not tok.norm.startswith("لل") and not (
                (title := lex.office_titles.at([w.forms for w in words], 0)) and title[0] == len(words)
                and lex.media_words.isdisjoint({f.removeprefix("ل") for f in tok.forms}) and not _told(lex, tok)):
            break  # "وقال المتحدث لرويترز": to whom, not who (but "الأمين العام لحزب الله": whose office)
        if words and tok.norm.startswith("ل") and not tok.norm.startswith("لل") and not office:
            office = len(words)
        if len(tok.norm) == 1:
            break  # "د." (a title's abbreviation before a name)
        if tok.norm in RELATIVE_PRONOUNS or tok.norm in ("وهو", "وهي", "هو", "هي", "ال", "الـ"):
            break  # "منيف الزهيري وهو قيادي": who he is comes after his name
        words.append(tok)
    closed = j < len(tokens) and bool(tokens[j].forms) and tokens[j].forms[0] in lex.that_words  # ("أن" stopped it)
    held = closed and len(words) <= _LONGEST_NAMED and any(lex.office_titles.at([w.forms for w in words], m)
                                                            for m in range(1, 3))
    if office and len(words) > 6 and not held:
        words = words[:office]  # (the office alone when its body's name runs on: "الأمين العام لحزب الله اللبناني
        #                         المدعوم من إيران إن")
    if not words or (len(words) > 6 and not held):
        return ""  # (a name and the office it holds, up to _LONGEST_NAMED words, "أن" right after them: "وقال سليمان
        #           الحمدان رئيس الهيئة العامة للطيران المدني إن"; else a phrase that runs on)
    title = lex.office_titles.at([w.forms for w in words], 0)
    medium = len(words) > 1 and not lex.media_words.isdisjoint(words[0].forms)  # "صحيفة نيويورك تايمز", "راديو فاردا"
    if not any(w.norm.startswith(("ال", "لل")) for w in words) and not (title and len(words) > title[0]) and not medium:
        return ""  # (a title of office in construct names the speaker by what they head: "عميد بلدية درنة"; a medium
        #            by its word and its name)
    first = words[0]
    to = first.norm[:1] == "ل" and not first.norm.startswith("لل") and (first.norm[1:] in lex.media_words or (
        according and len(first.norm) > 3))
    begin = first.start + 1 if to else first.start
    return sentence[begin:words[-1].end]  # ("وفقاً لوكالة فيتش", "وفقا لبيانات الجهاز": without "to")


_WAS = frozenset(("كان", "وكان", "فكان", "كانت", "وكانت", "فكانت"))


def _pluperfect_subject(lex, sentence: str, tokens: tuple, k: int, at: int) -> str:
    """The speaker of a pluperfect that opens the sentence, between "كان" and its verb of saying at k, "أن/إن"
    after the verb ending at `at` ("وكان الاتحاد التونسي أعلن أن", "وكانت شركة كامبريدج أناليتيكا قد أكدت أن"): who
    says so as if the words followed "قال"; "" when no such frame."""
    if not tokens or tokens[0].norm not in _WAS or not 2 <= k <= 7 or at >= len(tokens) \
            or not (tokens[at].forms and tokens[at].forms[0] in lex.that_words or tokens[at].norm in ("ان", "انه", "انها")):
        return ""
    end = k - 1 if tokens[k - 1].norm == "قد" else k
    if end <= 1 or any(t.kind != "word" for t in tokens[1:end]):
        return ""
    return claimant_of("قال " + sentence[tokens[1].start:tokens[end - 1].end] + " إن")


_BODIES_SPEAKING = frozenset(normalize(w) for w in (
    "وزارة", "هيئة", "منظمة", "مركز", "جمعية", "اتحاد", "حكومة", "مجلس", "لجنة", "شركة", "مؤسسة", "وكالة", "صحيفة",
    "مجلة", "قناة", "موقع", "منصة", "شبكة", "مجموعة", "حركة", "حزب", "جماعة", "رابطة", "نقابة", "محكمة", "نيابة",
    "سلطة", "سلطات", "إدارة", "بعثة", "مفوضية", "دائرة", "مديرية", "جامعة", "معهد", "بنك", "صندوق", "برنامج"))


_EVIDENCE = frozenset(normalize(w) for w in (
    "صور", "صورة", "مؤشرات", "مؤشر", "وقائع", "بقايا", "أرقام", "بيانات", "معطيات", "نتائج", "نتيجة", "رسم", "رسوم",
    "إنفوغراف", "انفوغراف", "قانون", "قوانين", "مشاهد", "لقطات", "فيديو", "شواهد", "أدلة", "دلائل", "تجارب", "أحداث",
    "ظروف", "خرائط", "خريطة", "حقائق", "تطورات", "إحصاءات", "إحصائيات"))


def _lifeless(lex, tok) -> bool:
    """A thing or a deed at the head of a present verb of saying's subject ("وتؤكد الصور المنشورة أن", "ويؤكد
    استمرار القصف أن", "تؤكد بقايا النباتات أن"): it shows, no one says (an adversarial review)."""
    bare = {f.removeprefix("ال") for f in tok.forms}
    return not _may_speak(lex, tok) and bool(
        lex.masdars.at([tok.forms], 0) or lex.things.at([tok.forms], 0) or not _EVIDENCE.isdisjoint(bare)
        or not _EVIDENCE.isdisjoint(tok.forms)
        or any(_MASDAR_SHAPE.match(f) and f not in _SAYING_NOUNS for f in bare))


# The shapes of a verbal noun heading a construct (استفعال، تفعيل، تفاعل، افتعال، انفعال: "استمرار القصف",
# "تحليل البيانات", "تراجع الأسعار", "ارتفاع عدد", "انهيار المبنى"), normalised; not a report or a statement, which say.
_MASDAR_SHAPE = re.compile(r"^(?:است\w\wا\w|ت\w\wي\w|ت\wا\w\w|ا\wت\wا\w|ان\w\wا\w)$")
_SAYING_NOUNS = frozenset(normalize(w) for w in ("تقرير", "تصريح", "تحقيق", "تعليق", "تقييم", "تحذير", "استطلاع"))


def _may_speak(lex, tok) -> bool:
    """Whether a word can head who says something: a noun for people of the rules ("الباحثة", "مخرجة"), a speaker's
    or an office's word, or a body's ("منظمة", "وزارة"); not a thing or a deed ("الصور", "استمرار")."""
    forms = [tok.forms]
    bare = {f.removeprefix("ال") for f in tok.forms}
    return bool(lex.human_nouns.at(forms, 0) or not lex.speaker_nouns.isdisjoint(tok.forms)
                or lex.office_titles.at(forms, 0) or lex.roles.at(forms, 0) or not _BODIES_SPEAKING.isdisjoint(bare)
                or not _BODIES_SPEAKING.isdisjoint(tok.forms))


_MEDIA_LABELS = frozenset(("media", "local media"))
_AND_MEDIA = normalize("ووسائل")
_OWNED = frozenset(normalize(w) for w in ("تابعة", "التابعة", "التابعه", "تابعه"))  # (not "مقربة", "مؤيدة": close to a
#                                                                                  side is not the side)


def _media_stands(lex, tokens: tuple, j: int, end: int) -> bool:
    """The media named at tokens[j:end] say so by that label: not when someone owns them ("وسائل إعلام تابعة لتنظيم
    الدولة", "وسائل إعلام حزب الله": the owner's, or the words as written), when they are joined to a speaker named
    before them ("قال مسؤول بوزارة النقل ووسائل إعلام محلية"), or when the sentence says whom they quote later ("…،
    نقلا عن الشرطة"). (An adversarial review.)"""
    if tokens[j].norm.startswith(_AND_MEDIA):
        return False
    if any(t.norm == "نقلا" for t in tokens[end:]):
        return False
    if end < len(tokens) and tokens[end].kind == "word":
        after = tokens[end]
        if not _OWNED.isdisjoint(after.forms):
            return False
        if lex.actors.at([t.forms for t in tokens], end) or lex.groups.at([t.forms for t in tokens], end):
            return False  # (a possessor in construct: "وسائل إعلام حزب الله")
    return True


def _name_word(lex, t) -> bool:
    """A word that may be a name's: none of the words _bare_name refuses (common words, numbers, verbs …)."""
    return t.norm not in lex.not_names and t.norm not in lex.named_stops and t.norm not in lex.not_speakers \
        and t.norm not in lex.function_words and not _common_word(lex, t) and lex.reporting_words.at([t.forms], 0) is None


_STATEMENT_NOUNS = frozenset(normalize(w) for w in ("بيان", "تصريح", "تصريحات", "تغريدة", "مقابلة", "حديث", "مؤتمر"))


def _may_be_named(lex, tok) -> bool:
    """A word after an according word that may begin a name: not unnamed officials, a trade or "one of" ("وفقا
    لمسؤولين أمريكيين", "بحسب أحد محاميهم": read by their own rules)."""
    bare = tok.norm.removeprefix("ل")
    return tok.kind == "word" and bare not in lex.unnamed_officials and bare not in lex.unnamed_trades \
        and bare not in ("احد", "احدي", "بعض")  # (normalised: "أحد", "إحدى")


def _closed_name(sentence: str, tokens: tuple, at: int) -> str:
    """A speaker's bare name of one or two words at `at` that a comma or the sentence's end closes ("وطبقا لما يقوله
    فيسبوك، …"), read as after "قال" with "إن" after it (the checks of _bare_name: no common word, no article …)."""
    lex = lexicon()
    end = next((m for m in range(at + 1, at + 5) if m >= len(tokens) or tokens[m].text in ("،", ",", ".")), -1)
    if end < 0 or end == at or end > len(tokens):
        return ""
    if end - at >= 3 and tokens[end - 2].norm == "في" and tokens[end - 1].norm.removeprefix("ال") in _STATEMENT_NOUNS:
        end -= 2  # "حسبما قال ترامب في تغريدة.": the medium of the statement
    text = "قال " + sentence[tokens[at].start:tokens[end - 1].end] + " إن"
    if end - at <= 2 and (bare := _bare_name(text, tokenize(text), 1)):
        kinds = _NAMED_HEADS | _BODIES_SPEAKING | _EVIDENCE
        return "" if end - at == 1 and not kinds.isdisjoint(tokens[at].forms) else bare  # (not "صحيفة", "بيانات")
    words = tokens[at:end]  # (up to four words the phrase's comma closes: "وفقا لما أوردته مواقع تقنية متخصصة")
    if len(words) > 1 and words[0].norm not in lex.unnamed_officials and words[0].norm not in lex.unnamed_trades \
            and all(t.kind == "word" and t.norm not in lex.function_words and t.norm not in lex.not_speakers
                              and t.norm not in lex.named_stops and lex.reporting_words.at([t.forms], 0) is None
                              for t in words):
        return sentence[words[0].start:words[-1].end]
    return ""


def _set_off_to_that(lex, tokens: tuple, comma: int) -> bool:
    """The words after the comma at `comma` are set off by another comma with "أن/إن" right after it, within
    twenty tokens, no end of a sentence, colon or quotation between (the apposition of a speaker's name)."""
    for m in range(comma + 1, min(comma + 21, len(tokens) - 1)):
        if tokens[m].text in (".", ":", "؟", "?", "!", "؛", ";") or tokens[m].text in _QUOTE_STARTS:
            return False
        if tokens[m].text in ("،", ",") and m > comma + 1:
            nxt = tokens[m + 1]
            return bool(nxt.forms) and nxt.forms[0] in lex.that_words
    return False


def _apposition(sentence: str, tokens: tuple, j: int) -> str:
    """Who a name with no article is, from the words set off after it, when they name an office, a body or a role
    and end with a mark or "أن/إن" ("قال رائد صالح، رئيس مجموعة الخوذ البيضاء، إن …": the White Helmets): read as if
    they followed "قال". "" when they do not (a name alone names no one the pages can label)."""
    lex = lexicon()
    forms = [t.forms for t in tokens]
    if j >= len(tokens) or tokens[j].kind != "word" or (
            lex.office_titles.at(forms, j) is None and lex.roles.at(forms, j) is None and lex.actors.at(forms, j) is None):
        return ""
    end = next((m for m in range(j, min(j + 9, len(tokens))) if tokens[m].text in ("،", ",")
                or tokens[m].norm in ("ان", "انه", "انها")), -1)
    if end < 0:
        return ""
    return claimant_of("قال " + sentence[tokens[j].start:tokens[end - 1].end] + " إن")


def mentions_actor(sentence: str) -> bool:
    """Whether the sentence names any actor of the rules (who could say or do something)."""
    forms = [t.forms for t in tokenize(sentence)]
    actors = lexicon().actors
    return any(actors.at(forms, k) for k in actors.starts(forms))
