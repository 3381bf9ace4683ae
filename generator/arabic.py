"""Arabic text helpers shared by the stages: normalisation, digits, script tests."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import pyarabic.araby as araby

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
_ARABIC_RUN = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+")  # letters counted by the run: one
_LATIN_RUN = re.compile(r"[A-Za-z]+")  # match per word, not per letter (a seventh of the time on a long text)
# Normalisation in one pass of str.translate: pyarabic's harakat/tanwin/shadda/sukun (plus dagger alif) and
# tatweel removed (what strip_tashkeel/strip_tatweel remove), its alef forms (normalize_alef) as bare alef,
# alef maqsura and yaa with hamza as yaa, taa marbuta as haa, waw with hamza as waw, Arabic-Indic and
# Persian digits as ASCII. No mapping's result is mapped again, so one pass equals the steps one after another.
_DIACRITICS = {ord(ch): None for ch in "".join(araby.TASHKEEL) + "\u0670"}  # (and the dagger alif)
_NORMAL = {**_DIACRITICS, ord(araby.TATWEEL): None}
_NORMAL.update({ord(ch): "ا" for ch in "آأإٱ"})
_NORMAL.update({ord("ى"): "ي", ord("ئ"): "ي", ord("ة"): "ه", ord("ؤ"): "و"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NORMAL.update(_DIGITS)
# The same table as a list indexed by code point, up to the end of the Arabic block (every character _NORMAL maps):
# str.translate looks each character up, and in a dict a character it lacks (most of them) costs a raised and
# cleared KeyError; in the list it is there, as itself. What lies beyond (a curly quote, a dash: rare) is an
# IndexError, kept as it is, as before. A line translates 2.2 times faster.
_NORMAL_TABLE = [_NORMAL.get(code, chr(code)) for code in range(max(_NORMAL) + 1)]  # (every mapping, however
#                                                                   far a later one reaches)
_WORD_RUN = re.compile(r"[^\W_]+")  # what is left between punctuation, underscores and spaces


_OTHER_DIGIT = re.compile("[٠-٩۰-۹]")
RELATIVE_PRONOUNS = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")  # (as written and normalised)


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits; everything else unchanged. (Most text has none, and
    a search is many times faster than translating a non-ASCII string.)"""
    return text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text


def without_diacritics(text: str) -> str:
    """The text without harakat, tanwin, shadda, sukun and the dagger alif (what normalize drops of them), all
    else as written: "سنويًا" and "سنوياً" both "سنويا"."""
    return text.translate(_DIACRITICS)


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """A comparison form: no diacritics or tatweel, one alef/yaa/taa form, no punctuation, ASCII digits."""
    return " ".join(_WORD_RUN.findall(unicodedata.normalize("NFKC", text).translate(_NORMAL_TABLE))).lower()


_KEYS: dict[str, str] = {}  # text → text_key: a cache the build also fills with keys worker processes made
_KEYS_KEPT = 1 << 17  # (a pile of 10,000 reports has about 40,000 sentences)


def text_key(text: str) -> str:
    """A stable short hash of the normalised text: the translation memory key."""
    key = _KEYS.get(text)
    if key is None:
        key = hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:16]
        if len(_KEYS) >= _KEYS_KEPT:
            _KEYS.clear()  # (a process that lives on under serve: start again rather than grow)
        _KEYS[text] = key
    return key


def known_keys(pairs: Iterable[tuple[str, str]]) -> None:
    """Remember text_key() of texts whose keys were made elsewhere (by the workers that prepared them), so
    that this process does not hash them again."""
    for text, key in pairs:
        if len(_KEYS) >= _KEYS_KEPT:
            return
        _KEYS.setdefault(text, key)


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic (0.0 when there are no letters)."""
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    return arabic / (arabic + latin) if arabic + latin else 0.0


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts: \w without the underscore


def words(text: str) -> list[str]:
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return [w for w in text.split() if w.isalpha() or _ALNUM.search(w)]  # (isalpha: most words, at C speed)


@lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    """len(words(text)). Cached: cleaning asks it of each line of a scrape four times on average (is it a
    sentence, prose, a heading, a list item …)."""
    return len(words(text))


_PROCLITICS = "وفبلك"


@lru_cache(maxsize=262144)
def clitic_forms(word: str, min_stem: int = 2) -> frozenset[str]:
    """A normalised word with and without its proclitics: up to two of و ف ب ل ك, then the article ال
    ("وبالحسكة" → وبالحسكه, بالحسكه, الحسكه, حسكه). Stems shorter than min_stem letters are not offered."""
    forms = {word}
    if len(word) >= 2 and len(word) - 1 >= min_stem and word[0] in _PROCLITICS:  # (one, then a second: without a loop and a
        forms.add(word[1:])  #                                    generator per word, a pile's vocabulary passes here)
        if len(word) - 2 >= min_stem and word[1] in _PROCLITICS:
            forms.add(word[2:])
    for form in list(forms):
        if form.startswith("ال") and len(form) - 2 >= min_stem:
            forms.add(form[2:])
        if form.startswith("لل") and len(form) - 2 >= min_stem:  # لل = ل + ال
            forms.add(form[2:])
    return frozenset(forms)


_STEM_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def stem(word: str) -> str:
    """A normalised word without its first proclitic group ("والحسكه" → حسكه, "وقال" → قال), keeping at
    least three letters: conservative, so that different words stay different."""
    for prefix in _STEM_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


STOP_WORDS = frozenset(normalize(
    "في من على إلى الى عن أن إن ان كان كانت التي الذي الذين هذا هذه ذلك تلك مع ما لا لم لن قد ثم أو او بعد قبل "
    "حيث كما أيضا أيضاً وقال قال وأضاف أضاف وأكد أكد وأوضح أوضح وتابع وبين بين عند حتى منذ خلال هو هي هم").split())


# Honorifics of rulers and officials: the formula around a name ("خادم الحرمين الشريفين", "صاحب السمو الملكي
# الأمير", "معالي الوزير", "فخامة الرئيس", "جلالة الملك") says who, not what; word for word in every report about them, it made
# unrelated reports share a statement and a story (a tourism forum and a king's holiday). Not content words.
# ("سعادة" is also happiness, "حفظه" a memorising, "الملكي" the royal court, a decree or Real Madrid: left in.)
HONORIFICS = frozenset(normalize("خادم الحرمين حرمين الشريفين شريفين السمو سمو سموه معالي معاليه فخامة فخامته "
                                 "جلالة جلالته").split())
_HONORIFIC_ENDS = tuple(HONORIFICS)  # (a word is an honorific only if it ends like one: checked first, cheaply)


@lru_cache(maxsize=262144)
def term(word: str) -> str:
    """A normalised word as a content word: its stem, or "" for a stop word, an honorific or a stem under three
    letters. Cached: a pile repeats its vocabulary."""
    if word in STOP_WORDS or (word.endswith(_HONORIFIC_ENDS) and not HONORIFICS.isdisjoint(clitic_forms(word))):
        return ""
    key = stem(word)
    return key if len(key) >= 3 and key not in STOP_WORDS else ""


def content_words(text: str) -> frozenset[str]:
    """Normalised, clitic-stripped words that carry meaning (no stop words, no words under three letters):
    what two reports of one statement share."""
    return frozenset(filter(None, map(term, normalize(text).split())))  # (map and filter: no Python frame a word)
