"""Stage 7: key figures: every count in the Arabic body text, what it counts, and who says so.

Numbers are read from the Arabic (the authoritative text): Western, Arabic-Indic and
Persian digits with thousands separators; number words in any gender or case
(pyarabic); nominative duals ("انتحاريان" = 2); multipliers ("12 ألف");
ranges ("2000-4000", "بين 2000 و4000", "من … إلى …"); qualifiers ("أكثر من");
and vague quantities ("عشرات"), kept as words. Dates, times, years, durations,
URLs, ids and phone numbers are not figures. What is counted, who was counted
and who claims it are judged from the surrounding words with figure_rules.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pyarabic.number as arnumber
import yaml

from ..arabic import ascii_digits, normalize
from ..dates import MONTHS, WEEKDAYS
from ..models import Pair


@dataclass(frozen=True)
class Figure:
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    unit: str
    category: str
    source_id: str
    pair_id: str
    ar: str
    en: str
    match: str
    vague: str = ""
    group: str = ""
    claimant: str = ""
    stated_day: str = ""

_NUM = r"\d{1,3}(?:[,٬]\d{3})+|\d+"
_FIGURE = re.compile(
    rf"(?<![A-Za-z0-9/=.:_#?+-])({_NUM})(?:\s*(?:-|–|إلى|الى|و|حتى)\s*({_NUM}))?(?![0-9]|[A-Za-z]|[.:/]\d)")
_MONTH_AFTER = re.compile(r"^\s*(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\b",
                          re.IGNORECASE)
_BETWEEN = re.compile(r"(?:بين|من)\s*$")
_WORD = re.compile(r"\S+")
_SUBSET = ("بما في ذلك", "بينهم", "منهم", "من بينهم", "بما فيهم", "بينها")
_STRIP = "\"'“”«»()[]{}،,.؛;:!؟?…-–"
_DAY = re.compile(r"(?:يوم|ليل|ليلة|مساء|صباح|فجر|ظهر|اليوم|أمس|امس)\s*(?:أمس|امس|اليوم)?\s*(?:ال)?(?:"
                  + "|".join(w[2:] for w in WEEKDAYS if w.startswith("ال")) + r")")


@cache
def rules() -> dict:
    return yaml.safe_load((Path(__file__).parent / "figure_rules.yml").read_text(encoding="utf-8"))


@cache
def _phrases(section: str) -> list[tuple[list[str], str]]:
    """(normalised words, name) for every phrase of a section, longest first."""
    table = rules()[section]
    items = [(normalize(p).split(), name) for name, spec in table.items()
             for p in (spec["phrases"] if isinstance(spec, dict) else spec)]
    return sorted(items, key=lambda item: (len(item[0]), len("".join(item[0]))), reverse=True)


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


def _nearest(window: list[str], order: list[int], section: str, skip: tuple[str, ...] = ()) -> str | None:
    """The name of the phrase nearest the number (a phrase may start or end at the word)."""
    for index in order:
        for phrase, name in _phrases(section):
            if name in skip:
                continue
            if _phrase_at(window, index, phrase) or _phrase_at(window, index - len(phrase) + 1, phrase):
                return name
    return None


def _after(text: str, end: int, n: int) -> list[str]:
    return normalize(text[end:]).split()[:n]


def _before(text: str, start: int, n: int) -> list[str]:
    return normalize(text[:start]).split()[-n:]


def category_of(sentence: str, start: int, end: int, itself: str = "") -> str:
    """What the number counts: an event (killed, escaped …) named just before it, after it, or further
    back, in that order; "detained" (a state, and a word also used for the people counted) only when
    no event is named; the last resort is a verb further on in the sentence ("77 … و39 … قتلوا")."""
    near, after, far = _before(sentence, start, 3), _after(sentence, end, 7), _before(sentence, start, 6)
    windows = [(normalize(itself).split(), [0])] if itself else []
    windows += [(near, range(len(near) - 1, -1, -1)), (after, range(len(after))), (far, range(len(far) - 1, -1, -1))]
    for skip in (("detained",), ()):
        for window, order in windows:
            if window and (found := _nearest(window, list(order), "categories", skip)):
                return found
    rest = _after(sentence, end, 30)
    return _nearest(rest, list(range(len(rest))), "categories") or "other"


def group_of(sentence: str, start: int, end: int, itself: str = "") -> str:
    """Who was counted: the nearest group phrase after the number, up to the next number; "" when none.

    Words before the number are not used (they are usually who did it: "اعتقلت القوات 14"), nor
    words with the dative "لل" ("سلم 40 مسلحاً أنفسهم للقوات": to whom)."""
    if itself and (found := _nearest(normalize(itself).split(), [0], "groups")):
        return found  # a dual noun names its group: "انتحاريان"
    after = []
    for word in _after(sentence, end, 7):
        if word.isdigit():
            break
        after.append("" if word.startswith("لل") else word)
    return (_nearest(after, list(range(len(after))), "groups") or "") if after else ""


def claimant_of(sentence: str) -> str:
    """Who says so: the actor named right after a reporting word ("قال المرصد", "بحسب المرصد"); else ""."""
    words = normalize(sentence).split()
    markers = [normalize(w).split() for w in rules()["reporting_words"]]
    for i in range(len(words)):
        if any(_phrase_at(words, i, m) for m in markers):
            # "قال المرصد" / "بحسب المرصد", else "قوات سوريا الديمقراطية قد قالت"
            for j in [*range(i + 1, min(i + 7, len(words))), *range(i - 1, max(i - 4, -1), -1)]:
                if found := _nearest(words, [j], "actors"):
                    return found
    return ""


def _qualifier(sentence: str, start: int, end: int) -> str:
    before = " " + " ".join(_before(sentence, start, 4))
    after = " ".join(_after(sentence, end, 5))
    for name, phrases in rules()["qualifiers"]["before"].items():
        if any(before.endswith(" " + normalize(p)) for p in phrases):
            return name
    for name, phrases in rules()["qualifiers"]["after"].items():
        if any(normalize(p) in after for p in phrases):
            return name
    return ""


def _not_a_count(sentence: str, start: int, end: int, value: int, is_range: bool) -> bool:
    """Dates, years, durations and phone numbers."""
    if _MONTH_AFTER.match(sentence[end:]):
        return True  # "20 كانون الثاني"
    following = _after(sentence, end, 2)
    units = {normalize(u) for u in rules()["time_units"]}
    if following and (following[0] in units or any(f in units for f in _forms(following[0]))):
        return True  # "أربعة أيام": a duration
    before = _before(sentence, start, 2)
    if not is_range and 1900 <= value <= 2100:
        years = {normalize(w) for w in rules()["year_words"]} | {normalize(m) for m in MONTHS}
        return any(w in years for w in before) or " ".join(before) in years or not following
    return False


def _candidates(sentence: str) -> list[tuple[int, int, int | None, int | None, str]]:
    """(start, end, low, high, vague) for every number, number word, dual and vague quantity."""
    plain = ascii_digits(sentence)  # same length: spans stay valid in the original
    found: list[tuple[int, int, int | None, int | None, str]] = []
    for match in _FIGURE.finditer(plain):
        low = int(re.sub(r"[,٬]", "", match.group(1)))
        high = int(re.sub(r"[,٬]", "", match.group(2))) if match.group(2) else None
        if high is not None and (" و" in match.group(0) or match.group(0).split()[1:2] == ["و"]) \
                and not _BETWEEN.search(plain[:match.start()]):
            high = None  # "5 و6" outside "بين … و …" is a list, not a range
        end = match.end() if high is not None else match.start(1) + len(match.group(1))
        digits = match.group(1).replace(",", "")
        if len(digits) >= 8 or (digits.startswith("0") and len(digits) >= 6):
            continue  # a phone number or an id
        found.append((match.start(1), end, low, high, ""))
    words = [(m.start(), m.end(), m.group(0).strip(_STRIP)) for m in _WORD.finditer(sentence)]
    tokens = [w for _, _, w in words]
    vague_words = {w for k in rules()["vague"] for w in normalize(k).split()}
    for first, last in arnumber.detect_number_phrases_position(tokens):
        phrase = " ".join(tokens[first:last + 1])
        if all(_forms(normalize(t)) & vague_words for t in tokens[first:last + 1]):
            continue  # "آلاف": vague, handled below
        value = arnumber.text2number(phrase)
        if value >= 2 and not any(s <= words[first][0] < e for s, e, *_ in found):
            found.append((words[first][0], words[last][1], value, None, ""))
    vague = sorted(((normalize(k).split(), v) for k, v in rules()["vague"].items()), key=lambda kv: -len(kv[0]))
    normal = [normalize(t) for t in tokens]
    i = 0
    while i < len(normal):
        hit = next(((p, label) for p, label in vague
                    if i + len(p) <= len(normal) and all(w in _forms(normal[i + k]) for k, w in enumerate(p))
                    and not (i > 0 and normal[i - 1].isdigit())), None)
        if hit:
            found.append((words[i][0], words[i + len(hit[0]) - 1][1], None, None, hit[1]))
            i += len(hit[0])
            continue
        stem = normal[i][:-2] if normal[i].endswith("ان") else ""
        if stem and _forms(stem) & {normalize(d) for d in rules()["dual_stems"]}:
            found.append((words[i][0], words[i][1], 2, None, ""))
        i += 1
    return sorted(found, key=lambda item: (item[0], item[1]))


def figures_in(sentence: str, source_id: str, pair_id: str, english: str) -> list[Figure]:
    """Every count in one Arabic sentence, with what it counts, who was counted and who says so."""
    plain = ascii_digits(sentence)
    claimant = claimant_of(sentence)
    day = _DAY.search(sentence)
    out: list[Figure] = []
    for start, end, low, high, vague in _candidates(sentence):
        if low is not None and _not_a_count(plain, start, end, low, high is not None):
            continue
        multiplier = 1
        following = _after(plain, end, 1)
        if low is not None and following and following[0] in rules()["multipliers"]:
            multiplier = rules()["multipliers"][following[0]]
        itself = sentence[start:end] if low == 2 and not sentence[start:end].strip().isdigit() else ""
        if out and _after(plain, end, 1)[:1] in (["اخرين"], ["اخري"], ["اخر"]):
            group = out[-1].group  # "واعتقال 89 آخرين": the others are of the group before
        else:
            group = group_of(plain, start, end, itself)
        unit = " ".join(plain[end:].split()[1 if multiplier > 1 else 0:][:2]).strip(_STRIP)
        category = category_of(plain, start, end, itself)
        subset = out and " ".join(_before(plain, start, 3)).endswith(_SUBSET)
        if subset and category == "other":
            category = out[-1].category  # "… 12000 رجل، بما في ذلك 2000 إلى 4000 أجنبي": part of the figure before
        out.append(Figure(
            value=low * multiplier if low is not None and high is None else None,
            low=low * multiplier if high is not None else None,
            high=high * multiplier if high is not None else None,
            qualifier=_qualifier(plain, start, end), unit=unit, category=category,
            source_id=source_id, pair_id=pair_id, ar=sentence, en=english, match=sentence[start:end],
            vague=vague, group=group, claimant=claimant, stated_day=day.group(0) if day else ""))
    return out


def extract(source_id: str, pairs: tuple[Pair, ...]) -> list[Figure]:
    """Figures from a source's body paragraphs (headings and captions are not counted). A sentence that
    names no one carries the attribution of the sentence before it in the same paragraph."""
    out = []
    for pair in pairs:
        if pair.kind != "body":
            continue
        claimant = ""
        for sentence in pair.sentences:
            found = figures_in(sentence.ar, source_id, pair.id, sentence.en)
            claimant = claimant_of(sentence.ar) or claimant
            out.extend(replace(f, claimant=f.claimant or claimant) for f in found)
    return out
