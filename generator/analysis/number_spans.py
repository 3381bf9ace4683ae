"""Where the numbers are in one Arabic sentence: every number expression with its value.

Digits (Western, Arabic-Indic, Persian; thousands separators and decimal points or commas), number words
in any gender or case, duals of counted nouns, multipliers, ranges, pairs ("2-1", "4×6") and vague
quantities. What each number is (its type) is decided in numbers.py. One left-to-right pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .number_lexicon import Lexicon
from .number_tokens import DASHES, PAIR_SEPARATORS, Token, article, parse_digits

FRACTIONS = {"نصف": 0.5, "ربع": 0.25}  # normalised: before a multiplier word
_TWO_AFTER = frozenset({"احدهما", "واحدهما", "كلاهما", "كليهما", "وكلاهما"})  # (normalised: "أحدهما")
_DUAL_ENDINGS = ("ان", "ين")  # every ending dual_stem reads ("تان", "تين" included)


@dataclass
class Raw:
    """A number expression found in the tokens [i, j): its value and how it was written."""

    i: int
    j: int
    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    vague: str = ""
    kind: str = "digits"  # digits | words | dual | vague | time | version | pair | ratio
    separator: str = ""  # for a pair or a range: "-", "/", "×", "إلى", "و", "أو"
    percent: bool = False
    multiplied: bool = False
    noun: int = -1  # the token of a dual's noun
    stem: str = ""  # a dual's singular ("جرعتين" → جرعه)
    notes: set[str] = field(default_factory=set)


_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”"}


def times(value: int | float, factor: int) -> int | float:
    """value × a multiplier, in decimal: "4.1 تريليون" is 4,100,000,000,000 (in binary 4,099,999,999,999.9995); whole
    results as int."""
    total = Decimal(repr(value)) * factor if isinstance(value, float) else value * factor
    return int(total) if total == int(total) else float(total)


class Finder:
    """One pass over a sentence's tokens that yields every number expression."""

    def __init__(self, lex: Lexicon, tokens: list[Token]) -> None:
        self.lex, self.tokens = lex, tokens
        self.forms = [t.forms for t in tokens]

    def word(self, k: int) -> str:
        return self.tokens[k].norm if 0 <= k < len(self.tokens) else ""

    def is_in(self, k: int, words: frozenset[str] | dict) -> bool:
        return 0 <= k < len(self.tokens) and any(f in words for f in self.tokens[k].forms)

    def word_value(self, k: int, first: bool) -> int | None:
        """The value of a number word at k; after the first word only the conjunction و may be attached."""
        if not 0 <= k < len(self.tokens) or self.tokens[k].kind != "word":
            return None
        norm = self.tokens[k].norm
        bare = norm[1:] if norm.startswith("و") and len(norm) > 2 else norm
        candidates = self.tokens[k].forms if first else (norm, bare, bare[2:] if bare.startswith("ال") else bare)
        return next((self.lex.number_words[f] for f in candidates if f in self.lex.number_words), None)

    def find(self) -> list[Raw]:
        """Every number expression, left to right, none overlapping."""
        out: list[Raw] = []
        k, dated = 0, 0
        starts = self.lex.number_starts.isdisjoint
        for start in [m for m, tok in enumerate(self.tokens) if tok.kind == "num" or tok.kind == "word" and (
                not starts(tok.forms) or tok.norm.endswith(_DUAL_ENDINGS))]:  # where a number, number word, vague
            #   quantity or dual can start (few words: the others skip the lookups; a word's forms are the word less
            #   its proclitics: they all end as it does)
            if start < k:
                continue  # (inside the number before)
            k = start
            raw = self.at(k, out)
            if raw is None:
                continue
            if "half" in raw.notes and out and out[-1].j == raw.i and out[-1].value and raw.value \
                    and out[-1].value >= 2 * raw.value:
                out[-1].j, out[-1].value = raw.j, out[-1].value + raw.value  # "مليون ونصف مليون": 1,500,000
                k = raw.j
                continue
            if dated:
                raw.notes.add("dmy")  # the month and the year of "20 - 10 - 1436هـ"
                dated -= 1
            else:
                self.extend(raw)
                dated = 2 if "dmy" in raw.notes else 0
            out.append(raw)
            k = raw.j
        return out

    def at(self, k: int, found: list[Raw]) -> Raw | None:
        tok = self.tokens[k]
        if tok.kind == "num":
            return self.digits(k)
        if tok.kind != "word":
            return None
        hit = self.lex.vague.at(self.forms, k)
        if hit and not self.is_in(k - 1, self.lex.number_words):
            return Raw(k, k + hit[0], vague=hit[1], kind="vague")
        if self.is_in(k, self.lex.zero_words) and k + 2 < len(self.tokens) and self.tokens[k + 2].kind == "num" \
                and self.tokens[k + 1].text in PAIR_SEPARATORS:
            return Raw(k, k + 1, value=0)  # "صفر-2": the first side of a score
        words = self.words(k)
        if words is not None:
            return words
        if found and found[-1].j == k and found[-1].kind == "dual":
            return None  # "جنديان إسرائيليان": the adjective agrees with the dual before it
        return self.dual(k)

    def digits(self, k: int) -> Raw:
        text = self.tokens[k].norm
        if re.fullmatch(r"\d{1,2}:\d{2}", text):
            return Raw(k, k + 1, kind="time")
        value = parse_digits(text)
        if value is None:
            return Raw(k, k + 1, kind="version")
        return self.multiply(Raw(k, k + 1, value=value))

    def multiply(self, raw: Raw) -> Raw:
        """A multiplier right after the number ("12 ألف"), and "ألف و210" after it."""
        j = raw.j
        if self.word(j) == ")" and raw.i > 0 and self.word(raw.i - 1) == "(" and raw.i + 1 == j \
                and j + 1 < len(self.tokens) and self.tokens[j + 1].kind == "word" \
                and any(f in self.lex.multipliers for f in self.forms[j + 1]):
            j += 1  # "(309) ملايين ريال": a figure in brackets, its multiplier after them (the span takes both
            raw.i -= 1  # brackets)
        factor = next((self.lex.multipliers[f] for f in self.forms[j] if f in self.lex.multipliers), None) \
            if j < len(self.tokens) and self.tokens[j].kind == "word" else None
        if factor is None or raw.value is None:
            return raw
        total = times(raw.value, factor)
        raw.j, raw.multiplied = j + 1, True
        if self.word(j + 1) == "و" and j + 2 < len(self.tokens) and self.tokens[j + 2].kind == "num":
            rest = parse_digits(self.tokens[j + 2].norm)
            smaller = next((self.lex.multipliers[f] for f in self.forms[j + 3] if f in self.lex.multipliers), 1) \
                if j + 3 < len(self.tokens) and self.tokens[j + 3].kind == "word" else 1
            if rest is not None and rest * smaller < factor and smaller < factor:
                # "44 ألف و210" = 44210, "3 ملايين و600 ألف" = 3600000; not "بين 21 ألفا و143 ألفا"
                total, raw.j = total + times(rest, smaller), j + 3 + (smaller > 1)
        elif self.word(j + 1) == "ونصف" and not self.is_in(j + 2, self.lex.multipliers):
            total, raw.j = total + factor / 2, j + 2  # "7 ملايين ونصف": and half a million
        raw.value = int(total) if float(total).is_integer() else total
        return raw

    def words(self, k: int) -> Raw | None:
        """A cardinal in words: "ثلاثة", "الأحد عشر", "ألف وخمسمئة", "ثلاثة مليارات"."""
        value = self.word_value(k, first=True)
        if value is None or self.rejected(k, value):
            return None
        if value in (1000, 1000000, 1000000000, 10**12) and (fraction := self.fraction(k - 1)) is not None:
            whole = self.words_from(k)
            halved = (whole.value or value) * fraction
            raw = Raw(k - 1, whole.j, value=int(halved) if float(halved).is_integer() else halved, kind="words")
            if self.tokens[k - 1].norm.startswith("و"):
                raw.notes.add("half")  # "ونصف مليون": with the number before it, if there is one
            return raw
        raw = self.words_from(k)
        if raw.j == k + 1 and value in (1000, 1000000, 1000000000, 10**12) and self.tokens[k].norm.endswith("ا") \
                and not article(self.tokens[k].text) and (k == 0 or self.tokens[k - 1].kind != "num") \
                and self.lex.currencies.at(self.forms, raw.j) is not None:
            raw.value = 2 * value  # "مليارا دولار", "تريليونا دولار": a dual in construct (a singular "مليارا" takes
            #                        no noun after it: "20 مليارا", "أنفقت مليارا إضافيا")
        return raw

    def fraction(self, k: int) -> float | None:
        """ "نصف" (half) or "ربع" (quarter) right before a multiplier: "نصف مليون" is 500,000."""
        if k < 0 or self.tokens[k].kind != "word":
            return None
        return next((FRACTIONS[f] for f in self.tokens[k].forms if f in FRACTIONS), None)

    def words_from(self, k: int) -> Raw:
        """The cardinal in words starting at k (its first word known to be a number word)."""
        total, part, last, j, scale = 0, 0, "", k, 0
        while j < len(self.tokens):
            v = self.word_value(j, first=j == k)
            if v is None or (j > k and self.tokens[j].kind != "word"):
                break
            size, width = self.size(j, v)
            if size == "teen":
                v += 10
            joined = j > k and self.tokens[j].norm.startswith("و") and self.tokens[j].norm not in self.lex.number_words
            if j == k:
                part = v if size != "scale" else 0
                total = v if size == "scale" else 0
            elif size == "scale" and not joined:
                total, part = total + (part or 1) * v, 0
            elif size == "hundred" and last == "unit" and not joined and v == 100:
                part *= 100
            elif joined and (last in ("hundred", "scale") or (last == "unit" and size == "ten")):
                part += v
            else:
                break
            last, j = size, j + width
            if size == "scale":
                scale = v  # the latest multiplier: "and a half" is half of its unit
        value = total + part
        unit = next((u for u in (10**12, 1000000000, 1000000, 1000) if scale and scale % u == 0), 0)  # "مليونان": a million
        if last == "scale" and unit and j < len(self.tokens) and self.tokens[j].norm == "ونصف" \
                and not (j + 1 < len(self.tokens) and self.word_value(j + 1, first=True) == unit):
            value, j = value + unit // 2, j + 1  # "مليون ونصف", "ثلاثة ملايين ونصف": and a half (of the unit)
        return Raw(k, j, value=value, kind="words")

    def size(self, j: int, v: int) -> tuple[str, int]:
        if v < 10 and self.is_in(j + 1, self.lex.teen_words):
            return "teen", 2
        if v >= 1000:
            return "scale", 1
        return ("hundred" if v >= 100 else "ten" if v >= 10 else "unit"), 1

    def rejected(self, k: int, value: int) -> bool:
        """Number words that are not numbers here: weekdays, "أحد" (one of), "واحد من", ordinals, zero."""
        forms = set(self.tokens[k].forms)
        nxt = k + 1
        if forms & self.lex.one_words and "أحد" not in self.tokens[k].text and "إحد" not in self.tokens[k].text:
            if self.tokens[k + 1:k + 2] and self.tokens[nxt].norm.startswith("و") \
                    and (self.word_value(nxt, first=False) or 0) in range(20, 100, 10):
                return False  # "واحد وعشرون", "واحدا وعشرين مليون": the units of a compound (21)
            before = self.tokens[k - 1] if k else None  # "وأحد زملائه" is not "واحد"
            return before is None or before.kind != "word" or self.is_in(k - 1, self.lex.function_words) \
                or self.lex.subset_cues.ending(self.forms, k - 1) is not None \
                or self.is_in(nxt, self.lex.one_not_before) or article(before.text) != article(self.tokens[k].text)
        if self.tokens[k].norm.startswith("و") and self.is_in(k - 1, self.lex.ordinal_words):
            return True  # "الثاني والعشرين": an ordinal
        if self.tokens[k].norm in ("تسع", "وتسع", "فتسع") and self.tokens[nxt:nxt + 1] and self.tokens[nxt].kind == "num":
            return True  # "القاعة التي تسع 450 شخصا": the verb (holds), never nine before digits
        if forms & (self.lex.weekday_words | self.lex.teen_heads) and not self.is_in(nxt, self.lex.teen_words):
            return True  # "يوم الاثنين", "أحد المعتقلين" (not "أحد عشر")
        if forms & self.lex.zero_words or (forms & self.lex.teen_words and self.is_in(k - 1, self.lex.ordinal_words)
                                           and not self.ten_thousands(nxt)):
            return True  # "صفر" outside a score, "السابع عشر" (not "في المرحلة الثانية عشرة آلاف سلة": ten thousand)
        return self.definite_ordinal(k, value)

    def ten_thousands(self, k: int) -> bool:
        """A plural multiplier at k before an indefinite noun: "عشرة آلاف سلة" after an ordinal word is ten thousand
        (not "السابعة عشرة آلاف الزوار", thousands of the visitors, nor "الخامس عشر ألف مشاهد")."""
        if k + 1 >= len(self.tokens) or self.tokens[k].norm not in ("الاف", "ملايين", "مليارات") \
                or not self.tokens[k - 1].norm.endswith("ه"):
            return False  # (the feminine "عشرة" takes a plural thousand: not "الخامس عشر آلاف")
        after = self.tokens[k + 1]
        return after.kind == "word" and not after.norm.startswith("ال") and after.norm not in ("من", "مولفه")
        #      (not "آلاف من الزوار", "آلاف مؤلفة": thousands)

    def definite_ordinal(self, k: int, value: int) -> bool:
        """ "الذكرى السبعين": a definite ten or hundred after a definite noun is an ordinal; "في المئة" a sign."""
        norm = self.tokens[k].norm
        definite = norm.startswith(("ال", "وال", "بال", "لل", "فال"))
        if not definite or value < 20 or value >= 1000:
            return False
        before = self.word(k - 1)
        if value == 100 and (before == "في" or norm.startswith("بال")):
            return True
        if value < 100 and self.tokens[k - 1].kind == "word" and self.tokens[k - 1].text.endswith(("ه", "ها", "هم")):
            return True  # "لقبه العشرين": his twentieth title
        return before.startswith("ال") and before not in self.lex.function_words

    def dual(self, k: int) -> Raw | None:
        """An indefinite dual of a counted noun: "جنديان", "قتيلين", "جرعتين", "فلسطينيان" → 2."""
        norm = self.tokens[k].norm
        if norm.startswith(("ال", "وال", "بال", "لل", "فال", "كال")):
            return None
        if self.is_in(k, self.lex.not_duals) or self.is_in(k - 1, self.lex.dual_copulas):
            return None  # a name shaped like a dual; a predicate ("فأصبحا شريكين")
        for form in self.tokens[k].forms:
            if form.startswith("ال") or self.is_word(form):
                return None
            stem = self.dual_stem(form) or (self.dual_stem(form, either=True) if self.dual_told_after(k) else "")
            if stem:
                raw = Raw(k, k + 1, value=2, kind="dual", noun=k, stem=stem.lstrip("+"))
                if stem.startswith("+"):
                    raw.notes.add("nisba")
                if self.word_value(k + 1, first=False) == 2:
                    raw.j = k + 2  # "صحافيان اثنان"
                return raw
        return None

    def is_word(self, form: str) -> bool:
        """A noun listed as it is ("بلدان", "شبان" are plurals, not duals)."""
        return form in self.lex.listed_nouns

    def dual_told_after(self, k: int) -> bool:
        """A word of two right after the noun ("إصابة مقيمين أحدهما من الجنسية الباكستانية"): an -ين that is also a
        plural ending is the dual's (a third analyst's review)."""
        return any(self.word(m) in _TWO_AFTER for m in (k + 1, k + 2))

    def dual_stem(self, form: str, either: bool = False) -> str:
        for suffix, tail in (("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", "")):
            if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                stem = form[:-len(suffix)] + tail
                plural = self.lex.dual_stems.get(stem)
                if plural is not None and (not plural or suffix in ("ان", "تان", "تين") or either):
                    return stem
                if suffix == "ان" and stem.endswith("ي") and len(stem) >= 4 and stem + "ا" not in self.lex.nisba_not_people \
                        and not (stem[0] in "يت" and len(stem) <= 4):  # "يسعيان" is a verb
                    return "+" + stem  # a nisba dual, "فلسطينيان" (marked: not from the lexicon)
        return ""

    def extend(self, raw: Raw) -> None:
        """A range or pair after the number, then a percent sign or phrase."""
        if raw.kind in ("digits", "words", "dual"):
            self.pair(raw)
        j = raw.j
        if j < len(self.tokens) and self.tokens[j].text in self.lex.percent_signs:
            raw.percent, raw.j = True, j + 1
        elif (hit := self.lex.percent_words.at(self.forms, j)) is not None:
            raw.percent, raw.j = True, j + hit[0]
        elif 0 < raw.i and j + 1 < len(self.tokens) and self.tokens[raw.i - 1].text in _QUOTE_PAIRS \
                and self.tokens[j].text == _QUOTE_PAIRS[self.tokens[raw.i - 1].text] \
                and (hit := self.lex.percent_words.at(self.forms, j + 1)) is not None:
            raw.percent, raw.j = True, j + 1 + hit[0]  # "«90» بالمائة": quoted, the phrase outside

    def pair(self, raw: Raw) -> None:
        """ "2000-4000", "2000 إلى 4000", "بين 2000 و4000", "شخصين أو ثلاثة", "2-1", "4×6", "9 من كل 10"."""
        j, lex = raw.j, self.lex
        if j >= len(self.tokens):
            return
        sep = self.tokens[j]
        between = self.between(raw.i)
        if sep.text in PAIR_SEPARATORS and self.day_month_year(j):
            raw.notes.add("dmy")  # "20 - 10 - 1436هـ": a date, written as three numbers
            return
        if sep.text in PAIR_SEPARATORS:
            width, kind = 1, "pair"
        elif any(f in lex.range_words["to"] or f in lex.range_words["or"] for f in sep.forms[:1]):
            width, kind = 1, "range"
        elif sep.norm == "و" and between:
            width, kind = 1, "range"
        elif sep.norm.startswith("و") and between and sep.kind == "word" and len(sep.norm) > 1:
            width, kind = 0, "range"  # "بين ثلاثة عشر وسبعة عشر"
        elif (hit := lex.ratio_phrases.at(self.forms, j)) is not None:
            width, kind = hit[0], "ratio"
        else:
            return
        second = self.second(j + width, kind == "pair")
        if second is None or (kind == "range" and sep.forms[0] in lex.range_words["to"] and self.change(raw, second)):
            return  # "ارتفع بنحو 507 آلاف إلى 29.265 مليون": a change and the level reached
        self.join(raw, second, kind, sep.text if kind == "pair" else sep.norm)

    def day_month_year(self, j: int) -> bool:
        """At the separator after a day: month, the same separator, then a four-digit year; or after a
        four-digit year: a month, the same separator, a day ("1436/10/17هـ")."""
        toks = self.tokens[j:j + 4]
        if not (len(toks) == 4 and toks[1].kind == "num" and toks[2].text == toks[0].text and toks[3].kind == "num"
                and len(toks[1].norm) <= 2):
            return False
        if len(toks[3].norm) == 4:
            return True
        year = self.tokens[j - 1]
        return year.kind == "num" and year.norm.isdigit() and (1300 <= int(year.norm) <= 1500 or 1900 <= int(
            year.norm) <= 2100) and toks[0].text in DASHES | {"/"} and len(toks[3].norm) <= 2 \
            and 1 <= int(toks[1].norm) <= 12 and 1 <= int(toks[3].norm) <= 31

    def change(self, raw: Raw, second: Raw) -> bool:
        """By how much, then a level far from it ("بنحو 507 آلاف إلى 29.265 مليون"; not "بنحو 1 إلى 1.5%"); from
        where after a verb of change ("قلص … من 103.9 مليون إلى 81 مليونا")."""
        table, i = self.lex.range_words["change"], raw.i
        if table.ending(self.forms, i - 1):
            return raw.value is not None and second.value is not None and second.value > 3 * raw.value
        return self.word(i - 1) == "من" and any(table.ending(self.forms, k) for k in range(max(i - 9, 0), i - 1))

    def between(self, i: int) -> bool:
        """ "بين" (or "من") one or two words before the number: "بين 2000 و4000", "بين عامي 1982 و1983"."""
        table = self.lex.range_words["between"]
        return any(table.ending(self.forms, i - back) for back in (1, 2)) or self.word(i - 1) == "من"

    def second(self, k: int, pair: bool) -> Raw | None:
        if k >= len(self.tokens):
            return None
        tok = self.tokens[k]
        if tok.kind == "num":
            value = parse_digits(tok.norm)
            return self.multiply(Raw(k, k + 1, value=value)) if value is not None else None
        if pair and set(tok.forms) & self.lex.zero_words:
            return Raw(k, k + 1, value=0)
        if tok.kind == "word" and tok.norm.startswith("و") and tok.norm[1:] in self.lex.zero_words:
            return None
        words = self.words(k) if tok.kind == "word" else None
        return words or (self.dual(k) if tok.kind == "word" else None)

    def join(self, raw: Raw, second: Raw, kind: str, separator: str) -> None:
        low, high = raw.value, second.value
        if (kind == "range" or separator in DASHES) and second.multiplied and not raw.multiplied and low is not None and high is not None:
            factor = self.lex.multipliers.get(self.tokens[second.j - 1].norm, 1)
            if times(low, factor) <= high:
                low = times(low, factor)  # "18–20 ألفاً" = 18000–20000
        raw.kind = kind
        raw.low, raw.high, raw.value, raw.j, raw.separator = low, high, None, second.j, separator
        if kind == "ratio" and low is not None and high:
            raw.low, raw.high, raw.value = None, None, round(low / high, 4)  # "9 من كل 10" = 0.9
        raw.multiplied = raw.multiplied or second.multiplied
