"""Stage 7: key figures: every count in the body, with its sentence, source and pair.

Numbers are read from the Arabic (the authoritative text) in Western or
Arabic-Indic digits, with thousands separators, multipliers ("12 ألف"), ranges
("2000-4000", "2000 إلى 4000") and qualifiers ("أكثر من"). Dates, times,
years, URLs and ids are not figures. What a number counts is judged from the
words around it with the rules in figure_rules.yml.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from .arabic import ascii_digits, normalize
from .models import Figure, Pair
from .noise import MONTHS

_NUM = r"\d{1,3}(?:[,٬]\d{3})+|\d+"
_FIGURE = re.compile(
    rf"(?<![A-Za-z0-9/=.:_#?-])({_NUM})(?:\s*(?:-|–|إلى|الى|و|حتى)\s*({_NUM}))?(?![0-9]|[A-Za-z]|[.:/]\d)")
_MONTH_AFTER = re.compile(r"^\s*(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\b",
                          re.IGNORECASE)
_BETWEEN = re.compile(r"بين\s*$")


@cache
def rules() -> dict:
    return yaml.safe_load((Path(__file__).parent / "figure_rules.yml").read_text(encoding="utf-8"))


def _int(text: str) -> int:
    return int(re.sub(r"[,٬]", "", text))


def _words_after(text: str, end: int, n: int) -> list[str]:
    return normalize(text[end:]).split()[:n]


def _words_before(text: str, start: int, n: int) -> list[str]:
    return normalize(text[:start]).split()[-n:]


def _forms(word: str) -> set[str]:
    """The word with and without the proclitics و ف ب ل ك and the article ال."""
    forms = {word}
    if len(word) > 3 and word[0] in "وفبلك":
        forms.add(word[1:])
    forms |= {f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 4}
    return forms


def _word_matches(word: str, stem: str) -> bool:
    return any(f == stem or (len(stem) >= 3 and f.startswith(stem)) for f in _forms(word))


def _phrase_at(window: list[str], index: int, phrase: list[str]) -> bool:
    part = window[index:index + len(phrase)] if index >= 0 else []
    return len(part) == len(phrase) and all(_word_matches(w, t) for w, t in zip(part, phrase, strict=True))


def _nearest_category(window: list[str], nearest_first: list[int]) -> str | None:
    """The category of the word closest to the number; a phrase may start or end at that word."""
    for index in nearest_first:
        for name, stems in rules()["categories"].items():
            for stem in stems:
                phrase = normalize(stem).split()
                if _phrase_at(window, index, phrase) or _phrase_at(window, index - len(phrase) + 1, phrase):
                    return name
    return None


def category_of(sentence: str, start: int, end: int) -> str:
    """What the number counts: the nearest counting word just before it ("قتل 16", "أعادت القبض على
    104"), else the nearest after it ("123 قتيلا"), else one further back."""
    near_before = _words_before(sentence, start, 3)
    after = _words_after(sentence, end, 4)
    far_before = _words_before(sentence, start, 6)
    for window, order in ((near_before, list(range(len(near_before) - 1, -1, -1))),
                          (after, list(range(len(after)))),
                          (far_before, list(range(len(far_before) - 1, -1, -1)))):
        if window and (found := _nearest_category(window, order)):
            return found
    return "other"


def _qualifier(sentence: str, start: int, end: int) -> str:
    before = " " + " ".join(_words_before(sentence, start, 4))
    after = " ".join(_words_after(sentence, end, 5))
    for name, phrases in rules()["qualifiers"]["before"].items():
        if any(before.endswith(" " + normalize(p)) for p in phrases):
            return name
    for name, phrases in rules()["qualifiers"]["after"].items():
        if any(normalize(p) in after for p in phrases):
            return name
    return ""


def _is_date_or_year(sentence: str, match: re.Match[str], value: int) -> bool:
    if _MONTH_AFTER.match(sentence[match.end():]):
        return True  # "20 كانون الثاني"
    if match.group(2) is None and 1900 <= value <= 2100:
        before = _words_before(sentence, match.start(), 2)
        after = _words_after(sentence, match.end(), 1)
        years = [normalize(w) for w in rules()["year_words"]]
        months = {normalize(m) for m in MONTHS}
        return (any(w in years or w in months for w in before) or " ".join(before) in months
                or not after or after[0] in ("م", "ه"))
    return False


def figures_in(sentence: str, source_id: str, pair_id: str, english: str) -> list[Figure]:
    """Every count in one Arabic sentence."""
    plain = ascii_digits(sentence)  # same length: spans stay valid in the original
    found = []
    for match in _FIGURE.finditer(plain):
        low = _int(match.group(1))
        high = _int(match.group(2)) if match.group(2) else None
        if match.group(2) and " و" in match.group(0) and not _BETWEEN.search(plain[:match.start()]):
            high = None  # "5 و6" outside "بين … و …" is a list, not a range; keep the first number
        end = match.end() if high is not None else match.start(1) + len(match.group(1))
        if _is_date_or_year(plain, match, low):
            continue
        multiplier = 1
        following = _words_after(plain, end, 1)
        if following and following[0] in rules()["multipliers"]:
            multiplier = rules()["multipliers"][following[0]]
        unit = " ".join(plain[end:].split()[1 if multiplier > 1 else 0:][:2])
        found.append(Figure(
            value=None if high is not None else low * multiplier,
            low=low * multiplier if high is not None else None,
            high=high * multiplier if high is not None else None,
            qualifier=_qualifier(plain, match.start(), end),
            unit=unit.strip("،,.\"“”«»()"),
            category=category_of(plain, match.start(), end),
            source_id=source_id, pair_id=pair_id, ar=sentence, en=english,
            match=sentence[match.start():end]))
    return found


def extract(source_id: str, pairs: tuple[Pair, ...]) -> list[Figure]:
    """Figures from a source's body paragraphs (headings and captions are not counted)."""
    out = []
    for pair in pairs:
        if pair.kind != "body":
            continue
        for sentence in pair.sentences:
            out.extend(figures_in(sentence.ar, source_id, pair.id, sentence.en))
    return out
