"""Quality checks on every Arabic/English sentence pair, as a translator's QA tool runs them.

Each check returns a short flag when it finds a problem: numbers that differ,
a glossary term whose required English is missing, Arabic script left in the
English, a suspicious length ratio, repeated word sequences (a known failure of
small MT models), or empty output.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..arabic import ARABIC_LETTER, ascii_digits, clitic_forms, normalize
from ..errors import ConfigError
from ..files import DATA_LIMIT, UnsafeFile, read_text
from ..models import Flag

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_AR_MULTIPLIERS = {"الف": 1000, "الاف": 1000, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}
_EN_MULTIPLIERS = {"thousand": 1000, "thousands": 1000, "million": 10**6, "millions": 10**6, "billion": 10**9}


@dataclass(frozen=True)
class GlossaryTerm:
    arabic: str
    english: tuple[str, ...]  # any of these renderings satisfies the term


class Glossary:
    """The glossary's terms, indexed by their first normalised word: finding the terms of a sentence
    costs a few lookups per word, whatever the glossary's size."""

    def __init__(self, terms: tuple[GlossaryTerm, ...] = ()):
        self.terms = terms
        self._first: dict[str, list[tuple[list[str], int]]] = defaultdict(list)
        for number, term in enumerate(terms):
            words = normalize(term.arabic).split()
            if words:
                self._first[words[0]].append((words[1:], number))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Glossary) and self.terms == other.terms

    def __len__(self) -> int:
        return len(self.terms)

    def found(self, ar: str) -> list[GlossaryTerm]:
        """Terms in the Arabic, as words or with proclitics (و ف ب ل ك, ال): "وقسد", "لقسد"."""
        if not self.terms:
            return []
        words = normalize(ar).split()
        hits: set[int] = set()
        for i, word in enumerate(words):
            for form in clitic_forms(word, 1):
                for rest, number in self._first.get(form, ()):
                    if words[i + 1:i + 1 + len(rest)] == rest:
                        hits.add(number)
        return [self.terms[n] for n in sorted(hits)]  # in the glossary's order


def load_glossary(path: Path, roots: tuple[Path, ...] | None = None) -> Glossary:
    """content/glossary.yml: `Arabic term: English` or `Arabic term: [English, alternative]`."""
    if not (path.exists() or path.is_symlink()):
        return Glossary()
    try:
        data = yaml.load(read_text(path, roots or (path.parent.resolve(),), DATA_LIMIT), Loader=_Loader) or {}
    except UnsafeFile as exc:
        raise ConfigError(str(exc)) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of Arabic terms to English renderings")
    terms = []
    for arabic, english in data.items():
        renderings = english if isinstance(english, list) else [english]
        if not all(isinstance(e, str) and e.strip() for e in renderings) or not str(arabic).strip():
            raise ConfigError(f"{path}: {arabic!r}: give the English as text or a list of texts")
        terms.append(GlossaryTerm(str(arabic), tuple(renderings)))
    return Glossary(tuple(terms))


def _values(numbers: list[str], words: list[str], multipliers: dict[str, int]) -> list[float]:
    values = []
    for index, number in enumerate(numbers):
        plain = number.replace(",", "").replace("٬", "").replace("٫", ".")
        try:
            value = float(plain)
        except ValueError:
            continue
        following = words[index] if index < len(words) else ""
        values.append(value * multipliers.get(following, 1))
    return values


def numbers_in(text: str, arabic: bool) -> list[float]:
    """Numbers in a text, with "12 ألف" / "12 thousand" multiplied out."""
    plain = ascii_digits(text)
    numbers, after = [], []
    for match in _NUMBER.finditer(plain):
        numbers.append(match.group(0))
        rest = (normalize(plain[match.end():]) if arabic else plain[match.end():].lower()).split()
        after.append(rest[0] if rest else "")
    return _values(numbers, after, _AR_MULTIPLIERS if arabic else _EN_MULTIPLIERS)


def check_numbers(ar: str, en: str) -> Flag | None:
    source, target = sorted(numbers_in(ar, True)), sorted(numbers_in(en, False))
    missing = [v for v in source if v not in target]
    extra = [v for v in target if v not in source]
    if missing or extra:
        show = lambda vs: ", ".join(f"{v:g}" for v in vs)  # noqa: E731
        parts = ([f"missing {show(missing)}"] if missing else []) + ([f"added {show(extra)}"] if extra else [])
        return Flag("numbers", "; ".join(parts))
    return None


def check_glossary(ar: str, en: str, glossary: Glossary | tuple[GlossaryTerm, ...]) -> list[Flag]:
    if not isinstance(glossary, Glossary):
        glossary = Glossary(glossary)
    lower = en.lower()
    return [Flag("glossary", f"{term.arabic} should be rendered “{term.english[0]}”") for term in glossary.found(ar)
            if not any(e.lower() in lower for e in term.english)]


def check_untranslated(en: str) -> Flag | None:
    letters = ARABIC_LETTER.findall(en)
    return Flag("untranslated", f"{len(letters)} Arabic letters left in the English") if letters else None


def check_length(ar: str, en: str) -> Flag | None:
    """English is usually 1–2× the Arabic in characters; far outside that, something was lost or invented."""
    if len(ar) < 20 or not en:
        return None
    ratio = len(en) / len(ar)
    if ratio < 0.5 or ratio > 3.0:
        return Flag("length", f"English is {ratio:.1f}× the length of the Arabic")
    return None


def check_repetition(en: str, n: int = 3, times: int = 3) -> Flag | None:
    """The same n words repeated `times` times in a row, or one word four times running."""
    tokens = re.findall(r"\w+", en.lower())
    for i in range(len(tokens) - 3):
        if len(set(tokens[i:i + 4])) == 1:
            return Flag("repetition", f"“{tokens[i]}” four times running")
    for i in range(len(tokens) - n * times + 1):
        gram = tokens[i:i + n]
        if all(tokens[i + k * n:i + (k + 1) * n] == gram for k in range(1, times)):
            return Flag("repetition", f"“{' '.join(gram)}” {times} times running")
    return None


def check_pair(ar: str, en: str, status: str, glossary: Glossary | tuple[GlossaryTerm, ...] = ()) -> tuple[Flag, ...]:
    """Every check on one sentence pair; pending translations are not checked."""
    if status == "pending":
        return ()
    if not en.strip():
        return (Flag("empty", "no English for this sentence"),)
    flags = [check_numbers(ar, en), check_untranslated(en), check_length(ar, en), check_repetition(en)]
    return tuple(f for f in flags if f) + tuple(check_glossary(ar, en, glossary))
