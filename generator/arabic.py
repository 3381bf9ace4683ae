"""Arabic text helpers shared by the stages: normalisation, digits, script tests."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import pyarabic.araby as araby

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
# pyarabic's sets of harakat/tanwin/shadda/sukun (plus dagger alif) and tatweel, as one regex: the same
# characters pyarabic.strip_tashkeel/strip_tatweel remove, at regex speed (this runs for every key).
_TASHKEEL = re.compile("[" + "".join(araby.TASHKEEL) + "\u0670" + araby.TATWEEL + "]")
_SPACES = re.compile(r"\s+")


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits; everything else unchanged."""
    return text.translate(_DIGITS)


def normalize(text: str) -> str:
    """A comparison form: no diacritics or tatweel, one alef/yaa/taa form, no punctuation, ASCII digits."""
    text = unicodedata.normalize("NFKC", text)
    text = _TASHKEEL.sub("", text)
    text = araby.normalize_alef(text.replace("ى", "ي")).replace("ة", "ه")
    text = text.replace("ؤ", "و").replace("ئ", "ي")
    text = ascii_digits(text)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=65536)
def text_key(text: str) -> str:
    """A stable short hash of the normalised text: the translation memory key."""
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:16]


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic (0.0 when there are no letters)."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def words(text: str) -> list[str]:
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return [w for w in text.split() if any(ch.isalnum() for ch in w)]
